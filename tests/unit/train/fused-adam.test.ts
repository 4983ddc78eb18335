import { describe, expect, it } from 'vitest';
import { FusedAdam } from '../../../src/lib/train/fused-adam.ts';
import { uniform } from '../../../src/lib/random/lcg.ts';
import { cpu, maxAbsDiff } from './helpers.ts';

describe('FusedAdam', () => {
  it('matches tfjs AdamOptimizer over five steps on three variables (float tolerance)', async () => {
    const tf = await cpu();
    const shapes = [[3, 3, 1, 4], [4], [7, 5]];
    const mk = () => shapes.map((s, i) => tf.variable(tf.tensor(uniform(10 + i, s.reduce((a, b) => a * b)), s)));
    const ours = mk();
    const theirs = mk();
    const fused = new FusedAdam(tf, ours, { learningRate: 0.01 });
    const adam = tf.train.adam(0.01);
    for (let step = 0; step < 5; step++) {
      const grads = shapes.map((s, i) => tf.tensor(uniform(100 * step + i, s.reduce((a, b) => a * b), -2, 2), s));
      fused.applyGradients(grads);
      adam.applyGradients(theirs.map((v, i) => ({ name: v.name, tensor: grads[i]! })));
      tf.dispose(grads);
    }
    for (let i = 0; i < shapes.length; i++) {
      const a = await ours[i]!.data();
      const b = await theirs[i]!.data();
      expect(maxAbsDiff(a, b)).toBeLessThan(1e-6);
      // …and the variables did move (a no-op optimizer would fail here).
      expect(maxAbsDiff(a, uniform(10 + i, a.length))).toBeGreaterThan(1e-3);
    }
    fused.dispose();
    adam.dispose();
    tf.dispose([...ours, ...theirs]);
  });
});
