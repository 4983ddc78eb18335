/**
 * The book under a strict Content-Security-Policy (scripts/serve.mts serves every page under /csp/… with it):
 * `default-src 'self'; script-src 'self'` — no 'unsafe-inline', no 'unsafe-eval', no 'wasm-unsafe-eval' — plus, on
 * book pages only, the hashes of Starlight's small inline scripts. Every widget must still run and compute on the
 * project's backend, and no script, worker, connection or image may be refused. Inline styles (the widgets' shadow-
 * root <style> elements, style="" attributes) are still refused under this policy; they are counted in the test's
 * annotations, not failed here, until the widgets' CSS moves to constructable stylesheets (a policy that allows them
 * needs `style-src 'self' 'unsafe-inline'`).
 */
import { test, expect, type Page } from '@playwright/test';
import { WIDGETS } from '../../src/lib/widget/registry.ts';

const STRICT = "default-src 'self'; script-src 'self'";
const STYLE = /^style-src/;
/**
 * What the policy could refuse does not depend on the backend, except TensorFlow.js's backend code itself: the fallback
 * project runs one widget on WebGL (its programs compiled under the policy); the webgpu project runs it and two widgets
 * that run our own WGSL programs (AdaBN, probes; the lab and the doodle classifier train with the same programs, and
 * run on the CPU, where they are quicker); every other widget runs once, on the CPU (`page` project).
 */
const BOTH_PROJECTS = new Set(['softmax-explorer']);
const ON_WEBGPU = new Set(['domain-shift', 'feature-reuse']);
/** Small settings for the widgets whose first result is slow on a software GPU (the defaults are tested elsewhere). */
const SMALL: Record<string, string> = { 'domain-shift': '?images=20&labels=0', 'feature-reuse': '?labels=2' };

/** Every policy violation and console error on the page, from before its first script runs. */
async function watchPolicy(page: Page): Promise<{ refused: () => Promise<string[]>; styles: () => Promise<number>; console: string[] }> {
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    // Chromium logs each refused inline style as a console error; those are counted from the events instead.
    if (m.type() === 'error' && !/^Applying inline style violates/.test(m.text())) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
  });
  const all = () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
  return {
    refused: async () => (await all()).filter((v) => !STYLE.test(v)),
    styles: async () => (await all()).filter((v) => STYLE.test(v)).length,
    console: consoleErrors,
  };
}

test.describe('strict CSP', () => {
  for (const { slug, tag } of WIDGETS) {
    const tags = BOTH_PROJECTS.has(slug) ? {} : { tag: ON_WEBGPU.has(slug) ? '@webgpu-only' : '@page' };
    test(`embed page of ${slug}: scripts run, the widget computes, nothing but inline styles refused`, tags, async ({ page }, info) => {
      const policy = await watchPolicy(page);
      const response = await page.goto(`/csp/embed/${slug}/${SMALL[slug] ?? ''}`);
      // Embed pages hold no inline script at all, so their policy is exactly the strict one.
      expect(response!.headers()['content-security-policy']).toBe(STRICT);
      const el = page.locator(tag);
      await expect(el).toHaveAttribute('status', 'ready', { timeout: 110_000 });
      const backend = await page.evaluate(() => window.FeatureMaps?.peekEngine()?.then((e) => e.backend) ?? null);
      if (BOTH_PROJECTS.has(slug)) expect(backend, 'the widget that stands for TensorFlow.js runs on the engine').not.toBeNull();
      if (backend !== null) expect(backend === 'webgpu').toBe(info.project.name === 'webgpu');
      expect(await policy.refused(), 'refused by the policy').toEqual([]);
      expect(policy.console, 'console errors').toEqual([]);
      info.annotations.push({ type: 'style-src', description: `${await policy.styles()} inline styles refused` });
    });
  }

  test('a chapter: Starlight’s inline scripts run by hash, a widget computes, no script refused', { tag: '@page' }, async ({ page }) => {
    const policy = await watchPolicy(page);
    const response = await page.goto('/csp/chapters/convolution/');
    const header = response!.headers()['content-security-policy']!;
    expect(header).toMatch(/^default-src 'self'; script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
    expect(header).not.toMatch(/unsafe/);
    // The theme picker is wired by an inline script: it exists only if that script ran.
    expect(await page.evaluate(() => typeof (window as unknown as { StarlightThemeProvider?: unknown }).StarlightThemeProvider)).toBe('object');
    const widget = page.locator('fm-conv-stepper').first();
    await widget.scrollIntoViewIfNeeded();
    await expect(widget).toHaveAttribute('status', 'ready', { timeout: 110_000 });
    // Starlight's stylesheets draw a few icons from data: URLs (refused here: a book page's policy needs img-src data:).
    expect((await policy.refused()).filter((v) => !/^img-src data /.test(v)), 'refused by the policy').toEqual([]);
    expect(policy.console.filter((m) => !/^Loading the image 'data:/.test(m)), 'console errors').toEqual([]);
  });
});
