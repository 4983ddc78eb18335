import { describe, expect, it } from 'vitest';
import { denseHead } from '../../../src/lib/head/model.ts';
import { accuracyOf, predictHead, trainHead, type HostFeatures } from '../../../src/lib/head/train.ts';
import { Job } from '../../../src/lib/job/job.ts';
import { lcg } from '../../../src/lib/random/lcg.ts';
import { cpu, values } from '../train/helpers.ts';

/** K well-separated Gaussian-ish clusters in `dim` dimensions, `perClass` seeded points each (labels interleaved). */
function clusters(k: number, dim: number, perClass: number, seed: number): HostFeatures {
  const next = lcg(seed);
  const count = k * perClass;
  const data = new Float32Array(count * dim);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % k;
    for (let d = 0; d < dim; d++) data[i * dim + d] = (d % k === labels[i] ? 2 : 0) + (next() - 0.5);
  }
  return { data, count, shape: [dim], labels };
}

const toy = clusters(3, 6, 8, 11);
const options = { epochs: 40, seed: 3, batchSize: 6, learningRate: 0.05, readEvery: 4 };

describe('trainHead', { timeout: 60_000 }, () => {
  it('lowers the loss on a separable toy problem until it classifies every point', async () => {
    const tf = await cpu();
    const head = denseHead(tf, { inputs: 6, hidden: [8], classes: 3, seed: 1 });
    const r = await trainHead(tf, head, toy, options);
    expect(r.cancelled).toBe(false);
    expect(r.steps).toBe(40 * 4);
    expect(r.losses[0]![0]).toBe(4);
    expect(r.losses.at(-1)![1]).toBeLessThan(r.losses[0]![1] / 4);
    expect(accuracyOf(await predictHead(tf, head, toy), toy.labels)).toBe(1);
    head.dispose();
  });

  it('gives the same weights and losses for the same seeds, other ones for another seed', async () => {
    const tf = await cpu();
    const run = async (seed: number, headSeed = 1) => {
      const head = denseHead(tf, { inputs: 6, hidden: [8], classes: 3, seed: headSeed });
      const r = await trainHead(tf, head, toy, { ...options, epochs: 5, seed });
      const w = await values(head.getWeights());
      head.dispose();
      return { losses: r.losses, w: w.flatMap((a) => Array.from(a)) };
    };
    const a = await run(3);
    expect(await run(3)).toEqual(a);
    expect((await run(4)).w).not.toEqual(a.w); // another batch order
    expect((await run(3, 2)).w).not.toEqual(a.w); // another initial head
  });

  it('leaves no tensor behind: host rows are uploaded and released, device features stay the caller\'s', async () => {
    const tf = await cpu();
    const head = denseHead(tf, { inputs: 6, classes: 3, seed: 1 });
    const before = tf.memory().numTensors;
    await trainHead(tf, head, toy, { ...options, epochs: 3 });
    await predictHead(tf, head, toy);
    expect(tf.memory().numTensors).toBe(before);
    const x = tf.tensor2d(toy.data, [toy.count, 6]);
    const y = tf.tensor1d(Int32Array.from(toy.labels), 'int32');
    await trainHead(tf, head, { x, y, count: toy.count }, { ...options, epochs: 3 });
    expect(x.isDisposed || y.isDisposed).toBe(false);
    expect(tf.memory().numTensors).toBe(before + 2);
    tf.dispose([x, y]);
    head.dispose();
  });

  it('full batch by default (one step per epoch), with the validation callback after each epoch', async () => {
    const tf = await cpu();
    const head = denseHead(tf, { inputs: 6, classes: 3, seed: 1 });
    const seen: number[] = [];
    const r = await trainHead(tf, head, toy, { epochs: 5, seed: 1, readEvery: 100, onEpochEnd: (e) => void seen.push(e) });
    expect(r.steps).toBe(5);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(r.losses.map(([s]) => s)).toEqual([1, 2, 3, 4, 5]);
    head.dispose();
  });

  it('stops at the next step when its job is cancelled, returning what it has, tensors released', async () => {
    const tf = await cpu();
    const head = denseHead(tf, { inputs: 6, classes: 3, seed: 1 });
    const before = tf.memory().numTensors;
    const job = new Job();
    let reads = 0;
    const r = await trainHead(tf, head, toy, { ...options, epochs: 1000, job, onProgress: () => void (++reads === 2 && job.cancel()) });
    expect(r.cancelled).toBe(true);
    expect(r.steps).toBe(8);
    expect(r.losses.map(([s]) => s)).toEqual([4, 8]);
    expect(tf.memory().numTensors).toBe(before);
    head.dispose();
  });

  it('names features that do not match their shape or labels', async () => {
    const tf = await cpu();
    const head = denseHead(tf, { inputs: 6, classes: 3, seed: 1 });
    const before = tf.memory().numTensors;
    await expect(trainHead(tf, head, { ...toy, count: toy.count + 1 }, options)).rejects.toThrow(/expected 25×6 features, got 144/);
    await expect(trainHead(tf, head, { ...toy, labels: [0, 1] }, options)).rejects.toThrow(/expected 24 labels, got 2/);
    expect(tf.memory().numTensors).toBe(before);
    head.dispose();
  });
});
