/**
 * The pool explorer's engine work: a single-channel image convolved with a 3×3 kernel ('valid': zero padding would draw a false edge
 * around the border, stronger than any in the picture), optionally
 * passed through ReLU, then pooled with tfjs maxPool / avgPool ('valid') or averaged globally (tf.mean over
 * height and width). Plain arrays in and out; every tensor made here is disposed before returning.
 * The oracles are conv/reference.ts and pool/reference.ts.
 */
import type { Tf } from '../engine/types.ts';
import type { PlainTensor } from '../conv/tensor.ts';

export type PoolOp = 'max' | 'avg' | 'global';

export interface PoolRun { featureMap: PlainTensor; output: PlainTensor; ms: number; backend: string }

export async function runPool(tf: Tf, input: PlainTensor, kernel: PlainTensor, relu: boolean, op: PoolOp, size: number, stride: number): Promise<PoolRun> {
  const t0 = performance.now();
  const made: ReturnType<Tf['tensor']>[] = [];
  const keep = <T extends ReturnType<Tf['tensor']>>(t: T): T => (made.push(t), t);
  try {
    const x = keep(tf.tensor4d(input.data, input.shape as [number, number, number, number]));
    const w = keep(tf.tensor4d(kernel.data, kernel.shape as [number, number, number, number]));
    const conv = keep(tf.conv2d(x, w, 1, 'valid'));
    const fm = relu ? keep(tf.relu(conv)) : conv;
    const out = keep(
      op === 'max' ? tf.maxPool(fm, size, stride, 'valid')
        : op === 'avg' ? tf.avgPool(fm, size, stride, 'valid')
          : tf.mean(fm, [1, 2], true),
    );
    const [f, o] = (await Promise.all([fm.data(), out.data()])) as [Float32Array, Float32Array];
    return { featureMap: { data: f, shape: [...fm.shape] }, output: { data: o, shape: [...out.shape] }, ms: performance.now() - t0, backend: tf.getBackend() };
  } finally {
    tf.dispose(made);
  }
}
