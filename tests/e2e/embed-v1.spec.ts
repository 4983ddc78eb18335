/**
 * Embed contract v1 from another origin: a course page on a second 127.0.0.1 port, under a strict CSP that lists
 * only its own origin and the book's, with three frames of two widgets (two activation plots, one softmax explorer)
 * and the book's embed.js (loaded twice, after the host's own `window.FeatureMaps`), plus one script-tag widget. Each frame must size to its own
 * content, results and answers must reach the host with the frame's id, and every message outside the contract
 * (wrong source, version, or window) must be ignored on both sides.
 */
import type { Frame, Page } from '@playwright/test';
import { test, expect, expectedBackend, axeViolations } from './support.ts';
import { embedScript, startHostPage, type Host, type HostFrame } from './embed-host.ts';
import { embedPath, embedScriptPath, legacyEmbedPath, widgetsScriptPath } from '../../src/lib/embed/paths.ts';

const FRAMES: HostFrame[] = [
  { slug: 'activation-plot', title: 'Plot A', embedId: 'plot-a', query: { functions: 'relu' } },
  { slug: 'activation-plot', title: 'Plot B', name: 'plot-b', query: { functions: 'relu,leaky-relu,sigmoid,tanh,gelu' } },
  { slug: 'softmax-explorer', title: 'Softmax', embedId: 'soft', query: { logits: '2,1,0.1' } },
];
/** Runs before embed.js: a host's own FeatureMaps object must survive it. */
const PRE = `window.FeatureMaps = { hostOwn: 'kept' };`;
/** Between the two copies of embed.js: the first copy's API, to prove the second added nothing. */
const MID = `window.firstOn = FeatureMaps.on;`;
/** The host's log of every contract message, per frame title, through the helper's public `on`. */
const LOG = `window.hostLog = [];
for (const frame of document.querySelectorAll('iframe'))
  for (const type of ['ready', 'resize', 'result', 'error', 'state'])
    FeatureMaps.on(frame, type, (m) => hostLog.push({ frame: frame.title, type: m.type, id: m.id, requestId: m.requestId || null, detail: m.detail || null }));`;

type Entry = { frame: string; type: string; id: string; requestId: string | null; detail: Record<string, unknown> | null };
type Api = {
  getState(f: HTMLIFrameElement): Promise<Record<string, string>>;
  setState(f: HTMLIFrameElement, s: unknown): Promise<Record<string, string>>;
  run(f: HTMLIFrameElement): Promise<Record<string, unknown>>;
};

let host: Host;
test.beforeEach(async ({ baseURL }) => {
  const book = baseURL!;
  const scripts = [{ src: '/pre.js' }, embedScript(book), { src: '/mid.js' }, embedScript(book), { src: '/log.js' }, { src: `${book}${widgetsScriptPath()}`, module: true }];
  // Beside the frames, one script-tag widget in the host page itself (tests/e2e/script-tag.spec.ts has more).
  const markup = '<fm-softmax-explorer id="tag-widget" logits="3,1,0.5"></fm-softmax-explorer>';
  host = await startHostPage(book, { frames: FRAMES, csp: true, scripts, markup }, { '/pre.js': PRE, '/mid.js': MID, '/log.js': LOG });
});
test.afterEach(async () => host.close());

/** Opens the host page (frames side by side, all on screen) and waits until each widget has computed. */
async function open(page: Page): Promise<Frame[]> {
  await page.setViewportSize({ width: 1400, height: 1000 });
  const response = await page.goto(`${host.origin}/`);
  expect(response!.headers()['content-security-policy']).toContain(`script-src ${host.origin} http://127.0.0.1:`);
  const frames = FRAMES.map((f) => page.frames().find((fr) => (f.name !== undefined && fr.name() === f.name)
    || (f.embedId !== undefined && new URL(fr.url()).searchParams.get('embedId') === f.embedId)));
  for (const [i, frame] of frames.entries()) {
    expect(frame, FRAMES[i]!.title).toBeTruthy();
    // A widget starts when it is in view, and in a cross-origin frame "near" is "in" (the observer's margin does not
    // cross origins): now that each frame takes its full height from the first paint, some start below the fold.
    await (await frame!.frameElement()).scrollIntoViewIfNeeded();
    await expect(frame!.locator(`fm-${FRAMES[i]!.slug}`)).toHaveAttribute('status', 'ready', { timeout: 90_000 });
  }
  await page.locator('#tag-widget').scrollIntoViewIfNeeded();
  await expect(page.locator('#tag-widget')).toHaveAttribute('status', 'ready', { timeout: 90_000 });
  return frames as Frame[];
}

