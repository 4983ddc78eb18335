import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, activation, geluTanh, sigmoid, softmax } from '../../../src/lib/activations/functions.ts';
import { erf, normalCdf } from '../../../src/lib/activations/erf.ts';

describe('erf', () => {
  // Abramowitz & Stegun, table 7.1, and high-precision values (erf 3, erf 5).
  it.each([
    [0, 0], [0.1, 0.1124629160182849], [0.5, 0.5204998778130465], [1, 0.8427007929497149],
    [2, 0.9953222650189527], [2.5, 0.9995930479825550], [3, 0.9999779095030014], [5, 0.9999999999984626],
  ])('erf(%f) = %f', (x, want) => {
    expect(Math.abs(erf(x) - want)).toBeLessThan(2e-15);
    expect(Math.abs(erf(-x) + want)).toBeLessThan(2e-15);
  });
  it('Φ keeps relative accuracy in the far tail: Φ(−10) ≈ 7.6199e-24', () => {
    expect(normalCdf(-10) / 7.619853024160527e-24 - 1).toBeLessThan(1e-12);
  });
});

describe('activation values at known points', () => {
  it.each([
    ['relu', -2, 0], ['relu', 3, 3], ['relu', 0, 0],
    ['leaky-relu', -2, -0.2], ['leaky-relu', 3, 3],
    ['sigmoid', 0, 0.5], ['sigmoid', Math.log(3), 0.75],
    ['tanh', 0, 0], ['tanh', Math.atanh(0.5), 0.5],
    ['gelu', 0, 0], ['gelu', 1, 0.8413447460685429], ['gelu', -1, -0.15865525393145707],
  ] as const)('%s(%f) = %f', (name, x, want) => {
    expect(activation(name, 0.1).f(x)).toBeCloseTo(want, 14);
  });
  it('sigmoid does not overflow for large |x|', () => {
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
  });
  it('derivatives at the kink follow tfjs: relu′(0) = 0, leaky′(0) = slope', () => {
    expect(activation('relu').df(0)).toBe(0);
    expect(activation('leaky-relu', 0.3).df(0)).toBe(0.3);
  });
  it('the derivative maxima quoted in the chapter: σ′ ≤ 1/4 at 0, tanh′ = 1 at 0', () => {
    expect(activation('sigmoid').df(0)).toBe(0.25);
    expect(activation('tanh').df(0)).toBe(1);
  });
});

describe.each(ACTIVATIONS)('%s derivative vs central finite differences', (name) => {
  const a = activation(name, 0.07);
  it('agrees to 1e-7 away from the kink', () => {
    const h = 1e-5;
    for (let x = -6; x <= 6; x += 0.173) {
      if (Math.abs(x) < 2 * h) continue;
      const fd = (a.f(x + h) - a.f(x - h)) / (2 * h);
      expect(Math.abs(a.df(x) - fd), `x = ${x}`).toBeLessThan(1e-7);
    }
  });
});

describe('GELU: exact erf form vs the tanh approximation', () => {
  it('differ by less than 5e-4 on [−6, 6] but are not identical (we use the exact form)', () => {
    let worst = 0;
    for (let x = -6; x <= 6; x += 0.01) worst = Math.max(worst, Math.abs(activation('gelu').f(x) - geluTanh(x)));
    expect(worst).toBeLessThan(5e-4);
    expect(worst).toBeGreaterThan(1e-5);
  });
});

describe('softmax', () => {
  it('is stable for huge logits and sums to 1', () => {
    const p = softmax([1000, 1000, 999]);
    expect(p.every(Number.isFinite)).toBe(true);
    expect(p.reduce((a, b) => a + b)).toBeCloseTo(1, 15);
    expect(p[0]).toBeCloseTo(1 / (2 + Math.exp(-1)), 15);
  });
});
