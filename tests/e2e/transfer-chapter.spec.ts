/**
 * Chapter 5's page: listed on the landing page and in the sidebar, its measured-results tables and charts
 * built from src/data/experiments.json (numbers checked against the file), and axe clean (WCAG 2 A/AA) in
 * light and dark. The page ships no script for the results: they are static HTML and SVG.
 */
import { readFileSync } from 'node:fs';
import { test, expect, axeViolations } from './support.ts';
import type { ExperimentResults } from '../../src/lib/experiments/results.ts';

const results = JSON.parse(readFileSync('src/data/experiments.json', 'utf8')) as ExperimentResults;
const done = results.tasks.filter((t) => t.status === 'done');
// The main tables and charts show the grid's strategies; the augmented arms have their own table.
const grid = results.strategies.filter((s) => (s.group ?? 'grid') === 'grid');
const URL = '/chapters/transfer-learning/';

test('landing page and sidebar list the chapter as Chapter 5', { tag: '@webgpu-only' }, async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  const item = page.locator('.fm-chapter-list li', { hasText: 'Transfer learning' });
  await expect(item).toHaveAttribute('value', '5');
  await expect(item.getByRole('link', { name: 'Transfer learning' })).toHaveAttribute('href', URL);
  await page.goto(URL);
  await expect(page.locator('nav[aria-label="Main"]').getByRole('link', { name: 'Transfer learning' })).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('.fm-chapter-meta')).toContainText('Chapter 5');
});

test('the results tables print the measured means ± sd and every seed, the charts a line per strategy they draw', { tag: '@webgpu-only' }, async ({ page, watch }) => {
  void watch;
  await page.goto(URL);
  expect(done.length).toBeGreaterThan(0);
  for (const task of done) {
    const table = page.locator('.fm-experiment-table table', { has: page.locator('caption', { hasText: task.title }) });
    await expect(table).toHaveCount(1);
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(grid.length);
    for (const [r, s] of grid.entries()) {
      await expect(rows.nth(r).locator('th')).toHaveText(s.label);
      for (const [col, n] of results.perClass.entries()) {
        const c = task.summary!.find((x) => x.strategy === s.id && x.perClass === n)!;
        const cell = rows.nth(r).locator('td').nth(col);
        await expect(cell).toContainText(`${(c.mean * 100).toFixed(1)} ± ${(c.sd * 100).toFixed(1)}`);
        await expect(cell).toContainText(c.accuracies.map((a) => (a * 100).toFixed(1)).join(' · '));
      }
    }
    const chart = page.locator('figure.fm-experiment-chart', { has: page.locator('figcaption', { hasText: task.title }) });
    await expect(chart.locator('svg[role="img"]')).toHaveCount(1);
    // The chart draws a chosen subset of the grid (the table has all of it): each legend entry one of its strategies.
    const legend = await chart.locator('.fm-chart-legend li').allTextContents();
    expect(legend.length).toBeGreaterThanOrEqual(3);
    expect(legend.map((l) => l.trim()).every((l) => grid.some((s) => s.label === l))).toBe(true);
    expect(legend.map((l) => l.trim())).toContain('Feature extraction at pool2');
  }
  // No number in running text is typed by hand where the file has it: all come through the components.
  expect(await page.locator('.fm-measured').count()).toBeGreaterThan(10);
});

for (const theme of ['light', 'dark'] as const) {
  test(`chapter page: math, predict questions, axe clean (${theme})`, { tag: '@webgpu-only' }, async ({ page, watch }) => {
    void watch;
    test.setTimeout(240_000); // axe on a long page takes a minute on the shared test machine
    await page.emulateMedia({ colorScheme: theme });
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await page.goto(URL);
    await expect(page.locator('h1')).toHaveText('Transfer learning');
    expect(await page.locator('.sl-markdown-content math').count()).toBeGreaterThan(5);
    expect(await page.locator('.fm-predict').count()).toBeGreaterThanOrEqual(6);
    // The four widgets sit in the chapter, each in a captioned figure with its embed link.
    for (const slug of ['feature-reuse', 'finetune-lab', 'domain-shift', 'doodle-classes']) {
      const figure = page.locator('.fm-widget-figure', { has: page.locator(`fm-${slug}#fig-${slug}`) });
      await expect(figure).toHaveCount(1);
      await expect(page.locator(`#fig-${slug}-caption`)).not.toBeEmpty();
      await expect(figure.locator('fm-embed-control')).toHaveAttribute('widget', slug);
    }
    expect(await axeViolations(page)).toEqual([]);
  });
}
