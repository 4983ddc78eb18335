/**
 * Node + WebGPU (Dawn; SwiftShader without a GPU): each barrier-free kernel of src/lib/train/gpu — value and
 * gradients — against tfjs's own ops on the CPU backend, on odd shapes (edges, padding, 'valid' pools that drop
 * a row, ties in a pool window) as well as the book's layers.
 */
import { describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { Tensor } from '@tensorflow/tfjs-core';
import { getNodeEngine } from '../../../src/lib/engine/node.ts';
import { BIAS_ADD, CONV, MATMUL, RELU_POOL, installGpuKernels } from '../../../src/lib/train/gpu/kernels.ts';
import { filterGroups } from '../../../src/lib/train/gpu/conv.ts';
import { batchNormTraining, type BnLayer } from '../../../src/lib/train/batch-norm.ts';
import { uniform } from '../../../src/lib/random/lcg.ts';

type Tf = Awaited<ReturnType<typeof getNodeEngine>>['tf'];
type Shapes = number[][];
/** Value and gradients (w.r.t. every input, with upstream gradient `dy`) of `f` on `backend`. */
async function valueAndGrads(tf: Tf, backend: string, f: (...xs: Tensor[]) => Tensor, inputs: Float32Array[], shapes: Shapes, dySeed: number) {
  await tf.setBackend(backend);
  const xs = inputs.map((v, i) => tf.tensor(v, shapes[i]));
  const y = f(...xs);
  const dy = tf.tensor(uniform(dySeed, y.size), y.shape);
  const grads = tf.grads((...a: Tensor[]) => f(...a))(xs, dy);
  const out = [y, ...grads].map(async (t) => Float32Array.from(await t.data()));
  const r = await Promise.all(out);
  tf.dispose([...xs, y, dy, ...grads]);
  return r;
}

/** Every output within 1e-5 + 1e-4·mag (mag: the same quantity on |inputs|, i.e. Σ|terms|), or 1e-4 of the largest. */
function expectClose(got: Float32Array, ref: Float32Array, mag: Float32Array | null, what: string) {
  const scale = Math.max(...ref.map(Math.abs), 1e-6);
  let worst = 0;
  for (let i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(got[i]! - ref[i]!) - (mag ? 1e-5 + 1e-4 * Math.abs(mag[i]!) : 1e-4 * scale));
  expect(got.length, what).toBe(ref.length);
  expect(worst, what).toBeLessThanOrEqual(0);
}

async function compare(tf: Tf, ours: (...xs: Tensor[]) => Tensor, ref: (...xs: Tensor[]) => Tensor, shapes: Shapes, multilinear: boolean, quantise = false) {
  const inputs = shapes.map((s, i) => uniform(10 + i, s.reduce((a, b) => a * b, 1)).map((v) => (quantise ? Math.round(v * 2) : v)));
  const got = await valueAndGrads(tf, 'webgpu', ours, inputs, shapes, 3);
  const want = await valueAndGrads(tf, 'cpu', ref, inputs, shapes, 3);
  const mags = multilinear ? await valueAndGrads(tf, 'cpu', ref, inputs.map((v) => v.map(Math.abs)), shapes, 3) : null;
  if (mags) {
    // Gradients of a multilinear map on |x| with |dy| bound Σ|terms|: redo with |dy| by flipping dy's sign pattern.
    const absDy = await (async () => {
      await tf.setBackend('cpu');
      const xs = inputs.map((v, i) => tf.tensor(v.map(Math.abs), shapes[i]));
      const y = ref(...xs);
      const dy = tf.tensor(uniform(3, y.size).map(Math.abs), y.shape);
      const g = tf.grads((...a: Tensor[]) => ref(...a))(xs, dy);
      const r = await Promise.all(g.map(async (t) => Float32Array.from(await t.data())));
      tf.dispose([...xs, y, dy, ...g]);
      return r;
    })();
    mags.splice(1, mags.length - 1, ...absDy);
  }
  await tf.setBackend('webgpu');
  want.forEach((w, i) => expectClose(got[i]!, w, mags ? mags[i]! : null, i === 0 ? 'value' : `gradient ${i - 1}`));
}

describe('barrier-free WebGPU kernels vs tfjs on the CPU backend', { timeout: 600_000 }, () => {
  type ConvCase = [x: number[], w: number[], pad: 'same' | 'valid'];
  const convs: ConvCase[] = [
    [[2, 6, 5, 4], [3, 3, 4, 8], 'same'],
    [[2, 7, 7, 1], [3, 3, 1, 4], 'same'], // one input channel: input gradient through tfjs
    [[1, 6, 6, 4], [3, 3, 4, 4], 'valid'],
    [[2, 5, 9, 8], [5, 3, 8, 12], 'same'], // uneven kernel, width not a multiple of 4
    [[1, 14, 14, 32], [3, 3, 32, 64], 'same'], // conv2 of the book's CNN
  ];
  it.each(convs)('FmConv2D x %j, w %j, %s: value, input and filter gradients', async (xs, ws, pad) => {
    const { tf } = await getNodeEngine();
    expect(installGpuKernels(tf)).toBe(true);
    const info = tf.backend_util.computeConv2DInfo(xs as never, ws as never, 1, 1, pad);
    const attrs = { pt: info.padInfo.top, pl: info.padInfo.left, oh: info.outHeight, ow: info.outWidth };
    await compare(tf, (x, w) => tf.engine().runKernel(CONV, { x: x!, w: w! }, attrs as never) as Tensor,
      (x, w) => tf.conv2d(x as never, w as never, 1, pad), [xs, ws], true);
  });

  it.each([[[2, 6, 8, 4]], [[3, 5, 7, 8]], [[1, 28, 28, 32]]])('FmReluMaxPool2x2 %j: value and gradient, ties at 0 and above', async (shape) => {
    const { tf } = await getNodeEngine();
    installGpuKernels(tf);
    // Quantised values: many ties inside windows, negative, zero and positive.
    const ours = (a: Tensor) => tf.engine().runKernel(RELU_POOL, { a }) as Tensor;
    const ref = (a: Tensor) => tf.maxPool(tf.relu(a) as never, 2, 2, 'valid') as Tensor;
    await compare(tf, ours, ref, [shape], false, true);
  });

  it.each([[[5, 7], [7, 10]], [[16, 300], [300, 64]], [[64, 64], [64, 10]]])('FmMatMul %j · %j: value and both gradients', async (as, bs) => {
    const { tf } = await getNodeEngine();
    installGpuKernels(tf);
    await compare(tf, (a, b) => tf.engine().runKernel(MATMUL, { a: a!, b: b! }, { transposeA: false, transposeB: false } as never) as Tensor,
      (a, b) => tf.matMul(a!, b!), [as, bs], true);
  });

  it.each([[[6, 10], [10]], [[64, 64], [64]]])('FmBiasAdd %j + %j: value and gradients', async (xs, bs) => {
    const { tf } = await getNodeEngine();
    installGpuKernels(tf);
    await compare(tf, (x, b) => tf.engine().runKernel(BIAS_ADD, { x: x!, bias: b! }) as Tensor, (x, b) => tf.add(x!, b!), [xs, bs], false);
  });

  it.each([[[4, 6, 6, 8]], [[8, 14, 14, 64]]])('BatchNormalization (training) %j: value, input and γ/β gradients, statistics', async (shape) => {
    const { tf } = await getNodeEngine();
    const c = shape[3]!;
    const stats: Float32Array[][] = [];
    const layerWith = async (backend: string) => {
      await tf.setBackend(backend);
      const v = (x: Tensor) => { const variable = tf.variable(x, false); return { read: () => variable, write: (t: Tensor) => variable.assign(t) }; };
      return { gamma: null, beta: null, movingMean: v(tf.zeros([c])), movingVariance: v(tf.ones([c])), epsilon: 1e-3, momentum: 0.99, axis: -1 } as unknown as BnLayer;
    };
    const make = (backend: string) => {
      let layer: BnLayer;
      return {
        f: (x: Tensor, g: Tensor, b: Tensor) => {
          (layer as unknown as { gamma: unknown; beta: unknown }).gamma = { read: () => g };
          (layer as unknown as { gamma: unknown; beta: unknown }).beta = { read: () => b };
          return batchNormTraining(tf, layer, x);
        },
        init: async () => { layer = await layerWith(backend); },
        stats: async () => stats.push(await Promise.all([layer.movingMean.read(), layer.movingVariance.read()].map(async (t) => Float32Array.from(await t.data())))),
      };
    };
    const [gpu, cpu] = [make('webgpu'), make('cpu')];
    await gpu.init();
    await cpu.init();
    // Shift the input so the mean is far from 0 (tests the two-pass variance).
    const shifted = (f: (x: Tensor, g: Tensor, b: Tensor) => Tensor) => (x: Tensor, g: Tensor, b: Tensor) => f(tf.add(tf.mul(x, 3), 5), g, b);
    await compare(tf, shifted(gpu.f), shifted(cpu.f), [shape, [c], [c]], false);
    await tf.setBackend('webgpu');
    await gpu.stats();
    await tf.setBackend('cpu');
    await cpu.stats();
    await tf.setBackend('webgpu');
    expectClose(stats[0]![0]!, stats[1]![0]!, null, 'moving mean');
    expectClose(stats[0]![1]!, stats[1]![1]!, null, 'moving variance');
  });
});

describe('filterGroups', () => {
  it('splits the batch into whole images, enough groups for 8192 threads', () => {
    expect(filterGroups(64, 4608)).toBe(2);
    expect(filterGroups(64, 72)).toBe(64);
    expect(filterGroups(6, 10_000)).toBe(1);
  });
});
