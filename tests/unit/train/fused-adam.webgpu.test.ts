/** Node + WebGPU: FusedAdam's per-variable GPU programs against tfjs's AdamOptimizer on the CPU backend. */
import { describe, expect, it } from 'vitest';
import type { Tensor } from '@tensorflow/tfjs-core';
import { getNodeEngine } from '../../../src/lib/engine/node.ts';
import { FusedAdam } from '../../../src/lib/train/fused-adam.ts';
import { uniform } from '../../../src/lib/random/lcg.ts';
import { maxAbsDiff } from './helpers.ts';

describe('FusedAdam on WebGPU', { timeout: 120_000 }, () => {
  it('matches tfjs AdamOptimizer (CPU) over five steps on four variables, one of a size not a multiple of 4', async () => {
    const { tf, backend } = await getNodeEngine();
    expect(backend).toBe('webgpu');
    const shapes = [[3, 3, 1, 4], [4], [7, 5], [10]];
    const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
    const grads = (step: number) => shapes.map((s, i) => tf.tensor(uniform(100 * step + i, size(s), -2, 2), s));
    const final = async (backend: string, update: (vars: Tensor[], g: Tensor[]) => void, done: () => void) => {
      await tf.setBackend(backend);
      const vars = shapes.map((s, i) => tf.variable(tf.tensor(uniform(10 + i, size(s)), s)));
      for (let step = 0; step < 5; step++) {
        const g = grads(step);
        update(vars, g);
        tf.dispose(g);
      }
      const out = await Promise.all(vars.map(async (v) => Float32Array.from(await v.data())));
      done();
      tf.dispose(vars);
      return out;
    };
    let fused: FusedAdam | null = null;
    const ours = await final('webgpu', (vars, g) => {
      fused ??= new FusedAdam(tf, vars as never, { learningRate: 0.01 });
      fused.applyGradients(g);
    }, () => fused!.dispose());
    const adam = tf.train.adam(0.01);
    const ref = await final('cpu', (vars, g) => adam.applyGradients(vars.map((v, i) => ({ name: (v as never as { name: string }).name, tensor: g[i]! }))), () => adam.dispose());
    await tf.setBackend('webgpu');
    ref.forEach((r, i) => {
      expect(maxAbsDiff(ours[i]!, r)).toBeLessThan(1e-6);
      expect(maxAbsDiff(r, uniform(10 + i, r.length))).toBeGreaterThan(1e-3);
    });
  });
});
