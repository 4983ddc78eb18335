import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartGeometry, DEFAULT_SIZE } from '../../../src/lib/experiments/chart.ts';
import { markerFill, markerPath, STRATEGY_CSS, STRATEGY_STYLE } from '../../../src/lib/experiments/palette.ts';
import { STRATEGIES, STRATEGY_IDS } from '../../../src/lib/experiments/strategies.ts';
import type { ConfigSummary } from '../../../src/lib/experiments/stats.ts';

const c = (strategy: string, perClass: number, mean: number, sd: number): ConfigSummary => ({ strategy, perClass, mean, sd, n: 3, seeds: [1, 2, 3], accuracies: [] });
const summary = [c('full', 1, 0.5, 0.1), c('full', 10, 0.8, 0.05), c('full', 100, 0.95, 0.1), c('scratch', 1, 0.3, 0), c('scratch', 100, 0.9, 0.02)];
const { width, height, margin: m } = DEFAULT_SIZE;
const yOf = (v: number) => height - m.bottom - v * (height - m.bottom - m.top);

describe('chartGeometry', () => {
  const g = chartGeometry(summary, ['full', 'scratch'], [1, 10, 100], 5);

  it('puts label counts on a log axis: 10 halfway between 1 and 100', () => {
    expect(g.xTicks.map((t) => t.value)).toEqual([1, 10, 100]);
    expect(g.xTicks[0]!.x).toBeCloseTo(m.left, 9);
    expect(g.xTicks[2]!.x).toBeCloseTo(width - m.right, 9);
    expect(g.xTicks[1]!.x).toBeCloseTo((m.left + width - m.right) / 2, 9);
  });

  it('maps accuracy 0–1 linearly to the plot height, with chance at 1 / classes', () => {
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    g.yTicks.forEach((t) => expect(t.y).toBeCloseTo(yOf(t.value), 9));
    expect(g.chanceY).toBeCloseTo(yOf(0.2), 9);
  });

  it('draws a point per measured configuration and skips the missing ones', () => {
    const [full, scratch] = g.series;
    expect(full!.points.map((p) => p.perClass)).toEqual([1, 10, 100]);
    expect(scratch!.points.map((p) => p.perClass)).toEqual([1, 100]);
    expect(full!.points[1]!.y).toBeCloseTo(yOf(0.8), 9);
    expect(full!.line.startsWith('M')).toBe(true);
  });

  it('bands span mean ± sd, clamped to 0–100%', () => {
    const ys = (path: string) => [...path.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((mm) => Number(mm[2]));
    const band = ys(g.series[0]!.band);
    // upper edge left to right, then lower edge right to left
    expect(band[0]).toBeCloseTo(yOf(0.6), 1);
    expect(band[2]).toBeCloseTo(yOf(1), 1); // 0.95 + 0.1 clamped at 1
    expect(band[3]).toBeCloseTo(yOf(0.85), 1);
    expect(band[5]).toBeCloseTo(yOf(0.4), 1);
  });
});

describe('strategy palette', () => {
  it('gives every strategy a colour for light and dark pages, a distinct dash and a distinct marker', () => {
    const styles = Object.values(STRATEGY_STYLE);
    expect(new Set(styles.map((s) => s.dash)).size).toBe(styles.length);
    expect(new Set(styles.map((s) => `${s.marker}${s.hollow ? ' (hollow)' : ''}`)).size).toBe(styles.length);
    // The strategies a chart shows by default (the grid) differ in the marker's shape itself.
    const grid = STRATEGY_IDS.filter((id) => STRATEGIES[id].group === 'grid');
    expect(new Set(grid.map((id) => STRATEGY_STYLE[id].marker)).size).toBe(grid.length);
    // An augmented arm: its baseline's colour, a hollow marker.
    for (const id of STRATEGY_IDS.filter((i) => STRATEGIES[i].baseline)) {
      const base = STRATEGY_STYLE[STRATEGIES[id].baseline!];
      expect([STRATEGY_STYLE[id].light, STRATEGY_STYLE[id].dark, STRATEGY_STYLE[id].hollow]).toEqual([base.light, base.dark, true]);
      expect(markerFill(id)).toBe('none');
    }
    expect(markerFill('full')).toBe('var(--fm-strategy-full)');
    for (const id of Object.keys(STRATEGY_STYLE)) expect(STRATEGY_CSS).toContain(`--fm-strategy-${id}:`);
    for (const kind of ['circle', 'square', 'triangle', 'triangle-down', 'diamond', 'cross', 'plus', 'star'] as const) expect(markerPath(kind, 10, 10)).toMatch(/^M[\d.]+,[\d.]+/);
  });

  it('the book\'s stylesheet src/styles/strategies.css is STRATEGY_CSS (pages load it once; no <style> in the body)', () => {
    const css = readFileSync(new URL('../../../src/styles/strategies.css', import.meta.url), 'utf8');
    expect(css.replace(/^\/\*.*\*\/\n/, '').trimEnd()).toBe(STRATEGY_CSS);
  });

  it('light colours keep at least 3:1 contrast on white, dark ones on the dark page (WCAG non-text contrast)', () => {
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x! + 0.05) / (y! + 0.05); };
    for (const [id, s] of Object.entries(STRATEGY_STYLE)) {
      expect(contrast(s.light, '#ffffff'), id).toBeGreaterThanOrEqual(3);
      expect(contrast(s.dark, '#17181c'), id).toBeGreaterThanOrEqual(3);
    }
  });

  it('a star has five points, the first straight up', () => {
    const pts = [...markerPath('star', 0, 0, 4).matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(pts).toHaveLength(10);
    expect(pts[0]![0]).toBeCloseTo(0, 6);
    expect(pts[0]![1]).toBeCloseTo(-5.2, 6);
  });
});
