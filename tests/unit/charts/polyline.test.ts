import { describe, expect, it } from 'vitest';
import { line } from 'd3-shape';
import { scaleLinear, scaleLog } from 'd3-scale';
import { polylinePath } from '../../../src/lib/charts/polyline.ts';

const points = (d: string) => d.split(/[ML]/).filter(Boolean).map((p) => p.split(',').map(Number));

describe('polylinePath', () => {
  it('draws the points d3-shape’s line() draws, to 1/100 px', () => {
    const x = scaleLinear().domain([-4, 4]).range([36, 340]);
    const y = scaleLinear().domain([-1.5, 4]).range([150, 8]);
    const xs = Float64Array.from({ length: 321 }, (_, i) => -4 + i / 40);
    const ys = xs.map((v) => v / (1 + Math.exp(-1.702 * v)));
    const ours = polylinePath(xs, ys, x, y);
    const theirs = line<number>().x((_, i) => x(xs[i]!)).y((v) => y(v))(Array.from(ys))!;
    const a = points(ours), b = points(theirs);
    expect(a).toHaveLength(321);
    expect(a.length).toBe(b.length);
    for (let i = 0; i < a.length; i++) for (const k of [0, 1]) expect(Math.abs(a[i]![k]! - b[i]![k]!)).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(ours.startsWith('M')).toBe(true);
    expect(ours.match(/M/g)).toHaveLength(1);
  });
  it('breaks the line at a value that is not finite, and a flat domain maps every value to the range start', () => {
    const x = scaleLinear().domain([0, 3]).range([0, 30]);
    expect(polylinePath([0, 1, 2, 3], [0, NaN, 2, 3], x, scaleLinear().domain([0, 3]).range([30, 0]))).toBe('M0,30M20,10L30,0');
    expect(polylinePath([0, 1], [5, 6], x, scaleLinear().domain([1, 1]).range([7, 9]))).toBe('M0,7L10,7');
    expect(polylinePath([], [], x, x)).toBe('');
    expect(() => polylinePath([1, 2], [1, 2], x, scaleLog().domain([1, 10]).range([0, 1]))).toThrow(/linear scales only/);
  });
});
