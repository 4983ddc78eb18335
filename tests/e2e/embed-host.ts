/**
 * A host page on another origin for the embedding tests: a tiny server on a second 127.0.0.1 port (another port is
 * another origin), serving generated HTML with iframes of the book's /embed/v1/ pages, the book's embed.js, a host
 * script, and any raw markup (a script-tag widget), optionally under a strict Content-Security-Policy that lists
 * only the two origins. It records every request it receives, so a test can prove nothing was fetched from it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { embedPath, embedScriptPath } from '../../src/lib/embed/paths.ts';

export interface HostFrame {
  slug: string;
  title: string;
  /** Widget attributes for the frame's query. */
  query?: Record<string, string>;
  /** `?embedId=`: how the frame names itself in its messages (else the iframe's `name`). */
  embedId?: string;
  name?: string;
  width?: number;
  height?: number;
}
export interface HostPage {
  frames: HostFrame[];
  /** Scripts, in order, each `{ src, module? }` (`embedScript(book)` is the helper); a src starting with `/` is the host's. */
  scripts?: { src: string; module?: boolean }[];
  /** Raw markup after the frames (e.g. `<fm-conv-playground …>` for a script-tag widget). Test-authored only. */
  markup?: string;
  /** Send `strictCsp` with the page. */
  csp?: boolean;
}
export interface Host { origin: string; requests: string[]; close(): Promise<void> }
export interface Route { body: string; type: string; csp?: string }

/** The frame's URL on the book: /embed/v1/<slug>/?attrs…&embedId=… */
export function frameSrc(book: string, f: HostFrame): string {
  const q = new URLSearchParams({ ...f.query, ...(f.embedId ? { embedId: f.embedId } : {}) }).toString();
  return `${book}${embedPath(f.slug)}${q ? `?${q}` : ''}`;
}

/** `script-src` lists only the two origins, frames only from the book; nothing inline anywhere. */
export function strictCsp(book: string, host: string): string {
  return [`default-src 'none'`, `script-src ${host} ${book}`, `frame-src ${book}`, `connect-src ${book}`, `img-src ${book} data: blob:`, `style-src ${book}`].join('; ');
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The book's embed.js, as a host page loads it. */
export function embedScript(book: string): { src: string } {
  return { src: `${book}${embedScriptPath()}` };
}

/** The host page's HTML: its scripts in the order given, then the frames side by side and the markup. */
export function hostHtml(book: string, page: HostPage): string {
  const frames = page.frames.map((f) =>
    `<iframe title="${esc(f.title)}" src="${esc(frameSrc(book, f))}" width="${f.width ?? 420}" height="${f.height ?? 300}"${f.name ? ` name="${esc(f.name)}"` : ''}></iframe>`);
  const scripts = (page.scripts ?? [])
    .map((s) => (s.module ? `<script type="module" src="${esc(s.src)}"></script>` : `<script src="${esc(s.src)}" defer></script>`));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A course page</title>${scripts.join('')}</head>`
    + `<body><main><h1>A course page</h1>${frames.join('')}${page.markup ?? ''}</main></body></html>`;
}

/** Starts the host's server on a free 127.0.0.1 port; `routes` maps a path to what it serves. */
export async function startHost(routes: (origin: string) => Record<string, Route>): Promise<Host> {
  const requests: string[] = [];
  let table: Record<string, Route> = {};
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const route = table[(req.url ?? '/').split('?')[0]!];
    if (!route) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('Not found'); return; }
    res.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store', ...(route.csp ? { 'content-security-policy': route.csp } : {}) });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  table = routes(origin);
  // close() alone waits for every connection to end: a socket the browser opened ahead of need, with no request on
  // it yet, holds it until Node's 60 s header timeout (a minute added to a test now and then).
  const close = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  return { origin, requests, close };
}

/** A host serving `page` at `/` (with the strict policy when asked) and `scripts` (path → code) beside it. */
export function startHostPage(book: string, page: HostPage, scripts: Record<string, string> = {}): Promise<Host> {
  return startHost((origin) => ({
    '/': { body: hostHtml(book, page), type: 'text/html; charset=utf-8', ...(page.csp ? { csp: strictCsp(book, origin) } : {}) },
    ...Object.fromEntries(Object.entries(scripts).map(([path, body]) => [path, { body, type: 'text/javascript' }])),
  }));
}
