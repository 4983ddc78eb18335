/**
 * Someone else's site for embedding tests: a server on another 127.0.0.1 port (another origin than the book's)
 * that answers every path with the HTML it is given, optionally under a Content-Security-Policy, and records
 * every path requested from it (so a test can prove a widget asked the host for nothing).
 */
import { createServer, type Server } from 'node:http';

export interface HostSite { url: string; requests: string[]; close(): Promise<void> }

export async function startHost(html: string, csp?: string): Promise<HostSite> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    // Browsers ask every site for a favicon; answer without recording it.
    if (req.url === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    requests.push(req.url ?? '/');
    if ((req.url ?? '/') !== '/') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(csp ? { 'content-security-policy': csp } : {}) });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
