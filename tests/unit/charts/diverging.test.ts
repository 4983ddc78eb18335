import { describe, expect, it } from 'vitest';
import { extentSliced } from '../../../src/lib/charts/extent.ts';
import { runSync } from '../../../src/lib/schedule/slices.ts';
import { divergingScale, extentOf, formatValue, legendTicks, paintChannel, symmetricExtent } from '../../../src/lib/charts/diverging.ts';

describe('divergingScale', () => {
  it('is symmetric around 0 whatever the data range', () => {
    const s = divergingScale(-1, 4);
    expect(s.extent).toBe(4);
    expect(s.position(0)).toBe(0.5);
    expect(s.position(-4)).toBe(0);
    expect(s.position(4)).toBe(1);
    expect(s.position(99)).toBe(1);
  });
  it('maps 0 to a near-white neutral and opposite signs to different hues (purple −, orange +)', () => {
    const s = divergingScale(-2, 2);
    const [r0, g0, b0] = s.rgb(0);
    expect(Math.min(r0, g0, b0)).toBeGreaterThan(230);
    const [rn, , bn] = s.rgb(-2);
    const [rp, , bp] = s.rgb(2);
    expect(bn).toBeGreaterThan(rn); // purple: more blue than red
    expect(rp).toBeGreaterThan(bp); // orange: more red than blue
  });
  it('keeps a defined scale for an all-zero output', () => {
    expect(symmetricExtent(0, 0)).toBe(1);
    expect(symmetricExtent(NaN, NaN)).toBe(1);
  });
});

describe('paintChannel', () => {
  it('colours one channel of interleaved values like scale.rgb', () => {
    const s = divergingScale(-1, 1);
    const values = [-1, 5, 0, 5, 1, 5]; // channel 0 of a 3-pixel, 2-channel block
    const px = paintChannel(values, 3, 2, 0, s);
    expect(Array.from(px.subarray(0, 3))).toEqual(s.rgb(-1));
    expect(Array.from(px.subarray(4, 7))).toEqual(s.rgb(0));
    expect(Array.from(px.subarray(8, 11))).toEqual(s.rgb(1));
    expect(px[3]).toBe(255);
  });
});

describe('legend helpers', () => {
  it('ticks at min, 0 and max on the symmetric scale', () => {
    expect(legendTicks(-3.1, 2.9)).toEqual([
      { value: -3.1, label: '\u22123.1', position: 0 },
      { value: 0, label: '0', position: 0.5 },
      { value: 2.9, label: '2.9', position: (2.9 / 3.1 + 1) / 2 },
    ]);
    expect(legendTicks(0, 2).map((t) => t.value)).toEqual([0, 2]);
  });
  it('formats numbers with a real minus sign and 3 significant digits', () => {
    expect(formatValue(-0.123456)).toBe('\u22120.123');
    expect(formatValue(-0)).toBe('0');
    expect(formatValue(123456)).toBe('1.23e+5');
  });
  it('extentSliced pauses every chunk and gives extentOf\'s range', () => {
    const v = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i * 0.37) * (i % 11));
    const gen = extentSliced(v, 64);
    let pauses = 0;
    let r = gen.next();
    for (; !r.done; r = gen.next()) pauses++;
    expect(pauses).toBe(Math.ceil(1000 / 64) - 1);
    expect(r.value).toEqual(extentOf(v));
    expect(extentOf(v)[0]).toBeLessThan(-5);
    expect(runSync(extentSliced([], 8))).toEqual([0, 0]);
  });
  it('extentOf', () => {
    expect(extentOf(new Float32Array([3, -1, 2]))).toEqual([-1, 3]);
    expect(extentOf([])).toEqual([0, 0]);
  });
});
