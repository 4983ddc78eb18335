/**
 * The training loop every widget and the pretraining script share. Data lives on the GPU (uploaded once),
 * batches are gathered there with a seeded order, the optimizer is the fused Adam, and the loss is read back
 * only every `readEvery` steps — the one place the loop waits for the GPU, yields to the page, and honours
 * pause and cancel. Ending (done or cancelled) releases every tensor the loop made.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import { gatherBatch, permutation, stepsPerEpoch, upload, type ImageSet } from './batches.ts';
import { lossAndGrads, trainableVariables, type LossKind } from './forward.ts';
import { FusedAdam } from './fused-adam.ts';

export interface TrainOptions {
  epochs: number;
  batchSize?: number;
  seed: number;
  learningRate?: number;
  /** Read the loss (and report progress) every this many steps; default 10. */
  readEvery?: number;
  /** Stop after this many steps in all (smoke runs, benchmarks). */
  maxSteps?: number;
  /** The objective: softmax cross-entropy (default) or squared error on probabilities (Chapter 4's race). */
  loss?: LossKind;
  /**
   * Called at each read-back. If it returns a promise (an async function), the loop waits for it to settle,
   * e.g. for a validation pass. Typed `void` so existing callbacks keep their inferred types.
   */
  onProgress?: (p: Progress) => void;
  /** Learning-rate factor per trainable weight (`model.trainableWeights` order); default 1 each. */
  lrMultipliers?: readonly number[];
  /** Changes each batch's images on the device (augmentation); synchronous, runs inside the step's tidy. */
  augment?: (xb: Tensor, step: number) => Tensor;
  /** Awaited after each full epoch, once its loss is read back (validation curves); pause/cancel apply after it. */
  onEpochEnd?: (epoch: number) => Promise<void> | void;
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
  loss: number;
  imagesPerSecond: number;
  elapsedMs: number;
}

export interface TrainResult {
  steps: number;
  cancelled: boolean;
  /** Loss at each read-back: [step, loss]. */
  losses: [number, number][];
  elapsedMs: number;
}

export class Trainer {
  private paused: { promise: Promise<void>; resolve: () => void } | null = null;
  private cancelled = false;

  private tf: Tf;
  private model: LayersModel;
  private set: ImageSet | TensorSet;
  private options: TrainOptions;

  constructor(tf: Tf, model: LayersModel, set: ImageSet | TensorSet, options: TrainOptions) {
    this.tf = tf;
    this.model = model;
    this.set = set;
    this.options = options;
  }

  pause(): void {
    if (this.paused) return;
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    this.paused = { promise, resolve };
  }

  resume(): void {
    this.paused?.resolve();
    this.paused = null;
  }

  /** Stops at the next read-back; `run()` then resolves with `cancelled: true`, all its tensors released. */
  cancel(): void {
    this.cancelled = true;
    this.resume();
  }

  async run(): Promise<TrainResult> {
    const { tf, model, options } = this;
    const batch = options.batchSize ?? 64;
    const readEvery = options.readEvery ?? 10;
    const perEpoch = stepsPerEpoch(this.set.count, batch);
    if (perEpoch === 0) throw new Error(`need at least one full batch of ${batch} images, got ${this.set.count}`);
    const totalSteps = Math.min(perEpoch * options.epochs, options.maxSteps ?? Infinity);
    const owned = !('x' in this.set);
    const data = 'x' in this.set ? { x: this.set.x, y: this.set.y } : upload(tf, this.set);
    const vars = trainableVariables(model);
    const adam = new FusedAdam(tf, vars, { learningRate: options.learningRate ?? 0.001, multipliers: options.lrMultipliers });
    const losses: [number, number][] = [];
    const start = performance.now();
    let order: Tensor | null = null;
    let pending: Tensor | null = null;
    let step = 0;
    try {
      while (step < totalSteps && !this.cancelled) {
        const epoch = Math.floor(step / perEpoch);
        const inEpoch = step % perEpoch;
        if (inEpoch === 0) {
          order?.dispose();
          order = tf.tensor1d(permutation(this.set.count, options.seed * 7919 + epoch), 'int32');
        }
        const loss = tf.tidy(() => {
          const { xb, yb } = gatherBatch(tf, data, order!, inEpoch, batch);
          const x = options.augment ? options.augment(xb, step) : xb;
          const { loss, grads } = lossAndGrads(tf, model, x, yb, vars, options.loss);
          adam.applyGradients(grads);
          return loss;
        });
        pending?.dispose();
        pending = loss;
        step++;
        const epochDone = options.onEpochEnd !== undefined && step % perEpoch === 0;
        if (step % readEvery === 0 || step === totalSteps || epochDone) {
          const value = (await loss.data())[0]!;
          losses.push([step, value]);
          const elapsedMs = performance.now() - start;
          await options.onProgress?.({ epoch, step, totalSteps, loss: value, imagesPerSecond: (step * batch) / (elapsedMs / 1000), elapsedMs });
          if (epochDone) await options.onEpochEnd!(epoch);
          if (this.paused) await this.paused.promise;
        }
      }
    } finally {
      if (owned) tf.dispose([data.x, data.y]);
      order?.dispose();
      pending?.dispose();
      adam.dispose();
    }
    return { steps: step, cancelled: this.cancelled, losses, elapsedMs: performance.now() - start };
  }
}

/** Convenience: train and return the result (no pause/cancel handle). */
export function train(tf: Tf, model: LayersModel, set: ImageSet | TensorSet, options: TrainOptions): Promise<TrainResult> {
  return new Trainer(tf, model, set, options).run();
}
