import { describe, expect, it } from 'vitest';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { copyHeadBack, denseHead, headOf, initialKernel } from '../../../src/lib/head/model.ts';
import { trainHead } from '../../../src/lib/head/train.ts';
import { layerFeatures } from '../../../src/lib/transfer/layer-features.ts';
import { cpu, maxAbsDiff, synthetic, values } from '../train/helpers.ts';

describe('headOf', { timeout: 60_000 }, () => {
  it('computes what the whole model computes from the cut layer\'s output, with copied weights that train apart', async () => {
    const tf = await cpu();
    const model = buildSmallCnn({ classes: 3, seed: 5, filters: [4, 8], hidden: 8 });
    const set = synthetic(6, 3, 4);
    const f = await layerFeatures(tf, model, set, ['flatten', 'logits']);
    const before = tf.memory().numTensors;
    const head = headOf(model, 'flatten');
    expect(head.layers.map((l) => l.name)).toEqual(['hidden', 'logits', 'probs']);
    expect(head.inputs[0]!.shape).toEqual([null, f.flatten!.dim]);
    const h = await layerFeatures(tf, head, f.flatten!, ['logits']);
    expect(maxAbsDiff(h.logits!.data, f.logits!.data)).toBeLessThan(1e-4);
    // Training the head leaves the original model's weights alone; copyHeadBack writes them in.
    const w0 = (await values(model.getLayer('hidden').getWeights()))[0]!;
    await trainHead(tf, head, { ...f.flatten!, labels: set.labels }, { epochs: 3, batchSize: 3, seed: 1, learningRate: 0.05 });
    expect(maxAbsDiff((await values(model.getLayer('hidden').getWeights()))[0]!, w0)).toBe(0);
    const w1 = (await values(head.getLayer('hidden').getWeights()))[0]!;
    expect(maxAbsDiff(w1, w0)).toBeGreaterThan(1e-4);
    copyHeadBack(head, model);
    expect(maxAbsDiff((await values(model.getLayer('hidden').getWeights()))[0]!, w1)).toBe(0);
    head.dispose();
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('copies trainability, and names what it cannot cut', async () => {
    await cpu();
    const model = buildSmallCnn({ classes: 3, seed: 5, filters: [4, 8], hidden: 8 });
    model.getLayer('hidden').trainable = false;
    const head = headOf(model, model.layers.findIndex((l) => l.name === 'flatten'));
    expect(head.trainableWeights.map((w) => w.originalName)).toEqual(['logits/kernel', 'logits/bias']);
    head.dispose();
    expect(() => headOf(model, 'nope')).toThrow(/no layer "nope".*conv1/);
    expect(() => headOf(model, 'pool1')).toThrow(/class Conv2D is not supported/);
    expect(() => headOf(model, model.layers.length - 1)).toThrow(/no layers after "probs"/);
    model.dispose();
  });
});

describe('denseHead', () => {
  it('is seeded Glorot-uniform kernels (logits from the seed) and zero biases, hidden layers ReLU', async () => {
    const tf = await cpu();
    const before = tf.memory().numTensors;
    const head = denseHead(tf, { inputs: 5, hidden: [4], classes: 3, seed: 2 });
    expect(head.layers.map((l) => l.name)).toEqual(['hidden1', 'logits']);
    const [k1, b1, k2, b2] = await values(head.getWeights());
    expect(Array.from(k2!)).toEqual(Array.from(initialKernel(4, 3, 2)));
    expect(Array.from(k1!)).toEqual(Array.from(initialKernel(5, 4, 3)));
    expect([...b1!, ...b2!].every((v) => v === 0)).toBe(true);
    expect((head.getLayer('hidden1').getConfig() as { activation: string }).activation).toBe('relu');
    head.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('initialKernel: within the Glorot limit, the same for the same seed', () => {
    const k = initialKernel(64, 3, 1);
    expect(Math.max(...k.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 67));
    expect(Array.from(initialKernel(64, 3, 1))).toEqual(Array.from(k));
    expect(Array.from(initialKernel(64, 3, 2))).not.toEqual(Array.from(k));
  });
});
