/**
 * One domain-shift experiment on the engine: the digits model on clean and shifted test digits, then adapted
 * by AdaBN (unlabelled shifted training images) and by fine-tuning its dense layers (hidden, logits) on a few
 * labelled ones (a head trained on the frozen layers' outputs: src/lib/head). One forward pass per model and image set gives
 * the accuracy (logits) and the hidden layer's features for the PCA view.
 * Seeds: the test images' shift draws from `seed`, the target pool's from seed + 1, the labelled picks from
 * seed + 2; the Trainer's batch order from `seed`. The base model is never changed (adaptations use copies).
 */
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import { summarise, type Evaluation, type ImageSet, type Progress } from '../train/index.ts';
import { cloneModel } from '../transfer/clone.ts';
import { headOf, trainHead } from '../head/index.ts';
import { layerFeatures, type FeatureRows } from '../transfer/layer-features.ts';
import { pickPerClass, subset } from '../transfer/picks.ts';
import { adaptBatchNorm, type BnStatistics } from './adabn.ts';
import { applyShiftSliced, type Shift } from './transforms.ts';
import type { JobControl } from '../job/job.ts';
import { streamFeatures } from './stream.ts';
import { runSliced } from '../schedule/slices.ts';

export interface ShiftSettings { shift: Shift; strength: number; seed: number; images: number; labels: number }
export interface ShiftData { test: ImageSet; pool: ImageSet; classes: number }

/** Fine-tuning budget: a fixed number of Adam steps on the dense layers (hidden + logits), the layers below frozen. */
export const FINETUNE = { steps: 60, batchSize: 25, learningRate: 0.003, from: 'flatten' };
export const FEATURE_LAYER = 'hidden';
/** Test digits per class (the first of the 0–4 test split in packed order): accuracy and the PCA points. */
export const TEST_PER_CLASS = 50;

/** What one model computes on one image set: its accuracy and the hidden layer's rows. */
export interface Pass { evaluation: Evaluation; hidden: FeatureRows }
export interface ShiftOutcome {
  /** Base model on the shifted test digits; the AdaBN copy on them; the fine-tuned model on clean and shifted ones. */
  before: Pass; adabn: Pass; finetuned: { clean: Pass; shifted: Pass } | null;
  bn: BnStatistics[];
  finetuneSteps: number; finetuneLoss: number | null;
}

export interface Hooks {
  /** Called when AdaBN's numbers are in, before fine-tuning starts (the view can show them). */
  onPartial?: (o: ShiftOutcome) => void;
  onProgress?: (p: Progress) => void;
  /** The job the fine-tuning loop belongs to: the caller pauses or cancels it (e.g. the settings changed). */
  job?: JobControl;
  /** The base model's rows on the shifted test digits, when already computed (basePasses). */
  shifted?: Record<string, FeatureRows>;
}

/** The base model's accuracy on the first `count` of `total` shifted test digits, and on the clean ones (the same `count`, or all of them when known from an earlier run): a first picture. */
export interface Slice { count: number; total: number; source: Evaluation; before: Evaluation }

/**
 * The shifted test set and target pool for these settings (pure TS; the pool only when `withPool`), shifted in slices
 * of the main thread: the 500 test digits and 500 of the pool were one task of 20–50 ms on a phone-sized page here.
 */
export async function shiftedSets(data: ShiftData, s: ShiftSettings, withPool = true): Promise<{ test: ImageSet; pool: ImageSet | null }> {
  const test = { ...data.test, images: await runSliced(applyShiftSliced(data.test.images, data.test.count, s.shift, s.strength, s.seed)) };
  if (!withPool) return { test, pool: null };
  const pool = subset(data.pool, Array.from({ length: Math.min(s.images, data.pool.count) }, (_, i) => i));
  return { test, pool: { ...pool, images: await runSliced(applyShiftSliced(pool.images, pool.count, s.shift, s.strength, s.seed + 1)) } };
}

/** The base model on the clean test digits (the same for every shift: computed once, kept by the caller). */
export interface Clean { pass: Pass; flatten: FeatureRows }

export async function cleanPass(tf: Tf, base: LayersModel, data: ShiftData): Promise<Clean> {
  return cleanOf(await layerFeatures(tf, base, data.test, BASE_LAYERS), data);
}

