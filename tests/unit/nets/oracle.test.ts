import { describe, expect, it } from 'vitest';
import { ARCHITECTURES, BATCH, DEFAULT_NET, initStd, NET_ACTIVATIONS, NET_PARSERS, netData, parseLayer, type NetSpec } from '../../../src/lib/nets/plain-net.ts';
import { oracleGradNorms } from '../../../src/lib/nets/oracle.ts';
import { ParamError } from '../../../src/lib/params/index.ts';

/** The loss written independently (a plain forward pass), for finite differences on single weights. */
function lossAt(spec: NetSpec, data: ReturnType<typeof netData>): number {
  return oracleGradNorms(spec, data).loss;
}

describe('oracleGradNorms', () => {
  const grid = ARCHITECTURES.flatMap((architecture) => NET_ACTIVATIONS.map((act) => [architecture, act] as const));
  it.each(grid)('%s, %s: ‖∂L/∂W_l‖ matches central finite differences on every weight of a tiny net', (architecture, act) => {
    const spec: NetSpec = { depth: 3, width: 4, activation: act, init: 'glorot', seed: 5, architecture };
    const data = netData(spec);
    const got = oracleGradNorms(spec, data).gradNorms;
    const h = 1e-6;
    for (let l = 0; l < spec.depth; l++) {
      let sq = 0;
      const w64 = Float64Array.from(data.weights[l]!);
      for (let i = 0; i < w64.length; i++) {
        const plus = { ...data, weights: data.weights.map((w, k) => (k === l ? Float64Array.from(w64, (v, j) => (j === i ? v + h : v)) : w)) };
        const minus = { ...data, weights: data.weights.map((w, k) => (k === l ? Float64Array.from(w64, (v, j) => (j === i ? v - h : v)) : w)) };
        const g = (lossAt(spec, plus as never) - lossAt(spec, minus as never)) / (2 * h);
        sq += g * g;
      }
      expect(Math.abs(got[l]! - Math.sqrt(sq)) / Math.sqrt(sq), `layer ${l + 1}`).toBeLessThan(1e-6);
    }
  });

  it.each(ARCHITECTURES)('%s: ‖∂L/∂x‖ (signalNorms[0]) matches central finite differences on the input', (architecture) => {
    const spec: NetSpec = { depth: 3, width: 4, activation: 'tanh', init: 'he', seed: 9, architecture };
    const data = netData(spec);
    const h = 1e-6;
    let sq = 0;
    for (let i = 0; i < data.x.length; i++) {
      const at = (d: number) => lossAt(spec, { ...data, x: Float64Array.from(data.x, (v, j) => (j === i ? v + d : v)) } as never);
      sq += ((at(h) - at(-h)) / (2 * h)) ** 2;
    }
    const got = oracleGradNorms(spec, data).signalNorms;
    expect(got).toHaveLength(spec.depth + 1);
    expect(Math.abs(got[0]! - Math.sqrt(sq)) / Math.sqrt(sq)).toBeLessThan(1e-6);
  });

  it('reproduces the chapter\'s qualitative claims (depth 20, width 64, seed 1)', () => {
    const ratio = (activation: NetSpec['activation'], init: NetSpec['init']) => {
      const spec = { ...DEFAULT_NET, depth: 20, activation, init };
      const g = oracleGradNorms(spec, netData(spec)).gradNorms;
      return g[0]! / g[19]!;
    };
    expect(ratio('sigmoid', 'glorot')).toBeLessThan(1e-9); // sigmoid vanishes even with Glorot
    expect(ratio('relu', 'he')).toBeGreaterThan(0.5);      // ReLU + He stays within a factor of 2
    expect(ratio('relu', 'he')).toBeLessThan(2);
    expect(ratio('tanh', 'glorot')).toBeGreaterThan(0.5);
    expect(ratio('tanh', 'naive')).toBeGreaterThan(1e3);   // N(0,1) weights make tanh explode
  });

  it('the identity skip gives the gradient a direct path (depth 20, width 64, seed 1, the same weights)', () => {
    const run = (activation: NetSpec['activation'], init: NetSpec['init'], architecture: NetSpec['architecture']) => {
      const spec: NetSpec = { ...DEFAULT_NET, depth: 20, activation, init, architecture };
      return oracleGradNorms(spec, netData(spec));
    };
    const ratio = (r: ReturnType<typeof run>) => r.gradNorms[0]! / r.gradNorms[19]!;
    // Sigmoid + Glorot: twelve decades between first and last layer without the skip, one with it.
    expect(ratio(run('sigmoid', 'glorot', 'plain'))).toBeLessThan(1e-11);
    expect(ratio(run('sigmoid', 'glorot', 'residual'))).toBeGreaterThan(0.1);
    expect(ratio(run('sigmoid', 'glorot', 'residual'))).toBeLessThan(1);
    // The backward signal itself: almost all of ‖∂L/∂h_D‖ reaches x through the skips, almost none without.
    const reach = (r: ReturnType<typeof run>) => r.signalNorms[0]! / r.signalNorms[20]!;
    expect(reach(run('sigmoid', 'glorot', 'plain'))).toBeLessThan(1e-12);
    expect(reach(run('sigmoid', 'glorot', 'residual'))).toBeGreaterThan(1);
    // ReLU + He: the ratio stays within a factor of 2, but each block adds variance: the signal grows.
    const res = run('relu', 'he', 'residual');
    expect(ratio(res)).toBeGreaterThan(0.5);
    expect(ratio(res)).toBeLessThan(2);
    expect(res.activationStd[19]! / run('relu', 'he', 'plain').activationStd[19]!).toBeGreaterThan(1e3);
  });

  it('with depth 1 a residual network differs from the plain one only by adding x to the output', () => {
    const spec: NetSpec = { ...DEFAULT_NET, depth: 1, width: 4, init: 'he', seed: 3 };
    const data = netData(spec);
    const plain = oracleGradNorms(spec, data);
    const res = oracleGradNorms({ ...spec, architecture: 'residual' }, data);
    expect(res.loss).not.toBeCloseTo(plain.loss, 6);
    // The same loss as a plain net whose target is t − x.
    const shifted = { ...data, t: Float32Array.from(data.t, (v, i) => v - data.x[i]!) };
    expect(res.loss).toBeCloseTo(oracleGradNorms(spec, shifted).loss, 5);
  });
});

