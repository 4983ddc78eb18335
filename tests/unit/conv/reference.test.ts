import { describe, expect, it } from 'vitest';
import { conv2dReference, depthwiseConv2dReference, type ConvSettings } from '../../../src/lib/conv/reference.ts';

/**
 * Hand-computed cases. X is the 4×4 input 1…16, row-major:
 *    1  2  3  4
 *    5  6  7  8
 *    9 10 11 12
 *   13 14 15 16
 */
const X = { data: Array.from({ length: 16 }, (_, i) => i + 1), shape: [1, 4, 4, 1] };
/** K2 = [[1, 2], [3, 4]]: out(i, j) = x(i, j) + 2·x(i, j+1) + 3·x(i+1, j) + 4·x(i+1, j+1) (rows and columns spaced by the dilation). */
const K2 = { data: [1, 2, 3, 4], shape: [2, 2, 1, 1] };
/** B3 = 3×3 of ones: each output is the sum of the input cells under the window. */
const B3 = { data: new Array(9).fill(1), shape: [3, 3, 1, 1] };

const cases: [string, typeof K2, ConvSettings, number[], number[]][] = [
  // Valid, stride 1: (0,0) = 1 + 2·2 + 3·5 + 4·6 = 44; each step right adds 1+2+3+4 = 10, each step down 40.
  ['2×2 valid stride 1', K2, { stride: 1, padding: 'valid', dilation: 1 }, [1, 3, 3, 1], [44, 54, 64, 84, 94, 104, 124, 134, 144]],
  // Stride 2 keeps the windows at (0,0), (0,2), (2,0), (2,2) of the table above.
  ['2×2 valid stride 2', K2, { stride: 2, padding: 'valid', dilation: 1 }, [1, 2, 2, 1], [44, 64, 124, 144]],
  // TensorFlow same with an even kernel: total pad (4−1)·1 + 2 − 4 = 1, all of it at the bottom/right.
  // Last column (i,3) = x(i,3) + 3·x(i+1,3): 4+24 = 28, 8+36 = 44, 12+48 = 60; last row (3,j) = x(3,j) + 2·x(3,j+1):
  // 13+28 = 41, 14+30 = 44, 15+32 = 47; corner (3,3) = 16.
  ['2×2 same stride 1 (pad bottom/right)', K2, { stride: 1, padding: 'same', dilation: 1 }, [1, 4, 4, 1],
    [44, 54, 64, 28, 84, 94, 104, 44, 124, 134, 144, 60, 41, 44, 47, 16]],
  // Dilation 2: taps at (i,j), (i,j+2), (i+2,j), (i+2,j+2); spans 3×3, so 2×2 outputs.
  // (0,0) = 1 + 2·3 + 3·9 + 4·11 = 78; (0,1) = 2 + 2·4 + 3·10 + 4·12 = 88; (1,0) = 5 + 14 + 39 + 60 = 118; (1,1) = 6 + 16 + 42 + 64 = 128.
  ['2×2 valid dilation 2', K2, { stride: 1, padding: 'valid', dilation: 2 }, [1, 2, 2, 1], [78, 88, 118, 128]],
  // Box sum, valid: (0,0) = 1+2+3+5+6+7+9+10+11 = 54, then +3 per column and +12 per row.
  ['3×3 valid stride 1', B3, { stride: 1, padding: 'valid', dilation: 1 }, [1, 2, 2, 1], [54, 63, 90, 99]],
  // Explicit padding 1: window row sums (cols j−1…j+1 inside 0…3) are row0 [3,6,9,7], row1 [11,18,21,15],
  // row2 [19,30,33,23], row3 [27,42,45,31]; out(i,j) adds rows i−1…i+1.
  ['3×3 explicit padding 1', B3, { stride: 1, padding: 1, dilation: 1 }, [1, 4, 4, 1],
    [14, 24, 30, 22, 33, 54, 63, 45, 57, 90, 99, 69, 46, 72, 78, 54]],
  // Same with stride 2: out ⌈4/2⌉ = 2, total pad (2−1)·2 + 3 − 4 = 1 → 0 top, 1 bottom (TensorFlow's asymmetric rule).
  // (0,0) rows 0–2 cols 0–2 = 54; (0,1) rows 0–2 cols 2–3 = 3+4+7+8+11+12 = 45; (1,0) rows 2–3 cols 0–2 = 9+10+11+13+14+15 = 72;
  // (1,1) = 11+12+15+16 = 54. (Padding on the top/left instead would give 14 at (0,0).)
  ['3×3 same stride 2 (asymmetric)', B3, { stride: 2, padding: 'same', dilation: 1 }, [1, 2, 2, 1], [54, 45, 72, 54]],
];

