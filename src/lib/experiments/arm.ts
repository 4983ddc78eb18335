/**
 * One run of one strategy ("arm") on its labelled images: the schedule it gets, the frozen-base shortcut, the
 * lab's augmentation, the optional L2-SP penalty and the BatchNorm statistics afterwards. Shared by the grid
 * (grid.ts) and the forgetting experiment (scripts/forgetting.mts), which needs the trained network itself.
 */
import type { Gemm } from '../train/cpu/gemm.ts';
import { CpuNet } from '../train/cpu/net.ts';
import { reestimateBatchNorm } from '../train/cpu/bn-statistics.ts';
import { l2spTerm } from '../train/cpu/l2sp.ts';
import { FEATURE_COPIES, shiftBatchArray, shiftedCopies } from '../transfer/augment.ts';
import { schedule, type Budget } from './budget.ts';
import { accuracy, fit, forwardAll, splitFrozen, type FitOptions, type Samples } from './finetune.ts';
import { headOnly, type Strategy } from './strategies.ts';

export interface ArmOptions {
  budget: Budget;
  learningRate: number;
  /** The new head's learning rate is learningRate × headMultiplier when layers below it train too. */
  headMultiplier: number;
  /** Steps and learning rate of runs that train a new head alone (see grid.ts). */
  headOnly: { steps: number; learningRate: number };
  gemm?: Gemm;
  /** L2-SP strengths: α pulls every pretrained layer toward its start, β decays the new head (`logits`). */
  l2sp?: { alpha: number; beta: number };
}

/** Features of the frozen layers, computed once per key (`frozen` is what produces them). */
export type FeatureSource = (key: string, frozen: CpuNet) => Samples;

export interface ArmRun {
  /** The labelled images (scaled); features are their first rows when `picks` is given. */
  data: Samples;
  seed: number;
  /** Frozen-base features of a superset of `data` (its first rows are `data`'s) and of the test images. */
  picks?: FeatureSource;
  testFeatures?: FeatureSource;
  /** Names the frozen weights (e.g. `source`, `adabn`): runs with the same variant and frozen depth share features. */
  variant?: string;
}

/** At most this many labelled images give a trained BatchNorm layer its population statistics. */
export const BN_IMAGES = 250;

export interface TrainedArm {
  /** The whole trained network (its head's weights included when only the head trained on features). */
  net: CpuNet;
  steps: number;
  batch: number;
  /** Test accuracy, on cached features when the base is frozen. */
  accuracy: (test: Samples) => number;
}

/** Trains `net` (a `startingNet` of `strategy`) in place. */
export function trainArm(strategy: Strategy, net: CpuNet, run: ArmRun, o: ArmOptions): TrainedArm {
  const { data, seed } = run;
  const { frozen, trained, cacheable } = splitFrozen(net, o.gemm);
  const head = headOnly(strategy);
  // Augmented runs keep the schedule of their labelled images: the comparison is about what the steps see.
  const { batch, steps } = head ? { batch: Math.min(o.budget.maxBatch, data.count), steps: o.headOnly.steps } : schedule(data.count, o.budget);
  const fitOptions: FitOptions = head
    ? { steps, batch, seed, learningRate: o.headOnly.learningRate }
    : { steps, batch, seed, learningRate: o.learningRate, lrMultiplier: (layer) => (layer === 'logits' ? o.headMultiplier : 1) };
  if (!cacheable) {
    if (o.l2sp) fitOptions.l2sp = l2spTerm(net, o.l2sp.alpha, o.l2sp.beta, (layer) => layer !== 'logits');
    if (strategy.augment) fitOptions.augment = (x, n, step) => shiftBatchArray(x, n, seed, step, data.h, data.w);
    fit(net, data, fitOptions);
    // Population statistics of (up to BN_IMAGES of) the labelled images for every BatchNorm layer that trained (see bn-statistics.ts).
    const trainedBn = new Set(net.ops.filter((op) => op.kind === 'bn' && op.trainable !== false).map((op) => op.name));
    const bnData = { ...data, count: Math.min(BN_IMAGES, data.count) };
    reestimateBatchNorm(net, bnData.x, bnData.count, { h: data.h, w: data.w, gemm: o.gemm, only: (name) => trainedBn.has(name) });
    return { net, steps, batch, accuracy: (test) => accuracy(net, test) };
  }
  // Only dense layers train: run the frozen layers once (the test set's once per task and key). Products as
  // small as 32×64 · 64×k run faster in plain TypeScript than through tfjs-wasm's per-call setup.
  const key = `${run.variant ?? 'source'}|${frozen.ops.length}`;
  let features = run.picks ? firstRows(run.picks(key, frozen), data.count) : forwardAll(frozen, data);
  if (strategy.augment) {
    // The lab's frozen-base path: the labelled images plus FEATURE_COPIES seeded shifted copies of each.
    const px = data.h * data.w;
    const copies = shiftedCopies(data.x.subarray(0, data.count * px), data.count, FEATURE_COPIES, seed, data.h, data.w).subarray(data.count * px);
    const labels = new Int32Array(data.count * FEATURE_COPIES).map((_, i) => data.labels[i % data.count]!);
    features = concatRows(features, forwardAll(frozen, { x: copies, labels, count: labels.length, h: data.h, w: data.w }));
  }
  const headNet = new CpuNet(trained.ops);
  if (o.l2sp) fitOptions.l2sp = l2spTerm(headNet, o.l2sp.alpha, o.l2sp.beta, (layer) => layer !== 'logits');
  fit(headNet, features, fitOptions);
  return { net, steps, batch, accuracy: (test) => accuracy(headNet, run.testFeatures ? run.testFeatures(key, frozen) : forwardAll(frozen, test)) };
}

/** The first `n` samples (a view, no copy). */
export function firstRows(s: Samples, n: number): Samples {
  const px = s.h * s.w;
  return { x: s.x.subarray(0, n * px), labels: s.labels.subarray(0, n), count: n, h: s.h, w: s.w };
}

/** Rows of `a` then rows of `b` (same width). */
export function concatRows(a: Samples, b: Samples): Samples {
  if (a.h * a.w !== b.h * b.w) throw new Error(`rows of ${a.h * a.w} and ${b.h * b.w} values cannot be stacked`);
  const x = new Float32Array(a.x.length + b.x.length);
  x.set(a.x);
  x.set(b.x, a.x.length);
  const labels = new Int32Array(a.count + b.count);
  labels.set(a.labels);
  labels.set(b.labels, a.count);
  return { x, labels, count: a.count + b.count, h: a.h, w: a.w };
}
