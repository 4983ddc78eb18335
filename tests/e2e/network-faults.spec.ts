/**
 * The network goes away after the page has loaded: every request for a data, model or sample file fails (a real
 * aborted request, page.route). Each widget that fetches such files must say which file could not be loaded,
 * end in status="error" (never stuck at loading), and offer a Retry that works once the network is back.
 * Backend-independent, so each runs once: on the CPU in the `page` project (the lab too), feature reuse and domain
 * shift on WebGPU (the CPU is no quicker for them).
 */
import type { Page, Route } from '@playwright/test';
import { test, expect, routeUntil } from './support.ts';

const ASSETS = /\/(data|models|samples)\/[^?]+\.(json|bin|u8|jpg|png)(\?|$)/;
/** A file name as the widget should show it: a path under data/ or models/, or a sample picture. */
const NAMED = /(manifest\.json|[\w-]+\/[\w-]+\.u8|models\/[\w-]+\/(model\.json|weights\.bin)|sample picture \w+)/;

interface Case {
  slug: string;
  /** Settings for a first result that is quick to compute. */
  query: string;
  /** A change of settings that needs files the page has not fetched yet; none: the widget fetches everything as it
   * starts, so the network goes away after the page's own HTML and code have loaded but before its data. */
  change?: Record<string, string>;
}

const CASES: Case[] = [
  { slug: 'dataset-preview', query: 'dataset=digits&split=train&per-class=2', change: { split: 'test' } },
  { slug: 'conv-playground', query: 'image=coins&kernel=sobel-x', change: { image: 'brick' } },
  { slug: 'network-explorer', query: 'model=digits04-cnn', change: { model: 'fashion-cnn' } },
  { slug: 'loss-race', query: 'per-class=2', change: { 'per-class': '3' } },
  { slug: 'doodle-classes', query: 'source=digits04-cnn', change: { source: 'fashion-cnn' } },
  { slug: 'feature-reuse', query: 'labels=2', change: { model: 'fashion-cnn' } },
  { slug: 'domain-shift', query: 'images=20&labels=0' },
];

/** Cuts the network for the widget's files until `restore()` (support.ts: the route stays, passing them on). */
function cut(page: Page, failed: string[]): Promise<{ restore(): void }> {
  return routeUntil(page, ASSETS, async (route: Route) => {
    failed.push(new URL(route.request().url()).pathname);
    await route.abort('internetdisconnected');
  });
}

for (const { slug, query, change } of CASES) {
  test(`${slug}: network cut after load — the file named, status error, Retry works when it is back`, { tag: ['feature-reuse', 'domain-shift'].includes(slug) ? '@webgpu-only' : '@page' }, async ({ page, watch }) => {
    test.setTimeout(300_000);
    const el = page.locator(`fm-${slug}`);
    const failed: string[] = [];
    let abort = change ? null : await cut(page, failed);
    await page.goto(`/embed/${slug}/?${query}`);
    if (change) {
      await expect(el).toHaveAttribute('status', 'ready', { timeout: 200_000 });
      abort = await cut(page, failed);
      await el.evaluate((e, a) => { for (const [k, v] of Object.entries(a)) e.setAttribute(k, v); }, change);
    }
    await expect(el).toHaveAttribute('status', 'error', { timeout: 60_000 });
    expect(failed.length, 'requests the cut refused').toBeGreaterThan(0);
    const message = el.locator('[data-role="message"]');
    await expect(message).toContainText(NAMED);
    const retry = el.getByRole('button', { name: 'Retry' });
    await expect(retry).toBeVisible();
    abort!.restore();
    await retry.click();
    await expect(el).toHaveAttribute('status', 'ready', { timeout: 200_000 });
    await expect(message).toBeHidden();
    await expect(retry).toHaveCount(0);
    // The browser logs each refused request as a console error: those are the test's own doing.
    watch.consoleErrors.splice(0, Infinity, ...watch.consoleErrors.filter((m) => !/net::ERR_INTERNET_DISCONNECTED/.test(m)));
  });
}

test('finetune-lab: network cut before Train — the file named, the run marked, Retry trains once it is back', { tag: '@page' }, async ({ page, watch }) => {
  test.setTimeout(300_000);
  const el = page.locator('fm-finetune-lab');
  const failed: string[] = [];
  await page.goto('/embed/finetune-lab/?per-class=2&epochs=1');
  await expect(el).toHaveAttribute('status', 'ready', { timeout: 200_000 });
  const abort = await cut(page, failed);
  const states = () => el.evaluate((e: HTMLElementTagNameMap['fm-finetune-lab']) => e.getResults().map((r) => r.state));
  await el.evaluate((e: HTMLElementTagNameMap['fm-finetune-lab']) => void e.train());
  await expect.poll(states, { timeout: 60_000 }).toEqual(['error']);
  expect(failed.length, 'requests the cut refused').toBeGreaterThan(0);
  const message = el.locator('[data-role="message"]');
  await expect(message).toContainText(NAMED);
  const retry = el.getByRole('button', { name: 'Retry' });
  await expect(retry).toBeVisible();
  abort.restore();
  await retry.click();
  await expect.poll(states, { timeout: 200_000 }).toEqual(['done']);
  await expect(retry).toHaveCount(0);
  watch.consoleErrors.splice(0, Infinity, ...watch.consoleErrors.filter((m) => !/net::ERR_INTERNET_DISCONNECTED/.test(m)));
});
