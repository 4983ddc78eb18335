/**
 * "Which layers transfer": a pretrained model against a randomly initialised one of the same architecture —
 * their first-layer filters, their first block's feature maps on one digit, and a linear probe (probe.ts)
 * trained on each layer's features for a new task (digits 5–9) with a few labels, scored on held-out digits.
 * A raw-pixel probe is the baseline: a layer helps only where it beats the pixels.
 */
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import type { ImageSet } from '../train/batches.ts';
import { layerFeatures, type FeatureRows } from './layer-features.ts';
import { trainProbeSliced } from './probe.ts';
import { runSync, type Sliced } from '../schedule/slices.ts';
import { pickPerClass, subset } from './picks.ts';

export const PROBE_LAYERS = ['pool1', 'pool2', 'hidden'] as const;
export const MAP_LAYER = 'relu1';
/** The target task: digits 5–9, relabelled 0–4. */
export const TARGET_CLASSES = [5, 6, 7, 8, 9];
export const TEST_PER_CLASS = 50;
/** Labelled training digits loaded per class; the probe's picks are drawn from them (labels ≤ this). */
export const POOL_PER_CLASS = 100;

export interface ReuseData {
  /** Labelled pool of the target classes (train split) and held-out test digits of them (labels 5–9). */
  pool: ImageSet; test: ImageSet;
}

export interface LayerScore { layer: string; dim: number; accuracy: number; trainAccuracy: number }
export interface ModelView {
  /** conv1's kernel [3, 3, 1, filters] and the first block's maps for the digit [28, 28, filters] (after ReLU). */
  filters: { data: Float32Array; shape: number[] };
  maps: { data: Float32Array; shape: number[] };
}

/** conv1's kernel and the first block's output on one image. */
export async function modelView(tf: Tf, model: LayersModel, image: ImageSet): Promise<ModelView> {
  const kernel = model.getLayer('conv1').getWeights()[0]!;
  const maps = (await layerFeatures(tf, model, image, [MAP_LAYER], 1))[MAP_LAYER]!;
  return { filters: { data: Float32Array.from(await kernel.data()), shape: kernel.shape }, maps: { data: maps.data, shape: maps.shape } };
}

/** The labelled training picks for `labels` per class and `seed`, relabelled 0…4. */
export function probeTrainingSet(data: ReuseData, labels: number, seed: number): ImageSet {
  return subset(data.pool, pickPerClass(data.pool.labels, TARGET_CLASSES, labels, seed), (l) => TARGET_CLASSES.indexOf(l));
}

export function relabelledTest(data: ReuseData): ImageSet {
  return { ...data.test, labels: Uint8Array.from(data.test.labels as ArrayLike<number>, (l) => TARGET_CLASSES.indexOf(l)) };
}

/** Probe features of a model: each probe layer's rows for the given set. */
export function probeFeatures(tf: Tf, model: LayersModel, set: ImageSet): Promise<Record<string, FeatureRows>> {
  return layerFeatures(tf, model, set, [...PROBE_LAYERS]);
}

/** Raw pixels (0–1) as feature rows: the baseline probe. */
export function pixelRows(set: ImageSet): FeatureRows {
  const data = new Float32Array(set.images.length);
  for (let i = 0; i < data.length; i++) data[i] = set.images[i]! / 255;
  return { data, count: set.count, dim: 784, shape: [28, 28, 1] };
}

/** Trains a probe on `train` rows, scores it on `test` rows (labels 0…k−1). */
export function scoreLayer(layer: string, train: FeatureRows, trainLabels: ArrayLike<number>, test: FeatureRows, testLabels: ArrayLike<number>): LayerScore {
  return runSync(scoreLayerSliced(layer, train, trainLabels, test, testLabels));
}

/** `scoreLayer` as a sliced computation (the page stays responsive while a probe trains: src/lib/schedule/slices.ts). */
export function* scoreLayerSliced(layer: string, train: FeatureRows, trainLabels: ArrayLike<number>, test: FeatureRows, testLabels: ArrayLike<number>): Sliced<LayerScore> {
  const probe = yield* trainProbeSliced(train.data, train.count, train.dim, trainLabels, { classes: TARGET_CLASSES.length });
  const pred = yield* probe.predictSliced(test.data, test.count);
  let right = 0;
  for (let i = 0; i < test.count; i++) if (pred[i] === testLabels[i]) right++;
  return { layer, dim: train.dim, accuracy: right / test.count, trainAccuracy: probe.trainAccuracy };
}

/** Every probe layer of one model: features of the training picks and of the test set, probe, score. */
export function scoreModel(train: Record<string, FeatureRows>, trainLabels: ArrayLike<number>, test: Record<string, FeatureRows>, testLabels: ArrayLike<number>): LayerScore[] {
  return runSync(scoreModelSliced(train, trainLabels, test, testLabels));
}

export function* scoreModelSliced(train: Record<string, FeatureRows>, trainLabels: ArrayLike<number>, test: Record<string, FeatureRows>, testLabels: ArrayLike<number>): Sliced<LayerScore[]> {
  const scores: LayerScore[] = [];
  for (const l of PROBE_LAYERS) scores.push(yield* scoreLayerSliced(l, train[l]!, trainLabels, test[l]!, testLabels));
  return scores;
}
