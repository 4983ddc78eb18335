/**
 * Node + WebGPU (Dawn; SwiftShader without a GPU — slow, hence small batches): the fast filter gradient and one
 * full training step's gradients against tfjs's own kernels and tf.variableGrads on the CPU backend.
 */
import { describe, expect, it } from 'vitest';
import type { Tensor, Variable } from '@tensorflow/tfjs-core';
import { getNodeEngine } from '../../../src/lib/engine/node.ts';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { fastConvGradInstalled, installFastConvGrad, splitGroups } from '../../../src/lib/train/fast-conv-grad.ts';
import { lossAndGrads } from '../../../src/lib/train/forward.ts';
import { upload } from '../../../src/lib/train/batches.ts';
import { uniform } from '../../../src/lib/random/lcg.ts';
import { synthetic } from './helpers.ts';

type Case = [x: number[], filter: number[], stride: number, pad: 'same' | 'valid'];
const CASES: Case[] = [
  [[4, 28, 28, 1], [3, 3, 1, 32], 1, 'same'], // conv1 of the book's CNN
  [[4, 14, 14, 32], [3, 3, 32, 64], 1, 'same'], // conv2
  [[3, 9, 7, 3], [3, 2, 3, 5], 2, 'valid'],
  [[2, 8, 8, 2], [5, 5, 2, 3], 2, 'same'],
  [[2, 6, 6, 4], [1, 1, 4, 8], 1, 'valid'],
];

describe('fast Conv2DBackpropFilter on WebGPU', { timeout: 300_000 }, () => {
  it.each(CASES)('x %j, filter %j, stride %i, %s: equals the CPU kernel (Σ|x·dy| tolerance)', async (xs, fs, s, pad) => {
    const { tf, backend } = await getNodeEngine();
    expect(backend).toBe('webgpu');
    expect(installFastConvGrad(tf)).toBe(true);
    const size = (sh: number[]) => sh.reduce((a, b) => a * b, 1);
    const ys = tf.backend_util.computeConv2DInfo(xs as never, fs as never, s, 1, pad).outShape;
    const xv = uniform(1, size(xs));
    const dyv = uniform(2, size(ys));
    const grad = async (x: Float32Array, dy: Float32Array) => {
      const t = tf.engine().runKernel('Conv2DBackpropFilter', { x: tf.tensor(x, xs), dy: tf.tensor(dy, ys) }, { strides: s, pad, dataFormat: 'NHWC', filterShape: fs }) as Tensor;
      return Float32Array.from(await t.data());
    };
    await tf.setBackend('webgpu');
    const got = await grad(xv, dyv);
    await tf.setBackend('cpu');
    const ref = await grad(xv, dyv);
    const mag = await grad(xv.map(Math.abs), dyv.map(Math.abs)); // Σ|x·dy| feeding each weight
    await tf.setBackend('webgpu');
    let worst = 0;
    for (let i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(got[i]! - ref[i]!) - (1e-5 + 1e-4 * mag[i]!));
    expect(worst).toBeLessThanOrEqual(0);
    expect(fastConvGradInstalled()).toBe(true);
  });

  it('one training step: loss and every variable’s gradient equal tf.variableGrads on the CPU backend', async () => {
    const { tf } = await getNodeEngine();
    installFastConvGrad(tf);
    const set = synthetic(8, 10, 4);
    const run = async (backend: string, ours: boolean) => {
      await tf.setBackend(backend);
      const model = buildSmallCnn({ classes: 10, seed: 2 });
      const data = upload(tf, set);
      const vars = model.trainableWeights.map((w) => w.read() as Variable);
      const r = ours
        ? lossAndGrads(tf, model, data.x, data.y)
        : (() => {
            const g = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(tf.oneHot(data.y, 10), tf.log(model.apply(data.x, { training: true }) as Tensor)) as never, vars as never);
            return { loss: g.value, grads: vars.map((v) => g.grads[v.name]!) };
          })();
      const out = { loss: (await r.loss.data())[0]!, grads: await Promise.all(r.grads.map(async (g) => Float32Array.from(await g.data()))) };
      model.dispose();
      return out;
    };
    const gpu = await run('webgpu', true);
    const cpu = await run('cpu', false);
    await tf.setBackend('webgpu');
    expect(Math.abs(gpu.loss - cpu.loss)).toBeLessThan(1e-4);
    cpu.grads.forEach((ref, i) => {
      let err = 0;
      let scale = 0;
      for (let j = 0; j < ref.length; j++) {
        err = Math.max(err, Math.abs(gpu.grads[i]![j]! - ref[j]!));
        scale = Math.max(scale, Math.abs(ref[j]!));
      }
      expect(err / scale, `variable ${i}`).toBeLessThan(1e-3);
    });
  });
});

describe('splitGroups', () => {
  it('keeps whole images per group and at least 512 positions per group', () => {
    expect(splitGroups(64, 784)).toBe(64);
    expect(splitGroups(64, 196)).toBe(16);
    expect(splitGroups(3, 10)).toBe(1);
  });
});
