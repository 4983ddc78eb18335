/**
 * The forward pass our loop differentiates. It walks the model's layers itself instead of `model.apply`:
 * - a layer with `trainable === false` always runs with `training: false`. tfjs-layers passes `training: true`
 *   to every layer, and BatchNormalization then keeps updating its moving mean and variance even when frozen
 *   (and normalises with batch statistics);
 * - a Conv2D layer runs as plain `conv2d` (+ bias, activation). tfjs-layers uses the fused conv, whose gradient
 *   always computes the input gradient as well — for the first layer a whole convolution of wasted work per
 *   step; plain conv2d's gradient is evaluated only for inputs that lead to a variable;
 * - a trainable BatchNormalization in training mode uses the closed-form gradient in batch-norm.ts;
 * - on WebGPU, convolutions (stride 1), ReLU + 2×2 max pooling, and dense layers run as the barrier-free
 *   kernels of gpu/ (see gpu/program.ts for why), each with its gradient; other layers and shapes, and other
 *   backends, use tfjs's ops.
 * Sequential models only (the book's models are): a list of layers applied in order.
 */
import type { Tensor, Variable } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import { batchNormTraining, type BnLayer } from './batch-norm.ts';
import { BIAS_ADD, CONV, MATMUL, RELU_POOL, installGpuKernels } from './gpu/kernels.ts';
import { reluPoolSupported } from './gpu/relu-pool.ts';
import { withIm2colConv } from './fast-conv-grad.ts';
import type { Sliced } from '../schedule/slices.ts';

type Layer = LayersModel['layers'][number];
type ConvLayer = {
  kernel: { read(): Tensor }; bias: { read(): Tensor } | null; strides: number[]; padding: 'same' | 'valid';
  dilationRate: number[]; dataFormat: string; activation: { apply(t: Tensor): Tensor };
};
type DenseLayer = { kernel: { read(): Tensor }; bias: { read(): Tensor } | null; activation: { apply(t: Tensor): Tensor } };
type PoolLayer = { poolSize: number[]; strides: number[]; padding: string; dataFormat: string };

/** Logits: every layer but a final Softmax (the loss applies softmax itself, stably). */
export function logits(tf: Tf, model: LayersModel, x: Tensor, training: boolean): Tensor {
  const walk = forwardWalk(tf, model);
  let h: Tensor = x;
  for (let i = 0; i < walk.end;) [h, i] = walk.step(i, h, training);
  return h;
}

/**
 * `logits` as a sliced computation (src/lib/schedule/slices.ts): a pause after each layer. A pass's first run builds
 * each op's GPU program, and a whole first pass was one task of 13-24 ms here (the loss race's first validation, as
 * its page loads). The same steps on the same tensors, so the same numbers; what a layer leaves behind is released
 * as the next one runs, and everything made is released on a failure. Not for a gradient tape: it disposes what the
 * tape would keep.
 */
export function* logitsSliced(tf: Tf, model: LayersModel, x: Tensor, training: boolean): Sliced<Tensor> {
  const walk = forwardWalk(tf, model);
  let h: Tensor = x;
  try {
    for (let i = 0; i < walk.end;) {
      const at = h;
      let next = i;
      const y = tf.tidy(() => { const [out, j] = walk.step(i, at, training); next = j; return out; });
      if (h !== x) h.dispose();
      h = y;
      i = next;
      if (i < walk.end) yield;
    }
    return h;
  } catch (err) {
    if (h !== x) h.dispose();
    throw err;
  }
}

/**
 * The forward walk both passes take: the layers up to a final Softmax (`end`), and `step`, which applies layer `i`
 * (or, on WebGPU, the ReLU + 2×2 max pool pair starting there as one kernel) and says where the next step starts.
 */
function forwardWalk(tf: Tf, model: LayersModel): { end: number; step(i: number, h: Tensor, training: boolean): [Tensor, number] } {
  const layers = model.layers;
  const last = layers.length - 1;
  const end = layers[last]!.getClassName() === 'Softmax' ? last : layers.length;
  const gpu = tf.getBackend() === 'webgpu' && installGpuKernels(tf);
  return {
    end,
    step(i, h, training) {
      if (gpu && i + 1 < end && isReluPool(layers[i]!, layers[i + 1]!) && reluPoolSupported(h.shape)) return [tf.engine().runKernel(RELU_POOL, { a: h }) as Tensor, i + 2];
      return [applyLayer(tf, layers[i]!, h, training, gpu), i + 1];
    },
  };
}

function isReluPool(relu: Layer, pool: Layer): boolean {
  if (relu.getClassName() !== 'ReLU' || (relu as unknown as { maxValue?: number | null }).maxValue != null) return false;
  if (pool.getClassName() !== 'MaxPooling2D') return false;
  const p = pool as unknown as PoolLayer;
  return p.poolSize.every((d) => d === 2) && p.strides.every((d) => d === 2) && p.padding === 'valid' && p.dataFormat === 'channelsLast';
}