const BASE_LAYERS = [FINETUNE.from, FEATURE_LAYER, 'logits'];
const cleanOf = (r: Record<string, FeatureRows>, data: ShiftData): Clean =>
  ({ pass: { evaluation: summarise(argmaxRows(r.logits!), data.test.labels, data.classes), hidden: r[FEATURE_LAYER]! }, flatten: r[FINETUNE.from]! });

/**
 * The base model on the clean test digits (unless `clean` is known) and on the shifted ones, batch by batch
 * (stream.ts: the same rows as cleanPass and runShift compute); `onSlice` after each batch but the last.
 */
export async function basePasses(tf: Tf, base: LayersModel, data: ShiftData, clean: Clean | null, s: ShiftSettings, onSlice?: (slice: Slice) => void):
  Promise<{ clean: Clean; shifted: Record<string, FeatureRows> }> {
  const { test } = await shiftedSets(data, s, false);
  const total = test.count;
  const accuracy = (logits: FeatureRows, count: number) =>
    summarise(argmaxRows(logits).subarray(0, count), test.labels.slice(0, count), data.classes);
  const rows = await streamFeatures(tf, base, clean ? [test] : [data.test, test], BASE_LAYERS, (r, count) => {
    if (count < total) onSlice?.({ count, total, source: clean ? clean.pass.evaluation : accuracy(r[0]!.logits!, count), before: accuracy(r.at(-1)!.logits!, count) });
  });
  return { clean: clean ?? cleanOf(rows[0]!, data), shifted: rows.at(-1)! };
}

/** Accuracy and hidden features of `model` on `set` (images, or feature rows for a head) in one pass. */
export async function pass(tf: Tf, model: LayersModel, set: ImageSet | FeatureRows, labels: ImageSet['labels'], classes: number): Promise<Pass> {
  const r = await layerFeatures(tf, model, set, [FEATURE_LAYER, 'logits']);
  return { evaluation: summarise(argmaxRows(r.logits!), labels, classes), hidden: r[FEATURE_LAYER]! };
}

export function argmaxRows(rows: FeatureRows): Int32Array {
  const out = new Int32Array(rows.count);
  for (let i = 0; i < rows.count; i++) {
    let best = 0;
    for (let c = 1; c < rows.dim; c++) if (rows.data[i * rows.dim + c]! > rows.data[i * rows.dim + best]!) best = c;
    out[i] = best;
  }
  return out;
}

export async function runShift(tf: Tf, base: LayersModel, data: ShiftData, clean: Clean, s: ShiftSettings, hooks: Hooks = {}): Promise<ShiftOutcome> {
  const sets = await shiftedSets(data, s);
  const test = sets.test, pool = sets.pool!;
  const shifted = hooks.shifted ?? await layerFeatures(tf, base, test, BASE_LAYERS);
  const before: Pass = { evaluation: summarise(argmaxRows(shifted.logits!), test.labels, data.classes), hidden: shifted[FEATURE_LAYER]! };
  const adapted = await cloneModel(base);
  let outcome: ShiftOutcome;
  try {
    const bn = await adaptBatchNorm(tf, adapted, pool);
    outcome = { before, adabn: await pass(tf, adapted, test, test.labels, data.classes), finetuned: null, bn, finetuneSteps: 0, finetuneLoss: null };
  } finally {
    adapted.dispose();
  }
  if (s.labels === 0) return outcome;
  hooks.onPartial?.(outcome);
  const labelled = subset(pool, pickPerClass(pool.labels, Array.from({ length: data.classes }, (_, c) => c), s.labels, s.seed + 2));
  const lab = await layerFeatures(tf, base, labelled, [FINETUNE.from]);
  const head = headOf(base, FINETUNE.from);
  try {
    for (const layer of head.layers) layer.trainable = true;
    const r = await trainHead(tf, head, { ...lab[FINETUNE.from]!, labels: labelled.labels }, {
      epochs: FINETUNE.steps, maxSteps: FINETUNE.steps, batchSize: Math.min(FINETUNE.batchSize, labelled.count),
      learningRate: FINETUNE.learningRate, seed: s.seed, readEvery: 5, onProgress: hooks.onProgress, job: hooks.job,
    });
    if (r.cancelled) return outcome;
    outcome = {
      ...outcome, finetuneSteps: r.steps, finetuneLoss: r.losses.at(-1)?.[1] ?? null,
      finetuned: { clean: await pass(tf, head, clean.flatten, data.test.labels, data.classes), shifted: await pass(tf, head, shifted[FINETUNE.from]!, test.labels, data.classes) },
    };
  } finally {
    head.dispose();
  }
  return outcome;
}
