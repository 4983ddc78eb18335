import { test, expect, axeViolations } from './support.ts';

/** The engine as the reader sees it on /device/: backend, adapter and the reasons for any fallback. */
test.describe('engine on /device/', () => {
  test('chooses WebGPU when the browser has it, else says why not', async ({ page, watch }, info) => {
    await page.goto('/device/');
    const report = page.locator('fm-engine-report');
    await expect(report).toHaveAttribute('status', 'ready');
    const engine = await page.evaluate(async () => {
      const e = await window.FeatureMaps!.getEngine();
      return { backend: e.backend, adapter: e.adapter, fallbackReason: e.fallbackReason ?? null };
    });
    if (info.project.name === 'webgpu') {
      expect(engine.backend).toBe('webgpu');
      expect(engine.adapter?.architecture).toBe('swiftshader');
      expect(engine.adapter?.isSoftware).toBe(true);
      expect(engine.fallbackReason).toBeNull();
      await expect(report.locator('[data-field="backend"]')).toHaveText('WebGPU');
      await expect(page.locator('fm-device-badge').first()).toHaveAttribute('data-backend', 'webgpu');
    } else {
      expect(['webgl', 'cpu']).toContain(engine.backend);
      // Chromium with WebGPU switched off still has navigator.gpu, but no adapter; without it, navigator.gpu is missing.
      expect(engine.fallbackReason).toMatch(/navigator\.gpu is missing|no usable GPU adapter/);
      await expect(report.locator('[data-role="summary"]')).toContainText('Not on WebGPU because');
    }
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('?backend=cpu forces the CPU and says it was asked for', async ({ page }) => {
    await page.goto('/device/?backend=cpu');
    await expect(page.locator('fm-engine-report')).toHaveAttribute('status', 'ready');
    await expect(page.locator('fm-engine-report [data-field="backend"]')).toHaveText('CPU');
    await expect(page.locator('fm-engine-report [data-field="log"]')).toContainText('the page asked for cpu');
  });

  test('an unknown ?backend= value is ignored, not obeyed or echoed as HTML', async ({ page }, info) => {
    await page.goto('/device/?backend=%3Cscript%3Ealert(1)%3C/script%3E');
    await expect(page.locator('fm-engine-report')).toHaveAttribute('status', 'ready');
    const engine = await page.evaluate(async () => {
      const e = await window.FeatureMaps!.getEngine();
      return { backend: e.backend, log: e.log };
    });
    expect(engine.log.join(' ')).not.toContain('the page asked for');
    if (info.project.name === 'webgpu') expect(engine.backend).toBe('webgpu');
    else expect(['webgl', 'cpu']).toContain(engine.backend);
    expect(await page.locator('script:text("alert(1)")').count()).toBe(0);
  });
});
