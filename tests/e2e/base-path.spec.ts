/**
 * The book served from a sub-path, as a school would put it on its own server: a build with FM_BASE=/book/
 * (`npm test` makes it in dist-book/; this spec builds it when missing) on a server that answers only under
 * /book/. Every page, asset, chunk, dataset and model must come from under the base, and widgets must compute.
 * The checks do not depend on the backend, so they run once, in the `page` project (no GPU: the CPU backend).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support.ts';
import { startSite, type SiteServer } from './site-server.ts';

const BASE = '/book/';
let site: SiteServer;
// In order, in one worker: with the config's fullyParallel, each worker ran beforeAll, and two could build dist-book
// into the same folder at once (a bare `playwright test` without it failed so).
test.describe.configure({ mode: 'default' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  if (!existsSync('dist-book/index.html')) {
    execFileSync('npx', ['astro', 'build', '--outDir', 'dist-book'], { env: { ...process.env, FM_BASE: BASE, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: 'ignore' });
  }
  site = await startSite('dist-book', BASE);
});
test.afterAll(() => site?.close());

/** Requests that left the base path (the server would answer 404 to each). */
function outsideBase(page: Page): string[] {
  const outside: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.origin === new URL(site.url).origin && !url.pathname.startsWith(BASE)) outside.push(url.pathname);
  });
  return outside;
}

test('a chapter under /book/: links, scripts and the playground all stay under the base, and it computes @page', async ({ page }) => {
  const outside = outsideBase(page);
  await page.goto(`${site.url}chapters/convolution/`);
  const links = await page.locator('a[href^="/"], script[src^="/"], link[href^="/"], img[src^="/"]').evaluateAll((els) =>
    els.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''));
  expect(links.length).toBeGreaterThan(20);
  expect(links.filter((l) => !l.startsWith(BASE))).toEqual([]);
  const playground = page.locator('fm-conv-playground').first();
  await playground.scrollIntoViewIfNeeded();
  await expect(playground).toHaveAttribute('status', 'ready', { timeout: 90_000 });
  await page.locator('nav[aria-label="Main"]').getByRole('link', { name: /Pooling/ }).click();
  await expect(page).toHaveURL(`${site.url}chapters/pooling-and-networks/`);
  expect(outside).toEqual([]);
});

test('embed pages under /book/ load their dataset and model from the base @page', async ({ page }) => {
  const outside = outsideBase(page);
  const fetched: string[] = [];
  page.on('response', (res) => {
    if (res.ok() && /\/(data|models)\//.test(res.url())) fetched.push(new URL(res.url()).pathname);
  });
  for (const slug of ['dataset-preview', 'doodle-classes']) {
    await page.goto(`${site.url}embed/${slug}/`);
    await expect(page.locator(`fm-${slug}`)).toHaveAttribute('status', 'ready', { timeout: 90_000 });
  }
  expect(fetched.some((p) => p.startsWith(`${BASE}data/`))).toBe(true);
  expect(fetched.some((p) => p.startsWith(`${BASE}models/`))).toBe(true);
  expect(outside).toEqual([]);
});

test('the Chinese edition under /book/: its links, language picker, search and an embed page\'s ?lang= stay under the base @page', async ({ page }) => {
  const outside = outsideBase(page);
  await page.goto(`${site.url}zh-cn/chapters/pooling-and-networks/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const links = await page.locator('a[href^="/"], script[src^="/"], link[href^="/"], option[value^="/"]').evaluateAll((els) =>
    els.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('value') ?? ''));
  expect(links.filter((l) => !l.startsWith(BASE))).toEqual([]);
  expect(links).toContain(`${BASE}zh-cn/chapters/convolution/`);
  await page.locator('starlight-lang-select select').first().selectOption({ label: 'English' });
  await expect(page).toHaveURL(`${site.url}chapters/pooling-and-networks/`);
  await page.goto(`${site.url}zh-cn/`);
  const hits = await page.evaluate(async (base) => {
    const pagefind = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
    const { results } = await pagefind.search('感受野');
    return Promise.all(results.slice(0, 1).map(async (r: { data(): Promise<{ url: string }> }) => (await r.data()).url));
  }, BASE);
  expect(hits).toEqual([`${BASE}zh-cn/chapters/pooling-and-networks/`]);
  await page.goto(`${site.url}embed/v1/receptive-field/?lang=zh-CN`);
  await expect(page.locator('.fm-embed-credit a')).toHaveAttribute('href', `${BASE}zh-cn/chapters/pooling-and-networks/`);
  expect(outside).toEqual([]);
});

test('search under /book/ finds a chapter and links inside the base @page', async ({ page }) => {
  const outside = outsideBase(page);
  await page.goto(site.url);
  await page.locator('site-search button[data-open-modal]').click();
  await page.locator('.pagefind-ui__search-input').fill('receptive field');
  const hit = page.locator('.pagefind-ui__result-link').first();
  await expect(hit).toBeVisible({ timeout: 30_000 });
  expect(await hit.getAttribute('href')).toMatch(/^\/book\/chapters\//);
  expect(outside).toEqual([]);
});

test('npm run pack: the archive, unpacked anywhere and served by its own serve.mjs as its README says, runs a chapter @page', async ({ page }) => {
  test.setTimeout(180_000);
  const tmp = mkdtempSync(join(tmpdir(), 'fm-unpack-'));
  try {
    execFileSync(process.execPath, ['scripts/pack.mts', '--dir', 'dist-book', '--out', join(tmp, 'site.tar.gz')]);
    execFileSync('tar', ['-xzf', join(tmp, 'site.tar.gz'), '-C', tmp]);
    const root = join(tmp, 'feature-maps');
    const readme = readFileSync(join(root, 'README.txt'), 'utf8');
    const command = /node serve\.mjs (\S+) 4321 (\S+)/.exec(readme);
    expect(command, 'the README names the command').not.toBeNull();
    const packed = await startSite(command![1]!, command![2]!, 'serve.mjs', root);
    try {
      await page.goto(`${packed.url}chapters/pooling-and-networks/`);
      const pool = page.locator('fm-pool-explorer').first();
      await pool.scrollIntoViewIfNeeded();
      await expect(pool).toHaveAttribute('status', 'ready', { timeout: 90_000 });
    } finally {
      await packed.close();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