function applyLayer(tf: Tf, layer: Layer, h: Tensor, training: boolean, gpu: boolean): Tensor {
  if (layer.getClassName() === 'Conv2D') return conv(tf, layer as unknown as ConvLayer, h, gpu);
  if (gpu && layer.getClassName() === 'Dense' && h.rank === 2) return dense(tf, layer as unknown as DenseLayer, h);
  if (layer.getClassName() === 'BatchNormalization' && training && layer.trainable) return batchNormTraining(tf, layer as unknown as BnLayer, h);
  return layer.apply(h, { training: training && layer.trainable }) as Tensor;
}

function conv(tf: Tf, layer: ConvLayer, h: Tensor, gpu: boolean): Tensor {
  if (layer.dataFormat !== 'channelsLast') throw new Error('the training loop expects channels-last convolutions');
  const [sh, sw] = layer.strides as [number, number];
  const [dh, dw] = layer.dilationRate as [number, number];
  const w = layer.kernel.read();
  let y: Tensor;
  if (gpu && sh === 1 && sw === 1 && dh === 1 && dw === 1 && w.shape[3]! % 4 === 0) {
    const info = tf.backend_util.computeConv2DInfo(h.shape as never, w.shape as never, 1, 1, layer.padding);
    y = tf.engine().runKernel(CONV, { x: h, w }, { pt: info.padInfo.top, pl: info.padInfo.left, oh: info.outHeight, ow: info.outWidth } as never) as Tensor;
  } else {
    y = tf.conv2d(h as never, w as never, [sh, sw], layer.padding, 'NHWC', [dh, dw]) as Tensor;
  }
  if (layer.bias) y = gpu ? addBias(tf, y, layer.bias.read()) : tf.add(y, layer.bias.read());
  return layer.activation.apply(y);
}

function dense(tf: Tf, layer: DenseLayer, h: Tensor): Tensor {
  let y = tf.engine().runKernel(MATMUL, { a: h, b: layer.kernel.read() }, { transposeA: false, transposeB: false } as never) as Tensor;
  if (layer.bias) y = addBias(tf, y, layer.bias.read());
  return layer.activation.apply(y);
}

/** y + bias over the last axis: FmBiasAdd wants [rows, channels]. */
function addBias(tf: Tf, y: Tensor, bias: Tensor): Tensor {
  const c = y.shape[y.rank - 1]!;
  const flat = tf.reshape(y, [-1, c]);
  return tf.reshape(tf.engine().runKernel(BIAS_ADD, { x: flat, bias }) as Tensor, y.shape);
}

/** Mean softmax cross-entropy of integer labels (int32 [N]) against logits [N, classes]. */
export function crossEntropy(tf: Tf, z: Tensor, labels: Tensor): Tensor {
  const classes = z.shape[z.shape.length - 1]!;
  return tf.losses.softmaxCrossEntropy(tf.oneHot(labels, classes), z);
}

/** The training objective: softmax cross-entropy, or squared error on the softmax probabilities. */
export type LossKind = 'ce' | 'mse';
export const LOSS_KINDS: readonly LossKind[] = ['ce', 'mse'];

/**
 * Squared error on probabilities (the Brier score), averaged over the batch:
 *   L = (1/N) Σ_n Σ_k (softmax(z_n)_k − y_nk)²,  y one-hot.
 * Summed over the K classes, not averaged: Chapter 4's definition (src/lib/losses/squared-error.ts).
 */
export function squaredError(tf: Tf, z: Tensor, labels: Tensor): Tensor {
  const classes = z.shape[z.shape.length - 1]!;
  return tf.mean(tf.sum(tf.squaredDifference(tf.softmax(z), tf.oneHot(labels, classes)), -1));
}

/** The batch loss of the chosen kind, from logits [N, classes] and int32 labels [N]. */
export function classificationLoss(tf: Tf, kind: LossKind, z: Tensor, labels: Tensor): Tensor {
  return kind === 'mse' ? squaredError(tf, z, labels) : crossEntropy(tf, z, labels);
}

/** The trainable tf.Variables of a model, in `model.trainableWeights` order. */
export function trainableVariables(model: LayersModel): Variable[] {
  return model.trainableWeights.map((w) => w.read() as Variable);
}

/** Loss and gradients of one batch: what the fast path feeds to the optimizer (and what tests compare). */
export function lossAndGrads(tf: Tf, model: LayersModel, x: Tensor, labels: Tensor, vars = trainableVariables(model), loss: LossKind = 'ce'): { loss: Tensor; grads: Tensor[] } {
  // The im2col conv path is scoped to this step's own calls, never left on for other widgets (fast-conv-grad.ts).
  const { value, grads } = withIm2colConv(tf, () => tf.variableGrads(() => classificationLoss(tf, loss, logits(tf, model, x, true), labels) as never, vars));
  return { loss: value, grads: vars.map((v) => grads[v.name]!) };
}
