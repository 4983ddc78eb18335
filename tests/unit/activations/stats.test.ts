import { describe, expect, it } from 'vitest';
import { channelOf, histogram, mapStats } from '../../../src/lib/activations/stats.ts';

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
