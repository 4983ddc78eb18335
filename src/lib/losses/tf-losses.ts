/**
 * The softmax explorer's tfjs computation: p = tf.softmax(z / T), the cross-entropy H(q, p) from
 * tf.logSoftmax, and its gradient with respect to z by tf.valueAndGrad (autodiff, not the p − q formula),
 * so the widget shows what the engine's backprop computes. `tf` comes from the engine; every tensor made
 * here is disposed before returning.
 */
import type { Tf } from '../engine/types.ts';
import { yieldToPage } from '../schedule/slices.ts';

export interface TfSoftmaxResult { probabilities: Float32Array; loss: number; gradient: Float32Array; ms: number; backend: string }

let gradientsRegistered: Promise<unknown> | null = null;

/** tfjs-core registers its gradient functions only on request; the explorer needs Softmax's and friends'. */
export function ensureGradients(): Promise<unknown> {
  gradientsRegistered ??= import('@tensorflow/tfjs-core/dist/register_all_gradients');
  return gradientsRegistered;
}

/** Whether this page has run the computation once (its programs compiled). */
let warmed = false;

export async function runSoftmaxCrossEntropy(tf: Tf, logits: readonly number[], temperature: number, target: readonly number[]): Promise<TfSoftmaxResult> {
  await ensureGradients();
  const t0 = performance.now();
  const made: ReturnType<Tf['tensor']>[] = [];
  const keep = <T extends ReturnType<Tf['tensor']>>(t: T): T => (made.push(t), t);
  try {
    const z = keep(tf.tensor1d(logits as number[], 'float32'));
    const q = keep(tf.tensor1d(target as number[], 'float32'));
    const t = keep(tf.scalar(temperature, 'float32'));
    const ce = (x: ReturnType<Tf['tensor1d']>) => tf.neg(tf.sum(tf.mul(q, tf.logSoftmax(tf.div(x, t)))));
    const p = keep(tf.tidy(() => tf.softmax(tf.div(z, t))));
    // Each op's first run on a page builds its GPU program: the softmax, the loss alone and then its gradient each in
    // a task of their own the first time (all in one, 80–135 ms of the main thread on the embed page here).
    if (!warmed) {
      await yieldToPage();
      tf.tidy(() => void ce(z));
      await yieldToPage();
      warmed = true;
    }
    const { value, grad } = tf.tidy(() => tf.valueAndGrad(ce)(z));
    const loss = keep(value), gradient = keep(grad);
    const [pd, ld, gd] = await Promise.all([p.data(), loss.data(), gradient.data()]);
    return { probabilities: pd as Float32Array, loss: ld[0]!, gradient: gd as Float32Array, ms: performance.now() - t0, backend: tf.getBackend() };
  } finally {
    tf.dispose(made);
  }
}
