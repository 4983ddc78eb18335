import { describe, expect, it } from 'vitest';
import { channelOf, histogram, mapStats, zeroShares } from '../../../src/lib/activations/stats.ts';

describe('mapStats', () => {
  it('counts exact zeros only (and −0 as zero)', () => {
    const s = mapStats([0, -0, 1e-30, -2, 3]);
    expect(s).toMatchObject({ count: 5, zeros: 2, zeroFraction: 0.4, min: -2, max: 3 });
    expect(s.mean).toBeCloseTo(0.2, 15);
  });
  it('is defined on an empty map', () => expect(mapStats([])).toMatchObject({ count: 0, zeroFraction: 0, min: 0, max: 0 }));
});

describe('histogram', () => {
  it('puts each value in its bin, the maximum in the last, and clamps outliers', () => {
    const h = histogram([-1, -0.5, 0, 0.49, 0.5, 1, 7], -1, 1, 4);
    expect(h.edges).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(h.counts).toEqual([1, 1, 2, 3]);
  });
  it('counts sum to the number of values', () => {
    const v = Array.from({ length: 1000 }, (_, i) => Math.sin(i));
    expect(histogram(v, -1, 1, 17).counts.reduce((a, b) => a + b)).toBe(1000);
  });
});

describe('channelOf', () => {
  it('reads one channel of NHWC data', () => expect([...channelOf([1, 2, 3, 4, 5, 6], 3, 1)]).toEqual([2, 5]));
});

describe('zeroShares', () => {
  it('gives each channel\'s zero fraction as mapStats of channelOf does', () => {
    const c = 5;
    const data = Float32Array.from({ length: 37 * c }, (_, i) => (Math.sin(i * 12.9898) * 43758.5453 % 1 > 0.3 ? 0 : i % 7 === 0 ? -0 : Math.cos(i)));
    const want = Array.from({ length: c }, (_, k) => mapStats(channelOf(data, c, k)).zeroFraction);
    expect(zeroShares(data, c)).toEqual(want);
    expect(want.some((f) => f > 0 && f < 1)).toBe(true);
  });
  it('is 0 for every channel of an empty block', () => expect(zeroShares([], 3)).toEqual([0, 0, 0]));
});
