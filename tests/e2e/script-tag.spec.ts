/**
 * The script-tag widget on someone else's site: `<script type="module" src="BOOK/widgets/v1/feature-maps.js">`
 * and an `<fm-…>` element on a page of another origin. The element's code, its samples and its data come from the
 * book's origin (none from the host's), it computes, and a strict host CSP naming only the two origins is enough.
 * Loading the entry twice (two URLs, so two module instances) defines each element once and throws nothing.
 */
import { test, expect } from './support.ts';
import { startHost, type Host } from './embed-host.ts';

let host: Host | undefined;
/** A host serving one page (under `csp` when given); a favicon request is answered and not counted. */
const serve = (html: string, csp?: (origin: string) => string) =>
  startHost((origin) => ({ '/': { body: html, type: 'text/html; charset=utf-8', ...(csp ? { csp: csp(origin) } : {}) }, '/favicon.ico': { body: '', type: 'image/x-icon' } }));
test.afterEach(async () => {
  await host?.close();
  host = undefined;
});

const page_ = (book: string, extra = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A course page</title>
<script type="module" src="${book}widgets/v1/feature-maps.js"></script>${extra}</head>
<body><main><h1>Week 3: edges</h1><p>Try a vertical Sobel kernel on the brick wall.</p>
<fm-conv-playground kernel="sobel-y" image="brick"></fm-conv-playground>
<fm-dataset-preview dataset="digits" per-class="2"></fm-dataset-preview></main></body></html>`;

test('on another origin under a strict CSP: both widgets compute with code and assets from the book only @page', async ({ page, baseURL }) => {
  const book = new URL('/', baseURL).href;
  const bookOrigin = new URL(book).origin;
  host = await serve(page_(book), (origin) => `default-src ${origin} ${bookOrigin}; script-src ${origin} ${bookOrigin}`);
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
  });
  const fromBook: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(book)) fromBook.push(new URL(r.url()).pathname);
  });
  await page.goto(`${host.origin}/`);
  const playground = page.locator('fm-conv-playground');
  await expect(playground).toHaveAttribute('status', 'ready', { timeout: 90_000 });
  const preview = page.locator('fm-dataset-preview');
  await preview.scrollIntoViewIfNeeded();
  await expect(preview).toHaveAttribute('status', 'ready', { timeout: 90_000 });
  const kernel = await playground.evaluate(async (el) => (await (el as unknown as { getKernel(): Promise<{ shape: number[] }> }).getKernel()).shape);
  expect(kernel).toEqual([3, 3, 1, 1]);
  expect(fromBook).toContain('/samples/brick.png');
  expect(fromBook.some((p) => p.startsWith('/data/digits/'))).toBe(true);
  expect(fromBook.some((p) => p.startsWith('/widgets/v1/chunks/'))).toBe(true);
  expect(host.requests.filter((p) => p !== '/favicon.ico')).toEqual(['/']);
  expect(violations).toEqual([]);
});

test('a host that loads the entry twice defines each element once and throws nothing @page', async ({ page, baseURL, watch }) => {
  const book = new URL('/', baseURL).href;
  host = await serve(page_(book, `<script type="module" src="${book}widgets/v1/feature-maps.js?copy=2"></script>`));
  await page.goto(`${host.origin}/`);
  await expect(page.locator('fm-conv-playground')).toHaveAttribute('status', 'ready', { timeout: 90_000 });
  // An element added later is still picked up (the MutationObserver of the first copy).
  await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<fm-activation-plot></fm-activation-plot>'));
  const plot = page.locator('fm-activation-plot');
  await expect(plot).toHaveAttribute('status', 'idle');
  await plot.scrollIntoViewIfNeeded();
  await expect(plot).toHaveAttribute('status', 'ready', { timeout: 60_000 });
  expect(watch.consoleErrors).toEqual([]);
});
