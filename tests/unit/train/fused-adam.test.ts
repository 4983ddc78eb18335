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

  it('per-variable learning-rate multipliers equal tfjs Adam with lr × multiplier on each variable', async () => {
    const tf = await cpu();
    const shapes = [[3, 3, 1, 4], [4], [7, 5]];
    const multipliers = [1, 0.1, 10];
    const mk = () => shapes.map((s, i) => tf.variable(tf.tensor(uniform(20 + i, s.reduce((a, b) => a * b)), s)));
    const ours = mk();
    const theirs = mk();
    const fused = new FusedAdam(tf, ours, { learningRate: 0.01, multipliers });
    const adams = multipliers.map((k) => tf.train.adam(0.01 * k));
    for (let step = 0; step < 4; step++) {
      const grads = shapes.map((s, i) => tf.tensor(uniform(300 + 10 * step + i, s.reduce((a, b) => a * b), -2, 2), s));
      fused.applyGradients(grads);
      theirs.forEach((v, i) => adams[i]!.applyGradients([{ name: v.name, tensor: grads[i]! }]));
      tf.dispose(grads);
    }
    const moved: number[] = [];
    for (let i = 0; i < shapes.length; i++) {
      const a = await ours[i]!.data();
      // float32 rounding grows with the step size (lr·k up to 0.1 here)
      expect(maxAbsDiff(a, await theirs[i]!.data())).toBeLessThan(1e-6 * Math.max(1, multipliers[i]!));
      moved.push(maxAbsDiff(a, uniform(20 + i, a.length)));
    }
    // Each step moves a weight by about lr·k, so the distances order as the multipliers do.
    expect(moved[1]!).toBeLessThan(moved[0]!);
    expect(moved[2]!).toBeGreaterThan(5 * moved[0]!);
    expect(() => new FusedAdam(tf, ours, { multipliers: [1, 2] })).toThrow(/expected 3/);
    fused.dispose();
    adams.forEach((a) => a.dispose());
    tf.dispose([...ours, ...theirs]);
  });
});
