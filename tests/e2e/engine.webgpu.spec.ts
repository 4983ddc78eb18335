import { test, expect } from './support.ts';

test('a lost GPU device moves the engine to WebGL and tells the reader', async ({ page }) => {
  await page.goto('/device/');
  await expect(page.locator('fm-engine-report')).toHaveAttribute('status', 'ready');
  await expect(page.locator('fm-engine-report [data-field="backend"]')).toHaveText('WebGPU');
  // Destroying the device is how the browser reports a lost GPU (driver reset, tab in background too long…).
  await page.evaluate(async () => {
    const engine = await window.FeatureMaps!.getEngine();
    (engine.tf.backend() as unknown as { device: GPUDevice }).device.destroy();
  });
  await expect(page.locator('fm-engine-report [data-field="backend"]')).toHaveText(/WebGL|CPU/);
  await expect(page.locator('fm-engine-report [data-field="log"]')).toContainText('the GPU device was lost');
  const after = await page.evaluate(async () => {
    const e = await window.FeatureMaps!.getEngine();
    const x = e.tf.tensor1d([1, 2, 3]);
    const y = e.tf.mul(x, 2);
    const data = Array.from(await y.data());
    e.tf.dispose([x, y]);
    return { backend: e.backend, data };
  });
  expect(after.backend).not.toBe('webgpu');
  expect(after.data).toEqual([2, 4, 6]);
});
