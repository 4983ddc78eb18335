/**
 * A browser with neither WebGPU nor WebGL (no GPU process, no software rasteriser): every widget must still
 * compute, on TensorFlow.js's CPU backend, and its device badge must say why. Small settings keep the CPU's work
 * short; the launch differs from both projects, so the webgpu project runs this spec alone.
 */
import { test, expect } from './support.ts';
import { executablePath, quiet } from './chromium.ts';
import { WIDGETS } from '../../src/lib/widget/registry.ts';

test.use({ launchOptions: { executablePath, args: [...quiet, '--disable-features=WebGPU', '--disable-gpu', '--disable-software-rasterizer'] } });

/** Settings whose first result is quick on the CPU (the defaults are tested in the projects). */
const SMALL: Record<string, string> = {
  'domain-shift': 'images=20&labels=0', 'feature-reuse': 'labels=2', 'loss-race': 'per-class=2',
  'dataset-preview': 'per-class=2', 'finetune-lab': 'per-class=2&epochs=1',
};

test('no WebGPU, no WebGL: every widget computes on the CPU and says why', { tag: '@webgpu-only' }, async ({ page }) => {
  test.setTimeout(60_000 * WIDGETS.length);
  let onEngine = 0;
  for (const { slug, tag } of WIDGETS) {
    await page.goto(`/embed/${slug}/?${SMALL[slug] ?? ''}`);
    await expect(page.locator(tag), slug).toHaveAttribute('status', 'ready', { timeout: 120_000 });
    const engine = await page.evaluate(async () => {
      const e = await window.FeatureMaps?.peekEngine();
      return e ? { backend: e.backend, reason: e.fallbackReason ?? '' } : null;
    });
    // A few widgets compute in plain TypeScript and never start the engine (the stepper, the receptive field …).
    if (engine === null) continue;
    onEngine++;
    expect(engine.backend, slug).toBe('cpu');
    expect(engine.reason, slug).toMatch(/WebGPU was not used: .*then WebGL was not used: /);
    const badge = page.locator(`${tag} fm-device-badge, fm-device-badge`).first();
    await expect(badge, slug).toHaveAttribute('data-backend', 'cpu');
    await expect(badge.locator('.badge'), slug).toHaveAttribute('aria-label', /WebGL/);
  }
  expect(onEngine, 'widgets that computed on the engine').toBeGreaterThanOrEqual(10);
});
