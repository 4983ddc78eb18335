import { describe, expect, it } from 'vitest';
import { mapScale, mapScaleSliced, selectKth } from '../../../src/lib/activations/map-scale.ts';
import { lcg } from '../../../src/lib/random/lcg.ts';

describe('mapScale', () => {
  it('is its sliced form run straight through, which pauses between its passes', () => {
    const v = Float32Array.from({ length: 999 }, (_, i) => Math.cos(i * 1.3) * (i % 5));
    const gen = mapScaleSliced(v);
    let pauses = 0;
    let r = gen.next();
    for (; !r.done; r = gen.next()) pauses++;
    expect(pauses).toBe(2);
    expect(r.value).toEqual(mapScale(v));
  });

  it('takes the 99th percentile of |value|: a few strong pixels saturate instead of washing out the rest', () => {
    // 990 small values in [-1, 1] and 10 huge ones: a max scale would paint the 990 almost white.
    const v = Float32Array.from({ length: 1000 }, (_, i) => (i < 10 ? 100 : ((i % 21) - 10) / 10));
    const s = mapScale(v);
    expect(s.extent).toBe(1);
    expect(s.saturated).toBeCloseTo(0.01, 10);
    expect(s).toMatchObject({ signed: true, min: -1, max: 100 });
  });

  it('a ReLU map (non-negative, mostly zeros) is scaled to its own positive values, legend 0 … extent', () => {
    const v = Float32Array.from({ length: 200 }, (_, i) => (i % 2 ? 0 : i / 200));
    const s = mapScale(v);
    expect(s.signed).toBe(false);
    expect(s.extent).toBeCloseTo(0.97, 6); // the 99th percentile of |v|: rank 198 of 200 (101 zeros, then 0.01 … 0.99)
    expect(s.saturated).toBeCloseTo(0.01, 10); // 0.98 and 0.99
  });

  it('sparse maps fall back to their max; all-zero and empty maps keep a defined scale', () => {
    const sparse = new Float32Array(1000);
    sparse[3] = 0.25;
    expect(mapScale(sparse)).toMatchObject({ extent: 0.25, saturated: 0, signed: false });
    expect(mapScale(new Float32Array(16))).toMatchObject({ extent: 1, saturated: 0, min: 0, max: 0 });
    expect(mapScale([])).toMatchObject({ extent: 1, saturated: 0 });
  });

  it.each([[0.5, 2], [1, 4], [0.75, 3]])('quantile %s of |1,2,3,4| (nearest rank) is %s', (q, e) => {
    expect(mapScale([-1, 2, -3, 4], q).extent).toBe(e);
  });

  it('selection gives the value a full sort gives at every rank (ties, ReLU zeros, random values)', () => {
    const next = lcg(11);
    for (const n of [1, 2, 3, 10, 257, 2000]) {
      const xs = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : Math.round(next() * 20) / 4));
      const sorted = Float64Array.from(xs).sort();
      for (const k of new Set([0, 1, n >> 1, n - 2, n - 1].filter((r) => r >= 0 && r < n))) expect(selectKth(Float64Array.from(xs), k)).toBe(sorted[k]);
    }
  });

  it('the scale equals the sorted nearest-rank definition on a large random map', () => {
    const next = lcg(5);
    const v = Float32Array.from({ length: 30000 }, () => (next() < 0.4 ? 0 : (next() - 0.3) * 8));
    const abs = Float64Array.from(v, Math.abs).sort();
    const n = v.length, extent = abs[Math.ceil(0.99 * n) - 1]!;
    const s = mapScale(v);
    expect(s.extent).toBe(extent);
    expect(s.saturated).toBe(abs.filter((a) => a > extent).length / n);
  });
});
