/**
 * The packed datasets in a real browser, through <fm-dataset-preview> on its embed page: slices of each dataset
 * load with progress events, only the needed chunks are fetched, the pixels are the committed bytes, and a
 * corrupted or missing file is named in the widget. The widget holds no tfjs, so every check here runs once, in the
 * `page` project (playwright.config.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, axeViolations, routeUntil } from './support.ts';
import type { Manifest } from '../../src/lib/data/manifest.ts';

const manifest = JSON.parse(readFileSync('public/data/manifest.json', 'utf8')) as Manifest;
const PX = 784;

/** Records fm-progress events from the start of the page. */
const recordProgress = () => {
  const w = window as unknown as { progress: { loaded: number; total: number }[] };
  w.progress = [];
  document.addEventListener('fm-progress', (e) => w.progress.push((e as CustomEvent).detail));
};

async function readSlice(page: import('@playwright/test').Page) {
  const el = page.locator('fm-dataset-preview');
  await expect(el).toHaveAttribute('status', 'ready');
  return el.evaluate(async (node) => {
    const s = await (node as unknown as { getImages(): Promise<{ images: Uint8Array; labels: Uint8Array; count: number; shape: number[] }> }).getImages();
    return { images: Array.from(s.images), labels: Array.from(s.labels), count: s.count, shape: s.shape };
  });
}

for (const [dataset, split, perClass] of [['fashion', 'test', 10], ['digits', 'train', 12], ['fashion', 'train', 3]] as const) {
  test(`${dataset}/${split}: the first ${perClass} per class load with progress, fetching only what they need`, { tag: '@page' }, async ({ page, watch }) => {
    void watch;
    await page.addInitScript(recordProgress);
    const fetched: string[] = [];
    page.on('request', (r) => r.url().includes('/data/') && fetched.push(new URL(r.url()).pathname.replace(/^.*\/data\//, '')));
    await page.goto(`/embed/dataset-preview/?dataset=${dataset}&split=${split}&per-class=${perClass}`);
    const slice = await readSlice(page);

    const entry = manifest.datasets[dataset]!.splits[split]!;
    const count = entry.classCounts.reduce((n, c) => n + Math.min(c, perClass), 0);
    expect(slice.count).toBe(count);
    expect(slice.shape).toEqual([count, 28, 28]);
    for (let c = 0; c < 10; c++) expect(slice.labels.filter((l) => l === c).length, `class ${c}`).toBe(perClass);

    // Pixels and labels: the committed files' prefix (first N per class = a prefix of the packed order).
    const chunks = entry.images.filter((c) => c.start < count);
    const images = Buffer.concat(chunks.map((c) => readFileSync(join('public/data', c.path)))).subarray(0, count * PX);
    expect(Buffer.from(slice.images).equals(images)).toBe(true);
    expect(slice.labels).toEqual(Array.from(readFileSync(join('public/data', entry.labels.path)).subarray(0, count)));
    expect(fetched.sort()).toEqual(['manifest.json', entry.labels.path, ...chunks.map((c) => c.path)].sort());

    const progress = await page.evaluate(() => (window as unknown as { progress: { loaded: number; total: number }[] }).progress);
    const total = entry.labels.bytes + chunks.reduce((n, c) => n + c.bytes, 0);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress[0]).toEqual({ loaded: 0, total });
    expect(progress.at(-1)).toEqual({ loaded: total, total });
    progress.forEach((p, i) => i && expect(p.loaded).toBeGreaterThanOrEqual(progress[i - 1]!.loaded));
    await expect(page.locator('fm-dataset-preview [data-role="caption"]')).toContainText(`${count} images`);
  });
}

test('a corrupted chunk is named in the widget, and the page passes axe', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  const bad = 'fashion/test-images-0.u8';
  await page.route(`**/data/${bad}`, async (route) => {
    const body = readFileSync(join('public/data', bad));
    body[1234] ^= 0xff;
    await route.fulfill({ status: 200, body, contentType: 'application/octet-stream' });
  });
  await page.goto('/embed/dataset-preview/?dataset=fashion&split=test&per-class=4');
  const el = page.locator('fm-dataset-preview');
  await expect(el).toHaveAttribute('status', 'error');
  await expect(el.locator('[data-role="message"]')).toContainText(`Data file ${bad} is corrupted`);
  expect(await axeViolations(page)).toEqual([]);
});

test('a missing labels file (404) is named; a bad attribute is explained and the last good value used', { tag: '@page' }, async ({ page, watch }) => {
  const missing = await routeUntil(page, '**/data/digits/test-labels.u8', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.goto('/embed/dataset-preview/?dataset=digits&split=test&per-class=2');
  const el = page.locator('fm-dataset-preview');
  await expect(el.locator('[data-role="message"]')).toContainText('digits/test-labels.u8: HTTP 404');
  missing.restore();
  await el.evaluate((node) => node.setAttribute('per-class', '0'));
  await expect(el).toHaveAttribute('status', 'ready');
  await expect(el.locator('[data-role="message"]')).toContainText('per-class must be from 1 to 50; got 0');
  expect((await readSlice(page)).count).toBe(20);
  // Chromium logs the deliberate 404 itself; any other console error still fails the test.
  const expected = watch.consoleErrors.filter((m) => /status of 404/.test(m));
  expect(expected.length).toBeGreaterThan(0);
  watch.consoleErrors.splice(0, watch.consoleErrors.length, ...watch.consoleErrors.filter((m) => !expected.includes(m)));
});

test('in lang="zh-CN" the widget speaks Chinese (class names too); back to en it says English again without reloading', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await page.addInitScript(() => {
    const w = window as unknown as { results: number };
    w.results = 0;
    document.addEventListener('fm-result', () => w.results++);
  });
  await page.goto('/embed/dataset-preview/?dataset=fashion&split=test&per-class=2');
  const el = page.locator('fm-dataset-preview');
  await el.evaluate((node) => node.setAttribute('lang', 'zh-CN'));
  await expect(el).toHaveAttribute('status', 'ready');
  const results = () => page.evaluate(() => (window as unknown as { results: number }).results);
  const before = await results();
  await expect(el.locator('[data-role="title"]')).toHaveText('Fashion-MNIST测试集：每类的前2张图像');
  await expect(el.locator('.label').first()).toHaveText('T恤/上衣');
  await expect(el.locator('.label').last()).toHaveText('短靴');
  await expect(el.locator('[data-role="caption"]')).toContainText('共20张图像，每类最多2张，每行一类：T恤/上衣、裤子、套头衫');
  await expect(el.locator('canvas').first()).toHaveAttribute('aria-label', '“T恤/上衣”类的2张图像');
  await expect(el.locator('progress')).toHaveAttribute('aria-label', '正在加载图像');

  await el.evaluate((node) => node.setAttribute('lang', 'en'));
  await expect(el.locator('[data-role="title"]')).toHaveText('Fashion-MNIST, test split: the first 2 images of each class');
  await expect(el.locator('.label').first()).toHaveText('T-shirt/top');
  await expect(el.locator('[data-role="caption"]')).toContainText('20 images, up to 2 per class, one row per class: T-shirt/top, Trouser, Pullover');
  await expect(el.locator('canvas').first()).toHaveAttribute('aria-label', '2 images of class T-shirt/top');
  expect(await results()).toBe(before);
});
