/**
 * The heat maps' colour scales (sequential.ts, diverging.ts) as tfjs ops, so an output can be coloured where it
 * was computed and drawn from there (`tf.browser.draw` on WebGPU) instead of being read back to paint on the CPU.
 * Both scales reduce to one rule, index = round(clamp((v − lo) · k, 0, 255)), with lo and k taken from the
 * output's own [min, max] — kept as a tensor, so nothing waits for the GPU before the pixels are drawn.
 * The bytes are packed one pixel per int32 (R, G, B, A = 255 in little-endian order), rows padded to 64 pixels
 * (256 bytes, what a WebGPU buffer-to-texture copy needs), so gpu-canvas.ts copies them into a canvas as they are.
 * Rounding is Math.round's (half up: floor(x + 0.5)), not tf.round's half-to-even; float32 arithmetic can still put
 * a value one level away from the float64 painting where it sits on a level boundary.
 */
import type { Tf } from '../engine/types.ts';
import type * as TfCore from '@tensorflow/tfjs-core';
import { divergingLut } from './diverging.ts';
import type { ScaleKind } from './scale-choice.ts';

type Tensor = TfCore.Tensor;

/** [min, max] of `y` as a 1-D tensor of 2 (on y's backend; nothing is read). */
export function extentTensor(tf: Tf, y: Tensor): TfCore.Tensor1D {
  return tf.tidy(() => tf.stack([tf.min(y), tf.max(y)]) as TfCore.Tensor1D);
}

/**
 * [lo, k] for the scale: sequential lo = min(0, min), k = 255 / (hi − lo) with hi = max, or lo + 1 when flat
 * (sequentialScale); diverging e = max(|min|, |max|), or 1 when 0 (symmetricExtent), lo = −e, k = 127.5 / e.
 */
export function scaleParams(tf: Tf, extent: TfCore.Tensor1D, kind: ScaleKind): { lo: Tensor; k: Tensor } {
  return tf.tidy(() => {
    const [min, max] = tf.unstack(extent) as [Tensor, Tensor];
    if (kind === 'sequential') {
      const lo = tf.minimum(min, 0);
      const hi = tf.where(tf.greater(max, lo), max, tf.add(lo, 1));
      return { lo, k: tf.div(255, tf.sub(hi, lo)) };
    }
    const raw = tf.maximum(tf.abs(min), tf.abs(max));
    const e = tf.where(tf.greater(raw, 0), raw, tf.onesLike(raw));
    return { lo: tf.neg(e), k: tf.div(127.5, e) };
  });
}

/** Level 0…255 of each value of channel `ch` of an NHWC output [1, h, w, c], as int32 [h, w]. */
export function levels(tf: Tf, y: Tensor, extent: TfCore.Tensor1D, ch: number, kind: ScaleKind): TfCore.Tensor2D {
  return tf.tidy(() => {
    const [, h, w, c] = y.shape as [number, number, number, number];
    const v = c === 1 ? tf.reshape(y, [h, w]) : tf.reshape(tf.slice(y, [0, 0, 0, ch], [1, h, w, 1]), [h, w]);
    const { lo, k } = scaleParams(tf, extent, kind);
    const x = tf.clipByValue(tf.mul(tf.sub(v, lo), k), 0, 255);
    return tf.cast(tf.floor(tf.add(x, 0.5)), 'int32') as TfCore.Tensor2D;
  });
}

let lutInts: Int32Array | null = null;

/** Pixels per row of a packed image: `w` rounded up to 64 (WebGPU copies rows in multiples of 256 bytes). */
export function paddedWidth(w: number): number {
  return Math.ceil(w / 64) * 64;
}

/** 0xFF000000 as an int32: the opaque alpha byte on top of R + 256 G + 65536 B. */
const OPAQUE = -16777216;

/**
 * The colours of channel `ch` packed as int32 [h, paddedWidth(w)]: gray levels (sequential) or the diverging
 * table's colour (the 256 × 3 table is uploaded with each draw, 3 KB, so no tensor is kept between draws and a
 * widget's tensor count is the same on every backend). The caller disposes the result.
 */
export function packedColours(tf: Tf, y: Tensor, extent: TfCore.Tensor1D, ch: number, kind: ScaleKind): TfCore.Tensor2D {
  return tf.tidy(() => {
    const idx = levels(tf, y, extent, ch, kind);
    const [h, w] = idx.shape;
    let rgb: Tensor;
    if (kind === 'sequential') rgb = tf.mul(idx, tf.scalar(65793, 'int32')); // the level in R, G and B: 1 + 256 + 65536
    else {
      lutInts ??= packedLut();
      rgb = tf.reshape(tf.gather(tf.tensor1d(lutInts, 'int32'), tf.reshape(idx, [h * w])), [h, w]);
    }
    // int32 scalars: a plain number would make the result float32.
    return tf.pad(tf.add(rgb, tf.scalar(OPAQUE, 'int32')), [[0, 0], [0, paddedWidth(w) - w]]) as TfCore.Tensor2D;
  });
}

/** The diverging table as R + 256 G + 65536 B per entry. */
function packedLut(): Int32Array {
  const t = divergingLut();
  return Int32Array.from({ length: 256 }, (_, i) => t[i * 3]! + 256 * t[i * 3 + 1]! + 65536 * t[i * 3 + 2]!);
}
