import { describe, expect, it } from 'vitest';
import { say, type Msg } from '../../../src/lib/i18n/index.ts';
import { convOutput, effectiveSize, outputLength, padAlong } from '../../../src/lib/conv/geometry.ts';
import type { Padding } from '../../../src/lib/params/padding.ts';

describe('effectiveSize', () => {
  it.each([
    [3, 1, 3],
    [3, 2, 5], // taps at 0, 2, 4
    [5, 3, 13], // (5 − 1)·3 + 1
    [1, 3, 1], // a 1×1 kernel has no gaps to dilate
  ])('k=%i, dilation %i → %i', (k, d, want) => expect(effectiveSize(k, d)).toBe(want));
});

describe('outputLength: ⌊(n + p_total − k_eff)/s⌋ + 1, or ⌈n/s⌉ for same', () => {
  it.each<[number, number, number, number, Padding, number]>([
    [7, 3, 1, 1, 'valid', 5], // (7 − 3)/1 + 1
    [7, 3, 2, 1, 'valid', 3], // ⌊4/2⌋ + 1
    [8, 3, 2, 1, 'valid', 3], // ⌊5/2⌋ + 1: the last column is never reached
    [7, 3, 1, 1, 1, 7], // padding 1 keeps a 3×3 kernel's output the input's size
    [7, 3, 2, 1, 'same', 4], // ⌈7/2⌉
    [5, 3, 1, 2, 'valid', 1], // k_eff 5 fits once
    [224, 7, 2, 1, 3, 112], // ResNet's stem: ⌊(224 + 6 − 7)/2⌋ + 1
    [4, 2, 1, 1, 'same', 4],
    [3, 5, 1, 1, 'valid', -1], // kernel larger than the input: no output
  ])('n=%i k=%i stride %i dilation %i padding %s → %i', (n, k, s, d, p, want) => expect(outputLength(n, k, s, d, p)).toBe(want));
});

describe('padAlong (TensorFlow rule: the odd extra goes after)', () => {
  it.each<[number, number, number, number, Padding, [number, number]]>([
    [4, 2, 1, 1, 'same', [0, 1]], // total (4−1)·1 + 2 − 4 = 1
    [4, 3, 2, 1, 'same', [0, 1]], // total (2−1)·2 + 3 − 4 = 1
    [5, 3, 2, 1, 'same', [1, 1]], // total (3−1)·2 + 3 − 5 = 2
    [6, 4, 1, 1, 'same', [1, 2]], // total 3
    [7, 3, 1, 2, 'same', [2, 2]], // k_eff 5: total 4
    [7, 3, 3, 1, 'same', [1, 1]], // out 3: total (3−1)·3 + 3 − 7 = 2
    [6, 1, 2, 1, 'same', [0, 0]], // total would be negative: clamped to 0
    [7, 3, 1, 1, 'valid', [0, 0]],
    [7, 3, 1, 1, 2, [2, 2]],
  ])('n=%i k=%i stride %i dilation %i %s → %j', (n, k, s, d, p, want) => expect(padAlong(n, k, s, d, p)).toEqual(want));
});

describe('convOutput', () => {
  it('gives the output size and per-side pads', () => {
    expect(convOutput({ inH: 4, inW: 6, kH: 2, kW: 4, stride: 1, dilation: 1, padding: 'same' })).toEqual({
      outH: 4, outW: 6, pads: { top: 0, bottom: 1, left: 1, right: 2 },
    });
    expect(convOutput({ inH: 7, inW: 5, kH: 3, kW: 3, stride: 2, dilation: 1, padding: 'valid' })).toEqual({
      outH: 3, outW: 2, pads: { top: 0, bottom: 0, left: 0, right: 0 },
    });
  });

  it.each([
    [3, 3, 2, 'valid', '5×5', '3×3'], // dilated kernel spans 5 > 3
    [3, 5, 1, 'valid', '5×5', '3×3'],
    [2, 3, 3, 1, '7×7', '4×4'], // even with padding 1: 2 + 2 − 7 < 0
  ] as [number, number, number, Padding, string, string][])('n=%i k=%i dilation %i padding %s: a sentence, no output', (n, k, d, p, span, padded) => {
    const r = convOutput({ inH: n, inW: n, kH: k, kW: k, stride: 1, dilation: d, padding: p });
    expect(r).toHaveProperty('error');
    const error = (r as { error: Msg }).error;
    expect(say('en', error)).toContain('no output');
    expect(say('en', error)).toContain(`spans ${span}`);
    expect(say('en', error)).toContain(`padded ${padded} input`);
    expect(say('zh-CN', error)).toContain(`覆盖${span}个像素`);
    expect(say('zh-CN', error)).toContain(`填充后的${padded}输入`);
  });
});
