/**
 * What a sequential model's named layers output for a set of images, in inference mode (BatchNorm with its
 * moving statistics), as plain float32 rows: one row per image, the layer's output flattened (HWC order).
 * Fixed-size batches (the last one padded with blank images whose rows are dropped) keep tensor shapes fixed.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import type { ImageSet } from '../train/batches.ts';

export interface FeatureRows { data: Float32Array; count: number; dim: number; shape: number[] }

/** x/255 of images `start … start + batchSize` as [batchSize, h, w, 1], blank past the end of the set. */
export function batchTensor(tf: Tf, set: ImageSet, start: number, batchSize: number): Tensor {
  const px = (set.height ?? 28) * (set.width ?? 28);
  const buf = new Float32Array(batchSize * px);
  const n = Math.max(0, Math.min(batchSize, set.count - start));
  for (let i = 0; i < n * px; i++) buf[i] = set.images[start * px + i]! / 255;
  return tf.tensor4d(buf, [batchSize, set.height ?? 28, set.width ?? 28, 1]);
}

/** Index of each named layer; throws naming the model's layers when one is missing. */
export function layerIndex(model: LayersModel, name: string): number {
  const i = model.layers.findIndex((l) => l.name === name);
  if (i < 0) throw new Error(`the model has no layer "${name}" (it has ${model.layers.map((l) => l.name).join(', ')})`);
  return i;
}

/** Runs layers [0, upTo] on x in inference mode and returns the outputs of the layers in `keep` (by index). */
export function runLayers(model: LayersModel, x: Tensor, upTo: number, keep: number[]): Tensor[] {
  const out = new Map<number, Tensor>();
  let h = x;
  for (let i = 0; i <= upTo; i++) {
    h = model.layers[i]!.apply(h, { training: false }) as Tensor;
    if (keep.includes(i)) out.set(i, h);
  }
  return keep.map((k) => out.get(k)!);
}

export async function layerFeatures(tf: Tf, model: LayersModel, set: ImageSet, names: string[], batchSize = 128): Promise<Record<string, FeatureRows>> {
  const idx = names.map((n) => layerIndex(model, n));
  const upTo = Math.max(...idx);
  const parts: Tensor[][] = names.map(() => []);
  try {
    for (let start = 0; start < set.count; start += batchSize) {
      const outs = tf.tidy(() => runLayers(model, batchTensor(tf, set, start, batchSize), upTo, idx).map((t) => tf.reshape(t, [batchSize, -1])));
      outs.forEach((t, k) => parts[k]!.push(t));
    }
    const result: Record<string, FeatureRows> = {};
    for (const [k, name] of names.entries()) {
      const shape = (model.layers[idx[k]!]!.outputShape as number[]).slice(1);
      const dim = shape.reduce((a, b) => a * b, 1);
      const all = tf.concat(parts[k]!);
      const data = (await all.data()) as Float32Array;
      all.dispose();
      result[name] = { data: data.slice(0, set.count * dim), count: set.count, dim, shape };
    }
    return result;
  } finally {
    for (const p of parts) tf.dispose(p);
  }
}
