/**
 * The training loop every widget and the pretraining script share. Data lives on the GPU (uploaded once),
 * batches are gathered there with a seeded order, the optimizer is the fused Adam, and each step's loss stays on
 * the device (loss-log.ts) until the loop reads them all in one go — every `readEvery` steps, or by default as
 * often as keeps a curve updating about twice a second. A read is the one place the loop waits for the GPU;
 * between reads it yields to the page every few milliseconds. Pause and cancel are its Job's (src/lib/job),
 * checked between steps. Ending (done or cancelled) releases every tensor the loop made.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import { gatherBatch, permutation, stepsPerEpoch, upload, type ImageSet } from './batches.ts';
import { lossAndGrads, trainableVariables } from './forward.ts';
import { FusedAdam } from './fused-adam.ts';
import { Job, type JobControl } from '../job/job.ts';
import { LossLog, ReadCadence } from './loss-log.ts';
import { yieldToPage } from '../schedule/slices.ts';
import type { TensorSet, TrainOptions, TrainResult } from './train-options.ts';

export type { Progress, TensorSet, TrainOptions, TrainResult } from './train-options.ts';

/** Longest stretch of steps between two yields to the page (a frame's worth of dispatching). */
const YIELD_MS = 16;

export class Trainer {
  private readonly job: JobControl;
  private tf: Tf;
  private model: LayersModel;
  private set: ImageSet | TensorSet;
  private options: TrainOptions;

  constructor(tf: Tf, model: LayersModel, set: ImageSet | TensorSet, options: TrainOptions) {
    this.tf = tf;
    this.model = model;
    this.set = set;
    this.options = options;
    this.job = options.job ?? new Job();
  }

  /** The reader's pause of this loop's job (a shared job pauses every loop in it). */
  pause(): void {
    this.job.pause();
  }

  resume(): void {
    this.job.resume();
  }

  /** Stops before the next step; `run()` then resolves with `cancelled: true`, all its tensors released. */
  cancel(): void {
    this.job.cancel();
  }

  async run(): Promise<TrainResult> {
    const { tf, model, options } = this;
    const batch = options.batchSize ?? 64;
    const perEpoch = stepsPerEpoch(this.set.count, batch);
    if (perEpoch === 0) throw new Error(`need at least one full batch of ${batch} images, got ${this.set.count}`);
    const totalSteps = Math.min(perEpoch * options.epochs, options.maxSteps ?? Infinity);
    const cadence = new ReadCadence({ readEvery: options.readEvery, intervalMs: options.readIntervalMs, totalSteps });
    const owned = !('x' in this.set);
    const data = 'x' in this.set ? { x: this.set.x, y: this.set.y } : upload(tf, this.set);
    const vars = trainableVariables(model);
    const adam = new FusedAdam(tf, vars, { learningRate: options.learningRate ?? 0.001, multipliers: options.lrMultipliers });
    const log = new LossLog(tf, cadence.capacity);
    const losses: [number, number][] = [];
    const stepLosses: [number, number][] = [];
    const start = performance.now();
    let order: Tensor | null = null;
    let step = 0;
    let sinceRead = 0;
    let mark = start;
    let yielded = start;
    // Every unread step's loss, in one read; then progress, and the epoch's end when it is one.
    const pendingSteps = async () => (await log.read(sinceRead)).map((v, i) => [step - sinceRead + 1 + i, v] as [number, number]);
    const read = async (epoch: number, epochDone: boolean) => {
      const steps = await pendingSteps();
      stepLosses.push(...steps);
      losses.push(steps.at(-1)!);
      cadence.record(sinceRead, performance.now() - mark);
      sinceRead = 0;
      const elapsedMs = performance.now() - start;
      await options.onProgress?.({ epoch, step, totalSteps, loss: steps.at(-1)![1], steps, imagesPerSecond: (step * batch) / (elapsedMs / 1000), elapsedMs });
      if (epochDone) await options.onEpochEnd!(epoch);
      mark = yielded = performance.now();
    };
    try {
      while (step < totalSteps) {
        // Before holding at a pause, bring the curve up to date (by-time cadences only: fixed ones keep their read steps).
        if (sinceRead > 0 && this.job.paused && cadence.flushesOnPause) await read(Math.floor((step - 1) / perEpoch), false);
        if (!(await this.job.checkpoint())) break;
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
        log.push(loss);
        loss.dispose();
        step++;
        sinceRead++;
        options.onStep?.({ epoch, step, totalSteps });
        const epochDone = options.onEpochEnd !== undefined && step % perEpoch === 0;
        if (cadence.due(step, sinceRead) || step === totalSteps || epochDone) await read(epoch, epochDone);
        else if (performance.now() - yielded > YIELD_MS) {
          await yieldToPage();
          yielded = performance.now();
        }
      }
      // Stopped early: the steps not yet read still belong in the result (not reported: the run is over).
      if (sinceRead > 0 && cadence.flushesOnPause) {
        const steps = await pendingSteps();
        stepLosses.push(...steps);
        losses.push(steps.at(-1)!);
      }
    } finally {
      if (owned) tf.dispose([data.x, data.y]);
      order?.dispose();
      log.dispose();
      adam.dispose();
    }
    return { steps: step, cancelled: this.job.cancelled, losses, stepLosses, elapsedMs: performance.now() - start };
  }
}

/** Convenience: train and return the result (no pause/cancel handle). */
export function train(tf: Tf, model: LayersModel, set: ImageSet | TensorSet, options: TrainOptions): Promise<TrainResult> {
  return new Trainer(tf, model, set, options).run();
}
