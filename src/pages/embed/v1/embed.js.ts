/**
 * /embed/v1/embed.js: the host helper (src/lib/embed/host.ts), bundled at build time into one small script with
 * no dependencies and no imports, so a host page can load it with a plain `<script src defer>` from any origin.
 */
import { join } from 'node:path';
import { build } from 'esbuild';

export async function GET(): Promise<Response> {
  const out = await build({
    entryPoints: [join(process.cwd(), 'src/lib/embed/host.ts')],
    bundle: true, write: false, format: 'iife', minify: true, target: 'es2020', legalComments: 'none',
  });
  const code = out.outputFiles[0]!.text;
  return new Response(`/* Feature Maps embed helper, contract v1: /embed/ (see the book's Embedding page) */\n${code}`, {
    headers: { 'content-type': 'text/javascript; charset=utf-8' },
  });
}
