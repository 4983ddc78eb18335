/**
 * An image set on the device as a lab run uses it: a frozen base's features (computed once, features.ts) or the
 * images themselves as x / 255; labels as int32, and on the CPU for scoring. The caller disposes `x` and `y`.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import { upload, type ImageSet } from '../train/batches.ts';
import { computeFeatures, type Gate } from './features.ts';

export interface DeviceSet { x: Tensor; y: Tensor; count: number; labels: ImageSet['labels'] }

/** `base`: the frozen layers 0…k of `model` to run the images through once; null: the images themselves. Null if stopped. */
export async function toDevice(tf: Tf, set: ImageSet, base: { model: LayersModel; k: number } | null, gate: Gate): Promise<DeviceSet | null> {
  if (!base) return { ...upload(tf, set), count: set.count, labels: set.labels };
  const x = await computeFeatures(tf, base.model, set, base.k, gate);
  return x && { x, y: tf.tensor1d(Int32Array.from(set.labels), 'int32'), count: set.count, labels: set.labels };
}
