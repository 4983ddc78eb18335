/**
 * Training data kept on the GPU: every image uploaded once as x / 255 in [N, 28, 28, 1], labels as int32.
 * Each epoch draws a seeded permutation (one small upload); each step gathers a fixed-shape batch from it on
 * the GPU. The last partial batch of an epoch is dropped, so every step has the same shapes (pipelines and
 * buffer pools are keyed on shapes, and a new shape costs a shader compile).
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { Tf } from '../engine/types.ts';
import { lcg } from '../random/lcg.ts';

export interface ImageSet {
  /** Pixels 0–255, row-major, `count` images of `height × width` (one channel). */
  images: Uint8Array | Float32Array;
  labels: Uint8Array | Int32Array | number[];
  count: number;
  height?: number;
  width?: number;
}

/** A seeded Fisher–Yates shuffle of 0…n−1 (the same order in every browser and in Node). */
export function permutation(n: number, seed: number): Int32Array {
  const next = lcg(seed);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const swap = out[i]!; // not a destructuring swap: that allocates an array per step (3–10× slower here)
    out[i] = out[j]!;
    out[j] = swap;
  }
  return out;
}

/** Uploads the set: x as float32 [N, H, W, 1] in [0, 1], y as int32 [N]. The caller disposes both. */
export function upload(tf: Tf, set: ImageSet): { x: Tensor; y: Tensor } {
  const h = set.height ?? 28;
  const w = set.width ?? 28;
  if (set.images.length !== set.count * h * w) throw new Error(`expected ${set.count}×${h}×${w} pixels, got ${set.images.length}`);
  if (set.labels.length !== set.count) throw new Error(`expected ${set.count} labels, got ${set.labels.length}`);
  const px = new Float32Array(set.images.length);
  for (let i = 0; i < px.length; i++) px[i] = set.images[i]! / 255;
  return { x: tf.tensor4d(px, [set.count, h, w, 1]), y: tf.tensor1d(Int32Array.from(set.labels), 'int32') };
}

/** Steps per epoch with fixed batches (the remainder is dropped). */
export function stepsPerEpoch(count: number, batchSize: number): number {
  return Math.floor(count / batchSize);
}

/** Batch `step` of an epoch: rows `order[step·B … step·B + B)` gathered on the GPU. Synchronous (use in tidy). */
export function gatherBatch(tf: Tf, data: { x: Tensor; y: Tensor }, order: Tensor, step: number, batchSize: number): { xb: Tensor; yb: Tensor } {
  const idx = tf.slice(order, [step * batchSize], [batchSize]);
  return { xb: tf.gather(data.x, idx), yb: tf.gather(data.y, idx) };
}
