import { describe, expect, it } from 'vitest';
import type { Tensor } from '@tensorflow/tfjs-core';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { assemble, baseFeatures, trainDoodleHead } from '../../../src/lib/doodle/head.ts';
import { Job } from '../../../src/lib/job/job.ts';
import { rasterise } from '../../../src/lib/doodle/strokes.ts';
import { toInput, toMnist } from '../../../src/lib/doodle/preprocess.ts';
import { doodle, type Shape } from '../../e2e/doodle-shapes.ts';
import { cpu, maxAbsDiff } from '../train/helpers.ts';

const input = (shape: Shape, seed: number) => toInput(toMnist(rasterise(doodle(shape, seed)), 256, 256)!);
function batch(xs: Float32Array[]): Float32Array {
  const out = new Float32Array(xs.length * 784);
  xs.forEach((x, i) => out.set(x, i * 784));
  return out;
}

describe('baseFeatures', { timeout: 60_000 }, () => {
  it('equals the model’s own hidden-layer output in inference mode, for a count that is not a multiple of the batch', async () => {
    const tf = await cpu();
    const base = buildSmallCnn({ classes: 5, seed: 2 });
    const xs = [input('circle', 1), input('cross', 1), input('zigzag', 1)];
    const { data, dim } = await baseFeatures(tf, base, batch(xs), 3);
    expect(dim).toBe(64);
    const tfl = await import('@tensorflow/tfjs-layers');
    const sub = tfl.model({ inputs: base.inputs, outputs: base.getLayer('hidden').output as never });
    const want = sub.predict(tf.tensor4d(batch(xs), [3, 28, 28, 1])) as Tensor;
    expect(maxAbsDiff(data, await want.data())).toBeLessThan(1e-5);
    want.dispose();
    base.dispose();
  });
});

describe('trainDoodleHead', { timeout: 60_000 }, () => {
  // Two well-separated clusters in 4-D, three points each.
  const features = Float32Array.from([1, 0, 0, 0.2, 0.9, 0.1, 0, 0, 1.1, 0, 0.1, 0, 0, 1, 0, 0.1, 0, 0.8, 0.2, 0, 0.1, 1.2, 0, 0]);
  const labels = [0, 0, 0, 1, 1, 1];

  it('learns separable features, is the same for the same seed, and leaves no tensor behind', async () => {
    const tf = await cpu();
    const before = tf.memory().numTensors;
    const a = await trainDoodleHead(tf, features, labels, 4, { classes: 2, epochs: 60, seed: 3 });
    expect(tf.memory().numTensors).toBe(before);
    expect(a.accuracy).toBe(1);
    expect(a.cancelled).toBe(false);
    expect(a.losses.at(-1)![1]).toBeLessThan(a.losses[0]![1]);
    const b = await trainDoodleHead(tf, features, labels, 4, { classes: 2, epochs: 60, seed: 3 });
    expect(Array.from(b.kernel)).toEqual(Array.from(a.kernel));
    const c = await trainDoodleHead(tf, features, labels, 4, { classes: 2, epochs: 60, seed: 4 });
    expect(Array.from(c.kernel)).not.toEqual(Array.from(a.kernel));
  });

  it('stops when asked, still returning weights and releasing its tensors', async () => {
    const tf = await cpu();
    const before = tf.memory().numTensors;
    let reads = 0;
    const job = new Job();
    const h = await trainDoodleHead(tf, features, labels, 4, { classes: 2, epochs: 1000, seed: 1, onProgress: () => ++reads >= 2 && job.cancel(), job });
    expect(h.cancelled).toBe(true);
    expect(h.losses.at(-1)![0]).toBe(20);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('assemble', { timeout: 60_000 }, () => {
  it('gives a model whose probabilities are softmax(features · W + b) of the trained head', async () => {
    const tf = await cpu();
    const base = buildSmallCnn({ classes: 5, seed: 2 });
    const xs = [input('circle', 1), input('circle', 2), input('cross', 1), input('cross', 2)];
    const { data, dim } = await baseFeatures(tf, base, batch(xs), xs.length);
    const head = await trainDoodleHead(tf, data, [0, 0, 1, 1], dim, { classes: 2, epochs: 30, seed: 1 });
    const before = tf.memory().numTensors;
    const model = assemble(tf, base, head, 1);
    const probs = model.predict(tf.tensor4d(batch(xs), [4, 28, 28, 1])) as Tensor;
    const want = tf.softmax(tf.add(tf.matMul(tf.tensor2d(data, [4, dim]), tf.tensor2d(head.kernel, [dim, 2])), tf.tensor1d(head.bias)));
    expect(maxAbsDiff(await probs.data(), await want.data())).toBeLessThan(1e-5);
    // The base's conv weights are the source's, not the fresh model's initialisation.
    expect(maxAbsDiff(await model.getLayer('conv1').getWeights()[0]!.data(), await base.getLayer('conv1').getWeights()[0]!.data())).toBe(0);
    tf.dispose([probs, want]);
    model.dispose();
    base.dispose();
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before);
  });
});
