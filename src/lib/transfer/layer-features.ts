/**
 * What a sequential model's named layers output for a set of images, in inference mode (BatchNorm with its
 * moving statistics), as plain float32 rows: one row per image, the layer's output flattened (HWC order).
 * Fixed-size batches (the last one padded with blank images whose rows are dropped) keep tensor shapes fixed.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import type { ImageSet } from '../train/batches.ts';
import { logitsSliced } from '../train/forward.ts';
import { SLICE_MS, runSliced, runSync, yieldToPage, type Sliced } from '../schedule/slices.ts';

export interface FeatureRows { data: Float32Array; count: number; dim: number; shape: number[] }

/** x/255 of images `start … start + batchSize` as [batchSize, h, w, 1], blank past the end of the set. */
export function batchTensor(tf: Tf, set: ImageSet, start: number, batchSize: number): Tensor {
  const px = (set.height ?? 28) * (set.width ?? 28);
  const buf = new Float32Array(batchSize * px);
  const n = Math.max(0, Math.min(batchSize, set.count - start));
  for (let i = 0; i < n * px; i++) buf[i] = set.images[start * px + i]! / 255;
  return tf.tensor4d(buf, [batchSize, set.height ?? 28, set.width ?? 28, 1]);
}

/** Rows `start … start + batchSize` of feature rows as [batchSize, …shape], zero past the end (a head's input). */
function rowsBatch(tf: Tf, rows: FeatureRows, start: number, batchSize: number): Tensor {
  const buf = new Float32Array(batchSize * rows.dim);
  buf.set(rows.data.subarray(start * rows.dim, Math.min(rows.count, start + batchSize) * rows.dim));
  return tf.tensor(buf, [batchSize, ...rows.shape]);
}

/** Index of each named layer; throws naming the model's layers when one is missing. */
export function layerIndex(model: LayersModel, name: string): number {
  const i = model.layers.findIndex((l) => l.name === name);
  if (i < 0) throw new Error(`the model has no layer "${name}" (it has ${model.layers.map((l) => l.name).join(', ')})`);
  return i;
}

/**
 * Runs layers [0, upTo] on x in inference mode and returns the outputs of the layers in `keep` (by index).
 * Each stretch between kept layers goes through the training code's forward walk (`logitsSliced` reads only the
 * layer list), which on WebGPU uses the book's barrier-free kernels — several times faster than tfjs's own on
 * a software adapter — and tfjs's ops elsewhere.
 */
export function runLayers(tf: Tf, model: LayersModel, x: Tensor, upTo: number, keep: number[]): Tensor[] {
  return runSync(runLayersSliced(tf, model, x, upTo, keep));
}

/**
 * `runLayers` with a pause after each layer (logitsSliced): a model's first pass builds its GPU programs, and a
 * whole first batch was one task of 10-13 ms here. What is not kept is released as it goes, and on a failure what
 * was made.
 */
export function* runLayersSliced(tf: Tf, model: LayersModel, x: Tensor, upTo: number, keep: number[]): Sliced<Tensor[]> {
  const out = new Map<number, Tensor>();
  const stops = [...new Set([...keep, upTo])].sort((a, b) => a - b);
  let h = x;
  let from = 0;
  try {
    for (const k of stops) {
      h = yield* logitsSliced(tf, { layers: model.layers.slice(from, k + 1) } as LayersModel, h, false);
      out.set(k, h);
      from = k + 1;
    }
    const kept = keep.map((k) => out.get(k)!);
    tf.dispose([...out.values()].filter((t) => t !== x && !kept.includes(t)));
    return kept;
  } catch (err) {
    tf.dispose([...out.values()].filter((t) => t !== x));
    throw err;
  }
}

/** `set`: images (x/255 go in), or feature rows for a model that takes them (a head, src/lib/head). */
export async function layerFeatures(tf: Tf, model: LayersModel, set: ImageSet | FeatureRows, names: string[], batchSize = 128): Promise<Record<string, FeatureRows>> {
  const idx = names.map((n) => layerIndex(model, n));
  const upTo = Math.max(...idx);
  const parts: Tensor[][] = names.map(() => []);
  try {
    // The page gets the main thread back before the first batch (whose dispatch builds the model's GPU programs on a
    // first pass: not in the caller's task, which may have run a while) and between batches once a few milliseconds
    // have gone on dispatching them (all of a 1,000-image set's batches were one task of 12–16 ms here); the GPU
    // keeps working meanwhile.
    let slice = performance.now();
    for (let start = 0; start < set.count; start += batchSize) {
      if (start === 0 || performance.now() - slice >= SLICE_MS) {
        await yieldToPage();
        slice = performance.now();
      }
      const batch = () => ('dim' in set ? rowsBatch(tf, set, start, batchSize) : batchTensor(tf, set, start, batchSize));
      let outs: Tensor[];
      if (start === 0) {
        // The first batch pauses between layers (it builds the programs); the rest dispatch straight through.
        const xb = batch();
        try {
          const raw = await runSliced(runLayersSliced(tf, model, xb, upTo, idx));
          outs = tf.tidy(() => raw.map((t) => tf.reshape(t, [batchSize, -1])));
          tf.dispose(raw.filter((t) => t !== xb));
        } finally {
          xb.dispose();
        }
      } else outs = tf.tidy(() => runLayers(tf, model, batch(), upTo, idx).map((t) => tf.reshape(t, [batchSize, -1])));
      outs.forEach((t, k) => parts[k]!.push(t));
    }
    const result: Record<string, FeatureRows> = {};
    for (const [k, name] of names.entries()) {
      const shape = (model.layers[idx[k]!]!.outputShape as number[]).slice(1);
      const dim = shape.reduce((a, b) => a * b, 1);
      const all = tf.concat(parts[k]!);
      let data: Float32Array;
      try {
        data = (await all.data()) as Float32Array;
      } finally {
        all.dispose(); // also when the read fails (a lost device rejects it)
      }
      result[name] = { data: data.slice(0, set.count * dim), count: set.count, dim, shape };
    }
    return result;
  } finally {
    for (const p of parts) tf.dispose(p);
  }
}
