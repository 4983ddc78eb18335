import { describe, expect, it } from 'vitest';
import { conv2dReference } from '../../../src/lib/conv/reference.ts';
import { compareToReference } from '../../../src/lib/conv/tolerance.ts';
import { uniform } from '../../../src/lib/random/lcg.ts';

// A seeded 9×9 input and 3×3 kernel in [−1, 1): outputs of mixed sign, some near zero.
const ref = conv2dReference({ data: uniform(7, 81), shape: [1, 9, 9, 1] }, { data: uniform(8, 9), shape: [3, 3, 1, 1] }, { stride: 1, padding: 'same', dilation: 1 });
const bound = (i: number) => 1e-6 + 1e-5 * ref.absSum[i]!;

describe('compareToReference', () => {
  it('accepts the float32 rounding of the reference (what an exact GPU would return)', () => {
    const got = Float32Array.from(ref.data);
    expect(Array.from(got)).not.toEqual(Array.from(ref.data)); // the rounding really changed something
    expect(compareToReference(got, ref).ok).toBe(true);
  });

  it('rejects a single injected error and points at it', () => {
    const got = Float32Array.from(ref.data);
    got[40] = got[40]! + 1e-3;
    const a = compareToReference(got, ref);
    expect(a.ok).toBe(false);
    expect(a.worstIndex).toBe(40);
    expect(a.maxAbsErr).toBeCloseTo(1e-3, 6);
  });

  it('holds each element to its own bound: 3× the bound fails at scale 1, passes at scale 10', () => {
    const got = Float64Array.from(ref.data);
    got[10] = got[10]! + 3 * bound(10);
    const maxRef = Math.max(...Array.from(ref.data, Math.abs));
    expect((3 * bound(10)) / maxRef).toBeLessThan(1e-4); // so only the per-element bound decides
    expect(compareToReference(got, ref).ok).toBe(false);
    expect(compareToReference(got, ref, 10).ok).toBe(true);
  });

  it.each([
    ['a length mismatch', Float32Array.from(ref.data).slice(1), /length/],
    ['a NaN', Float32Array.from(ref.data).map((v, i) => (i === 5 ? NaN : v)), /NaN at 5/],
  ])('rejects %s', (_name, got, detail) => {
    const a = compareToReference(got, ref);
    expect(a.ok).toBe(false);
    expect(a.detail).toMatch(detail);
  });
});
