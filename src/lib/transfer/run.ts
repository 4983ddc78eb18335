/**
 * One run of the fine-tuning lab on the engine: the transfer model (source base + seeded new head), the frozen
 * layers, then the shared Trainer — on cached features when the whole conv base is frozen (features.ts; the
 * layers above trained as a head, src/lib/head), else on the images themselves (optionally shifted per batch).
 * Once before training and after every epoch the validation images (never trained on) are evaluated: those points
 * are the curves. After the last epoch the test images are evaluated once — the run's accuracy, per-class accuracy
 * and confusion matrix; a cancelled run never touches them. Seeded throughout: the same set-up and seed give the same numbers. Pause and cancel are the
 * run's Job's (src/lib/job; the lab shares one Job among its runs), checked at every step and every evaluated
 * chunk; every tensor is released.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import { train as trainModel } from '../train/trainer.ts';
import { copyHeadBack, headOf, trainHead, type HeadTrainOptions } from '../head/index.ts';
import { Job, type JobControl } from '../job/job.ts';
import { summarise } from '../train/evaluate.ts';
import type { RunConfig } from './config.ts';
import type { TaskData } from './targets.ts';
import { applyFreeze, frozenUpTo, lrMultipliers, transferModel } from './model.ts';
import { cacheable, type Gate } from './features.ts';
import { FEATURE_COPIES, shiftBatch, withShiftedCopies } from './augment.ts';
import { evaluateOn, type HeldOut } from './evaluate.ts';
import { toDevice, type DeviceSet } from './device-set.ts';

export const MAX_BATCH = 16;

/** Batches of at most MAX_BATCH that use (nearly) every example each epoch: the loop drops a partial last batch,
 *  so 25 examples train as 2 × 12 (one left out, a different one each epoch), not 1 × 16. */
export function batchFor(count: number): number {
  return Math.max(1, Math.floor(count / Math.ceil(count / MAX_BATCH)));
}

/** `validating`: the validation images after an epoch (epoch 0: before training); `testing`: the test images, once, at the end. */
export interface RunProgress { phase: 'features' | 'training' | 'validating' | 'testing'; done: number; total: number; epoch: number; epochs: number; loss?: number }
/** Epoch 0 is before training (no training loss yet). Validation figures are null when the task has no validation set. */
export interface EpochPoint { epoch: number; trainLoss: number | null; valLoss: number | null; valAccuracy: number | null }

export interface RunResult {
  cancelled: boolean;
  /** `features`: frozen base evaluated once, only the layers above trained; `full`: the images go through every layer. */
  path: 'features' | 'full';
  /** Per epoch, on the validation images. */
  curve: EpochPoint[];
  /** [step, loss] of every training step. */
  losses: [number, number][];
  /** On the test images, measured once after the last epoch; NaN (and the rest empty) for a cancelled run. */
  accuracy: number;
  testLoss: number;
  perClass: number[];
  /** confusion[true][predicted] over the test images. */
  confusion: number[][];
  pred: Int32Array;
  /** Images in each set: labelled (as trained on, shifted copies included), validation, test. */
  counts: { train: number; validation: number; test: number };
  /** Training time without evaluation or feature extraction, per epoch; and the one-off feature pass. */
  msPerEpoch: number;
  featureMs: number;
  totalMs: number;
  batchSize: number;
  /** The trained model when asked for (`keepModel`); the caller disposes it. */
  model?: LayersModel;
}

export interface RunInput {
  config: RunConfig; seed: number; data: TaskData; source: LayersModel | null; keepModel?: boolean;
  onProgress?: (p: RunProgress) => void;
  /** Each point of the curve as soon as it is measured (live charts). */
  onEpoch?: (point: EpochPoint) => void;
  /** The job this run belongs to (pause, cancel); default: its own. */
  job?: JobControl;
  /** The trainer's read cadence; default by time (a few reads a second). bench:lab sets 1, the old read per step. */
  readEvery?: number;
}

export class LabRun {
  private readonly job: JobControl;
  private tf: Tf;
  private input: RunInput;

  constructor(tf: Tf, input: RunInput) {
    this.tf = tf;
    this.input = input;
    this.job = input.job ?? new Job();
  }

  pause(): void { this.job.pause(); }
  resume(): void { this.job.resume(); }
  cancel(): void { this.job.cancel(); }
  private get cancelled(): boolean { return this.job.cancelled; }

  private gate(phase: RunProgress['phase'], epoch: number, offset = 0, whole?: number): Gate {
    return async (done, total) => {
      this.input.onProgress?.({ phase, done: offset + done, total: whole ?? total, epoch, epochs: this.input.config.epochs });
      return this.job.checkpoint();
    };
  }