describe('conv2dReference on hand-computed cases', () => {
  it.each(cases)('%s', (_name, w, s, shape, expected) => {
    const r = conv2dReference(X, w, s);
    expect(r.shape).toEqual(shape);
    expect(Array.from(r.data)).toEqual(expected);
    // All inputs and weights are positive, so Σ|x·w| is the output itself.
    expect(Array.from(r.absSum)).toEqual(expected);
  });
});

describe('conv2dReference with channels', () => {
  // 2×2 input, 2 channels, NHWC: channel 0 = [1,2;3,4], channel 1 = [10,20;30,40].
  const x = { data: [1, 10, 2, 20, 3, 30, 4, 40], shape: [1, 2, 2, 2] };
  // Kernel [2,2,2,2], index ((ky·2 + kx)·2 + ci)·2 + co.
  // Output channel 0: ones on input channel 0, zeros on channel 1 → 1+2+3+4 = 10.
  // Output channel 1: +1 at (0,0) on channel 0, −1 at (1,1) on channel 1 → 1 − 40 = −39, Σ|x·w| = 41.
  const w = new Array(16).fill(0);
  const at = (ky: number, kx: number, ci: number, co: number) => ((ky * 2 + kx) * 2 + ci) * 2 + co;
  for (let ky = 0; ky < 2; ky++) for (let kx = 0; kx < 2; kx++) w[at(ky, kx, 0, 0)] = 1;
  w[at(0, 0, 0, 1)] = 1;
  w[at(1, 1, 1, 1)] = -1;

  it('sums over input channels, once per output channel', () => {
    const r = conv2dReference(x, { data: w, shape: [2, 2, 2, 2] }, { stride: 1, padding: 'valid', dilation: 1 });
    expect(r.shape).toEqual([1, 1, 1, 2]);
    expect(Array.from(r.data)).toEqual([10, -39]);
    expect(Array.from(r.absSum)).toEqual([10, 41]);
  });

  it('refuses a kernel whose input channels do not match', () => {
    expect(() => conv2dReference(x, { data: [1, 2, 3, 4], shape: [2, 2, 1, 1] }, { stride: 1, padding: 'valid', dilation: 1 })).toThrow(/channels/);
  });

  it('refuses settings with no output', () => {
    expect(() => conv2dReference(X, B3, { stride: 1, padding: 'valid', dilation: 2 })).toThrow(/no output/);
  });

  it('keeps batch items apart', () => {
    // Two 2×2 images [1,2;3,4] and [5,6;7,8] under a 2×2 ones kernel: 10 and 26.
    const r = conv2dReference({ data: [1, 2, 3, 4, 5, 6, 7, 8], shape: [2, 2, 2, 1] }, { data: [1, 1, 1, 1], shape: [2, 2, 1, 1] }, { stride: 1, padding: 'valid', dilation: 1 });
    expect(r.shape).toEqual([2, 1, 1, 1]);
    expect(Array.from(r.data)).toEqual([10, 26]);
  });
});

describe('depthwiseConv2dReference', () => {
  it('filters each channel with its own kernel', () => {
    // Same 2-channel input. Kernel [2,2,2,1], index (ky·2 + kx)·2 + c:
    // channel 0 kernel [1,0;0,1] → 1 + 4 = 5; channel 1 kernel [0,0.5;0.5,0] → (20 + 30)/2 = 25.
    const x = { data: [1, 10, 2, 20, 3, 30, 4, 40], shape: [1, 2, 2, 2] };
    const w = { data: [1, 0, 0, 0.5, 0, 0.5, 1, 0], shape: [2, 2, 2, 1] };
    const r = depthwiseConv2dReference(x, w, { stride: 1, padding: 'valid', dilation: 1 });
    expect(r.shape).toEqual([1, 1, 1, 2]);
    expect(Array.from(r.data)).toEqual([5, 25]);
  });

  it('keeps the spatial layout with same padding', () => {
    // Two channels built from X: c0 = X, c1 = −X. With a 1×1 kernel of 2 on c0 and 3 on c1 the output is 2·X and −3·X, interleaved.
    const data = X.data.flatMap((v) => [v, -v]);
    const r = depthwiseConv2dReference({ data, shape: [1, 4, 4, 2] }, { data: [2, 3], shape: [1, 1, 2, 1] }, { stride: 1, padding: 'same', dilation: 1 });
    expect(r.shape).toEqual([1, 4, 4, 2]);
    expect(Array.from(r.data)).toEqual(X.data.flatMap((v) => [2 * v, -3 * v]));
  });
});
