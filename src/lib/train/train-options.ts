/** The training loop's options, progress reports and result (trainer.ts re-exports them). */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { LossKind } from './forward.ts';
import type { JobControl } from '../job/job.ts';

export interface TrainOptions {
  epochs: number;
  batchSize?: number;
  seed: number;
  learningRate?: number;
  /**
   * Read the losses (and report progress) every this many steps. Default: by time, about every
   * `readIntervalMs` (400 ms), at most every 64 steps, and before a pause.
   */
  readEvery?: number;
  /** Target time between two reads when `readEvery` is not given. */
  readIntervalMs?: number;
  /** Stop after this many steps in all (smoke runs, benchmarks). */
  maxSteps?: number;
  /** The objective: softmax cross-entropy (default) or squared error on probabilities (Chapter 4's race). */
  loss?: LossKind;
  /**
   * Called at each read-back. If it returns a promise (an async function), the loop waits for it to settle,
   * e.g. for a validation pass. Typed `void` so existing callbacks keep their inferred types.
   */
  onProgress?: (p: Progress) => void;
  /** Called after every step without waiting for the GPU (progress bars; a cancel here acts before the next step). */
  onStep?: (p: Pick<Progress, 'epoch' | 'step' | 'totalSteps'>) => void;
  /** Learning-rate factor per trainable weight (`model.trainableWeights` order); default 1 each. */
  lrMultipliers?: readonly number[];
  /** Changes each batch's images on the device (augmentation); synchronous, runs inside the step's tidy. */
  augment?: (xb: Tensor, step: number) => Tensor;
  /** Awaited after each full epoch, once its loss is read back (validation curves); pause/cancel apply after it. */
  onEpochEnd?: (epoch: number) => Promise<void> | void;
  /** The job this loop is part of (a lab run, a race); its pause and cancel act between steps. Default: its own. */
  job?: JobControl;
}

/** Inputs already on the device (e.g. features a frozen base computed once): x [N, …], y int32 [N]. The
 *  caller keeps ownership; the loop gathers batches from them as from uploaded images. */
export interface TensorSet {
  x: Tensor;
  y: Tensor;
  count: number;
}

export interface Progress {
  epoch: number;
  step: number;
  totalSteps: number;
  /** The loss of `step`. */
  loss: number;
  /** [step, loss] of every step since the previous progress report, oldest first (ends with `step`); the
   *  Trainer always fills it (optional for the CPU trainer, cpu/train.ts, which reports means). */
  steps?: [number, number][];
  imagesPerSecond: number;
  elapsedMs: number;
}

export interface TrainResult {
  steps: number;
  cancelled: boolean;
  /** Loss at each read-back: [step, loss]. */
  losses: [number, number][];
  /** [step, loss] of every step trained. */
  stepLosses: [number, number][];
  elapsedMs: number;
}