describe('netData and the parsers', () => {
  it('is deterministic per seed, float32, and has the documented shapes and scale', () => {
    const spec = { ...DEFAULT_NET, init: 'he' as const };
    const a = netData(spec);
    expect(a.x).toHaveLength(BATCH * 64);
    expect(a.weights).toHaveLength(20);
    expect(netData(spec).weights[7]).toEqual(a.weights[7]);
    expect(netData({ ...spec, seed: 2 }).weights[7]).not.toEqual(a.weights[7]);
    const w = a.weights.flatMap((x) => [...x]);
    const sd = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    expect(sd / initStd('he', 64)).toBeGreaterThan(0.97);
    expect(sd / initStd('he', 64)).toBeLessThan(1.03);
  });
  it.each([
    ['depth', '0', /depth must be from 1 to 50; got 0/], ['depth', '500', /got 500/], ['activation', 'gelu', /Unknown activation/],
    ['init', 'xavier', /Unknown init "xavier"/], ['architecture', 'resnet', /Unknown architecture "resnet". Choose one of: plain, residual./],
  ] as const)(
    '%s=%s is refused', (name, raw, msg) => expect(() => NET_PARSERS[name](raw)).toThrow(msg));
  it('architecture accepts plain and residual, case-insensitively', () => {
    expect(NET_PARSERS.architecture('residual')).toBe('residual');
    expect(NET_PARSERS.architecture(' Plain ')).toBe('plain');
    expect(DEFAULT_NET.architecture).toBe('plain');
  });
  it('layer must lie within the depth and says the depth', () => {
    expect(parseLayer('3', 5)).toBe(3);
    expect(() => parseLayer('6', 5)).toThrow(ParamError);
    expect(() => parseLayer('6', 5)).toThrow(/The network has 5 layers/);
  });
});
