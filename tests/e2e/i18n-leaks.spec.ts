/**
 * Issue 15: no English left inside the widgets of a Chinese page, and no Chinese inside those of an English page.
 * For every embed page (/embed/<slug>/?lang=zh-CN, then switched to English on the live page) and for one chapter
 * in each edition, each
 * `fm-*` element's reader-visible text is collected once every widget has reported its first result
 * (tests/e2e/i18n-collect.ts says what is collected and skipped), and judged by tests/e2e/i18n-text.ts: Latin words
 * outside its small allow-list fail a Chinese page, any Chinese fails an English one. A failure lists the offending
 * words per widget; the full list (each text, where it was found, hidden or not) is attached as leaks-<lang>.json.
 *
 * Cost: the embed pages run in one test, page after page in one tab, each checked in Chinese and then in English
 * after <html lang> changes (which also checks that a change of language recomputes nothing), and only in the `page` project
 * (what a widget says does not depend on the backend; there, with no GPU, every widget also says why it computes on the CPU;
 * the other fallback reasons are catalogue messages checked by the catalogue's unit tests).
 *
 * `?lang=` on embed pages: the page is meant to set `<html lang>` from it itself. So that this test does not depend
 * on that, an init script also sets `lang` on <html> from the query when the document turns `interactive` — after
 * parsing, before the page's module scripts run and create the widget — and records what the page had set, which
 * the test reports (an annotation) without failing on it: the page's own handling is tested with the site.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support.ts';
import { WIDGETS } from '../../src/lib/widget/registry.ts';
import { collectWidgetTexts, type CollectedText } from './i18n-collect.ts';
import { findLeaks, latinWords, wordsByWidget, type Leak, type LeakLang } from './i18n-text.ts';

/** The first result of the heaviest widgets (a model to load, a first training step) on SwiftShader under load. */
const FIRST_RESULT_MS = 150_000;
/** The cheapest chapter with several widgets: activation plot, activation maps and two vanishing-gradient charts. */
const CHAPTER = 'activations';
const WIDGET_TAGS = WIDGETS.map((w) => w.tag).join(', ');

/** Sets <html lang> from ?lang= before the page's scripts run (see the header); `window.fmPageLang`: the page's own. */
async function langFromQueryFallback(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const want = new URLSearchParams(location.search).get('lang');
    if (!want) return;
    const apply = () => {
      const html = document.documentElement;
      const w = window as unknown as { fmPageLang?: string };
      w.fmPageLang ??= html.lang;
      if (html.lang.toLowerCase() !== want.toLowerCase()) html.lang = want;
    };
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') apply();
    });
    document.addEventListener('DOMContentLoaded', apply);
  });
}

/** Every widget on the page computed once (scrolled into view first: widgets start near the viewport). */
async function awaitFirstResults(page: Page): Promise<void> {
  for (const widget of await page.locator(WIDGET_TAGS).all()) {
    await widget.scrollIntoViewIfNeeded();
    const tag = await widget.evaluate((e) => e.localName);
    await expect
      .poll(() => widget.getAttribute('status'), { timeout: FIRST_RESULT_MS, message: `${tag}: first result` })
      .toMatch(/^(ready|error)$/);
    expect(await widget.getAttribute('status'), `${tag} failed instead of computing`).toBe('ready');
  }
}

/** The GPU adapter's vendor and architecture words, which the device badge quotes as the browser gives them. */
async function adapterWords(page: Page): Promise<Set<string>> {
  const info = await page.evaluate(async () => {
    const adapter = await navigator.gpu?.requestAdapter();
    return adapter ? `${adapter.info.vendor} ${adapter.info.architecture}` : '';
  });
  return new Set(latinWords(info).map((w) => w.toLowerCase()));
}

async function collect(page: Page): Promise<CollectedText[]> {
  return page.evaluate(collectWidgetTexts);
}

/** Fails with the offending words per widget; attaches every leaking text for the translators. */
async function expectNoLeaks(leaks: Leak[], lang: LeakLang, name: string): Promise<void> {
  await test.info().attach(`leaks-${name}.json`, { body: JSON.stringify(leaks, null, 1), contentType: 'application/json' });
  expect(wordsByWidget(leaks), `${lang === 'zh-CN' ? 'English' : 'Chinese'} words inside widgets (${name})`).toEqual({});
}

test('embed pages in Chinese (?lang=zh-CN): no English inside widgets; switched to English without recomputing: no Chinese', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  test.setTimeout(WIDGETS.length * 60_000 + FIRST_RESULT_MS);
  await langFromQueryFallback(page);
  const leaks: Record<LeakLang, Leak[]> = { 'zh-CN': [], en: [] };
  const pagesWithoutLang: string[] = [];
  const recomputed: string[] = [];
  let extra: Set<string> | null = null;
  for (const { slug, tag } of WIDGETS) {
    await test.step(slug, async () => {
      await page.goto(`/embed/${slug}/?lang=zh-CN`);
      await expect(page.locator(tag)).toHaveCount(1);
      await page.evaluate(() => {
        const w = window as unknown as { fmResults: number };
        w.fmResults = 0;
        document.addEventListener('fm-result', () => w.fmResults++, { capture: true });
      });
      await awaitFirstResults(page);
      const own = await page.evaluate(() => (window as unknown as { fmPageLang?: string }).fmPageLang ?? '');
      if (own.toLowerCase() !== 'zh-cn') pagesWithoutLang.push(`${slug} (lang="${own}")`);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      extra ??= await adapterWords(page);
      const zh = await collect(page);
      expect(zh.filter((t) => t.widget.startsWith(tag)).length, `${slug}: texts collected`).toBeGreaterThan(0);
      leaks['zh-CN'].push(...findLeaks(zh, 'zh-CN', extra));
      // The reader's language changes on the live page: every text is said again in English, nothing is recomputed
      // (a widget still computing its streamed rest may report a result of its own: counted before and after).
      const before = await page.evaluate(() => (window as unknown as { fmResults: number }).fmResults);
      await page.evaluate(() => { document.documentElement.lang = 'en'; });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      leaks.en.push(...findLeaks(await collect(page), 'en', extra));
      const after = await page.evaluate(() => (window as unknown as { fmResults: number }).fmResults);
      if (after !== before) recomputed.push(`${slug} (${after - before})`);
    });
  }
  if (pagesWithoutLang.length) {
    test.info().annotations.push({ type: 'note', description: `<html lang> set by this test, not from ?lang= by the page: ${pagesWithoutLang.join(', ')}` });
  }
  await expectNoLeaks(leaks['zh-CN'], 'zh-CN', 'embed-zh-CN');
  await expectNoLeaks(leaks.en, 'en', 'embed-en-after-switch');
  expect(recomputed, 'widgets that computed again when only the language changed').toEqual([]);
});

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
