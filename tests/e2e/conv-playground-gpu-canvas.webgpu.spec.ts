/**
 * <fm-conv-playground> drawing straight from the GPU: Chromium started with Vulkan compositing (SwiftShader), where
 * a WebGPU canvas works, and `?gpu-canvas=on` (a software adapter otherwise draws from the numbers: under GL
 * compositing a WebGPU canvas loses the device). Each edit's output is on the canvas on its colour scale, nothing
 * as large as an output is read back, and the picture stays uploaded across edits.
 */
import { test, expect } from './support.ts';
import { executablePath, quiet } from './chromium.ts';
import { checkEdits, el, open, tenEditsKeepTheImage } from './playground-pixels.ts';

test.use({ launchOptions: { executablePath, args: [...quiet, '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader', '--use-angle=swiftshader'] } });

test('drawn from the GPU: each edit\'s output on its colour scale, with no read-back of the output', async ({ page }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    const w = window as unknown as { __reads: number[] };
    w.__reads = [];
    const map = GPUBuffer.prototype.mapAsync;
    GPUBuffer.prototype.mapAsync = function (this: GPUBuffer, ...args: Parameters<typeof map>) {
      if (args[0] === GPUMapMode.READ) w.__reads.push(this.size);
      return map.apply(this, args);
    };
  });
  await open(page, '?gpu-canvas=on');
  await expect(el(page).locator('.maps canvas').first()).toHaveAttribute('data-context', 'webgpu');
  const reads = await page.evaluate(() => (window as unknown as { __reads: number[] }).__reads.length);
  await checkEdits(page);
  // Only [min, max] (8 bytes) comes back per edit for the legend; the getters' reads in checkEdits are of the
  // input (CPU-side) and kernel, so no read as large as an output happens.
  const big = await page.evaluate((n) => (window as unknown as { __reads: number[] }).__reads.slice(n).filter((b) => b >= 64 * 64 * 4), reads);
  expect(big).toEqual([]);
});

test('ten edits on the GPU canvas path keep the picture uploaded once', async ({ page }) => {
  test.setTimeout(120_000);
  await tenEditsKeepTheImage(page, '?gpu-canvas=on');
});
