import { describe, expect, it } from 'vitest';
import { LUMA, rgbaToTensor, tensorToRgba } from '../../../src/lib/image/pixels.ts';

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
