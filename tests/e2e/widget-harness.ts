/**
 * The shared harness of a widget's browser spec: the element on its `/embed/<slug>/` page, every `fm-result` it
 * emits (collected by a script that runs before the page's own), the text of its message, and setting attributes
 * then waiting for the result they cause.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from './support.ts';

export interface HarnessOptions {
  /** How long the first result and each awaited result may take (first WebGPU compiles on a software GPU are slow). */
  timeout?: number;
  /** After a result, wait this long and check `status="ready"` again (a debounced run may follow the first result). */
  settle?: number;
}

export interface Harness<D> {
  el(page: Page): Locator;
  /** Opens the embed page with a query string and waits for `status="ready"`; the latest result. */
  open(page: Page, query?: string): Promise<D>;
  last(page: Page): Promise<D>;
  count(page: Page): Promise<number>;
  /** The message the widget shows (role=alert), or '' while it is hidden. */
  message(page: Page): Promise<string>;
  /** Sets (or, with null, removes) attributes and waits for the result they cause. */
  set(page: Page, attrs: Record<string, string | null>): Promise<D>;
}

export function widgetHarness<D>(slug: string, options: HarnessOptions = {}): Harness<D> {
  const { timeout = 90_000, settle = 0 } = options;
  const el = (page: Page) => page.locator(`fm-${slug}`);
  const last = (page: Page) => page.evaluate(() => (window as unknown as { results: D[] }).results.at(-1)!) as Promise<D>;
  const count = (page: Page) => page.evaluate(() => (window as unknown as { results: unknown[] }).results.length);
  return {
    el,
    last,
    count,
    async open(page, query = '') {
      await page.addInitScript(() => {
        const w = window as unknown as { results: unknown[] };
        w.results = [];
        document.addEventListener('fm-result', (e) => w.results.push((e as CustomEvent).detail));
      });
      await page.goto(`/embed/${slug}/${query ? `?${query}` : ''}`);
      await expect(el(page)).toHaveAttribute('status', 'ready', { timeout });
      return last(page);
    },
    message: (page) => el(page).evaluate((e) => {
      const m = e.shadowRoot!.querySelector<HTMLElement>('[data-role="message"]')!;
      return m.hidden ? '' : m.textContent!;
    }),
    async set(page, attrs) {
      const n = await count(page);
      await el(page).evaluate((e, a) => {
        for (const [k, v] of Object.entries(a)) if (v === null) e.removeAttribute(k); else e.setAttribute(k, v);
      }, attrs);
      await expect.poll(() => count(page), { timeout }).toBeGreaterThan(n);
      await expect(el(page)).toHaveAttribute('status', 'ready');
      if (settle > 0) {
        await page.waitForTimeout(settle);
        await expect(el(page)).toHaveAttribute('status', 'ready');
      }
      return last(page);
    },
  };
}
