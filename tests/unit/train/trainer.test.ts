import { describe, expect, it } from 'vitest';
import type { Tensor, Variable } from '@tensorflow/tfjs-core';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { Trainer, train } from '../../../src/lib/train/trainer.ts';
import { lossAndGrads } from '../../../src/lib/train/forward.ts';
import { upload } from '../../../src/lib/train/batches.ts';
import { cpu, maxAbsDiff, synthetic, values } from './helpers.ts';

// Small filters keep the CPU backend quick; the loop does not care about sizes.
const small = (seed: number) => buildSmallCnn({ classes: 5, seed, filters: [4, 8], hidden: 16 });
const opts = { epochs: 1, batchSize: 8, seed: 5, readEvery: 1 };

describe('lossAndGrads', { timeout: 60_000 }, () => {
  it("equals tfjs's own variableGrads through model.apply: loss, every gradient, BatchNorm's moving statistics", async () => {
    const tf = await cpu();
    const [model, twin] = [small(1), small(1)];
    const data = upload(tf, synthetic(8, 5, 2));
    const vars = twin.trainableWeights.map((w) => w.read() as Variable);
    const ours = lossAndGrads(tf, model, data.x, data.y);
    const ref = tf.variableGrads(() => {
      const p = twin.apply(data.x, { training: true }) as Tensor;
      return tf.losses.softmaxCrossEntropy(tf.oneHot(data.y, 5), tf.log(p)) as never;
    }, vars as never);
    expect(Math.abs((await ours.loss.data())[0]! - (await ref.value.data())[0]!)).toBeLessThan(1e-5);
    for (const [i, v] of vars.entries()) {
      const [a, b] = await values([ours.grads[i]!, ref.grads[v.name]!]);
      expect(maxAbsDiff(a!, b!), v.name).toBeLessThan(1e-5 + 1e-4 * Math.max(...b!.map(Math.abs)));
    }
    const stats = (m: typeof model) => values(m.weights.filter((w) => /moving/.test(w.originalName)).map((w) => w.read()));
    const [sa, sb] = [await stats(model), await stats(twin)];
    expect(sa.length).toBe(4);
    sa.forEach((s, i) => expect(maxAbsDiff(s, sb[i]!)).toBeLessThan(1e-6));
    model.dispose();
    twin.dispose();
  });
});

