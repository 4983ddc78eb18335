import { describe, expect, it } from 'vitest';
import { chooseScale, outputNonNegative } from '../../../src/lib/charts/scale-choice.ts';
import { sequentialScale, sequentialTicks, paintSequential } from '../../../src/lib/charts/sequential.ts';
import { presetKernel, type PresetName } from '../../../src/lib/conv/kernels.ts';

describe('chooseScale', () => {
  it.each<[PresetName, 'sequential' | 'diverging']>([
    ['identity', 'sequential'], ['box-blur', 'sequential'], ['gaussian', 'sequential'],
    ['sharpen', 'diverging'], ['sobel-x', 'diverging'], ['sobel-y', 'diverging'], ['laplacian', 'diverging'], ['emboss', 'diverging'],
  ])('%s on an image in [0, 1] → %s', (name, kind) => {
    expect(chooseScale(presetKernel(name, 5).values, 0)).toEqual({ kind, auto: true });
  });

  it.each<[number[], number, boolean]>([
    [[0, 0, 0], 0, true], // all zero: output 0, not negative
    [[1, 2], 0.5, true],
    [[1, -0.001], 0, false], // one negative weight is enough
    [[1, 2], -0.1, false], // a signed input
    [[1, NaN], 0, false],
    [[1], NaN, false],
  ])('outputNonNegative(%j, %d) = %s', (w, inputMin, want) => expect(outputNonNegative(w, inputMin)).toBe(want));

  it('the reader may override either way', () => {
    expect(chooseScale([1, 1], 0, 'diverging')).toEqual({ kind: 'diverging', auto: false });
    expect(chooseScale([-1, 1], 0, 'sequential')).toEqual({ kind: 'sequential', auto: false });
  });
});

describe('sequentialScale', () => {
  it('runs from 0 to the maximum, black to white', () => {
    const s = sequentialScale(0.1, 0.8);
    expect([s.lo, s.hi]).toEqual([0, 0.8]);
    expect(Array.from(paintSequential([0, 0.4, 0.8], 3, 1, 0, s))).toEqual([0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255]);
    expect(sequentialTicks(s, 0.8).map((t) => [t.value, t.position])).toEqual([[0, 0], [0.8, 1]]);
  });
  it('forced onto signed data, it starts at the minimum; a flat output stays defined', () => {
    expect(sequentialScale(-2, 1)).toMatchObject({ lo: -2, hi: 1 });
    expect(sequentialScale(0, 0)).toMatchObject({ lo: 0, hi: 1 });
  });
});
