import { describe, expect, it } from 'vitest';
import { meanSquaredError, meanSquaredErrorGrad, probabilitySquaredError, probabilitySquaredErrorGrad } from '../../../src/lib/losses/squared-error.ts';
import { crossEntropyGrad } from '../../../src/lib/losses/cross-entropy.ts';
import { softmax } from '../../../src/lib/losses/softmax.ts';
import { centralDifference } from '../../../src/lib/losses/finite-difference.ts';
import { uniform } from '../../../src/lib/random/lcg.ts';

describe('meanSquaredError', () => {
  it('averages squared differences; gradient 2(ŷ − y)/n', () => {
    expect(meanSquaredError([1, 2, 3], [1, 4, 0])).toBeCloseTo((0 + 4 + 9) / 3, 15);
    const fd = centralDifference((x) => meanSquaredError(x, [1, 4, 0]), [1, 2, 3]);
    meanSquaredErrorGrad([1, 2, 3], [1, 4, 0]).forEach((g, i) => expect(g).toBeCloseTo(fd[i]!, 8));
  });
  it('refuses lists of different lengths', () => {
    expect(() => meanSquaredError([1], [1, 2])).toThrow();
  });
});

describe('probabilitySquaredError', () => {
  it.each([11, 12, 13, 14])('gradient through the softmax Jacobian matches central differences (seed %i)', (seed) => {
    const z = [...uniform(seed, 5, -3, 3)].map(Number);
    const o = { temperature: seed === 12 ? 0.5 : 1, smoothing: seed === 13 ? 0.1 : 0 };
    const g = probabilitySquaredErrorGrad(z, 2, o);
    const fd = centralDifference((x) => probabilitySquaredError(x, 2, o), z);
    g.forEach((v, i) => expect(Math.abs(v - fd[i]!)).toBeLessThan(1e-9));
  });

  it('pushes the true logit with a factor p(1 − p): tiny when confidently wrong, where CE pushes with ≈ −1', () => {
    // Three classes, the true class 0 far behind: p_0 ≈ 2e-9.
    const z = [-10, 10, 0];
    const p0 = softmax(z)[0]!;
    expect(p0).toBeLessThan(3e-9);
    const mse = probabilitySquaredErrorGrad(z, 0)[0]!;
    const ce = crossEntropyGrad(z, 0)[0]!;
    expect(ce).toBeCloseTo(-1, 8);
    expect(Math.abs(mse)).toBeLessThan(1e-8);
    // Two classes: ∂/∂z_0 of (1 − p)² + p_1² = 2(1 − p)² is −4p(1 − p)², i.e. (dL/dp)·p(1 − p).
    for (const a of [-4, -1, 0, 2]) {
      const p = softmax([a, 0])[0]!;
      expect(probabilitySquaredErrorGrad([a, 0], 0)[0]).toBeCloseTo(-4 * (1 - p) * p * (1 - p), 14);
    }
  });
});
