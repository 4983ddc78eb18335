import { describe, expect, it } from 'vitest';
import { lossTolerance, mismatches } from '../../../src/lib/losses/tolerance.ts';
import { softmax } from '../../../src/lib/losses/softmax.ts';

describe('lossTolerance', () => {
  it('accepts float32 rounding of a softmax and rejects a real error', () => {
    const z = [2, 1, 0.1];
    const ref = softmax(z);
    const tol = lossTolerance(z, 1);
    const f32 = Float32Array.from(ref);
    expect(mismatches(f32, ref, (i) => tol.p(ref[i]!))).toEqual([]);
    const wrong = Float32Array.from(softmax([2, 1, 0.2]));
    expect(mismatches(wrong, ref, (i) => tol.p(ref[i]!)).length).toBeGreaterThan(0);
    expect(mismatches([NaN, 0, 0], ref, () => 1)).toHaveLength(1);
  });
});
