/**
 * The softmax explorer's tfjs computation: p = tf.softmax(z / T), the cross-entropy H(q, p) from
 * tf.logSoftmax, and its gradient with respect to z by tf.valueAndGrad (autodiff, not the p − q formula),
 * so the widget shows what the engine's backprop computes. `tf` comes from the engine; every tensor made
 * here is disposed before returning.
 */
import type { Tf } from '../engine/types.ts';

export interface TfSoftmaxResult { probabilities: Float32Array; loss: number; gradient: Float32Array; ms: number; backend: string }

let gradientsRegistered: Promise<unknown> | null = null;

/** tfjs-core registers its gradient functions only on request; the explorer needs Softmax's and friends'. */
export function ensureGradients(): Promise<unknown> {
  gradientsRegistered ??= import('@tensorflow/tfjs-core/dist/register_all_gradients');
  return gradientsRegistered;
}

export async function runSoftmaxCrossEntropy(tf: Tf, logits: readonly number[], temperature: number, target: readonly number[]): Promise<TfSoftmaxResult> {
  await ensureGradients();
  const t0 = performance.now();
  const [p, loss, grad] = tf.tidy(() => {
    const z = tf.tensor1d(logits as number[], 'float32');
    const q = tf.tensor1d(target as number[], 'float32');
    const t = tf.scalar(temperature, 'float32');
    const ce = (x: ReturnType<Tf['tensor1d']>) => tf.neg(tf.sum(tf.mul(q, tf.logSoftmax(tf.div(x, t)))));
    const { value, grad } = tf.valueAndGrad(ce)(z);
    return [tf.softmax(tf.div(z, t)), value, grad];
  });
  try {
    const [pd, ld, gd] = await Promise.all([p.data(), loss.data(), grad.data()]);
    return { probabilities: pd as Float32Array, loss: ld[0]!, gradient: gd as Float32Array, ms: performance.now() - t0, backend: tf.getBackend() };
  } finally {
    tf.dispose([p, loss, grad]);
  }
}
