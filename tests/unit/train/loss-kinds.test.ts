import { describe, expect, it } from 'vitest';
import type { Tensor, Variable } from '@tensorflow/tfjs-core';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { classificationLoss, crossEntropy, lossAndGrads, squaredError } from '../../../src/lib/train/forward.ts';
import { Trainer } from '../../../src/lib/train/trainer.ts';
import { upload } from '../../../src/lib/train/batches.ts';
import { probabilitySquaredError, probabilitySquaredErrorGrad } from '../../../src/lib/losses/squared-error.ts';
import { uniform } from '../../../src/lib/random/lcg.ts';
import { cpu, maxAbsDiff, synthetic, values } from './helpers.ts';

const small = (seed: number) => buildSmallCnn({ classes: 5, seed, filters: [4, 8], hidden: 16 });

describe('squaredError', () => {
  it('is (1/N) Σ_n Σ_k (softmax(z_n)_k − y_nk)², and its logit gradient is the float64 oracle’s divided by N', async () => {
    const tf = await cpu();
    const n = 6, k = 10;
    const z = Array.from({ length: n }, (_, i) => Array.from(uniform(40 + i, k, -4, 4)));
    const labels = z.map((_, i) => (i * 3) % k);
    const zt = tf.tensor2d(z);
    const yt = tf.tensor1d(labels, 'int32');
    const { value, grad } = tf.valueAndGrad((x: Tensor) => squaredError(tf, x, yt) as never)(zt as never) as unknown as { value: Tensor; grad: Tensor };
    const refLoss = z.reduce((s, row, i) => s + probabilitySquaredError(row, labels[i]!), 0) / n;
    const refGrad = z.flatMap((row, i) => probabilitySquaredErrorGrad(row, labels[i]!).map((g) => g / n));
    expect(Math.abs((await value.data())[0]! - refLoss)).toBeLessThan(1e-6);
    const got = await grad.data();
    const scale = Math.max(...refGrad.map(Math.abs));
    expect(scale).toBeGreaterThan(1e-3);
    expect(maxAbsDiff(got, refGrad)).toBeLessThan(1e-7 + 1e-5 * scale);
    tf.dispose([zt, yt, value, grad]);
  });

  it('classificationLoss picks the kind: ce is crossEntropy, mse is squaredError', async () => {
    const tf = await cpu();
    const z = tf.tensor2d(uniform(3, 20, -2, 2), [4, 5]);
    const y = tf.tensor1d([0, 1, 4, 2], 'int32');
    const [a, b, c, d] = await values([classificationLoss(tf, 'ce', z, y), crossEntropy(tf, z, y), classificationLoss(tf, 'mse', z, y), squaredError(tf, z, y)]);
    expect(a).toEqual(b);
    expect(c).toEqual(d);
    expect(a![0]).not.toBeCloseTo(c![0]!, 2);
  });
});

describe("lossAndGrads with loss 'mse'", { timeout: 60_000 }, () => {
  it('equals tf.variableGrads of the same expression written through model.apply (its softmax layer) on the cpu backend', async () => {
    const tf = await cpu();
    const [model, twin] = [small(3), small(3)];
    const data = upload(tf, synthetic(8, 5, 4));
    const vars = twin.trainableWeights.map((w) => w.read() as Variable);
    const ours = lossAndGrads(tf, model, data.x, data.y, undefined, 'mse');
    const ref = tf.variableGrads(() => {
      const p = twin.apply(data.x, { training: true }) as Tensor;
      return tf.mean(tf.sum(tf.square(tf.sub(p, tf.oneHot(data.y, 5))), 1)) as never;
    }, vars as never);
    expect(Math.abs((await ours.loss.data())[0]! - (await ref.value.data())[0]!)).toBeLessThan(1e-6);
    expect(ours.grads.length).toBe(vars.length);
    for (const [i, v] of vars.entries()) {
      const [a, b] = await values([ours.grads[i]!, ref.grads[v.name]!]);
      const scale = Math.max(...b!.map(Math.abs));
      expect(scale, v.name).toBeGreaterThan(0);
      expect(maxAbsDiff(a!, b!), v.name).toBeLessThan(1e-6 + 1e-4 * scale);
    }
    // And it is not cross-entropy's gradient under another name.
    const ce = lossAndGrads(tf, small(3), data.x, data.y);
    const [gm, gc] = await values([ours.grads.at(-1)!, ce.grads.at(-1)!]);
    expect(maxAbsDiff(gm!, gc!)).toBeGreaterThan(1e-3);
    model.dispose();
    twin.dispose();
  });
});

describe('Trainer options for the loss race', { timeout: 120_000 }, () => {
  it("trains with loss 'mse': squared-error values (≈ 0.8 at the start for 5 classes, where cross-entropy is ≈ log 5 = 1.6) that fall", async () => {
    const tf = await cpu();
    const model = small(1);
    const r = await new Trainer(tf, model, synthetic(48, 5, 3), { epochs: 3, batchSize: 8, seed: 5, learningRate: 0.02, readEvery: 6, loss: 'mse' }).run();
    expect(r.losses[0]![1]).toBeGreaterThan(0.5);
    expect(r.losses[0]![1]).toBeLessThan(1.2);
    expect(r.losses.at(-1)![1]).toBeLessThan(r.losses[0]![1] * 0.7);
    model.dispose();
  });

  it('a promise returned by onProgress holds the loop until it settles', async () => {
    const tf = await cpu();
    const model = small(1);
    const log: string[] = [];
    await new Trainer(tf, model, synthetic(32, 5, 3), {
      epochs: 1, batchSize: 8, seed: 5, readEvery: 2,
      onProgress: async (p) => {
        log.push(`start ${p.step}`);
        await new Promise((r) => setTimeout(r, 20));
        log.push(`end ${p.step}`);
      },
    }).run();
    expect(log).toEqual(['start 2', 'end 2', 'start 4', 'end 4']);
    model.dispose();
  });
});
