import { describe, expect, it } from 'vitest';
import type { Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { logits, logitsSliced } from '../../../src/lib/train/forward.ts';
import { runSync } from '../../../src/lib/schedule/slices.ts';
import { cpu } from './helpers.ts';

describe('the forward pass with a pause after each layer (CPU)', { timeout: 60_000 }, () => {
  it('gives logits\'s numbers, pauses between layers, and leaves only its result', async () => {
    const tf = await cpu();
    const model = buildSmallCnn({ classes: 5, seed: 2, filters: [4, 8], hidden: 16 });
    const x = tf.randomUniform([3, 28, 28, 1], 0, 1, 'float32', 5);
    const want = tf.tidy(() => logits(tf, model, x, false));
    const before = tf.memory().numTensors;
    const gen = logitsSliced(tf, model, x, false);
    let pauses = 0;
    let r = gen.next();
    for (; !r.done; r = gen.next()) pauses++;
    expect(pauses).toBe(model.layers.length - 2); // every layer but the softmax, no pause after the last
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(Array.from(await r.value.data())).toEqual(Array.from(await want.data()));
    tf.dispose([r.value, want, x]);
    model.dispose();
  });

  it('a layer that throws: the error, and what the layers before it made released', async () => {
    const tf = await cpu();
    const model = buildSmallCnn({ classes: 5, seed: 2, filters: [4, 8], hidden: 16 });
    const x = tf.zeros([1, 28, 28, 1]);
    const before = tf.memory().numTensors;
    const broken = { layers: model.layers.map((l, i) => (i === 5 ? Object.assign(Object.create(l), { apply: () => { throw new Error('broken layer'); }, getClassName: () => 'Broken' }) : l)) } as unknown as LayersModel;
    expect(() => runSync(logitsSliced(tf, broken, x, false))).toThrow('broken layer');
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(x as Tensor);
    model.dispose();
  });
});
