/**
 * Faults a reader can meet, injected with real TensorFlow.js (no mock): a kernel that throws inside a widget's
 * computation must end in status="error" with the message and a Retry that works once the fault is gone.
 */
import type { Page } from '@playwright/test';
import { test, expect, routeUntil } from './support.ts';

type Kernel = { kernelName: string; backendName: string; kernelFunc: (...a: unknown[]) => unknown };
type TfLike = { getBackend(): string; getKernel(n: string, b: string): Kernel | undefined; unregisterKernel(n: string, b: string): void; registerKernel(k: Kernel): void };

/** Replaces the current backend's kernels `names` with ones that throw (or puts the originals back). */
async function breakKernel(page: Page, names: string | string[], broken: boolean): Promise<string> {
  return page.evaluate(async ({ names, broken }) => {
    const w = window as unknown as { FeatureMaps: { getEngine(): Promise<{ tf: TfLike }> }; __saved?: Record<string, Kernel> };
    const { tf } = await w.FeatureMaps.getEngine();
    const backend = tf.getBackend();
    w.__saved ??= {};
    for (const name of names) {
      if (broken) {
        w.__saved[name] = tf.getKernel(name, backend)!;
        tf.unregisterKernel(name, backend);
        tf.registerKernel({ kernelName: name, backendName: backend, kernelFunc: () => { throw new Error(`injected fault in ${name}`); } });
      } else {
        tf.unregisterKernel(name, backend);
        tf.registerKernel(w.__saved[name]!);
      }
    }
    return backend;
  }, { names: typeof names === 'string' ? [names] : names, broken });
}

test('a kernel that throws: status error, the message, and Retry recomputes once it works again', { tag: '@webgpu-only' }, async ({ page }) => {
  await page.goto('/embed/conv-playground/?image=coins&kernel=sobel-x');
  const el = page.locator('fm-conv-playground');
  await expect(el).toHaveAttribute('status', 'ready', { timeout: 90_000 });
  expect(await breakKernel(page, 'Conv2D', true)).toBe('webgpu');
  await el.evaluate((e) => e.setAttribute('stride', '2'));
  await expect(el).toHaveAttribute('status', 'error');
  await expect(el.locator('[data-role="message"]')).toContainText('injected fault in Conv2D');
  const retry = el.getByRole('button', { name: 'Retry' });
  await expect(retry).toBeVisible();
  await breakKernel(page, 'Conv2D', false);
  await retry.click();
  await expect(el).toHaveAttribute('status', 'ready', { timeout: 60_000 });
  await expect(retry).toHaveCount(0);
  await expect(el.locator('[data-role="message"]')).toBeHidden();
});

test('a kernel that throws inside a shipped model\'s forward pass: status error, the message, Retry', { tag: '@webgpu-only' }, async ({ page }) => {
  await page.goto('/embed/network-explorer/?model=digits04-cnn');
  const el = page.locator('fm-network-explorer');
  await expect(el).toHaveAttribute('status', 'ready', { timeout: 90_000 });
  // The forward pass may run a plain or a fused convolution: both fail.
  await breakKernel(page, ['Conv2D', 'FusedConv2D'], true);
  await el.evaluate((e) => e.setAttribute('image', '7'));
  await expect(el).toHaveAttribute('status', 'error');
  await expect(el.locator('[data-role="message"]')).toContainText(/injected fault in (Fused)?Conv2D/);
  await breakKernel(page, ['Conv2D', 'FusedConv2D'], false);
  await el.getByRole('button', { name: 'Retry' }).click();
  await expect(el).toHaveAttribute('status', 'ready', { timeout: 60_000 });
  await expect(el.locator('[data-role="message"]')).toBeHidden();
  expect(await el.getAttribute('image')).toBe('7');
});

test('a widget whose code cannot load: the error, a train() that rejects instead of waiting for ever, and a Retry that works once the network is back', { tag: '@webgpu-only' }, async ({ page }) => {
  const block = (route: import('@playwright/test').Route) => route.abort('internetdisconnected');
  // The file whatever its query: a failed import is tried again at a new query (src/lib/widget/import-again.ts), as
  // the browser may keep the failure for the plain URL (Chromium 150 does).
  const chunk = '**/widgets/v1/chunks/lab-runner-*.js*';
  const network = await routeUntil(page, chunk, block);
  await page.goto('/embed/finetune-lab/');
  const el = page.locator('fm-finetune-lab');
  await expect(el).toHaveAttribute('status', 'error', { timeout: 90_000 });
  await expect(el.locator('[data-role="message"]')).toContainText('could not start');
  const trained = await el.evaluate((e) => (e as unknown as { train(): Promise<unknown> }).train().then(() => 'resolved', (err: Error) => `rejected: ${err.message}`));
  expect(trained).toMatch(/^rejected: /);
  network.restore();
  await el.getByRole('button', { name: 'Retry' }).click();
  await expect(el).toHaveAttribute('status', 'ready', { timeout: 90_000 });
  await expect(el.locator('[data-role="message"]')).toBeHidden();
});

test('an element whose own module cannot load is loaded by the next scan once the network is back, though the browser keeps the failure', { tag: '@page' }, async ({ page }) => {
  // Chromium 150 keeps a module whose fetch failed for its URL; src/lib/widget/entry.ts loads through importAgain,
  // which asks for it again at a fresh query. Blocked whatever the query, as a network that is down would.
  const block = (route: import('@playwright/test').Route) => route.abort('internetdisconnected');
  const chunk = '**/widgets/v1/chunks/receptive-field.element-*.js*';
  const network = await routeUntil(page, chunk, block);
  const warned = page.waitForEvent('console', (m) => m.type() === 'warning' && m.text().includes('could not load <fm-receptive-field>'));
  await page.goto('/embed/receptive-field/');
  await warned;
  expect(await page.evaluate(() => customElements.get('fm-receptive-field') === undefined)).toBe(true);
  network.restore();
  // A page that adds a figure later (the gallery switching widget, a host page's script) scans again.
  await page.evaluate(() => document.body.append(document.createElement('fm-receptive-field')));
  await page.waitForFunction(() => customElements.get('fm-receptive-field') !== undefined, null, { timeout: 30_000 });
  await expect(page.locator('fm-receptive-field').first()).toHaveAttribute('status', 'ready', { timeout: 60_000 });
});