/** Calls the host helper on the frame titled `title`, in the host page. */
function call<K extends keyof Api>(page: Page, title: string, method: K, arg?: unknown): Promise<Awaited<ReturnType<Api[K]>>> {
  return page.evaluate(async ([t, m, a]) => {
    const fm = (window as unknown as { FeatureMaps: Api }).FeatureMaps;
    const frame = document.querySelector<HTMLIFrameElement>(`iframe[title="${t}"]`)!;
    return (fm[m as K] as (f: HTMLIFrameElement, s?: unknown) => Promise<unknown>)(frame, a);
  }, [title, method, arg] as const) as never;
}

/** The frame's box height on the host and its content's own height inside. */
async function heights(page: Page, frame: Frame, title: string): Promise<{ box: number; content: number }> {
  const box = await page.locator(`iframe[title="${title}"]`).evaluate((f) => f.clientHeight);
  const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  return { box, content };
}

test('each frame sizes to its own content and shrinks after a change; FeatureMaps is merged', { tag: '@page' }, async ({ page }) => {
  const frames = await open(page);
  for (const [i, f] of FRAMES.entries()) {
    await expect.poll(async () => { const h = await heights(page, frames[i]!, f.title); return h.box === h.content && h.box > 200; }, { message: f.title }).toBe(true);
  }
  // Five rows in B's read-out table, one in A's: a helper that resized "the first frame" could not match both.
  const [a, b] = [await heights(page, frames[0]!, 'Plot A'), await heights(page, frames[1]!, 'Plot B')];
  expect(b.box).toBeGreaterThan(a.box);
  // Grows to B's content, then shrinks back below it.
  await call(page, 'Plot A', 'setState', { functions: 'relu,leaky-relu,sigmoid,tanh,gelu' });
  await expect.poll(async () => (await heights(page, frames[0]!, 'Plot A')).box).toBe(b.box);
  await call(page, 'Plot A', 'setState', { functions: 'relu' });
  await expect.poll(async () => (await heights(page, frames[0]!, 'Plot A')).box).toBe(a.box);
  expect(await frames[0]!.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
  // The host's own object kept its field; embed.js (loaded twice) added its API once.
  expect(await page.evaluate(() => {
    const w = window as unknown as { FeatureMaps: Record<string, unknown>; firstOn: unknown };
    return [w.FeatureMaps.hostOwn, typeof w.FeatureMaps.on, w.FeatureMaps.on === w.firstOn, w.FeatureMaps.embedVersion];
  })).toEqual(['kept', 'function', true, 1]);
  // A frame added later is found and sized from its own messages too.
  await page.evaluate((src) => {
    const frame = Object.assign(document.createElement('iframe'), { title: 'Plot D', src, width: 420, height: 150 });
    document.querySelector('main')!.append(frame);
    frame.scrollIntoView(); // a widget out of view waits (idle) until the reader scrolls to it
  }, `${frames[0]!.url().split('?')[0]}?functions=relu,gelu&embedId=plot-d`);
  await expect.poll(() => page.frames().some((f) => f.url().includes('plot-d'))).toBe(true);
  const d = page.frames().find((f) => f.url().includes('plot-d'))!;
  await expect(d.locator('fm-activation-plot')).toHaveAttribute('status', 'ready');
  await expect.poll(async () => { const h = await heights(page, d, 'Plot D'); return h.box === h.content && h.box > 200; }).toBe(true);
  expect(host.requests.sort()).toEqual(['/', '/log.js', '/mid.js', '/pre.js']);
});

// Backend-independent plumbing, run once (the fallback backends' results are checked in each widget's own spec). In the
// fallback project, under the load of the full run, Plot A's widget once stayed idle in its cross-origin frame for 90 s
// (never seen intersecting): noted in the closing note of session 9, not understood yet.
test('result events reach the host with each frame’s id, as plain data', { tag: '@page' }, async ({ page }, testInfo) => {
  await open(page);
  const before = await page.evaluate(() => (window as unknown as { hostLog: unknown[] }).hostLog.length);
  const [resultA, resultSoft] = [await call(page, 'Plot A', 'run'), await call(page, 'Softmax', 'run')];
  expect(resultA.backend).toBe('reference');
  const backend = String(resultSoft.backend);
  expect(expectedBackend(testInfo.project.name) === 'webgpu' ? backend === 'webgpu' : backend !== 'webgpu', backend).toBe(true);
  await call(page, 'Plot B', 'setState', { x: '-2' });
  await expect.poll(async () => {
    const log = (await page.evaluate(() => (window as unknown as { hostLog: Entry[] }).hostLog)).slice(before).filter((e) => e.type === 'result');
    return [...new Set(log.map((e) => `${e.frame}=${e.id}`))].sort();
  }).toEqual(['Plot A=plot-a', 'Plot B=plot-b', 'Softmax=soft']);
  const log = await page.evaluate(() => (window as unknown as { hostLog: Entry[] }).hostLog);
  const plotB = log.filter((e) => e.frame === 'Plot B' && e.type === 'result').at(-1)!;
  expect(plotB.detail).toMatchObject({ backend: 'reference', x: -2, functions: ['relu', 'leaky-relu', 'sigmoid', 'tanh', 'gelu'] });
});

test('setState changes a widget, getState reads it back, and the URL follows', { tag: '@page' }, async ({ page }) => {
  const frames = await open(page);
  const state = await call(page, 'Softmax', 'setState', { logits: '1,2,3,4', temperature: 2 });
  expect(state).toEqual({ logits: '1,2,3,4', temperature: '2' });
  await expect(frames[2]!.locator('fm-softmax-explorer')).toHaveAttribute('temperature', '2');
  expect(await call(page, 'Softmax', 'getState')).toEqual(state);
  await expect.poll(() => new URL(frames[2]!.url()).searchParams.get('embedId')).toBe('soft');
  expect(new URL(frames[2]!.url()).searchParams.get('logits')).toBe('1,2,3,4');
  const probs = await frames[2]!.locator('fm-softmax-explorer').evaluate((el) => (el as unknown as { logits: number[] }).logits);
  expect(probs).toEqual([1, 2, 3, 4]);
});

test('setState with an invalid value or attribute rejects with the widget’s own message', { tag: '@page' }, async ({ page }) => {
  const frames = await open(page);
  // The rejection's message as the host page sees it (caught there, not re-wrapped by Playwright).
  const reason = (state: unknown) => page.evaluate(async (s) => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[title="Plot A"]')!;
    return (window as unknown as { FeatureMaps: Api }).FeatureMaps.setState(frame, s).then(() => 'resolved', (e: Error) => e.message);
  }, state);
  const refused = await reason({ slope: '5' });
  expect(refused).toMatch(/slope/i);
  const line = frames[0]!.locator('fm-activation-plot [data-role="message"]');
  await expect(line).toHaveText(refused);
  expect(await call(page, 'Plot A', 'getState')).toMatchObject({ slope: '5' });
  expect(await frames[0]!.locator('fm-activation-plot').evaluate((el) => (el as unknown as { slope: number }).slope)).toBe(0.1);
  expect(await reason({ onload: 'alert(1)' })).toBe('activation-plot has no attribute "onload"; it accepts functions, slope, x.');
  expect(await reason({ x: { html: '<img>' } })).toBe('The value of "x" must be text (at most 500 characters) or a finite number.');
  expect(await reason('x=2')).toMatch(/needs `state`/);
  expect(await frames[0]!.locator('fm-activation-plot').getAttribute('onload')).toBeNull();
});

