/**
 * One domain-shift experiment on the engine: the digits model on clean and shifted test digits, then adapted
 * by AdaBN (unlabelled shifted training images) and by fine-tuning its head on a few labelled ones (the shared
 * Trainer), with the hidden layer's features of a fixed set of test digits for the PCA view.
 * Seeds: the test images' shift draws from `seed`, the target pool's from seed + 1, the labelled picks from
 * seed + 2; the Trainer's batch order from `seed`. The base model is never changed (adaptations work on copies).
 */
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import { predictClasses, summarise, Trainer, type Evaluation, type ImageSet, type Progress } from '../train/index.ts';
import { cloneModel } from '../transfer/clone.ts';
import { layerFeatures } from '../transfer/layer-features.ts';
import { pickPerClass, subset } from '../transfer/picks.ts';
import { adaptBatchNorm, type BnStatistics } from './adabn.ts';
import { applyShift, type Shift } from './transforms.ts';

export interface ShiftSettings { shift: Shift; strength: number; seed: number; images: number; labels: number }
export interface ShiftData { test: ImageSet; pool: ImageSet; classes: number }

/** Fine-tuning budget: a fixed number of steps on the head (hidden + logits), the rest frozen. */
export const FINETUNE = { steps: 40, batchSize: 25, learningRate: 0.003, layers: ['hidden', 'logits'] };
/** Test digits whose features the PCA shows (the first of the test split in packed order: balanced). */
export const PCA_POINTS = 250;
export const FEATURE_LAYER = 'hidden';

export interface Features { data: Float32Array; count: number; dim: number }
export interface ShiftOutcome {
  before: Evaluation; adabn: Evaluation; finetuned: Evaluation | null;
  bn: BnStatistics[];
  /** Hidden-layer features of the PCA digits: clean and shifted by the base model, shifted by the AdaBN copy (clean
   *  digits keep the source statistics), and both by the fine-tuned model (its hidden layer changed for both). */
  features: { source: Features; target: Features; adabn: Features; finetuned: { source: Features; target: Features } | null };
  pcaLabels: Uint8Array;
  finetuneSteps: number; finetuneLoss: number | null;
}

export interface Hooks {
  /** Called when AdaBN's numbers are in, before fine-tuning starts (the view can show them). */
  onPartial?: (o: ShiftOutcome) => void;
  onProgress?: (p: Progress) => void;
  /** Lets the caller cancel the fine-tuning (e.g. the settings changed). */
  onTrainer?: (t: Trainer) => void;
}

/** The shifted test set and target pool for these settings (pure TS; cheap enough to redo per run). */
export function shiftedSets(data: ShiftData, s: ShiftSettings): { test: ImageSet; pool: ImageSet } {
  const pool = subset(data.pool, Array.from({ length: Math.min(s.images, data.pool.count) }, (_, i) => i));
  return {
    test: { ...data.test, images: applyShift(data.test.images, data.test.count, s.shift, s.strength, s.seed) },
    pool: { ...pool, images: applyShift(pool.images, pool.count, s.shift, s.strength, s.seed + 1) },
  };
}

export async function evaluateOn(tf: Tf, model: LayersModel, set: ImageSet, classes: number): Promise<Evaluation> {
  return summarise(await predictClasses(tf, model, set), set.labels, classes);
}

export async function runShift(tf: Tf, base: LayersModel, data: ShiftData, s: ShiftSettings, hooks: Hooks = {}): Promise<ShiftOutcome> {
  const { test, pool } = shiftedSets(data, s);
  const pcaCount = Math.min(PCA_POINTS, test.count);
  const pcaSource: ImageSet = { ...data.test, count: pcaCount, images: data.test.images.subarray(0, pcaCount * 784), labels: Uint8Array.from(data.test.labels).subarray(0, pcaCount) };
  const pcaTarget: ImageSet = { ...pcaSource, images: test.images.subarray(0, pcaCount * 784) };
  const feats = async (m: LayersModel, set: ImageSet): Promise<Features> => (await layerFeatures(tf, m, set, [FEATURE_LAYER]))[FEATURE_LAYER]!;
  const before = await evaluateOn(tf, base, test, data.classes);
  const source = await feats(base, pcaSource);
  const target = await feats(base, pcaTarget);
  const adapted = await cloneModel(base);
  let outcome: ShiftOutcome;
  try {
    const bn = await adaptBatchNorm(tf, adapted, pool);
    outcome = {
      before, adabn: await evaluateOn(tf, adapted, test, data.classes), finetuned: null, bn,
      features: { source, target, adabn: await feats(adapted, pcaTarget), finetuned: null },
      pcaLabels: pcaSource.labels as Uint8Array, finetuneSteps: 0, finetuneLoss: null,
    };
  } finally {
    adapted.dispose();
  }
  if (s.labels === 0) return outcome;
  hooks.onPartial?.(outcome);
  const tuned = await cloneModel(base);
  try {
    for (const layer of tuned.layers) layer.trainable = FINETUNE.layers.includes(layer.name);
    const labelled = subset(pool, pickPerClass(pool.labels, Array.from({ length: data.classes }, (_, c) => c), s.labels, s.seed + 2));
    const trainer = new Trainer(tf, tuned, labelled, {
      epochs: FINETUNE.steps, maxSteps: FINETUNE.steps, batchSize: Math.min(FINETUNE.batchSize, labelled.count),
      learningRate: FINETUNE.learningRate, seed: s.seed, readEvery: 5, onProgress: hooks.onProgress,
    });
    hooks.onTrainer?.(trainer);
    const r = await trainer.run();
    if (r.cancelled) return outcome;
    outcome = {
      ...outcome, finetuned: await evaluateOn(tf, tuned, test, data.classes),
      features: { ...outcome.features, finetuned: { source: await feats(tuned, pcaSource), target: await feats(tuned, pcaTarget) } },
      finetuneSteps: r.steps, finetuneLoss: r.losses.at(-1)?.[1] ?? null,
    };
  } finally {
    tuned.dispose();
  }
  return outcome;
}
