/**
 * Issue 15, on a chapter in each edition: no English left inside the widgets of the Chinese chapter, no Chinese inside
 * those of the English one (i18n-check.ts says how texts are collected and judged). The embed pages, in Chinese and then
 * switched to English on the live page, are checked where each is loaded computed: widths.spec.ts.
 */
import { test, expect } from './support.ts';
import { FIRST_RESULT_MS, WIDGET_TAGS, adapterWords, awaitFirstResults, collect, expectNoLeaks, findLeaks } from './i18n-check.ts';

/** The cheapest chapter with several widgets: activation plot, activation maps and two vanishing-gradient charts. */
const CHAPTER = 'activations';

for (const lang of ['zh-CN', 'en'] as const) {
  test(`${lang === 'en' ? 'English' : 'Chinese'} chapter (${CHAPTER}): no ${lang === 'en' ? 'Chinese' : 'English'} inside widgets`, { tag: '@page' }, async ({ page, watch }) => {
    void watch;
    test.setTimeout(4 * FIRST_RESULT_MS);
    const path = lang === 'en' ? `/chapters/${CHAPTER}/` : `/zh-cn/chapters/${CHAPTER}/`;
    const response = await page.goto(path);
    expect(response?.status(), `${path} is built`).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    expect(await page.locator(WIDGET_TAGS).count(), 'widgets on the chapter').toBeGreaterThanOrEqual(3);
    await awaitFirstResults(page);
    const texts = await collect(page);
    expect(texts.length, 'texts collected').toBeGreaterThan(0);
    await expectNoLeaks(findLeaks(texts, lang, await adapterWords(page)), lang, `chapter-${lang}`);
  });
}
