/**
 * The one head trainer: a head (model.ts) trained on features a frozen base computed once, by the shared training
 * loop (src/lib/train/trainer.ts — seeded batch order, fused Adam, loss read every `readEvery` steps, pause and
 * cancel through the run's Job, validation after each epoch). Features come either already on the device (the
 * caller keeps them) or as plain rows, uploaded here for the run and released when it ends.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import { logits } from '../train/forward.ts';
import { Trainer, type TensorSet, type TrainOptions, type TrainResult } from '../train/trainer.ts';

/** Features on the host: `count` rows of `shape` (row-major, e.g. [64] or [7, 7, 32]) and an integer label each. */
export interface HostFeatures { data: Float32Array; count: number; shape: readonly number[]; labels: ArrayLike<number> }
/** Features on the device (x [N, …], y int32 [N]) or on the host. */
export type HeadData = TensorSet | HostFeatures;

export interface HeadTrainOptions extends Pick<TrainOptions, 'seed' | 'readEvery' | 'readIntervalMs' | 'maxSteps' | 'lrMultipliers' | 'onProgress' | 'onStep' | 'onEpochEnd' | 'job'> {
  epochs: number;
  /** Examples per step; default all of them (full-batch: one step per epoch). */
  batchSize?: number;
  /** Adam's step size; default 0.001. */
  learningRate?: number;
}

function onDevice(tf: Tf, data: HeadData): { set: TensorSet; owned: boolean } {
  if ('x' in data) return { set: data, owned: false };
  if (data.data.length !== data.count * data.shape.reduce((a, b) => a * b, 1)) throw new Error(`expected ${data.count}×${data.shape.join('×')} features, got ${data.data.length}`);
  if (data.labels.length !== data.count) throw new Error(`expected ${data.count} labels, got ${data.labels.length}`);
  const x = tf.tensor(data.data, [data.count, ...data.shape]);
  const y = tf.tensor1d(Int32Array.from(data.labels), 'int32');
  return { set: { x, y, count: data.count }, owned: true };
}

/** Trains `head` in place on `data`; resolves when done or cancelled (`cancelled: true`), every tensor it made released. */
export async function trainHead(tf: Tf, head: LayersModel, data: HeadData, o: HeadTrainOptions): Promise<TrainResult> {
  const { set, owned } = onDevice(tf, data);
  try {
    return await new Trainer(tf, head, set, { ...o, batchSize: o.batchSize ?? set.count, learningRate: o.learningRate ?? 0.001 }).run();
  } finally {
    if (owned) tf.dispose([set.x, set.y]);
  }
}

/** The head's predicted class for every example (inference mode). */
export async function predictHead(tf: Tf, head: LayersModel, data: HeadData): Promise<Int32Array> {
  const { set, owned } = onDevice(tf, data);
  let pred: Tensor | null = null;
  try {
    pred = tf.tidy(() => tf.argMax(logits(tf, head, set.x, false), 1));
    return Int32Array.from(await pred.data());
  } finally {
    pred?.dispose();
    if (owned) tf.dispose([set.x, set.y]);
  }
}

/** Fraction of `labels` the predictions get right (NaN for none). */
export function accuracyOf(pred: ArrayLike<number>, labels: ArrayLike<number>): number {
  let right = 0;
  for (let i = 0; i < labels.length; i++) if (pred[i] === labels[i]) right++;
  return labels.length ? right / labels.length : NaN;
}
