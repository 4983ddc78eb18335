import { describe, expect, it } from 'vitest';
import type { Tensor } from '@tensorflow/tfjs-core';
import { applyFreeze, frozenUpTo, lrMultipliers, transferModel } from '../../../src/lib/transfer/model.ts';
import { cacheable, computeFeatures } from '../../../src/lib/transfer/features.ts';
import { copyHeadBack, headOf } from '../../../src/lib/head/model.ts';
import { logits } from '../../../src/lib/train/forward.ts';
import { cpu, maxAbsDiff, values } from '../train/helpers.ts';
import { digits04, task } from './fixtures.ts';

describe('transferModel', { timeout: 120_000 }, () => {
  it('copies the source base, gives a new seeded head for the target classes, and leaves the source alone', async () => {
    const tf = await cpu();
    const source = await digits04(tf);
    const before = tf.memory().numTensors;
    const model = transferModel(source, 3, 4);
    for (const name of ['conv1', 'bn1', 'conv2', 'bn2', 'hidden']) {
      const [a, b] = [await values(model.getLayer(name).getWeights()), await values(source.getLayer(name).getWeights())];
      a.forEach((w, i) => expect(maxAbsDiff(w, b[i]!), name).toBe(0));
    }
    expect(model.getLayer('logits').getWeights()[0]!.shape).toEqual([64, 3]);
    const twin = transferModel(source, 3, 4);
    const other = transferModel(source, 3, 5);
    const head = async (m: typeof model) => (await values(m.getLayer('logits').getWeights()))[0]!;
    expect(maxAbsDiff(await head(model), await head(twin))).toBe(0);
    expect(maxAbsDiff(await head(model), await head(other))).toBeGreaterThan(0.01);
    const scratch = transferModel(null, 3, 4);
    expect(maxAbsDiff((await values(scratch.getLayer('conv1').getWeights()))[0]!, (await values(source.getLayer('conv1').getWeights()))[0]!)).toBeGreaterThan(0.01);
    [model, twin, other, scratch].forEach((m) => m.dispose());
    expect(tf.memory().numTensors).toBe(before);
    source.dispose();
  });
});

describe('applyFreeze and lrMultipliers', () => {
  it.each([
    ['none', -1, ['conv1/kernel', 'bn1/gamma', 'bn1/beta', 'conv2/kernel', 'bn2/gamma', 'bn2/beta', 'hidden/kernel', 'hidden/bias', 'logits/kernel', 'logits/bias']],
    ['conv1', 3, ['conv2/kernel', 'bn2/gamma', 'bn2/beta', 'hidden/kernel', 'hidden/bias', 'logits/kernel', 'logits/bias']],
    ['conv2', 7, ['hidden/kernel', 'hidden/bias', 'logits/kernel', 'logits/bias']],
    ['hidden', 9, ['logits/kernel', 'logits/bias']],
  ] as const)('freeze=%s: layers 0…%i frozen, these weights train', async (freeze, k, trainable) => {
    await cpu();
    const model = transferModel(null, 5, 1);
    applyFreeze(model, freeze);
    expect(frozenUpTo(model, freeze)).toBe(k);
    expect(model.trainableWeights.map((w) => w.originalName)).toEqual(trainable);
    expect(lrMultipliers(model, 10)).toEqual(trainable.map((n) => (n.startsWith('logits/') ? 10 : 1)));
    expect(cacheable(model, k)).toBe(k >= 7);
    model.dispose();
  });
});

describe('features and head model', { timeout: 120_000 }, () => {
  it('the head on cached features computes the same logits as the whole model, and its weights copy back', async () => {
    const tf = await cpu();
    const source = await digits04(tf);
    const data = await task(2, 2);
    for (const freeze of ['conv2', 'hidden'] as const) {
      const model = transferModel(source, 5, 3);
      applyFreeze(model, freeze);
      const k = frozenUpTo(model, freeze);
      const steps: number[] = [];
      const f = (await computeFeatures(tf, model, data.train, k, async (done) => (steps.push(done), true), 4))!;
      expect(steps).toEqual([4, 8, 10]);
      const head = headOf(model, k);
      expect(head.inputs[0]!.shape.slice(1)).toEqual(f.shape.slice(1));
      expect(head.trainableWeights.map((w) => w.originalName)).toEqual(model.trainableWeights.map((w) => w.originalName));
      const x = tf.tensor4d(Float32Array.from(data.train.images, (v) => v / 255), [10, 28, 28, 1]);
      const [a, b] = await values([logits(tf, model, x, false), logits(tf, head, f, false)] as Tensor[]);
      expect(maxAbsDiff(a!, b!), freeze).toBeLessThan(1e-4);
      const [kernel, bias] = head.getLayer('logits').getWeights();
      const moved = tf.add(bias!, 1);
      const want = (await values([moved]))[0]!;
      head.getLayer('logits').setWeights([kernel!, moved]);
      moved.dispose();
      copyHeadBack(head, model);
      expect(maxAbsDiff((await values(model.getLayer('logits').getWeights()))[1]!, want)).toBe(0);
      const stopped = await computeFeatures(tf, model, data.train, k, async () => false, 4);
      expect(stopped).toBeNull();
      tf.dispose([f, x]);
      head.dispose();
      model.dispose();
    }
    source.dispose();
  });
});