test('messages with a wrong source or version, or from another window, are ignored on both sides', { tag: '@page' }, async ({ page }) => {
  const frames = await open(page);
  const boxA = (await heights(page, frames[0]!, 'Plot A')).box;
  const boxB = (await heights(page, frames[1]!, 'Plot B')).box;
  const resize = (id: string, extra: object) => ({ source: 'feature-maps', v: 1, type: 'resize', id, widget: 'activation-plot', height: 40, ...extra });
  // Host side: the host window itself, and frame B speaking for A or with a wrong source/version.
  await page.evaluate((m) => postMessage(m, '*'), resize('plot-a', {}));
  await frames[1]!.evaluate((ms) => { for (const m of ms) parent.postMessage(m, '*'); }, [resize('plot-b', { source: 'other' }), resize('plot-b', { v: 2 }), resize('plot-b', { v: '1' })]);
  // Widget side: setState with a wrong version or source from the host, and a valid one from sibling frame B.
  const set = { source: 'feature-maps', v: 1, type: 'setState', state: { x: '2.5' } };
  await page.evaluate((ms) => { const w = document.querySelector('iframe')!.contentWindow!; for (const m of ms) w.postMessage(m, '*'); }, [{ ...set, v: 2 }, { ...set, source: 'x' }]);
  await frames[1]!.evaluate((m) => parent.frames[0]!.postMessage(m, '*'), set);
  // A round trip through each frame after those messages: they have been handled (and dropped) by then.
  expect(await call(page, 'Plot A', 'getState')).toEqual({ functions: 'relu' });
  await call(page, 'Plot B', 'getState');
  expect((await heights(page, frames[0]!, 'Plot A')).box).toBe(boxA);
  expect((await heights(page, frames[1]!, 'Plot B')).box).toBe(boxB);
  await expect(frames[0]!.locator('fm-activation-plot')).not.toHaveAttribute('x', /./);
  // The same request from the host through the helper is obeyed: the ignored ones were not ignored by accident.
  expect(await call(page, 'Plot A', 'setState', { x: '2.5' })).toEqual({ functions: 'relu', x: '2.5' });
});

