/**
 * The forward pass our loop differentiates. It walks the model's layers itself instead of `model.apply`:
 * - a layer with `trainable === false` always runs with `training: false`. tfjs-layers passes `training: true`
 *   to every layer, and BatchNormalization then keeps updating its moving mean and variance even when frozen
 *   (and normalises with batch statistics);
 * - a Conv2D layer runs as plain `conv2d` (+ bias, activation). tfjs-layers uses the fused conv, whose gradient
 *   always computes the input gradient as well — for the first layer a whole convolution of wasted work per
 *   step; plain conv2d's gradient is evaluated only for inputs that lead to a variable;
 * - a trainable BatchNormalization in training mode uses the closed-form gradient in batch-norm.ts.
 * Sequential models only (the book's models are): a list of layers applied in order.
 */
import type { Tensor, Variable } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import { batchNormTraining, type BnLayer } from './batch-norm.ts';

type Layer = LayersModel['layers'][number];
type ConvLayer = {
  kernel: { read(): Tensor }; bias: { read(): Tensor } | null; strides: number[]; padding: 'same' | 'valid';
  dilationRate: number[]; dataFormat: string; activation: { apply(t: Tensor): Tensor };
};

/** Logits: every layer but a final Softmax (the loss applies softmax itself, stably). */
export function logits(tf: Tf, model: LayersModel, x: Tensor, training: boolean): Tensor {
  const layers = model.layers;
  const last = layers.length - 1;
  const end = layers[last]!.getClassName() === 'Softmax' ? last : layers.length;
  let h: Tensor = x;
  for (let i = 0; i < end; i++) h = applyLayer(tf, layers[i]!, h, training);
  return h;
}

function applyLayer(tf: Tf, layer: Layer, h: Tensor, training: boolean): Tensor {
  if (layer.getClassName() === 'Conv2D') return conv(tf, layer as unknown as ConvLayer, h);
  if (layer.getClassName() === 'BatchNormalization' && training && layer.trainable) return batchNormTraining(tf, layer as unknown as BnLayer, h);
  return layer.apply(h, { training: training && layer.trainable }) as Tensor;
}

function conv(tf: Tf, layer: ConvLayer, h: Tensor): Tensor {
  if (layer.dataFormat !== 'channelsLast') throw new Error('the training loop expects channels-last convolutions');
  const [sh, sw] = layer.strides as [number, number];
  const [dh, dw] = layer.dilationRate as [number, number];
  let y = tf.conv2d(h as never, layer.kernel.read() as never, [sh, sw], layer.padding, 'NHWC', [dh, dw]) as Tensor;
  if (layer.bias) y = tf.add(y, layer.bias.read());
  return layer.activation.apply(y);
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
  const { value, grads } = tf.variableGrads(() => classificationLoss(tf, loss, logits(tf, model, x, true), labels) as never, vars);
  return { loss: value, grads: vars.map((v) => grads[v.name]!) };
}
