/**
 * Augmentation: each image moved by a small seeded whole-pixel shift (up to ±MAX_SHIFT in x and y), the
 * uncovered border filled with background (0). On the device for batches of the full training loop (a gather
 * with indices made here: tf.image.transform would do, but tfjs-backend-cpu 4.22's Transform returns after the
 * first image of a batch); on the CPU for the copies whose features the frozen-base path computes once.
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

/** One 28×28 (h×w) image moved by (dx, dy): out[y][x] = in[y − dy][x − dx], 0 outside. */
export function shiftImage(src: ArrayLike<number>, dx: number, dy: number, h = 28, w = 28): Uint8Array {
  const out = new Uint8Array(h * w);
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
  const px = 784;
  const n = set.count;
  const images = new Uint8Array(n * px * (copies + 1));
  const labels = new Uint8Array(n * (copies + 1));
  const s = shifts(n * copies, seed);
  for (let c = 0; c <= copies; c++) {
    for (let i = 0; i < n; i++) {
      const src = set.images.subarray(i * px, (i + 1) * px);
      const j = c * n + i;
      images.set(c === 0 ? src : shiftImage(src, s[2 * ((c - 1) * n + i)]!, s[2 * ((c - 1) * n + i) + 1]!), j * px);
      labels[j] = set.labels[i]!;
    }
  }
  return { images, labels, count: n * (copies + 1) };
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

/** Shifts a batch [B, 28, 28, 1] on the device, a seeded shift per image for training step `step`. Use in tidy. */
export function shiftBatch(tf: Tf, xb: Tensor, seed: number, step: number): Tensor {
  const [b, h, w] = xb.shape as number[];
  const idx = shiftIndices(b!, shifts(b!, seed * 7907 + step), h, w);
  const flat = tf.concat([tf.reshape(xb, [-1]), tf.zeros([1])]);
  return tf.reshape(tf.gather(flat, tf.tensor1d(idx, 'int32')), xb.shape);
}
