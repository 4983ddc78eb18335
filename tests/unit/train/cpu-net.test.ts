import { describe, expect, it } from 'vitest';
import type { Tensor } from '@tensorflow/tfjs-core';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { lossAndGrads, trainableVariables } from '../../../src/lib/train/forward.ts';
import { FusedAdam } from '../../../src/lib/train/fused-adam.ts';
import { permutation, upload } from '../../../src/lib/train/batches.ts';
import { cpuNetFromModel, copyCpuNetToModel } from '../../../src/lib/train/cpu/convert.ts';
import { batchOf, evaluateCpu, trainCpu } from '../../../src/lib/train/cpu/train.ts';
import { evaluate } from '../../../src/lib/train/evaluate.ts';
import { cpu, maxAbsDiff, synthetic, values } from './helpers.ts';

const small = (seed: number, classes = 5) => buildSmallCnn({ classes, seed, filters: [3, 4], hidden: 6 });
const close = (a: ArrayLike<number>, b: ArrayLike<number>, rel = 1e-4) =>
  maxAbsDiff(a, b) <= 1e-5 + rel * Math.max(...Array.from(b, Math.abs));

describe('CpuNet (the plain-TypeScript pretraining path)', { timeout: 120_000 }, () => {
  it("one batch: loss, every gradient and BatchNorm's moving statistics equal tfjs's on the cpu backend", async () => {
    const tf = await cpu();
    const model = small(3);
    const net = await cpuNetFromModel(model);
    const set = synthetic(8, 5, 4);
    const data = upload(tf, set);
    const ref = lossAndGrads(tf, model, data.x, data.y);
    const ours = net.lossAndGrads(batchOf(set, Int32Array.from({ length: 8 }, (_, i) => i), 0, 8).x, set.labels, 8);
    expect(Math.abs(ours.loss - (await ref.loss.data())[0]!)).toBeLessThan(1e-5);
    const refGrads = await values(ref.grads);
    expect(ours.grads.length).toBe(refGrads.length);
    ours.grads.forEach((g, i) => expect(close(g, refGrads[i]!), model.trainableWeights[i]!.name).toBe(true));
    const moving = await values(model.weights.filter((w) => /moving/.test(w.originalName)).map((w) => w.read()));
    const netMoving = net.ops.flatMap((op) => (op.kind === 'bn' ? [op.mean, op.variance] : []));
    moving.forEach((m, i) => expect(close(netMoving[i]!, m, 1e-5)).toBe(true));
    tf.dispose([ref.loss, ...ref.grads, data.x, data.y]);
    model.dispose();
  });

  it('a seeded run of Adam steps matches the tfjs loop (FusedAdam) step for step', async () => {
    const tf = await cpu();
    const [model, twin] = [small(7), small(7)];
    const net = await cpuNetFromModel(twin);
    const set = synthetic(32, 5, 9);
    const data = upload(tf, set);
    const vars = trainableVariables(model);
    const adam = new FusedAdam(tf, vars, { learningRate: 0.01 });
    const order = permutation(32, 11);
    for (let step = 0; step < 3; step++) {
      const idx = order.subarray(step * 8, step * 8 + 8);
      tf.tidy(() => {
        const ix = tf.tensor1d(idx, 'int32');
        adam.applyGradients(lossAndGrads(tf, model, tf.gather(data.x, ix), tf.gather(data.y, ix), vars).grads);
      });
      const b = batchOf(set, order, step * 8, 8);
      net.applyAdam(net.lossAndGrads(b.x, b.y, 8).grads, { learningRate: 0.01 });
    }
    const tfWeights = await values(model.trainableWeights.map((w) => w.read()));
    net.params().forEach((p, i) => expect(close(p, tfWeights[i]!, 1e-3), model.trainableWeights[i]!.name).toBe(true));
    adam.dispose();
    tf.dispose([data.x, data.y]);
    model.dispose();
    twin.dispose();
  });

  it('trains (the loss falls), and the weights copied back into tfjs predict what the CPU net predicts', async () => {
    const tf = await cpu();
    const model = small(5);
    const net = await cpuNetFromModel(model);
    const set = synthetic(160, 5, 6);
    const { losses } = trainCpu(net, set, { epochs: 4, seed: 2, batchSize: 16, learningRate: 0.01, readEvery: 10 });
    expect(losses.at(-1)![1]).toBeLessThan(losses[0]![1] * 0.5);
    copyCpuNetToModel(tf, net, model);
    const test = synthetic(40, 5, 8);
    const ours = evaluateCpu(net, test, 5);
    const theirs = await evaluate(tf, model, test, 5);
    expect(ours.accuracy).toBeGreaterThan(0.6);
    expect(theirs.confusion).toEqual(ours.confusion);
    const logitsTf = await values([tf.tidy(() => (model.predict(upload(tf, test).x) as Tensor))]);
    const probs = net.logits(batchOf(test, Int32Array.from({ length: 40 }, (_, i) => i), 0, 40).x, 40);
    // model.predict ends in softmax; compare probabilities.
    const p = new Float32Array(probs.length);
    for (let b = 0; b < 40; b++) {
      const row = Array.from(probs.subarray(b * 5, b * 5 + 5));
      const m = Math.max(...row), s = row.reduce((a, v) => a + Math.exp(v - m), 0);
      row.forEach((v, k) => (p[b * 5 + k] = Math.exp(v - m) / s));
    }
    expect(close(p, logitsTf[0]!, 1e-4)).toBe(true);
    model.dispose();
  });

  it('frozen layers (freeze below conv2): the same gradients as tfjs with those layers untrainable, BatchNorm statistics kept', async () => {
    const tf = await cpu();
    const model = small(4);
    const net = await cpuNetFromModel(model);
    const k = net.ops.findIndex((op) => op.name === 'conv2');
    net.freezeBelow(k);
    for (const l of model.layers.slice(0, k)) l.trainable = false;
    const set = synthetic(8, 5, 12);
    const data = upload(tf, set);
    const ref = lossAndGrads(tf, model, data.x, data.y);
    const ours = net.lossAndGrads(batchOf(set, Int32Array.from({ length: 8 }, (_, i) => i), 0, 8).x, set.labels, 8);
    const refGrads = await values(ref.grads);
    expect(ours.grads.length).toBe(refGrads.length);
    expect(net.paramOps().map((p) => p.name)).toEqual(['conv2', 'bn2', 'hidden', 'logits']);
    ours.grads.forEach((g, i) => expect(close(g, refGrads[i]!), model.trainableWeights[i]!.name).toBe(true));
    const bn1 = net.ops.find((op) => op.name === 'bn1')!;
    const stats = await values(model.getLayer('bn1').getWeights().slice(2));
    expect(bn1.kind === 'bn' && maxAbsDiff(bn1.mean, stats[0]!) === 0 && maxAbsDiff(bn1.variance, stats[1]!) === 0).toBe(true);
    expect(stats[0]!.every((v) => v === 0)).toBe(true);
    tf.dispose([ref.loss, ...ref.grads, data.x, data.y]);
    model.dispose();
  });

  it('refuses a layer it cannot train, naming it', async () => {
    const tfl = await import('@tensorflow/tfjs-layers');
    const m = tfl.sequential({ layers: [tfl.layers.conv2d({ name: 'strided', inputShape: [28, 28, 1], filters: 2, kernelSize: 3, strides: 2 })] });
    await expect(cpuNetFromModel(m)).rejects.toThrow(/strided/);
    m.dispose();
  });
});
