import { describe, expect, it } from 'vitest';
import { LUMA, greyInto, rgbaToTensor, tensorToRgba } from '../../../src/lib/image/pixels.ts';

// Two pixels: opaque orange, and half-transparent black (composited on white → mid gray).
const rgba = new Uint8ClampedArray([255, 128, 0, 255, 0, 0, 0, 128]);

describe('rgbaToTensor', () => {
  it('RGB: [1, h, w, 3] in [0, 1], alpha composited on white', () => {
    const t = rgbaToTensor(rgba, 2, 1, 'rgb');
    expect(t.shape).toEqual([1, 1, 2, 3]);
    const a = 128 / 255;
    const expected = [1, 128 / 255, 0, 1 - a, 1 - a, 1 - a];
    expected.forEach((v, i) => expect(t.data[i]).toBeCloseTo(v, 6));
  });
  it('gray: Rec. 601 luma, one channel', () => {
    const t = rgbaToTensor(rgba, 2, 1, 'gray');
    expect(t.shape).toEqual([1, 1, 2, 1]);
    expect(t.data[0]).toBeCloseTo(LUMA[0] + LUMA[1] * (128 / 255), 6);
    expect(t.data[1]).toBeCloseTo(1 - 128 / 255, 6);
  });
  it('refuses a buffer of the wrong length', () => {
    expect(() => rgbaToTensor(rgba, 3, 1, 'rgb')).toThrow(/RGBA bytes/);
  });
  it('round-trips through tensorToRgba', () => {
    const t = rgbaToTensor(new Uint8ClampedArray([10, 20, 30, 255]), 1, 1, 'rgb');
    expect(Array.from(tensorToRgba(t))).toEqual([10, 20, 30, 255]);
  });
});

describe('rgbaToTensor and tensorToRgba on many pixels', () => {
  // The conversions as first written (one expression per channel, offsets from the index): the faster loops must
  // give the same floats and bytes.
  const reference = (rgba: ArrayLike<number>, n: number, c: 1 | 3) => {
    const data = new Float32Array(n * c);
    for (let i = 0; i < n; i++) {
      const a = rgba[i * 4 + 3]! / 255;
      const r = (rgba[i * 4]! * a + 255 * (1 - a)) / 255;
      const g = (rgba[i * 4 + 1]! * a + 255 * (1 - a)) / 255;
      const b = (rgba[i * 4 + 2]! * a + 255 * (1 - a)) / 255;
      if (c === 1) data[i] = LUMA[0] * r + LUMA[1] * g + LUMA[2] * b;
      else { data[i * 3] = r; data[i * 3 + 1] = g; data[i * 3 + 2] = b; }
    }
    return data;
  };
  const back = (data: Float32Array, n: number, c: number) => {
    const out = new Uint8ClampedArray(n * 4);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < 3; k++) out[i * 4 + k] = Math.round(data[i * c + (c === 1 ? 0 : k)]! * 255);
      out[i * 4 + 3] = 255;
    }
    return out;
  };
  it('give the same numbers as the plain formulas, in gray and RGB, at every alpha', () => {
    const w = 37, h = 23, n = w * h;
    const rgba = Uint8ClampedArray.from({ length: n * 4 }, (_, i) => (i * 2654435761) >>> 24);
    for (const [mode, c] of [['gray', 1], ['rgb', 3]] as const) {
      const t = rgbaToTensor(rgba, w, h, mode);
      expect(Array.from(t.data)).toEqual(Array.from(reference(rgba, n, c)));
      expect(Array.from(tensorToRgba(t))).toEqual(Array.from(back(t.data, n, c)));
    }
  });
});

describe('greyInto', () => {
  it('writes each grey byte as an opaque grey pixel at its place in a wider picture, leaving the rest untouched', () => {
    const grey = Uint8Array.from({ length: 2 + 3 * 2 }, (_, i) => i * 30); // two bytes before the 3 × 2 image
    const out = new Uint8ClampedArray(5 * 2 * 4).fill(7);
    greyInto(out, 5, 1, grey, 3, 2, 2);
    for (let y = 0; y < 2; y++) for (let x = 0; x < 5; x++) {
      const o = (y * 5 + x) * 4;
      const want = x >= 1 && x < 4 ? [grey[2 + y * 3 + x - 1]!, grey[2 + y * 3 + x - 1]!, grey[2 + y * 3 + x - 1]!, 255] : [7, 7, 7, 7];
      expect(Array.from(out.slice(o, o + 4)), `pixel ${x}, ${y}`).toEqual(want);
    }
  });
  it('inverted: 255 − v, dark ink on white', () => {
    const out = new Uint8ClampedArray(4 * 2);
    greyInto(out, 2, 0, [0, 200], 2, 1, 0, true);
    expect(Array.from(out)).toEqual([255, 255, 255, 255, 55, 55, 55, 255]);
  });
});