describe('Trainer', { timeout: 120_000 }, () => {
  it('the loss falls over a few seeded steps', async () => {
    const tf = await cpu();
    const model = small(1);
    const r = await train(tf, model, synthetic(64, 5, 3), { ...opts, epochs: 4, learningRate: 0.01, readEvery: 8 });
    expect(r.steps).toBe(32);
    expect(r.losses.at(-1)![1]).toBeLessThan(r.losses[0]![1] * 0.7);
    model.dispose();
  });

  it('the same seed gives the same first-step loss; another seed another', async () => {
    const tf = await cpu();
    const first = async (seed: number) => {
      const model = small(seed);
      const r = await train(tf, model, synthetic(32, 5, 3), { ...opts, seed, maxSteps: 1 });
      model.dispose();
      return r.losses[0]![1];
    };
    expect(await first(7)).toBe(await first(7));
    expect(await first(7)).not.toBe(await first(8));
  });

  it('by default reads the losses a few at a time, yet reports every step with the same values as a read per step', async () => {
    const tf = await cpu();
    const run = async (readEvery?: number) => {
      const model = small(2);
      const progress: [number, number][] = [];
      const r = await train(tf, model, synthetic(64, 5, 3), {
        epochs: 2, batchSize: 8, seed: 5, learningRate: 0.01, readEvery, readIntervalMs: 10_000,
        onProgress: (p) => void progress.push(...p.steps!),
      });
      model.dispose();
      return { r, progress };
    };
    const every = await run(1);
    const auto = await run(undefined);
    expect(every.r.losses).toHaveLength(16);
    expect(every.r.stepLosses).toEqual(every.r.losses);
    expect(auto.r.stepLosses).toEqual(every.r.stepLosses);
    expect(auto.progress).toEqual(every.r.stepLosses);
    // One read after the first step (timing), then the whole rest (10 s of steps fit): 2 reads, not 16.
    expect(auto.r.losses.map(([s]) => s)).toEqual([1, 16]);
  });

  it('cancel stops at the next step and leaves no tensors behind; pause holds until resume', async () => {
    const tf = await cpu();
    const model = small(1);
    const before = tf.memory().numTensors;
    const trainer = new Trainer(tf, model, synthetic(64, 5, 3), { ...opts, epochs: 3, onProgress: (p) => p.step === 2 && trainer.cancel() });
    const r = await trainer.run();
    expect(r.cancelled).toBe(true);
    expect(r.steps).toBe(2);
    expect(tf.memory().numTensors).toBe(before);

    const paused = new Trainer(tf, model, synthetic(64, 5, 3), { ...opts, onProgress: (p) => p.step === 1 && paused.pause() });
    const seen: number[] = [];
    const run = paused.run();
    await new Promise((r) => setTimeout(r, 300));
    seen.push((await Promise.race([run.then(() => -1), Promise.resolve(0)])));
    paused.resume();
    expect(seen).toEqual([0]);
    expect((await run).steps).toBe(8);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('frozen layers, BatchNormalization included, keep every weight and moving statistic', async () => {
    const tf = await cpu();
    const model = small(1);
    const frozen = ['conv1', 'bn1'];
    for (const name of frozen) model.getLayer(name).trainable = false;
    const snapshot = async () => Object.fromEntries(await Promise.all(model.weights.map(async (w) => [w.originalName, Float32Array.from(await w.read().data())] as const)));
    const before = await snapshot();
    await train(tf, model, synthetic(32, 5, 3), { ...opts, learningRate: 0.01 });
    const after = await snapshot();
    const names = Object.keys(before);
    expect(names.filter((n) => n.startsWith('bn1/')).sort()).toEqual(['bn1/beta', 'bn1/gamma', 'bn1/moving_mean', 'bn1/moving_variance']);
    for (const n of names) {
      const moved = maxAbsDiff(before[n]!, after[n]!) > 0;
      // Frozen: nothing moves. Trainable layers (and bn2's statistics) must move, or the test proves nothing.
      expect(moved, n).toBe(!frozen.some((f) => n.startsWith(`${f}/`)));
    }
    model.dispose();
  });

  it('trains on a TensorSet it does not own, calls onEpochEnd after each epoch, augments each batch, and applies lr multipliers', async () => {
    const tf = await cpu();
    const model = small(1);
    for (const l of model.layers.slice(0, -2)) l.trainable = false; // only the logits layer trains
    const set = upload(tf, synthetic(32, 5, 3));
    const before = tf.memory().numTensors;
    const epochs: number[] = [];
    let augmented = 0;
    const logitWeights = () => values(model.getLayer('logits').getWeights());
    const [k0, b0] = await logitWeights();
    const r = await train(tf, model, { ...set, count: 32 }, {
      ...opts, epochs: 3, readEvery: 100, learningRate: 0.01,
      // logits kernel frozen by a 0 multiplier; its bias still trains
      lrMultipliers: [0, 1],
      augment: (xb) => { augmented++; return tf.mul(xb, 0.5); },
      onEpochEnd: async (e) => { epochs.push(e); },
    });
    expect(r.steps).toBe(12);
    expect(epochs).toEqual([0, 1, 2]);
    expect(augmented).toBe(12);
    expect(r.losses.map(([s]) => s)).toEqual([4, 8, 12]);
    const [k1, b1] = await logitWeights();
    expect(maxAbsDiff(k1!, k0!)).toBe(0);
    expect(maxAbsDiff(b1!, b0!)).toBeGreaterThan(1e-3);
    expect(tf.memory().numTensors).toBe(before);
    expect(set.x.isDisposed).toBe(false);
    tf.dispose([set.x, set.y]);
    model.dispose();
  });
});
