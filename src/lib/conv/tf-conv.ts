/**
 * The playground's one tfjs call. `tf` comes from the engine (no static tfjs import here). `convOn` takes an
 * input already on the backend (uploaded once per picture, kept across kernel/stride/padding edits) and returns the
 * output tensor without reading it, so the view can draw it where it is and numbers are read only when asked for.
 */
import type { Tf } from '../engine/types.ts';
import type { Padding } from '../params/padding.ts';
import type { PlainTensor } from './tensor.ts';
import { msg } from '../i18n/t.ts';
import { ReaderError } from '../i18n/reader-error.ts';
import type { Msg } from '../i18n/types.ts';

type Tensor4D = ReturnType<Tf['tensor4d']>;

export interface TfConvSettings { stride: number; padding: Padding; dilation: number }
/** `conv2d`: kernel [kh, kw, cin, cout]; `depthwise`: one kernel per channel, [kh, kw, cin, 1]. */
export type ConvOp = 'conv2d' | 'depthwise';

/** tfjs takes explicit padding as per-dimension [before, after] pairs in NHWC order. */
export function tfPadding(p: Padding): 'valid' | 'same' | [[0, 0], [number, number], [number, number], [0, 0]] {
  return typeof p === 'number' ? [[0, 0], [p, p], [p, p], [0, 0]] : p;
}

/** tfjs (like TensorFlow) refuses a stride and a dilation both above 1; say so in words before it throws. */
export function stridesDilationConflict(s: TfConvSettings): Msg | null {
  return s.stride > 1 && s.dilation > 1 ? msg('convPlayground.strideDilation', { stride: s.stride, dilation: s.dilation }) : null;
}

/** One convolution of an uploaded input `x` [1, h, w, c] with a kernel given as numbers (a few bytes to upload). */
export function convOn(tf: Tf, x: Tensor4D, kernel: PlainTensor, s: TfConvSettings, op: ConvOp): Tensor4D {
  const conflict = stridesDilationConflict(s);
  if (conflict) throw new ReaderError(conflict);
  return tf.tidy(() => {
    const w = tf.tensor4d(kernel.data, kernel.shape as [number, number, number, number], 'float32');
    const pad = tfPadding(s.padding);
    return op === 'conv2d' ? tf.conv2d(x, w, s.stride, pad, 'NHWC', s.dilation) : tf.depthwiseConv2d(x, w, s.stride, pad, 'NHWC', s.dilation);
  });
}
