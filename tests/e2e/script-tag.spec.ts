/**
 * The script-tag widget on someone else's site: `<script type="module" src="BOOK/widgets/v1/feature-maps.js">`
 * and an `<fm-…>` element on a page of another origin. The element's code, its samples and its data come from the
 * book's origin (none from the host's), it computes, and a strict host CSP naming only the two origins is enough.
 * Loading the entry twice (two URLs, so two module instances) defines each element once and throws nothing.
 */
import { test, expect } from './support.ts';
import { startHost, type Host } from './embed-host.ts';
import { WIDGETS } from '../../src/lib/widget/registry.ts';

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

// A course page lays widgets out as it likes, in a flex row or in an inline-block. Each widget takes a width of its
// own there (a size container takes none from its content, and the dataset preview and network explorer, whose boxes
// were such, shrank to nothing). In a flex row it keeps to its column and its content inside it, and an inline-block,
// as wide as its content wants, stays within the column too, on a laptop and on a phone (the receptive field's
// architecture menu, 424 px, once made it wider than a phone's screen). The shells are measured; widgets off screen
// do not start.
test('in a flex row and in an inline-block on a course page, every widget takes a width, within its column @page', async ({ page, baseURL }) => {
  const book = new URL('/', baseURL).href;
  const cells = WIDGETS.map(({ tag }) => `<div class="row" style="display: flex"><${tag}></${tag}></div><div><span style="display: inline-block"><${tag}></${tag}></span></div>`).join('');
  host = await serve(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A course page</title>
<script type="module" src="${book}widgets/v1/feature-maps.js"></script></head><body><main style="padding: 0 8px">${cells}</main></body></html>`);
  const tags = WIDGETS.map((w) => w.tag);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${host.origin}/`);
    await page.waitForFunction((ts) => ts.every((t) => [...document.querySelectorAll(t)].every((e) => e.hasAttribute('status') && (e.shadowRoot?.childElementCount ?? 0) > 0)), tags, { timeout: 60_000 });
    const wrong = await page.evaluate(() => {
      const column = document.querySelector('main')!.clientWidth - 16;
      const inRows = [...document.querySelectorAll('main > div.row > *')].map((e) => ({ e, where: 'a flex row' }));
      const inBlocks = [...document.querySelectorAll('main > div > span > *')].map((e) => ({ e, where: 'an inline-block' }));
      return [...inRows, ...inBlocks].map(({ e, where }) => ({ tag: e.localName, where, width: Math.round(e.getBoundingClientRect().width), spill: where === 'a flex row' ? e.scrollWidth - e.clientWidth : 0 }))
        .filter((w) => w.width < Math.min(240, column) || w.width > column + 1 || w.spill > 1).map((w) => `${w.tag} in ${w.where}: ${w.width} px of ${column}${w.spill > 1 ? `, its content ${w.spill} px wider` : ''}`);
    });
    expect(wrong, `at ${width} px`).toEqual([]);
  }
});
