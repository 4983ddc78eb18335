import { describe, expect, it } from 'vitest';
import {
  binaryCrossEntropy, binaryCrossEntropyGrad, crossEntropy, crossEntropyGrad, crossEntropyWith, sigmoid,
} from '../../../src/lib/losses/cross-entropy.ts';
import { softmax } from '../../../src/lib/losses/softmax.ts';
import { oneHot, smoothedTarget } from '../../../src/lib/losses/targets.ts';
import { centralDifference } from '../../../src/lib/losses/finite-difference.ts';
import { uniform } from '../../../src/lib/random/lcg.ts';

describe('crossEntropy', () => {
  it('is −log p_y for a one-hot target', () => {
    const z = [2, 1, 0.1];
    expect(crossEntropy(z, 0)).toBeCloseTo(-Math.log(softmax(z)[0]!), 14);
    expect(crossEntropy(z, 2)).toBeCloseTo(-Math.log(softmax(z)[2]!), 14);
  });

  it('stays finite when the true class has underflowed to p = 0', () => {
    expect(softmax([1e6, 0, -1e6])[2]).toBe(0);
    expect(crossEntropy([1e6, 0, -1e6], 2)).toBe(2e6);
    expect(crossEntropy([1000, 0, 0], 1)).toBeCloseTo(1000, 10);
    expect(crossEntropyGrad([1e6, 0, -1e6], 2)).toEqual([1, 0, -1]);
  });

  const cases = [1, 2, 3, 4, 5, 6].map((seed) => ({
    seed, z: [...uniform(seed, 3 + (seed % 5), -4, 4)].map(Number), t: [1, 0.5, 2, 0.25, 3, 1][seed - 1]!, eps: [0, 0.1, 0, 0.2, 0.05, 1][seed - 1]!,
  }));
  it.each(cases)('gradient (p − q)/T matches central differences (seed $seed, T $t, α $eps)', ({ z, t, eps }) => {
    const target = z.length - 1;
    const g = crossEntropyGrad(z, target, { temperature: t, smoothing: eps });
    const fd = centralDifference((x) => crossEntropy(x, target, { temperature: t, smoothing: eps }), z, 1e-5);
    g.forEach((v, i) => expect(Math.abs(v - fd[i]!)).toBeLessThan(1e-8));
    const p = softmax(z, t);
    const q = smoothedTarget(z.length, target, eps);
    g.forEach((v, i) => expect(v).toBeCloseTo((p[i]! - q[i]!) / t, 15));
    expect(g.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 14); // p and q both sum to 1
  });
});

describe('label smoothing', () => {
  it('gives 1 − α + α/K to the true class and α/K to the others', () => {
    const q = smoothedTarget(4, 1, 0.1);
    expect(q[1]).toBeCloseTo(0.925, 15);
    expect(q[0]).toBeCloseTo(0.025, 15);
    expect(q.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    expect(smoothedTarget(4, 1, 0)).toEqual(oneHot(4, 1));
  });
  it('is (1 − α)·CE(one-hot) + α·mean over classes of −log p_i', () => {
    const z = [3, -1, 0.5, 2];
    const lp = softmax(z).map(Math.log);
    const mix = 0.9 * -lp[0]! + 0.1 * -(lp.reduce((a, b) => a + b, 0) / 4);
    expect(crossEntropy(z, 0, { smoothing: 0.1 })).toBeCloseTo(mix, 13);
  });
  it('is minimised at p = q, with a finite optimal logit gap of log((1 − α + α/K)/(α/K))', () => {
    const q = smoothedTarget(3, 0, 0.1);
    const gap = Math.log(q[0]! / q[1]!);
    const best = [gap, 0, 0];
    crossEntropyGrad(best, 0, { smoothing: 0.1 }).forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-15));
    expect(crossEntropy([gap + 1, 0, 0], 0, { smoothing: 0.1 })).toBeGreaterThan(crossEntropyWith(best, q));
    expect(gap).toBeCloseTo(Math.log(0.9333333333333333 / 0.0333333333333333), 12);
  });
});

describe('binary cross-entropy', () => {
  it.each([-800, -30, -2, 0, 0.5, 3, 40, 800])('at z = %d equals −y log σ − (1 − y) log(1 − σ), stably; gradient σ(z) − y', (z) => {
    for (const y of [0, 1, 0.3]) {
      const loss = binaryCrossEntropy(z, y);
      expect(Number.isFinite(loss)).toBe(true);
      if (Math.abs(z) < 30) expect(loss).toBeCloseTo(-y * Math.log(sigmoid(z)) - (1 - y) * Math.log(1 - sigmoid(z)), 10);
      const fd = centralDifference(([x]) => binaryCrossEntropy(x!, y), [z], 1e-5)[0]!;
      expect(Math.abs(binaryCrossEntropyGrad(z, y) - fd)).toBeLessThan(1e-7);
    }
  });
  it('is the two-class categorical cross-entropy with logits (z, 0)', () => {
    for (const z of [-3, 0.2, 4]) {
      expect(binaryCrossEntropy(z, 1)).toBeCloseTo(crossEntropy([z, 0], 0), 14);
      expect(binaryCrossEntropy(z, 0)).toBeCloseTo(crossEntropy([z, 0], 1), 14);
    }
  });
});
