/**
 * The checks behind issue 15 (no English left inside the widgets of a Chinese page, no Chinese inside those of an
 * English page), shared by the chapters' check (i18n-leaks.spec.ts) and the embed pages' (widths.spec.ts, which
 * loads each embed page once for all that needs its widget computed): each `fm-*` element's reader-visible text is
 * collected once every widget has reported its first result (i18n-collect.ts says what is collected and skipped),
 * and judged by i18n-text.ts: Latin words outside its small allow-list fail a Chinese page, any Chinese fails an
 * English one. A failure lists the offending words per widget; the full list (each text, where it was found, hidden
 * or not) is attached as leaks-<name>.json.
 *
 * `?lang=` on embed pages: the page is meant to set `<html lang>` from it itself. So that these checks do not depend
 * on that, langFromQueryFallback's init script also sets `lang` on <html> from the query when the document turns
 * `interactive` (after parsing, before the page's module scripts run and create the widget) and records what the page
 * had set, which the embed test reports (an annotation) without failing on it: the page's own handling is tested with
 * the site.
 */
import { expect, type Page } from '@playwright/test';
import { test } from './support.ts';
import { WIDGETS } from '../../src/lib/widget/registry.ts';
import { collectWidgetTexts, type CollectedText } from './i18n-collect.ts';
import { latinWords, wordsByWidget, type Leak, type LeakLang } from './i18n-text.ts';

export { findLeaks } from './i18n-text.ts';
export type { Leak, LeakLang } from './i18n-text.ts';

/** The first result of the heaviest widgets (a model to load, a first training step) on SwiftShader under load. */
export const FIRST_RESULT_MS = 150_000;
export const WIDGET_TAGS = WIDGETS.map((w) => w.tag).join(', ');

/** Sets <html lang> from ?lang= before the page's scripts run (see the header); `window.fmPageLang`: the page's own. */
export async function langFromQueryFallback(page: Page): Promise<void> {
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
export async function awaitFirstResults(page: Page): Promise<void> {
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
export async function adapterWords(page: Page): Promise<Set<string>> {
  const info = await page.evaluate(async () => {
    const adapter = await navigator.gpu?.requestAdapter();
    return adapter ? `${adapter.info.vendor} ${adapter.info.architecture}` : '';
  });
  return new Set(latinWords(info).map((w) => w.toLowerCase()));
}

export async function collect(page: Page): Promise<CollectedText[]> {
  return page.evaluate(collectWidgetTexts);
}

/** Fails with the offending words per widget; attaches every leaking text for the translators. */
export async function expectNoLeaks(leaks: Leak[], lang: LeakLang, name: string): Promise<void> {
  await test.info().attach(`leaks-${name}.json`, { body: JSON.stringify(leaks, null, 1), contentType: 'application/json' });
  expect(wordsByWidget(leaks), `${lang === 'zh-CN' ? 'English' : 'Chinese'} words inside widgets (${name})`).toEqual({});
}

