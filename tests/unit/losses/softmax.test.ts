import { describe, expect, it } from 'vitest';
import { EXP_LIMIT, logSoftmax, logSumExp, naiveSoftmax, softmax } from '../../../src/lib/losses/softmax.ts';
import { uniform } from '../../../src/lib/random/lcg.ts';

const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);

describe('softmax', () => {
  it.each([1, 2, 3, 4, 5])('sums to 1 and keeps the order of seeded logits (seed %i)', (seed) => {
    const z = [...uniform(seed, 7, -20, 20)];
    const p = softmax(z);
    expect(sum(p)).toBeCloseTo(1, 14);
    for (let i = 0; i < z.length; i++) for (let j = 0; j < z.length; j++) if (z[i]! > z[j]!) expect(p[i]!).toBeGreaterThan(p[j]!);
  });

  it('equals exp(z_i)/Σexp(z_j) where that formula does not overflow', () => {
    const z = [2, 1, 0.1];
    const e = z.map(Math.exp);
    const s = sum(e);
    softmax(z).forEach((p, i) => expect(p).toBeCloseTo(e[i]! / s, 15));
    expect(softmax(z).map((v) => +v.toFixed(3))).toEqual([0.659, 0.242, 0.099]);
  });

  it('is unchanged by adding a constant to every logit', () => {
    const a = softmax([0.5, -1, 3]);
    const b = softmax([100.5, 99, 103]);
    a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 12));
  });

  it('stays finite at logits of 1000, where the naive formula gives NaN', () => {
    const p = softmax([1000, 999, 998]);
    expect(p.every(Number.isFinite)).toBe(true);
    const ref = softmax([2, 1, 0]);
    p.forEach((v, i) => expect(v).toBeCloseTo(ref[i]!, 14));
    expect(naiveSoftmax([1000, 999, 998]).every(Number.isNaN)).toBe(true);
    expect(naiveSoftmax([-1000, -999, -998]).every(Number.isNaN)).toBe(true); // 0/0 after underflow
    expect(naiveSoftmax([100, 99, 98], 1, true).every(Number.isNaN)).toBe(true); // float32 overflows past 88.7
    expect(naiveSoftmax([80, 79, 78], 1, true).every(Number.isFinite)).toBe(true);
    expect(EXP_LIMIT.float32).toBeCloseTo(88.72, 2);
    expect(EXP_LIMIT.float64).toBeCloseTo(709.78, 2);
  });

  it('stays finite at ±1e6 and gives a one-hot vector', () => {
    expect(softmax([1e6, -1e6, 0])).toEqual([1, 0, 0]);
    expect(softmax([-1e6, -1e6, -1e6])).toEqual([1 / 3, 1 / 3, 1 / 3]);
    const lp = logSoftmax([1e6, -1e6, 0]);
    expect(lp).toEqual([0, -2e6, -1e6]);
    expect(logSumExp([1e6, 1e6])).toBeCloseTo(1e6 + Math.log(2), 6);
  });

  it('log-softmax is the log of softmax where both are representable', () => {
    const z = [...uniform(9, 5, -5, 5)];
    const lp = logSoftmax(z, 0.7);
    softmax(z, 0.7).forEach((p, i) => expect(lp[i]).toBeCloseTo(Math.log(p), 12));
  });
});

describe('temperature', () => {
  const z = [2, 1, 0.1];
  it('T → 0 approaches a one-hot vector on the largest logit', () => {
    const p = softmax(z, 0.01);
    expect(p[0]).toBeCloseTo(1, 12);
    expect(p[1]! + p[2]!).toBeLessThan(1e-40);
  });
  it('T → ∞ approaches the uniform distribution', () => {
    softmax(z, 1e6).forEach((p) => expect(p).toBeCloseTo(1 / 3, 5));
  });
  it('T = 2 equals softmax of the halved logits', () => {
    const a = softmax(z, 2);
    softmax(z.map((v) => v / 2)).forEach((v, i) => expect(a[i]).toBeCloseTo(v, 15));
  });
});
