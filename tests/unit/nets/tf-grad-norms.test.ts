/**
 * engineGradNorms (tfjs backprop, float32, the cpu backend in Node) against the float64 oracle, plain and
 * residual: every layer's ‖∂L/∂W_l‖ within a relative bound, the loss too, and no tensor left behind.
 */
import { describe, expect, it } from 'vitest';
import { netData, type NetSpec } from '../../../src/lib/nets/plain-net.ts';
import { oracleGradNorms } from '../../../src/lib/nets/oracle.ts';
import { engineGradNorms } from '../../../src/lib/nets/tf-grad-norms.ts';
import type { Tf } from '../../../src/lib/engine/types.ts';
import { cpu } from '../train/helpers.ts';

/**
 * float32 through depth on the cpu backend: measured worst per-layer relative error 1.5e-6 (tanh/naive
 * residual), ~1e-7 elsewhere; the browser test allows 2e-3 for GPU summation orders.
 */
const TOL = 1e-4;
const CASES: NetSpec[] = [
  { depth: 20, width: 64, activation: 'sigmoid', init: 'glorot', seed: 1, architecture: 'plain' },
  { depth: 20, width: 64, activation: 'sigmoid', init: 'glorot', seed: 1, architecture: 'residual' },
  { depth: 12, width: 32, activation: 'relu', init: 'he', seed: 7, architecture: 'residual' },
  { depth: 6, width: 16, activation: 'tanh', init: 'naive', seed: 3, architecture: 'residual' },
];

describe('engineGradNorms', () => {
  it.each(CASES.map((s) => [`${s.architecture} ${s.activation}/${s.init}, depth ${s.depth}`, s] as const))(
    '%s: tfjs gradients = float64 oracle', async (_name, spec) => {
      const tf = (await cpu()) as unknown as Tf;
      const data = netData(spec);
      const before = tf.memory().numTensors;
      const got = await engineGradNorms(tf, spec, data);
      expect(tf.memory().numTensors).toBe(before);
      const ref = oracleGradNorms(spec, data);
      expect(got.gradNorms).toHaveLength(spec.depth);
      got.gradNorms.forEach((g, l) => {
        expect(Math.abs(g - ref.gradNorms[l]!) / ref.gradNorms[l]!, `layer ${l + 1}: ${g} vs ${ref.gradNorms[l]}`).toBeLessThan(TOL);
      });
      expect(Math.abs(got.loss - ref.loss) / ref.loss).toBeLessThan(TOL);
    }, 30_000);

  it('residual and plain differ on the same weights (the option reaches the engine)', async () => {
    const tf = (await cpu()) as unknown as Tf;
    const spec = CASES[0]!;
    const data = netData(spec);
    const plain = await engineGradNorms(tf, spec, data);
    const res = await engineGradNorms(tf, { ...spec, architecture: 'residual' }, data);
    expect(res.gradNorms[0]! / plain.gradNorms[0]!).toBeGreaterThan(1e6);
  });
});
