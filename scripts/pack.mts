/**
 * `npm run pack`: one archive of the built book that a school can put on any static web server, or read offline
 * on one computer. It builds the site (FM_BASE=/sub/path/ for a server that holds it below its root; default /),
 * adds a README and a dependency-free `serve.mjs` (Node 18+, 127.0.0.1 only), and writes
 * `feature-maps-site.tar.gz` (a folder `feature-maps/`; `tar -xzf` on Linux, macOS and Windows 10+).
 *   npm run pack                      build for / and pack
 *   npm run pack -- --dir dist-book   pack an existing build (the base it was built with is read from it)
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { siteBase, offlineReadme } from '../src/lib/offline/pack-readme.ts';

const args = process.argv.slice(2);
const dirArg = args.indexOf('--dir');
const outArg = args.indexOf('--out');
let dir = dirArg >= 0 ? resolve(args[dirArg + 1]!) : null;
const out = resolve(outArg >= 0 ? args[outArg + 1]! : 'feature-maps-site.tar.gz');

if (!dir) {
  dir = resolve('dist');
  execFileSync('npx', ['astro', 'build'], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
}
if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir} holds no built site (index.html missing)`);
const base = siteBase(readFileSync(join(dir, 'index.html'), 'utf8'));

const stage = mkdtempSync(join(tmpdir(), 'fm-pack-'));
const root = join(stage, 'feature-maps');
// The site sits at <root><base>, so serve.mjs (and any server pointed at root) answers under the same path.
cpSync(dir, join(root, base), { recursive: true });
const server = await esbuild.build({ entryPoints: ['scripts/serve.mts'], bundle: true, platform: 'node', format: 'esm', write: false, target: 'node18' });
writeFileSync(join(root, 'serve.mjs'), server.outputFiles[0]!.text);
writeFileSync(join(root, 'README.txt'), offlineReadme(base));
execFileSync('tar', ['-czf', out, '-C', stage, 'feature-maps']);
rmSync(stage, { recursive: true, force: true });
console.log(`Wrote ${out} (${(statSync(out).size / 2 ** 20).toFixed(1)} MB; site base ${base}).`);
