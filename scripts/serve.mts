/**
 * A tiny static server for the built book, bound to 127.0.0.1 only (a secure context, so WebGPU works in tests).
 * Usage: node scripts/serve.mts [dir=dist] [port=4321] [base=/]
 * With a base (a site built with FM_BASE=/book/), the site is served under that path only, as a school's server
 * would; anything outside it is a plain 404, so a link that forgets the base fails.
 *
 * Every file is also served under /csp/… with a strict Content-Security-Policy, the one a careful host would send:
 * `default-src 'self'; script-src 'self'`, plus the SHA-256 of each inline script the page holds (Starlight's
 * five small is:inline scripts on book pages; embed pages have none, so theirs is exactly that policy).
 * tests/e2e/csp.spec.ts loads pages there. Subresources keep their own paths: a policy is enforced by the
 * document that carries it.
 *
 * With FM_GZIP=1, text files go out gzip-compressed to clients that accept it, as real static hosts send them
 * (`npm run bench:page` measures pages that way); tests leave it off, so the two test workers spend no CPU on it.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4321);
const base = (process.argv[4] ?? '/').replace(/\/?$/, '/');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8',
  '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pagefind': 'application/octet-stream', '.xml': 'application/xml',
};

/** The strict policy for a page; `html` (an HTML page's text) adds the hashes of its inline scripts. */
function strictPolicy(html?: string): string {
  const inline = [...(html ?? '').matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)];
  const hashes = [...new Set(inline.map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`))];
  return ["default-src 'self'", ['script-src', "'self'", ...hashes].join(' ')].join('; ');
}

function fileFor(urlPath: string): string | null {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
  let path = join(root, clean);
  if (!path.startsWith(root)) return null;
  try {
    if (statSync(path).isDirectory()) path = join(path, 'index.html');
    statSync(path);
    return path;
  } catch {
    return null;
  }
}

const GZIP = process.env.FM_GZIP === '1';
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.md', '.xml', '.wasm', '.bin']);
const gzipped = new Map<string, Buffer>();
/** A file's gzip body, kept while the file is unchanged (a rebuild under a running server is served fresh). */
function gzipOf(path: string): Buffer {
  const { mtimeMs, size } = statSync(path);
  const key = `${path}\0${mtimeMs}\0${size}`;
  let body = gzipped.get(key);
  if (!body) gzipped.set(key, (body = gzipSync(readFileSync(path), { level: 6 })));
  return body;
}

const server = createServer((req, res) => {
  if (!(req.url ?? '/').startsWith(base)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`Not found: this server holds the site under ${base}`);
    return;
  }
  req.url = `/${(req.url ?? '/').slice(base.length)}`;
  const strict = /^\/csp(\/|$)/.test(req.url ?? '');
  const path = fileFor(strict ? (req.url ?? '/').slice(4) || '/' : req.url ?? '/');
  // A missing page of the Chinese edition gets the Chinese "not found" page (a static host serves /404.html alone).
  const missing = strict ? (req.url ?? '/').slice(4) : req.url ?? '/';
  const notFound = path ? null : (missing.startsWith('/zh-cn/') && fileFor('/zh-cn/404/index.html')) || fileFor('/404.html');
  const page = path ?? notFound;
  const html = strict && page?.endsWith('.html') ? readFileSync(page, 'utf8') : undefined;
  const csp: Record<string, string> = strict ? { 'content-security-policy': strictPolicy(html) } : {};
  if (!path) {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', ...csp });
    if (notFound) createReadStream(notFound).pipe(res);
    else res.end('Not found');
    return;
  }
  // Any origin may load the book's files: embed.js, the script-tag widgets and their assets are used by other
  // sites — the header a self-hoster must send too (README, Embedding page).
  const head = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache', 'access-control-allow-origin': '*', ...csp };
  if (GZIP && COMPRESSIBLE.has(extname(path)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    const body = gzipOf(path);
    res.writeHead(200, { ...head, 'content-encoding': 'gzip', 'content-length': body.length, vary: 'accept-encoding' });
    res.end(body);
    return;
  }
  res.writeHead(200, head);
  createReadStream(path).pipe(res);
});
// Port 0 picks a free port; the line printed names the real one (tests that start their own server read it).
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(`Serving ${root} at http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}${base}`);
});
