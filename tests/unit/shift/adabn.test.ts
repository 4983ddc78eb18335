import { describe, expect, it } from 'vitest';
import type { Tensor } from '@tensorflow/tfjs-core';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { adaptBatchNorm } from '../../../src/lib/shift/adabn.ts';
import { channelMoments } from '../../../src/lib/shift/moments.ts';
import { cloneModel } from '../../../src/lib/transfer/clone.ts';
import { cpu, synthetic, maxAbsDiff } from '../train/helpers.ts';

describe('adaptBatchNorm (AdaBN)', () => {
  it('writes each BatchNorm input\'s per-channel mean and biased variance over all target images, layer by layer', async () => {
    const tf = await cpu();
    const model = buildSmallCnn({ classes: 3, seed: 2, filters: [4, 8], hidden: 8 });
    const set = synthetic(23, 3, 5); // 23 images in batches of 10: the last batch is padded and its padding ignored
    const copy = await cloneModel(model);
    const before = tf.memory().numTensors;
    const stats = await adaptBatchNorm(tf, copy, set, 10);
    expect(tf.memory().numTensors).toBe(before);
    expect(stats.map((s) => s.layer)).toEqual(['bn1', 'bn2']);

    // Direct computation: all 23 images at once, the float64 moments of each BatchNorm layer's input, where the
    // input of bn2 comes through bn1 with bn1's new statistics.
    const x = tf.tensor4d(Float32Array.from(set.images, (v) => v / 255), [23, 28, 28, 1]);
    const l = (name: string) => copy.getLayer(name);
    const bn1In = l('conv1').apply(x) as Tensor;
    const direct1 = channelMoments(await bn1In.data(), 4);
    const h = ['bn1', 'relu1', 'pool1', 'conv2'].reduce((t, n) => l(n).apply(t, { training: false }) as Tensor, bn1In);
    const direct2 = channelMoments(await h.data(), 8);
    for (const [got, want] of [[stats[0]!, direct1], [stats[1]!, direct2]] as const) {
      expect(maxAbsDiff(got.mean, want.mean)).toBeLessThan(1e-5 * (1 + Math.max(...want.mean.map(Math.abs))));
      expect(maxAbsDiff(got.variance, want.variance)).toBeLessThan(1e-5 * (1 + Math.max(...want.variance)));
    }
    expect(stats[0]!.count).toBe(23 * 28 * 28);
    expect(stats[1]!.count).toBe(23 * 14 * 14);
    // The layers now hold exactly these statistics; the original model keeps its own (0 and 1 when built).
    const w = (m: typeof model, name: string, k: number) => m.getLayer(name).getWeights()[k]!.data();
    expect(Array.from(await w(copy, 'bn2', 2))).toEqual(Array.from(stats[1]!.mean));
    expect(Array.from(await w(copy, 'bn2', 3))).toEqual(Array.from(stats[1]!.variance));
    expect(Array.from(await w(model, 'bn1', 2))).toEqual([0, 0, 0, 0]);
    expect(Array.from(await w(model, 'bn1', 3))).toEqual([1, 1, 1, 1]);
    tf.dispose([x, bn1In, h]);
    model.dispose();
    copy.dispose();
  });

  it('after AdaBN, BatchNorm normalises the target images: bn1 outputs have mean β = 0 and variance γ²·v/(v + ε)', async () => {
    const tf = await cpu();
    const model = buildSmallCnn({ classes: 3, seed: 4, filters: [4, 8], hidden: 8 });
    const set = synthetic(16, 3, 8);
    const [s1] = await adaptBatchNorm(tf, model, set, 16);
    const x = tf.tensor4d(Float32Array.from(set.images, (v) => v / 255), [16, 28, 28, 1]);
    const y = model.getLayer('bn1').apply(model.getLayer('conv1').apply(x), { training: false }) as Tensor;
    const m = channelMoments(await y.data(), 4);
    const eps = (model.getLayer('bn1') as unknown as { epsilon: number }).epsilon;
    for (let c = 0; c < 4; c++) { // γ = 1, β = 0 as built
      const v = s1!.variance[c]!;
      expect(m.mean[c]).toBeCloseTo(0, 5);
      expect(m.variance[c]! / (v / (v + eps))).toBeCloseTo(1, 4);
    }
    tf.dispose([x, y]);
    model.dispose();
  });
});
