/**
 * One run of the fine-tuning lab on the engine: the transfer model (source base + seeded new head), the frozen
 * layers, then the shared Trainer — on cached features when the whole conv base is frozen (features.ts), else
 * on the images themselves (optionally shifted per batch). After every epoch, and once before training, the
 * held-out images are evaluated: those points are the curves. Seeded throughout: the same set-up and seed give
 * the same numbers. pause/resume/cancel act at every step and every evaluated chunk; every tensor is released.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import { Trainer } from '../train/trainer.ts';
import { upload, type ImageSet } from '../train/batches.ts';
import { summarise } from '../train/evaluate.ts';
import type { RunConfig } from './config.ts';
import type { TaskData } from './targets.ts';
import { applyFreeze, frozenUpTo, lrMultipliers, transferModel } from './model.ts';
import { cacheable, computeFeatures, copyHeadBack, headModel, type Gate } from './features.ts';
import { FEATURE_COPIES, shiftBatch, withShiftedCopies } from './augment.ts';
import { evaluateOn } from './evaluate.ts';

export const MAX_BATCH = 16;

/** Batches of at most MAX_BATCH that use (nearly) every example each epoch: the loop drops a partial last batch,
 *  so 25 examples train as 2 × 12 (one left out, a different one each epoch), not 1 × 16. */
export function batchFor(count: number): number {
  return Math.max(1, Math.floor(count / Math.ceil(count / MAX_BATCH)));
}

export interface RunProgress { phase: 'features' | 'training' | 'evaluating'; done: number; total: number; epoch: number; epochs: number; loss?: number }
/** Epoch 0 is before training (no training loss yet). */
export interface EpochPoint { epoch: number; trainLoss: number | null; testLoss: number; testAccuracy: number }

export interface RunResult {
  cancelled: boolean;
  /** `features`: frozen base evaluated once, only the layers above trained; `full`: the images go through every layer. */
  path: 'features' | 'full';
  curve: EpochPoint[];
  /** [step, loss] of every training step. */
  losses: [number, number][];
  accuracy: number;
  perClass: number[];
  /** confusion[true][predicted] over the held-out images. */
  confusion: number[][];
  pred: Int32Array;
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
}

type Sets = { train: { x: Tensor; y: Tensor; count: number }; test: { x: Tensor; y: Tensor } };

/** The device tensors a run trains and evaluates on: a frozen base's features, or the images; null if stopped. */
async function prepare(tf: Tf, model: LayersModel, k: number, path: RunResult['path'], augment: boolean, seed: number, data: TaskData,
  gate: (phase: 'features', offset: number, whole: number) => Gate): Promise<Sets | null> {
  if (path === 'full') {
    const [train, test] = [upload(tf, data.train), upload(tf, data.test)];
    return { train: { ...train, count: data.train.count }, test };
  }
  const set = augment ? withShiftedCopies(data.train, FEATURE_COPIES, seed) : data.train;
  const whole = set.count + data.test.count;
  const fx = await computeFeatures(tf, model, set, k, gate('features', 0, whole));
  const tx = fx && (await computeFeatures(tf, model, data.test, k, gate('features', set.count, whole)));
  if (!fx || !tx) {
    fx?.dispose();
    return null;
  }
  const label = (l: ImageSet['labels']) => tf.tensor1d(Int32Array.from(l), 'int32');
  return { train: { x: fx, y: label(set.labels), count: set.count }, test: { x: tx, y: label(data.test.labels) } };
}

export class LabRun {
  private cancelled = false;
  private paused: { promise: Promise<void>; resolve: () => void } | null = null;
  private trainer: Trainer | null = null;
  private tf: Tf;
  private input: RunInput;

  constructor(tf: Tf, input: RunInput) {
    this.tf = tf;
    this.input = input;
  }

  pause(): void {
    if (this.paused) return;
    let resolve!: () => void;
    this.paused = { promise: new Promise((r) => (resolve = r)), resolve };
    this.trainer?.pause();
  }

