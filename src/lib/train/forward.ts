/**
 * The forward pass our loop differentiates. It walks the model's layers itself instead of `model.apply`, for
 * one reason: a frozen layer must run in inference mode. tfjs-layers passes `training: true` to every layer,
 * and BatchNormalization then keeps updating its moving mean and variance even with `trainable = false`
 * (and normalises with batch statistics). Here a layer with `trainable === false` always gets `training: false`.
 * Sequential models only (the book's models are): a list of layers applied in order.
 */
import type { Tensor, Variable } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';

type Layer = LayersModel['layers'][number];

/** Logits: every layer but a final Softmax (the loss applies softmax itself, stably). */
export function logits(model: LayersModel, x: Tensor, training: boolean): Tensor {
  const layers = model.layers;
  const last = layers.length - 1;
  const end = layers[last]!.getClassName() === 'Softmax' ? last : layers.length;
  let h: Tensor = x;
  for (let i = 0; i < end; i++) h = applyLayer(layers[i]!, h, training);
  return h;
}

function applyLayer(layer: Layer, h: Tensor, training: boolean): Tensor {
  return layer.apply(h, { training: training && layer.trainable }) as Tensor;
}

/** Mean softmax cross-entropy of integer labels (int32 [N]) against logits [N, classes]. */
export function crossEntropy(tf: Tf, z: Tensor, labels: Tensor): Tensor {
  const classes = z.shape[z.shape.length - 1]!;
  return tf.losses.softmaxCrossEntropy(tf.oneHot(labels, classes), z);
}

/** The trainable tf.Variables of a model, in `model.trainableWeights` order. */
export function trainableVariables(model: LayersModel): Variable[] {
  return model.trainableWeights.map((w) => w.read() as Variable);
}

/** Loss and gradients of one batch: what the fast path feeds to the optimizer (and what tests compare). */
export function lossAndGrads(tf: Tf, model: LayersModel, x: Tensor, labels: Tensor, vars = trainableVariables(model)): { loss: Tensor; grads: Tensor[] } {
  const { value, grads } = tf.variableGrads(() => crossEntropy(tf, logits(model, x, true), labels) as never, vars);
  return { loss: value, grads: vars.map((v) => grads[v.name]!) };
}
