/**
 * Held-out loss, accuracy and predictions of a model on inputs already on the device (images as x/255, or a
 * frozen base's features), in chunks with a read-back each (the point where a run may stop).
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import { crossEntropy, logits } from '../train/forward.ts';
import type { Gate } from './features.ts';

export interface HeldOut { loss: number; accuracy: number; pred: Int32Array }

/** null when the gate stopped it. `labels` are the same labels as `y`, on the CPU. */
export async function evaluateOn(tf: Tf, model: LayersModel, x: Tensor, y: Tensor, labels: ArrayLike<number>, gate: Gate, chunk = 64): Promise<HeldOut | null> {
  const n = x.shape[0]!;
  const pred = new Int32Array(n);
  let lossSum = 0;
  for (let start = 0; start < n; start += chunk) {
    const m = Math.min(chunk, n - start);
    const [loss, argmax] = tf.tidy(() => {
      const xs = tf.slice(x, start, m);
      const z = logits(tf, model, xs, false);
      return [tf.mul(crossEntropy(tf, z, tf.slice(y, start, m)), m), tf.argMax(z, 1)];
    });
    try {
      const [l, p] = await Promise.all([loss!.data(), argmax!.data()]);
      lossSum += l[0]!;
      pred.set(p as Int32Array, start);
    } finally {
      tf.dispose([loss!, argmax!]);
    }
    if (!(await gate(start + m, n))) return null;
  }
  let right = 0;
  for (let i = 0; i < n; i++) if (pred[i] === labels[i]) right++;
  return { loss: lossSum / n, accuracy: n ? right / n : NaN, pred };
}
