/**
 * The CPU training loop: the same seeded epoch order (`permutation(count, seed·7919 + epoch)`), fixed batches
 * (remainder dropped), softmax cross-entropy and Adam as the GPU loop in ../trainer.ts, on a CpuNet. Used by
 * `npm run pretrain` where no real GPU is present: on a software WebGPU adapter the tfjs loop manages a few
 * images per second, this one a few hundred (figures in public/models/<name>/MODEL_CARD.md).
 */
import { permutation, stepsPerEpoch, type ImageSet } from '../batches.ts';
import { summarise, type Evaluation } from '../evaluate.ts';
import type { Progress } from '../trainer.ts';
import type { CpuNet } from './net.ts';

export interface CpuTrainOptions {
  epochs: number;
  seed: number;
  batchSize?: number;
  learningRate?: number;
  readEvery?: number;
  maxSteps?: number;
  onProgress?: (p: Progress) => void;
}

/** Images `order[from … from + n)` as x / 255 and their labels. */
export function batchOf(set: ImageSet, order: ArrayLike<number>, from: number, n: number): { x: Float32Array; y: Int32Array } {
  const px = (set.height ?? 28) * (set.width ?? 28);
  const x = new Float32Array(n * px), y = new Int32Array(n);
  for (let b = 0; b < n; b++) {
    const i = order[from + b]!;
    for (let p = 0; p < px; p++) x[b * px + p] = set.images[i * px + p]! / 255;
    y[b] = set.labels[i]!;
  }
  return { x, y };
}

export function trainCpu(net: CpuNet, set: ImageSet, o: CpuTrainOptions): { steps: number; losses: [number, number][]; elapsedMs: number } {
  const batch = o.batchSize ?? 64, readEvery = o.readEvery ?? 10;
  const perEpoch = stepsPerEpoch(set.count, batch);
  if (perEpoch === 0) throw new Error(`need at least one full batch of ${batch} images, got ${set.count}`);
  const total = Math.min(perEpoch * o.epochs, o.maxSteps ?? Infinity);
  const losses: [number, number][] = [];
  const start = performance.now();
  let order: Int32Array = new Int32Array(0);
  let sum = 0, seen = 0;
  for (let step = 0; step < total; step++) {
    const epoch = Math.floor(step / perEpoch), inEpoch = step % perEpoch;
    if (inEpoch === 0) order = permutation(set.count, o.seed * 7919 + epoch);
    const { x, y } = batchOf(set, order, inEpoch * batch, batch);
    const { loss, grads } = net.lossAndGrads(x, y, batch, set.height ?? 28, set.width ?? 28);
    net.applyAdam(grads, { learningRate: o.learningRate ?? 0.001 });
    sum += loss;
    seen++;
    if ((step + 1) % readEvery === 0 || step + 1 === total) {
      const elapsedMs = performance.now() - start;
      losses.push([step + 1, sum / seen]);
      o.onProgress?.({ epoch, step: step + 1, totalSteps: total, loss: sum / seen, imagesPerSecond: ((step + 1) * batch) / (elapsedMs / 1000), elapsedMs });
      sum = 0;
      seen = 0;
    }
  }
  return { steps: total, losses, elapsedMs: performance.now() - start };
}

/** Accuracy, per-class accuracy and confusion of the net in inference mode (moving statistics). */
export function evaluateCpu(net: CpuNet, set: ImageSet, classes: number, batchSize = 250): Evaluation {
  const pred = new Int32Array(set.count);
  const all = Int32Array.from({ length: set.count }, (_, i) => i);
  for (let from = 0; from < set.count; from += batchSize) {
    const n = Math.min(batchSize, set.count - from);
    const z = net.logits(batchOf(set, all, from, n).x, n, set.height ?? 28, set.width ?? 28);
    for (let b = 0; b < n; b++) {
      let best = 0;
      for (let k = 1; k < classes; k++) if (z[b * classes + k]! > z[b * classes + best]!) best = k;
      pred[from + b] = best;
    }
  }
  return summarise(pred, set.labels, classes);
}
