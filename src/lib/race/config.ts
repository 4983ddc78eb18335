/**
 * The loss race's settings: what a reader (attribute, URL, MDX prop) may choose, with one parser each, and
 * what is fixed — the network, the batch size, the validation and test sets — so every race is comparable.
 */
import { parseInteger } from '../params/integer.ts';
import { parseReal } from '../losses/params.ts';

export interface RaceConfig {
  /** Training images per class: the first N of each class of Fashion-MNIST's shipped training split (N ≤ TRAIN_MAX_PER_CLASS). */
  perClass: number;
  epochs: number;
  /** Seeds the initial weights (the same for both networks) and the batch order (the same for both). */
  seed: number;
  /** Adam's step size, the same for both networks. */
  learningRate: number;
}

export const DEFAULT_RACE: RaceConfig = { perClass: 20, epochs: 5, seed: 1, learningRate: 0.003 };

/**
 * The small CNN of src/lib/models/small-cnn.ts with few filters, so a race runs live even on a software GPU;
 * BatchNorm momentum 0.9, so the moving statistics validation uses keep up with a race of tens of steps
 * (with tfjs's 0.99 they would still be 60% their initial values after 50 steps).
 */
export const RACE_MODEL: RaceModel = { filters: [8, 16], hidden: 32, classes: 10, batchNormMomentum: 0.9 };

export interface RaceModel { filters: [number, number]; hidden: number; classes: number; batchNormMomentum?: number }
export const BATCH_SIZE = 20;
export const DATASET = 'fashion';
/**
 * The shipped training split holds 200 images per class. Training takes a prefix of at most the first 160 of
 * each class; the last 40 of each class (ranks 160–199, one 313 KB file) are the validation reserve, which no
 * race ever trains on.
 */
export const TRAIN_MAX_PER_CLASS = 160;
export const SHIPPED_TRAIN_PER_CLASS = 200;
/** Validation: a seeded, stratified draw of this many images per class from the reserve — the same for every race. */
export const VALIDATION_PER_CLASS = 20;
export const VALIDATION_SEED = 1;
/** Test: the first this many images of each class of the shipped test split, measured once, after the last epoch. */
export const TEST_PER_CLASS = 50;

export const LIMITS = {
  perClass: [2, TRAIN_MAX_PER_CLASS], // 2 × 10 classes = one batch of 20; above 160 per class the reserve starts
  epochs: [1, 50],
  seed: [0, 2 ** 31 - 1],
  learningRate: [1e-5, 1],
} as const;

export const RACE_ATTRS = ['per-class', 'epochs', 'seed', 'learning-rate'] as const;
export type RaceAttr = (typeof RACE_ATTRS)[number];
export const ATTR_KEY: Record<RaceAttr, keyof RaceConfig> = {
  'per-class': 'perClass', epochs: 'epochs', seed: 'seed', 'learning-rate': 'learningRate',
};

/** One parser per attribute; each throws a ParamError whose message names the attribute and the range. */
export const RACE_PARSERS: Record<RaceAttr, (raw: string) => number> = {
  'per-class': (raw) => parseInteger('per-class', raw, ...LIMITS.perClass),
  epochs: (raw) => parseInteger('epochs', raw, ...LIMITS.epochs),
  seed: (raw) => parseInteger('seed', raw, ...LIMITS.seed),
  'learning-rate': (raw) => parseReal('learning-rate', raw, ...LIMITS.learningRate, '0.003'),
};

/** Applies one attribute to a config; `null` restores the default. Throws ParamError for a refused value. */
export function withRaceAttribute(config: RaceConfig, name: RaceAttr, raw: string | null): RaceConfig {
  const key = ATTR_KEY[name];
  return { ...config, [key]: raw === null ? DEFAULT_RACE[key] : RACE_PARSERS[name](raw) };
}

/** Steps of one epoch: fixed batches, the remainder dropped (as the trainer does). */
export function raceSteps(config: RaceConfig): { perEpoch: number; total: number; trainCount: number } {
  const trainCount = config.perClass * RACE_MODEL.classes;
  const perEpoch = Math.floor(trainCount / BATCH_SIZE);
  return { perEpoch, total: perEpoch * config.epochs, trainCount };
}