  resume(): void {
    this.paused?.resolve();
    this.paused = null;
    this.trainer?.resume();
  }

  cancel(): void {
    this.cancelled = true;
    this.trainer?.cancel();
    this.resume();
  }

  private gate(phase: RunProgress['phase'], epoch: number, offset = 0, whole?: number): Gate {
    return async (done, total) => {
      this.input.onProgress?.({ phase, done: offset + done, total: whole ?? total, epoch, epochs: this.input.config.epochs });
      if (this.paused) await this.paused.promise;
      return !this.cancelled;
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
    const owned: Tensor[] = [];
    let head: LayersModel | null = null;
    const batchSize = batchFor(data.train.count);
    const curve: EpochPoint[] = [];
    let featureMs = 0;
    let trainMs = 0;
    let losses: [number, number][] = [];
    try {
      const prepared = await prepare(tf, model, k, path, config.augment, seed, data, (phase, offset, whole) => this.gate(phase, 0, offset, whole));
      featureMs = path === 'features' ? performance.now() - start : 0;
      if (prepared) owned.push(prepared.train.x, prepared.train.y, prepared.test.x, prepared.test.y);
      const train = prepared?.train ?? null;
      const test = prepared?.test ?? null;
      if (prepared && path === 'features') head = headModel(model, k, prepared.train.x.shape.slice(1));
      const net = head ?? model;
      const evaluate = async (epoch: number) => {
        const r = test && (await evaluateOn(tf, net, test.x, test.y, data.test.labels, this.gate('evaluating', epoch)));
        return r;
      };
      let last = train && (await evaluate(0));
      const point = (p: EpochPoint) => { curve.push(p); this.input.onEpoch?.(p); };
      if (last) point({ epoch: 0, trainLoss: null, testLoss: last.loss, testAccuracy: last.accuracy });
      if (last && train && !this.cancelled) {
        let epochStart = performance.now();
        let stepLosses: number[] = [];
        this.trainer = new Trainer(tf, net, train, {
          epochs: config.epochs, batchSize, seed, learningRate: config.lr, readEvery: 1,
          lrMultipliers: lrMultipliers(net, config.headLr),
          augment: path === 'full' && config.augment ? (xb, step) => shiftBatch(tf, xb, seed, step) : undefined,
          onProgress: (p) => {
            stepLosses.push(p.loss);
            this.input.onProgress?.({ phase: 'training', done: p.step, total: p.totalSteps, epoch: p.epoch + 1, epochs: config.epochs, loss: p.loss });
          },
          onEpochEnd: async (e) => {
            trainMs += performance.now() - epochStart;
            const r = await evaluate(e + 1);
            if (r) {
              last = r;
              point({ epoch: e + 1, trainLoss: stepLosses.reduce((a, b) => a + b, 0) / stepLosses.length, testLoss: r.loss, testAccuracy: r.accuracy });
            }
            stepLosses = [];
            epochStart = performance.now();
          },
        });
        if (this.cancelled) this.trainer.cancel();
        losses = (await this.trainer.run()).losses;
        if (head) copyHeadBack(head, model);
      }
      const sum = summarise(last?.pred ?? [], data.test.labels.slice(0, last?.pred.length ?? 0) as ArrayLike<number>, classes);
      const epochsDone = Math.max(1, curve.length - 1);
      const result: RunResult = {
        cancelled: this.cancelled, path, curve, losses, accuracy: last?.accuracy ?? NaN, perClass: sum.perClass, confusion: sum.confusion,
        pred: last?.pred ?? new Int32Array(0), msPerEpoch: trainMs / epochsDone, featureMs, totalMs: performance.now() - start, batchSize,
      };
      if (this.input.keepModel && !this.cancelled) result.model = model;
      return result;
    } finally {
      tf.dispose(owned);
      head?.dispose();
      if (!(this.input.keepModel && !this.cancelled)) model.dispose();
      this.trainer = null;
    }
  }
}
