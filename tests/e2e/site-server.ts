/**
 * Starts scripts/serve.mts on a free 127.0.0.1 port for specs that need a second site (a sub-path build) and
 * stops it after. The server prints the real port; a failure to start fails the spec with its output.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface SiteServer { url: string; close(): Promise<void> }

/** `server`: the server script (the packed archive's own serve.mjs, say); `cwd`: where it runs. */
export async function startSite(dir: string, base = '/', server = 'scripts/serve.mts', cwd?: string): Promise<SiteServer> {
  const child: ChildProcess = spawn(process.execPath, [server, dir, '0', base], { stdio: ['ignore', 'pipe', 'pipe'], cwd });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.mts did not start: ${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve.mts exited (${code}): ${output}`)));
  });
  return {
    url,
    close: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill();
    }),
  };
}
