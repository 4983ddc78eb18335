/**
 * Accuracy, per-class accuracy and the confusion matrix, computed in fixed-size batches (the last one padded
 * with blank images whose predictions are ignored), with one read-back at the end.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import type { ImageSet } from './batches.ts';
import { logits } from './forward.ts';

export interface Evaluation {
  accuracy: number;
  perClass: number[];
  /** confusion[true][predicted] counts. */
  confusion: number[][];
  count: number;
}

/** Predicted class of every image, in order. */
export async function predictClasses(tf: Tf, model: LayersModel, set: ImageSet, batchSize = 256): Promise<Int32Array> {
  const h = set.height ?? 28;
  const w = set.width ?? 28;
  const px = h * w;
  const preds: Tensor[] = [];
  try {
    for (let start = 0; start < set.count; start += batchSize) {
      const buf = new Float32Array(batchSize * px);
      const n = Math.min(batchSize, set.count - start);
      for (let i = 0; i < n * px; i++) buf[i] = set.images[start * px + i]! / 255;
      preds.push(tf.tidy(() => tf.argMax(logits(tf, model, tf.tensor4d(buf, [batchSize, h, w, 1]), false), 1)));
    }
    const all = tf.concat(preds);
    const out = (await all.data()) as Int32Array;
    all.dispose();
    return Int32Array.from(out.subarray(0, set.count));
  } finally {
    tf.dispose(preds);
  }
}

export async function evaluate(tf: Tf, model: LayersModel, set: ImageSet, classes: number, batchSize = 256): Promise<Evaluation> {
  const pred = await predictClasses(tf, model, set, batchSize);
  return summarise(pred, set.labels, classes);
}

/** The evaluation of predictions against labels (pure; tests feed it by hand). */
export function summarise(pred: ArrayLike<number>, labels: ArrayLike<number>, classes: number): Evaluation {
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  let right = 0;
  for (let i = 0; i < pred.length; i++) {
    confusion[labels[i]!]![pred[i]!]!++;
    if (pred[i] === labels[i]) right++;
  }
  const perClass = confusion.map((row, c) => {
    const n = row.reduce((a, b) => a + b, 0);
    return n === 0 ? NaN : row[c]! / n;
  });
  return { accuracy: pred.length ? right / pred.length : NaN, perClass, confusion, count: pred.length };
}
