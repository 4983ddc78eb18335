import { describe, expect, it } from 'vitest';
import { CURVE_LOSSES, curveGradLogit, curveGradP, curveGrid, curveLoss, logitsFor } from '../../../src/lib/losses/curves.ts';
import { crossEntropy, crossEntropyGrad } from '../../../src/lib/losses/cross-entropy.ts';
import { probabilitySquaredError, probabilitySquaredErrorGrad } from '../../../src/lib/losses/squared-error.ts';
import { multiclassHinge, multiclassHingeGrad } from '../../../src/lib/losses/hinge.ts';
import { softmax } from '../../../src/lib/losses/softmax.ts';
import { centralDifference } from '../../../src/lib/losses/finite-difference.ts';

const general = {
  ce: { loss: (z: number[]) => crossEntropy(z, 0), grad: (z: number[]) => crossEntropyGrad(z, 0)[0]! },
  mse: { loss: (z: number[]) => probabilitySquaredError(z, 0), grad: (z: number[]) => probabilitySquaredErrorGrad(z, 0)[0]! },
  hinge: { loss: (z: number[]) => multiclassHinge(z, 0), grad: (z: number[]) => multiclassHingeGrad(z, 0)[0]! },
};

describe.each([2, 3, 10])('closed-form curves for K = %i', (K) => {
  const ps = [0.003, 0.05, 0.2, 0.5, 0.73, 0.95, 0.999];
  it('logitsFor(p) puts probability p on the true class', () => {
    for (const p of ps) expect(softmax(logitsFor(p, K))[0]).toBeCloseTo(p, 12);
  });
  it.each(CURVE_LOSSES)('%s: loss and ∂L/∂z_y equal the general K-class loss at logitsFor(p)', (loss) => {
    for (const p of ps) {
      const z = logitsFor(p, K);
      expect(curveLoss(loss, p, K)).toBeCloseTo(general[loss].loss(z), 10);
      expect(curveGradLogit(loss, p, K)).toBeCloseTo(general[loss].grad(z), 10);
    }
  });
  it.each(CURVE_LOSSES)('%s: dL/dp matches central differences of L(p)', (loss) => {
    for (const p of ps.filter((v) => v > 0.01 && v < 0.99)) {
      const fd = centralDifference(([x]) => curveLoss(loss, x!, K), [p], 1e-7)[0]!;
      if (loss === 'hinge' && Math.abs(Math.log((p * (K - 1)) / (1 - p)) - 1) < 1e-3) continue;
      expect(Math.abs(curveGradP(loss, p, K) - fd)).toBeLessThan(1e-5 * (1 + Math.abs(fd)));
    }
  });
});

describe('the gradient factor p(1 − p)', () => {
  it('∂L/∂z_y = dL/dp · p(1 − p) for every loss', () => {
    for (const loss of CURVE_LOSSES) for (const p of [0.01, 0.3, 0.8]) {
      expect(curveGradLogit(loss, p, 10)).toBeCloseTo(curveGradP(loss, p, 10) * p * (1 - p), 12);
    }
  });
  it('squared error barely pushes when confidently wrong; cross-entropy pushes with almost −1', () => {
    expect(curveGradLogit('ce', 0.001, 10)).toBeCloseTo(-0.999, 12);
    expect(Math.abs(curveGradLogit('mse', 0.001, 10))).toBeLessThan(0.0023);
    // Squared error pushes hardest at p = 1/3 (where p(1 − p)² peaks), less on either side.
    const at = (p: number) => -curveGradLogit('mse', p, 10);
    expect(at(1 / 3)).toBeGreaterThan(at(0.3));
    expect(at(1 / 3)).toBeGreaterThan(at(0.36));
  });
  it('hinge gives up once the lead is ≥ 1: zero loss and zero gradient', () => {
    const p = 1 / (1 + 9 * Math.exp(-1)); // lead exactly 1 with K = 10
    expect(curveLoss('hinge', p + 1e-6, 10)).toBe(0);
    expect(curveGradLogit('hinge', p + 1e-6, 10)).toBe(0);
    expect(curveGradLogit('hinge', p - 1e-6, 10)).toBe(-1);
  });
});

describe('curveGrid', () => {
  it('runs from lo to hi, increasing', () => {
    const g = curveGrid(100);
    expect(g[0]).toBeCloseTo(0.001, 12);
    expect(g.at(-1)).toBeCloseTo(0.999, 12);
    for (let i = 1; i < g.length; i++) expect(g[i]!).toBeGreaterThan(g[i - 1]!);
  });
});
