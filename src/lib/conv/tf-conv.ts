/**
 * The playground's one tfjs call. `tf` comes from the engine (no static tfjs import here), inputs and
 * outputs are plain arrays, every tensor made here is disposed before returning, and the time runs from
 * creating the tensors to the result being readable (`await data()`), the time a reader waits.
 */
import type { Tf } from '../engine/types.ts';
import type { Padding } from '../params/padding.ts';
import type { PlainTensor } from './tensor.ts';

export interface TfConvSettings { stride: number; padding: Padding; dilation: number }
/** `conv2d`: kernel [kh, kw, cin, cout]; `depthwise`: one kernel per channel, [kh, kw, cin, 1]. */
export type ConvOp = 'conv2d' | 'depthwise';

export interface TfConvResult { data: Float32Array; shape: number[]; ms: number; backend: string }

/** tfjs takes explicit padding as per-dimension [before, after] pairs in NHWC order. */
export function tfPadding(p: Padding): 'valid' | 'same' | [[0, 0], [number, number], [number, number], [0, 0]] {
  return typeof p === 'number' ? [[0, 0], [p, p], [p, p], [0, 0]] : p;
}

/** tfjs (like TensorFlow) refuses a stride and a dilation both above 1; say so in words before it throws. */
export function stridesDilationConflict(s: TfConvSettings): string | null {
  return s.stride > 1 && s.dilation > 1
    ? `Stride ${s.stride} with dilation ${s.dilation} is not supported: TensorFlow.js (like TensorFlow) needs stride 1 or dilation 1. Set one of them to 1.`
    : null;
}

export async function runConv(tf: Tf, input: PlainTensor, kernel: PlainTensor, s: TfConvSettings, op: ConvOp): Promise<TfConvResult> {
  const conflict = stridesDilationConflict(s);
  if (conflict) throw new Error(conflict);
  const t0 = performance.now();
  const x = tf.tensor4d(input.data, input.shape as [number, number, number, number], 'float32');
  const w = tf.tensor4d(kernel.data, kernel.shape as [number, number, number, number], 'float32');
  let y: ReturnType<Tf['conv2d']> | null = null;
  try {
    const pad = tfPadding(s.padding);
    y = op === 'conv2d'
      ? tf.conv2d(x, w, s.stride, pad, 'NHWC', s.dilation)
      : tf.depthwiseConv2d(x, w, s.stride, pad, 'NHWC', s.dilation);
    const data = (await y.data()) as Float32Array;
    return { data, shape: [...y.shape], ms: performance.now() - t0, backend: tf.getBackend() };
  } finally {
    tf.dispose(y ? [x, w, y] : [x, w]);
  }
}
