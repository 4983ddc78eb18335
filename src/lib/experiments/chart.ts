/**
 * The geometry of the experiments chart — test accuracy against labelled examples per class (log axis), one
 * line per strategy with a band of ± one standard deviation over seeds — as plain numbers and SVG path strings,
 * so the chapter draws it at build time (no script on the page) and tests can check it.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { area, line } from 'd3-shape';
import type { ConfigSummary } from './stats.ts';
import type { StrategyId } from './strategies.ts';

export interface ChartSize { width: number; height: number; margin: { top: number; right: number; bottom: number; left: number } }

export const DEFAULT_SIZE: ChartSize = { width: 380, height: 270, margin: { top: 14, right: 14, bottom: 44, left: 50 } };

export interface SeriesPoint { perClass: number; mean: number; sd: number; x: number; y: number }
export interface Series { strategy: StrategyId; points: SeriesPoint[]; line: string; band: string }
export interface ChartGeometry {
  size: ChartSize;
  xTicks: { value: number; x: number }[];
  yTicks: { value: number; y: number }[];
  /** y of chance accuracy (1 / classes). */
  chanceY: number;
  series: Series[];
}

export function chartGeometry(summary: ConfigSummary[], strategies: StrategyId[], perClass: number[], classes: number, size: ChartSize = DEFAULT_SIZE): ChartGeometry {
  const { width, height, margin: m } = size;
  const x = scaleLog().domain([Math.min(...perClass), Math.max(...perClass)]).range([m.left, width - m.right]);
  const y = scaleLinear().domain([0, 1]).range([height - m.bottom, m.top]);
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const series = strategies.map((strategy) => {
    const points = perClass.flatMap((n) => {
      const c = summary.find((s) => s.strategy === strategy && s.perClass === n);
      return c ? [{ perClass: n, mean: c.mean, sd: c.sd, x: x(n), y: y(c.mean) }] : [];
    });
    const path = line<SeriesPoint>().x((p) => p.x).y((p) => p.y).digits(2)(points) ?? '';
    const band = area<SeriesPoint>().x((p) => p.x).y0((p) => y(clamp(p.mean - p.sd))).y1((p) => y(clamp(p.mean + p.sd))).digits(2)(points) ?? '';
    return { strategy, points, line: path, band };
  });
  return {
    size,
    xTicks: perClass.map((value) => ({ value, x: x(value) })),
    yTicks: [0, 0.2, 0.4, 0.6, 0.8, 1].map((value) => ({ value, y: y(value) })),
    chanceY: y(1 / classes),
    series,
  };
}
