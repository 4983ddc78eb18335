/** Chapter 3's page: every widget placed in it computes, and the page passes axe (WCAG 2 A/AA) in light and dark. */
import { test, expect, axeViolations } from './support.ts';

const TAGS = ['fm-activation-plot', 'fm-activation-maps', 'fm-vanishing-gradients'];

for (const theme of ['light', 'dark'] as const) {
  test(`chapter page: widgets ready, axe clean (${theme})`, { tag: '@page' }, async ({ page, watch }) => {
    void watch;
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme: theme });
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await page.goto('/chapters/activations/');
    await expect(page.locator('h1')).toHaveText('Activation functions');
    for (const tag of TAGS) {
      for (const widget of await page.locator(tag).all()) {
        await widget.scrollIntoViewIfNeeded();
        await expect(widget).toHaveAttribute('status', 'ready', { timeout: 120_000 });
      }
    }
    expect(await page.locator('.fm-predict').count()).toBeGreaterThanOrEqual(10);
    expect(await axeViolations(page)).toEqual([]);
  });
}
