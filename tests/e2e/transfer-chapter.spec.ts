/**
 * Chapter 5's page: listed on the landing page and in the sidebar, its measured-results tables and charts
 * built from src/data/experiments.json (numbers checked against the file). The page ships no script for the results:
 * they are static HTML and SVG. Its widgets computed, its figures and axe in light and dark: widths.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support.ts';
import type { ExperimentResults } from '../../src/lib/experiments/results.ts';

const results = JSON.parse(readFileSync('src/data/experiments.json', 'utf8')) as ExperimentResults;
const done = results.tasks.filter((t) => t.status === 'done');
// The main tables and charts show the grid's strategies; the augmented arms have their own table.
const grid = results.strategies.filter((s) => (s.group ?? 'grid') === 'grid');
const URL = '/chapters/transfer-learning/';

test('landing page and sidebar list the chapter as Chapter 5', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  const item = page.locator('.fm-chapter-list li', { hasText: 'Transfer learning' });
  await expect(item).toHaveAttribute('value', '5');
  await expect(item.getByRole('link', { name: 'Transfer learning' })).toHaveAttribute('href', URL);
  await page.goto(URL);
  await expect(page.locator('nav[aria-label="Main"]').getByRole('link', { name: 'Transfer learning' })).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('.fm-chapter-meta')).toContainText('Chapter 5');
});

test('the results tables print the measured means ± sd and every seed, the charts a line per strategy they draw', { tag: '@page' }, async ({ page, watch }) => {
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