test('the Embedding page is in the sidebar, axe clean, and every book address its snippets use is served', { tag: '@page' }, async ({ page, request }) => {
  await page.goto('/notation/');
  await page.locator('#starlight__sidebar a[href$="/embedding/"]').click();
  await expect(page.locator('h1')).toHaveText('Embedding');
  expect(await axeViolations(page)).toEqual([]);
  const text = await page.locator('main').innerText();
  const paths = [...new Set([...text.matchAll(/https:\/\/BOOK-HOST(\/embed\/[^\s"'<]*)/g)].map((m) => m[1]!))];
  expect(paths).toEqual(expect.arrayContaining([embedScriptPath(), `${embedPath('conv-playground')}?image=coins&kernel=sobel-x&embedId=edges`]));
  for (const path of paths) expect((await request.get(path)).status(), path).toBe(200);
  // The unversioned alias still serves the page, which names v1 as the canonical address.
  await page.goto(legacyEmbedPath('activation-plot'));
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', embedPath('activation-plot'));
  await expect(page.locator('fm-activation-plot')).toHaveAttribute('status', 'ready');
});

test('an embed page names its widget’s code in its head: each file fetched once, the element among them, tfjs not', { tag: '@page' }, async ({ page }) => {
  for (const slug of ['dataset-preview', 'network-explorer']) {
    const fetched = new Map<string, number>();
    page.on('request', (r) => { const p = new URL(r.url()).pathname; fetched.set(p, (fetched.get(p) ?? 0) + 1); });
    await page.goto(embedPath(slug));
    await expect(page.locator(`fm-${slug}`)).toHaveAttribute('status', 'ready', { timeout: 90_000 });
    page.removeAllListeners('request');
    const preloaded = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('head link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname));
    expect(preloaded.length, slug).toBeGreaterThan(2);
    expect(preloaded.filter((p) => new RegExp(`/widgets/v1/chunks/${slug}\\.element-[A-Z0-9]+\\.js$`).test(p)), `${slug}: its element module`).toHaveLength(1);
    // A preload that the import does not reuse (another URL, another credentials mode) would be fetched twice.
    expect(preloaded.filter((p) => fetched.get(p) !== 1), `${slug}: preloaded files not fetched exactly once`).toEqual([]);
    const texts = await page.evaluate((paths) => Promise.all(paths.map((p) => fetch(p).then((r) => r.text()))), preloaded);
    expect(texts.filter((t) => t.includes('Conv2DBackpropFilter')), `${slug}: tfjs stays lazy`).toHaveLength(0);
  }
});
