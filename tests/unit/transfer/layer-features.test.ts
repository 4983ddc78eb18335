import { describe, expect, it } from 'vitest';
import type { Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { layerFeatures, runLayersSliced } from '../../../src/lib/transfer/layer-features.ts';
import { runSync } from '../../../src/lib/schedule/slices.ts';
import { headOf } from '../../../src/lib/head/model.ts';
import { cloneModel } from '../../../src/lib/transfer/clone.ts';
import { logits } from '../../../src/lib/train/index.ts';
import { cpu, synthetic, maxAbsDiff } from '../train/helpers.ts';

describe('layerFeatures', () => {
  it('returns each named layer\'s rows in inference mode, batch padding dropped, no tensors left', async () => {
    const tf = await cpu();
    const model = buildSmallCnn({ classes: 3, seed: 3, filters: [4, 8], hidden: 8 });
    const set = synthetic(7, 3, 2);
    const before = tf.memory().numTensors;
    const f = await layerFeatures(tf, model, set, ['pool1', 'hidden', 'logits'], 4);
    expect(tf.memory().numTensors).toBe(before);
    expect([f.pool1!.dim, f.hidden!.dim, f.logits!.dim]).toEqual([14 * 14 * 4, 8, 3]);
    expect(f.pool1!.shape).toEqual([14, 14, 4]);
    expect(f.hidden!.data.length).toBe(7 * 8);
    const x = tf.tensor4d(Float32Array.from(set.images, (v) => v / 255), [7, 28, 28, 1]);
    const z = tf.tidy(() => logits(tf, model, x, false));
    expect(maxAbsDiff(f.logits!.data, await z.data())).toBeLessThan(1e-5);
    tf.dispose([x, z]);
    await expect(layerFeatures(tf, model, set, ['nope'])).rejects.toThrow(/no layer "nope".*conv1, bn1/);
    // Feature rows in (a head's input): pool2's [7, 7, 8] rows through the layers above give the same logits.
    const head = headOf(model, 'pool2');
    const { pool2 } = await layerFeatures(tf, model, set, ['pool2'], 4);
    expect(pool2!.shape).toEqual([7, 7, 8]);
    const again = await layerFeatures(tf, head, pool2!, ['logits'], 4);
    expect(maxAbsDiff(again.logits!.data, f.logits!.data)).toBeLessThan(1e-5);
    head.dispose();
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});

describe('runLayersSliced', () => {
  it('gives each kept layer\'s output bit for bit (the model\'s layers up to it, run from the input), and on a failure leaves nothing behind', async () => {
    const tf = await cpu();
    const model = buildSmallCnn({ classes: 3, seed: 5, filters: [4, 8], hidden: 8 });
    const x = tf.randomUniform([2, 28, 28, 1], 0, 1, 'float32', 3);
    const keep = [3, 7, 9];
    // runLayers runs this same code straight through; the reference is the plain forward walk over each prefix.
    const want = keep.map((k) => tf.tidy(() => logits(tf, { layers: model.layers.slice(0, k + 1) } as LayersModel, x, false)));
    const before = tf.memory().numTensors;
    const got = runSync(runLayersSliced(tf, model, x, 10, keep));
    for (const [i, t] of got.entries()) expect(Array.from(await t.data()), `layer ${keep[i]}`).toEqual(Array.from(await want[i]!.data()));
    tf.dispose([...got, ...want]);
    expect(tf.memory().numTensors).toBe(before - want.length);
    const wrong = tf.zeros([2, 28, 28, 3]); // three channels into a one-channel convolution
    const count = tf.memory().numTensors;
    expect(() => runSync(runLayersSliced(tf, model, wrong, 10, keep))).toThrow();
    expect(tf.memory().numTensors).toBe(count);
    tf.dispose([x, wrong]);
    model.dispose();
  });
});

describe('cloneModel', () => {
  it('copies architecture and weights into new variables', async () => {
    const tf = await cpu();
    const model = buildSmallCnn({ classes: 2, seed: 8, filters: [2, 2], hidden: 4 });
    const copy = await cloneModel(model);
    const a = model.getWeights(), b = copy.getWeights();
    expect(b.length).toBe(a.length);
    for (let i = 0; i < a.length; i++) expect(Array.from(await b[i]!.data())).toEqual(Array.from(await a[i]!.data()));
    const [k, bias] = model.getLayer('hidden').getWeights() as [Tensor, Tensor];
    const kept = Array.from(await k.data());
    const zeros = [tf.zerosLike(k), tf.zerosLike(bias)];
    copy.getLayer('hidden').setWeights(zeros);
    tf.dispose(zeros);
    expect(Array.from(await copy.getLayer('hidden').getWeights()[0]!.data()).every((v) => v === 0)).toBe(true);
    expect(Array.from(await model.getLayer('hidden').getWeights()[0]!.data())).toEqual(kept);
    model.dispose();
    copy.dispose();
  });
});