  async run(): Promise<RunResult> {
    const { tf } = this;
    const { config, seed, data } = this.input;
    const start = performance.now();
    const classes = data.classNames.length;
    const model = transferModel(this.input.source, classes, seed);
    applyFreeze(model, config.freeze);
    const k = frozenUpTo(model, config.freeze);
    const path = cacheable(model, k) ? 'features' : 'full';
    const base = path === 'features' ? { model, k } : null;
    const owned: Tensor[] = [];
    const keep = (set: DeviceSet | null) => (set && owned.push(set.x, set.y), set);
    let head: LayersModel | null = null;
    const batchSize = batchFor(data.train.count);
    const curve: EpochPoint[] = [];
    let featureMs = 0;
    let trainMs = 0;
    let epochsDone = 0;
    let losses: [number, number][] = [];
    let tested: HeldOut | null = null;
    // Shifted copies go into the feature pass only on the features path; the full path shifts each batch.
    const trainImages = base && config.augment ? withShiftedCopies(data.train, FEATURE_COPIES, seed) : data.train;
    const validationCount = data.validation?.count ?? 0;
    try {
      const whole = trainImages.count + validationCount;
      const train = keep(await toDevice(tf, trainImages, base, this.gate('features', 0, 0, whole)));
      const val = train && data.validation ? keep(await toDevice(tf, data.validation, base, this.gate('features', 0, trainImages.count, whole))) : null;
      featureMs = base ? performance.now() - start : 0;
      const ready = train !== null && (val !== null || !data.validation);
      if (ready && base) head = headOf(model, k);
      const net = head ?? model;
      // Validation figures of an epoch; null when stopped (no point then), `none` when the task has no validation set.
      const validate = async (epoch: number): Promise<HeldOut | 'none' | null> =>
        val ? evaluateOn(tf, net, val.x, val.y, val.labels, this.gate('validating', epoch)) : 'none';
      const point = (epoch: number, trainLoss: number | null, r: HeldOut | 'none') => {
        const p = { epoch, trainLoss, valLoss: r === 'none' ? null : r.loss, valAccuracy: r === 'none' ? null : r.accuracy };
        curve.push(p);
        this.input.onEpoch?.(p);
      };
      const before = ready ? await validate(0) : null;
      if (before && before !== 'none') point(0, null, before);
      if (before && train && !this.cancelled) {
        let epochStart = performance.now();
        let stepLosses: number[] = [];
        let lastLoss: number | undefined;
        const report = (p: { step: number; totalSteps: number; epoch: number }) =>
          this.input.onProgress?.({ phase: 'training', done: p.step, total: p.totalSteps, epoch: p.epoch + 1, epochs: config.epochs, loss: lastLoss });
        const options: HeadTrainOptions = {
          // Losses are read a few times a second, every step's at once (the Trainer's cadence), not one read per step.
          job: this.job, epochs: config.epochs, batchSize, seed, learningRate: config.lr, readEvery: this.input.readEvery,
          lrMultipliers: lrMultipliers(net, config.headLr),
          onProgress: (p) => {
            for (const [, l] of p.steps ?? [[p.step, p.loss]]) stepLosses.push(l);
            lastLoss = p.loss;
            report(p);
          },
          // Progress every step (the bar, and a cancel that acts at once), with the latest loss read (once there is one).
          onStep: (p) => lastLoss !== undefined && report(p),
          onEpochEnd: async (e) => {
            trainMs += performance.now() - epochStart;
            epochsDone++;
            const r = await validate(e + 1);
            if (r) point(e + 1, stepLosses.reduce((a, b) => a + b, 0) / stepLosses.length, r);
            stepLosses = [];
            epochStart = performance.now();
          },
        };
        const augment = config.augment ? (xb: Tensor, step: number) => shiftBatch(tf, xb, seed, step) : undefined;
        losses = (head ? await trainHead(tf, head, train, options) : await trainModel(tf, model, train, { ...options, augment })).stepLosses;
        // The test images, once: only for a run that trained to the end, and only now.
        if (!this.cancelled) {
          const gate = this.gate('testing', config.epochs);
          const test = keep(await toDevice(tf, data.test, base, gate));
          tested = test && (await evaluateOn(tf, net, test.x, test.y, test.labels, gate));
        }
        if (head) copyHeadBack(head, model);
      }
      const done = tested !== null && !this.cancelled;
      const sum = done ? summarise(tested!.pred, data.test.labels as ArrayLike<number>, classes) : { perClass: [], confusion: [] };
      const result: RunResult = {
        cancelled: this.cancelled, path, curve, losses, accuracy: done ? tested!.accuracy : NaN, testLoss: done ? tested!.loss : NaN,
        perClass: sum.perClass, confusion: sum.confusion, pred: done ? tested!.pred : new Int32Array(0),
        counts: { train: trainImages.count, validation: validationCount, test: data.test.count },
        msPerEpoch: trainMs / Math.max(1, epochsDone), featureMs, totalMs: performance.now() - start, batchSize,
      };
      if (this.input.keepModel && !this.cancelled) result.model = model;
      return result;
    } finally {
      tf.dispose(owned);
      head?.dispose();
      if (!(this.input.keepModel && !this.cancelled)) model.dispose();
    }
  }
}
