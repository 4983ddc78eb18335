/**
 * Node + WebGPU: the Trainer through the barrier-free kernels (small filters keep SwiftShader quick) — the loss
 * falls, nothing leaks, and frozen layers (BatchNorm included) keep every weight and statistic.
 */
import { describe, expect, it } from 'vitest';
import { getNodeEngine } from '../../../src/lib/engine/node.ts';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { train } from '../../../src/lib/train/trainer.ts';
import { maxAbsDiff, synthetic } from './helpers.ts';

const small = (seed: number) => buildSmallCnn({ classes: 5, seed, filters: [4, 8], hidden: 16 });
const opts = { epochs: 1, batchSize: 8, seed: 5, readEvery: 4 };

describe('Trainer on WebGPU', { timeout: 300_000 }, () => {
  it('the loss falls over seeded steps and no tensor is left behind', async () => {
    const { tf, backend } = await getNodeEngine();
    expect(backend).toBe('webgpu');
    await tf.setBackend('webgpu');
    const model = small(1);
    const before = tf.memory().numTensors;
    const r = await train(tf, model, synthetic(64, 5, 3), { ...opts, epochs: 3, learningRate: 0.01 });
    expect(r.steps).toBe(24);
    expect(r.losses.at(-1)![1]).toBeLessThan(r.losses[0]![1] * 0.7);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('frozen layers, BatchNormalization included, keep every weight and moving statistic', async () => {
    const { tf } = await getNodeEngine();
    await tf.setBackend('webgpu');
    const model = small(1);
    const frozen = ['conv1', 'bn1'];
    for (const name of frozen) model.getLayer(name).trainable = false;
    const snapshot = async () => Object.fromEntries(await Promise.all(model.weights.map(async (w) => [w.originalName, Float32Array.from(await w.read().data())] as const)));
    const before = await snapshot();
    await train(tf, model, synthetic(32, 5, 3), { ...opts, learningRate: 0.01 });
    const after = await snapshot();
    for (const n of Object.keys(before)) expect(maxAbsDiff(before[n]!, after[n]!) > 0, n).toBe(!frozen.some((f) => n.startsWith(`${f}/`)));
    model.dispose();
  });
});
