/**
 * Reading offline: a reader saves a chapter, the server goes away (this spec runs its own copy of the site and
 * stops it, so nothing can come from the network), and the chapter still opens and its widgets still compute —
 * code, data and models from the service worker's cache. A chapter that was never opened does not load.
 */
import { test, expect } from './support.ts';
import { startSite, type SiteServer } from './site-server.ts';

let site: SiteServer | undefined;
test.afterEach(async () => {
  await site?.close();
  site = undefined;
});

test('a saved chapter opens and computes with the server gone; the indicator says so; an unsaved chapter does not open @page', async ({ page }) => {
  test.setTimeout(240_000);
  site = await startSite('dist');
  const url = site.url;
  await page.goto(`${url}chapters/pooling-and-networks/`);
  const box = page.locator('.fm-offline');
  const save = box.getByRole('button', { name: /Save for offline reading \(\d+\.\d MB\)/ });
  await expect(save).toBeVisible();
  await save.click();
  await expect(box.getByRole('status')).toHaveText(/Available offline/, { timeout: 120_000 });
  await expect(box.getByRole('button', { name: 'Remove the offline copy' })).toBeVisible();

  await site.close();
  site = undefined;
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Pooling');
  await expect(box.getByRole('status')).toHaveText(/Available offline/);
  for (const tag of ['fm-pool-explorer', 'fm-network-explorer']) {
    const el = page.locator(tag).first();
    await el.scrollIntoViewIfNeeded();
    await expect(el).toHaveAttribute('status', 'ready', { timeout: 90_000 });
  }
  const other = await page.goto(`${url}chapters/loss-functions/`).then((r) => r?.status() ?? 0, () => 0);
  expect(other, 'a chapter never opened cannot come from the cache').not.toBe(200);
});

test('Remove the offline copy empties the cache for that chapter; the control returns to Save @page', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/chapters/activations/');
  const box = page.locator('.fm-offline');
  await box.getByRole('button', { name: /Save for offline reading/ }).click();
  await expect(box.getByRole('status')).toHaveText(/Available offline/, { timeout: 90_000 });
  await box.getByRole('button', { name: 'Remove the offline copy' }).click();
  await expect(box.getByRole('button', { name: /Save for offline reading/ })).toBeVisible();
  const cached = await page.evaluate(async () => (await (await caches.open('feature-maps-v1')).match(location.pathname)) !== undefined);
  expect(cached).toBe(false);
});
