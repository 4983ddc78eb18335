/**
 * Augmentation: each image moved by a small seeded whole-pixel shift (up to ±MAX_SHIFT in x and y), the
 * uncovered border filled with background (0). On the device for batches of the full training loop (a gather
 * with indices made here: tf.image.transform would do, but tfjs-backend-cpu 4.22's Transform returns after the
 * first image of a batch); on the CPU for the copies whose features the frozen-base path computes once. The
 * experiments' CPU net (src/lib/experiments) uses the same functions on float pixels: `shiftBatchArray` is
 * `shiftBatch` without a device, `shiftedCopies` the copies `withShiftedCopies` makes.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { Tf } from '../engine/types.ts';
import { lcg } from '../random/lcg.ts';
import type { ImageSet } from '../train/batches.ts';

export const MAX_SHIFT = 2;
/** Shifted copies of the training images whose features the frozen-base path adds (besides the originals). */
export const FEATURE_COPIES = 2;

/** `n` seeded shifts [dx, dy], each in −MAX_SHIFT…MAX_SHIFT. */
export function shifts(n: number, seed: number): Int8Array {
  const next = lcg(seed);
  const out = new Int8Array(2 * n);
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(next() * (2 * MAX_SHIFT + 1)) - MAX_SHIFT;
  return out;
}

/** One 28×28 (h×w) image moved by (dx, dy): out[y][x] = in[y − dy][x − dx], 0 outside (written into `out`, zeroed). */
export function shiftImage<T extends Uint8Array | Float32Array = Uint8Array>(src: ArrayLike<number>, dx: number, dy: number, h = 28, w = 28, out: T = new Uint8Array(h * w) as T): T {
  out.fill(0);
  for (let y = 0; y < h; y++) {
    const sy = y - dy;
    if (sy < 0 || sy >= h) continue;
    for (let x = 0; x < w; x++) {
      const sx = x - dx;
      if (sx >= 0 && sx < w) out[y * w + x] = src[sy * w + sx]!;
    }
  }
  return out;
}

/** The set followed by `copies` shifted copies of it (labels repeated), shifts seeded by `seed`. */
export function withShiftedCopies(set: ImageSet, copies: number, seed: number): ImageSet {
  const n = set.count;
  const labels = new Uint8Array(n * (copies + 1));
  for (let c = 0; c <= copies; c++) for (let i = 0; i < n; i++) labels[c * n + i] = set.labels[i]!;
  return { images: shiftedCopies(set.images, n, copies, seed), labels, count: n * (copies + 1) };
}

/**
 * `count` images of h×w pixels followed by `copies` shifted copies of them, in the pixel type given: copy c
 * (1…copies) of image i moves by pair (c − 1)·count + i of `shifts(count · copies, seed)`.
 */
export function shiftedCopies<T extends Uint8Array | Float32Array>(images: T, count: number, copies: number, seed: number, h = 28, w = 28): T {
  const px = h * w;
  const out = new (images.constructor as new (n: number) => T)(count * px * (copies + 1));
  out.set(images.subarray(0, count * px));
  const s = shifts(count * copies, seed);
  for (let c = 1; c <= copies; c++) {
    for (let i = 0; i < count; i++) {
      const k = (c - 1) * count + i, j = c * count + i;
      shiftImage(images.subarray(i * px, (i + 1) * px), s[2 * k]!, s[2 * k + 1]!, h, w, out.subarray(j * px, (j + 1) * px) as T);
    }
  }
  return out;
}

/** For a batch of `b` images h×w shifted by `s` (pairs dx, dy): the source index of every output pixel in the
 *  flattened batch, or b·h·w (a zero appended after it) where the shift uncovers the border. */
export function shiftIndices(b: number, s: ArrayLike<number>, h = 28, w = 28): Int32Array {
  const out = new Int32Array(b * h * w).fill(b * h * w);
  for (let i = 0; i < b; i++) {
    const [dx, dy] = [s[2 * i]!, s[2 * i + 1]!];
    for (let y = Math.max(0, dy); y < Math.min(h, h + dy); y++) {
      for (let x = Math.max(0, dx); x < Math.min(w, w + dx); x++) out[(i * h + y) * w + x] = (i * h + y - dy) * w + x - dx;
    }
  }
  return out;
}

/** The gather indices of training step `step`'s batch of `b` images: a seeded shift per image. */
export function batchShiftIndices(b: number, seed: number, step: number, h = 28, w = 28): Int32Array {
  return shiftIndices(b, shifts(b, seed * 7907 + step), h, w);
}

/** Shifts a batch [B, 28, 28, 1] on the device, a seeded shift per image for training step `step`. Use in tidy. */
export function shiftBatch(tf: Tf, xb: Tensor, seed: number, step: number): Tensor {
  const [b, h, w] = xb.shape as number[];
  const idx = batchShiftIndices(b!, seed, step, h, w);
  const flat = tf.concat([tf.reshape(xb, [-1]), tf.zeros([1])]);
  return tf.reshape(tf.gather(flat, tf.tensor1d(idx, 'int32')), xb.shape);
}

/** `shiftBatch` on the CPU: the same shifts of a batch of `b` float images [b, h, w, 1], as a new array. */
export function shiftBatchArray(x: Float32Array, b: number, seed: number, step: number, h = 28, w = 28): Float32Array {
  const idx = batchShiftIndices(b, seed, step, h, w);
  const out = new Float32Array(b * h * w);
  for (let i = 0; i < out.length; i++) out[i] = idx[i]! < out.length ? x[idx[i]!]! : 0;
  return out;
}
