/**
 * Runs a snippet of content/code/ exactly as a reader would: `node <file>.ts [args]` in a child process (Node
 * 22.18+ strips the types itself), with '@tensorflow/tfjs' from the repository. In Node, tfjs has no WebGL, so
 * the snippet runs on the cpu backend. Resolves with what it printed to stdout; rejects with its stderr.
 */
import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function snippetPath(name: string, ext: '.ts' | '.out.txt' = '.ts'): string {
  return join(ROOT, 'content', 'code', `${name}${ext}`);
}

export function runSnippet(name: string, args: string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [snippetPath(name), ...args], { cwd: ROOT, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`node content/code/${name}.ts failed (Node ${process.version}; 22.18+ runs .ts files):\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** Lines of the output, with the line that starts with `prefix` first among them. */
export function lineStarting(output: string, prefix: string): string {
  const line = output.split('\n').find((l) => l.startsWith(prefix));
  if (line === undefined) throw new Error(`no line starting with "${prefix}" in:\n${output}`);
  return line;
}

/** The numbers in a line of text, in order (decimals, exponents, NaN and signs included). */
export function numbersIn(line: string): number[] {
  return [...line.matchAll(/NaN|[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g)].map((m) => Number(m[0]));
}

/** A static server for public/ on 127.0.0.1 (a free port), as the book serves it: /data/…, /models/…. */
export async function servePublic(): Promise<{ url: string; close: () => Promise<void> }> {
  const dir = join(ROOT, 'public');
  const server: Server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(dir, path);
    const ok = file.startsWith(dir) && (await stat(file).then((s) => s.isFile(), () => false));
    if (!ok) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': extname(file) === '.json' ? 'application/json' : 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
