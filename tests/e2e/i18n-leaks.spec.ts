/**
 * Issue 15 on a Chinese chapter whose widgets Chinese Chapter 1 does not have: no English left inside its widgets
 * (i18n-check.ts says how texts are collected and judged). Every embed page, in Chinese and then switched to English
 * on the live page, every English chapter and Chinese Chapter 1 are checked where each is loaded computed:
 * widths.spec.ts.
 */
import { test, expect } from './support.ts';
import { FIRST_RESULT_MS, WIDGET_TAGS, adapterWords, awaitFirstResults, collect, expectNoLeaks, findLeaks } from './i18n-check.ts';

/** The cheapest chapter with several widgets: activation plot, activation maps and two vanishing-gradient charts. */
const CHAPTER = 'activations';

test(`Chinese chapter (${CHAPTER}): no English inside widgets`, { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  test.setTimeout(4 * FIRST_RESULT_MS);
  const path = `/zh-cn/chapters/${CHAPTER}/`;
  const response = await page.goto(path);
  expect(response?.status(), `${path} is built`).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(await page.locator(WIDGET_TAGS).count(), 'widgets on the chapter').toBeGreaterThanOrEqual(3);
  await awaitFirstResults(page);
  const texts = await collect(page);
  expect(texts.length, 'texts collected').toBeGreaterThan(0);
  await expectNoLeaks(findLeaks(texts, 'zh-CN', await adapterWords(page)), 'zh-CN', 'chapter-zh-CN');
});
