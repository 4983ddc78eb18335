/**
 * The search box (src/lib/search/lazy-pagefind-ui.ts): Pagefind's UI is fetched when the reader opens the search,
 * not on every page at idle; it opens with its input focused, by click or Ctrl+K, says it is loading meanwhile, says
 * so when its code cannot be fetched and tries again on the next opening; on the Chinese edition its words are
 * Chinese. Backend-independent: the `page` project.
 */
import type { Page } from '@playwright/test';
import { test, expect, axeViolations, routeUntil, type Watch } from './support.ts';
import { PAGEFIND_ZH } from '../../src/lib/search/lazy-pagefind-ui.ts';

const UI_CORE = /\/_astro\/ui-core\.[^/]*\.js/;
const input = (page: Page) => page.locator('site-search .pagefind-ui__search-input');

/** Drops the console errors of downloads the test itself aborted; any other console error still fails the test. */
function forgiveAbortedDownloads(watch: Watch): void {
  watch.consoleErrors.splice(0, Infinity, ...watch.consoleErrors.filter((m) => !/ERR_FAILED|Failed to load resource|dynamically imported module/.test(m)));
}

/** Holds every request for Pagefind's UI until `release()`; `count` says how many came. */
async function holdUI(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const held = { count: 0, release };
  await page.route(UI_CORE, async (route) => {
    held.count++;
    await released;
    await route.continue();
  });
  return held;
}

test('a page fetches no search code until the reader opens the search; Ctrl+K opens it with the input focused, and it finds', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  const held = await holdUI(page);
  await page.goto('/chapters/convolution/');
  await page.waitForLoadState('networkidle');
  // Starlight's search script has run (its button is enabled) and asked for the box at idle: nothing fetched yet.
  await expect(page.locator('site-search button[data-open-modal]')).toBeEnabled();
  await page.evaluate(() => new Promise((r) => requestIdleCallback(r)));
  expect(held.count, 'requests for the search box before the reader asked').toBe(0);
  await expect(page.locator('#starlight__search')).toBeEmpty();

  await page.keyboard.press('Control+k');
  const status = page.locator('#starlight__search [role="status"]');
  await expect(status).toHaveText('Loading search…');
  expect(await axeViolations(page, 'site-search dialog')).toEqual([]);
  held.release();
  await expect(input(page)).toBeFocused();
  await expect(status).toHaveCount(0);
  await page.keyboard.type('dilation');
  await expect(page.locator('site-search a[href*="/chapters/convolution/"]').first()).toBeVisible();
  expect(await axeViolations(page, 'site-search dialog')).toEqual([]);
});

test('a pointer on the Search button starts the download; a click opens the box focused', { tag: '@page' }, async ({ page }) => {
  const held = await holdUI(page);
  await page.goto('/notation/');
  await page.waitForLoadState('networkidle');
  expect(held.count).toBe(0);
  const button = page.locator('site-search button[data-open-modal]');
  await button.hover();
  await expect.poll(() => held.count, { message: 'fetched on hover' }).toBe(1);
  held.release();
  await button.click();
  await expect(input(page)).toBeFocused();
  expect(held.count, 'fetched once').toBe(1);
});

test('search code that cannot be fetched: the dialog says so in the page language, and opening it again tries again', { tag: '@page' }, async ({ page, watch }) => {
  const network = await routeUntil(page, UI_CORE, (route) => route.abort());
  await page.goto('/zh-cn/chapters/convolution/');
  await page.waitForLoadState('networkidle');
  const button = page.locator('site-search button[data-open-modal]');
  await button.click();
  const status = page.locator('#starlight__search [role="status"]');
  await expect(status).toHaveText('搜索功能加载失败（可能是网络断开了）。关闭本窗口后重新打开即可重试。');
  expect(await axeViolations(page, 'site-search dialog')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.locator('site-search dialog')).not.toHaveAttribute('open');
  network.restore();
  await button.click();
  await expect(input(page)).toBeFocused();
  await page.keyboard.type('感受野');
  await expect(page.locator('site-search a[href*="/zh-cn/chapters/"]').first()).toBeVisible();
  // Pagefind's own words in Chinese: the count of results and the Clear button.
  await expect(page.locator('site-search .pagefind-ui__message')).toHaveText(/^找到\d+个与“感受野”相关的结果$/);
  await expect(page.locator('site-search .pagefind-ui__search-clear')).toHaveText(PAGEFIND_ZH.clear_search!);
  forgiveAbortedDownloads(watch);
});

test('the English edition keeps Pagefind’s English words, and says so in English when the box cannot be fetched', { tag: '@page' }, async ({ page, watch }) => {
  const network = await routeUntil(page, UI_CORE, (route) => route.abort());
  await page.goto('/chapters/pooling-and-networks/');
  await page.locator('site-search button[data-open-modal]').click();
  await expect(page.locator('#starlight__search [role="status"]')).toHaveText('The search could not be loaded (is the connection down?). Close it and open it again to retry.');
  await page.keyboard.press('Escape');
  network.restore();
  await page.locator('site-search button[data-open-modal]').click();
  await input(page).fill('receptive field');
  await expect(page.locator('site-search .pagefind-ui__message')).toHaveText(/^\d+ results for receptive field$/);
  await expect(page.locator('site-search .pagefind-ui__search-clear')).toHaveText('Clear');
  forgiveAbortedDownloads(watch);
});
