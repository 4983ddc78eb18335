/**
 * `<fm-feature-reuse>`'s attributes: defaults and one parser each (shared by the element, its MDX shell and
 * scripts/transfer-figures.mts). A model name that is not shipped (yet) is refused with the list of those that are.
 */
import { parseInteger, parseKeyword } from '../params/index.ts';
import { MODEL_NAMES } from '../models/shipped.ts';

export interface ReuseSettings { model: string; digit: number; labels: number; seed: number }
export const REUSE_DEFAULTS: ReuseSettings = { model: 'digits04-cnn', digit: 7, labels: 10, seed: 1 };
export const REUSE_ATTRS = ['model', 'digit', 'labels', 'seed'] as const;
export type ReuseAttr = (typeof REUSE_ATTRS)[number];
export const REUSE_LIMITS = { digit: [0, 9], labels: [1, 50], seed: [1, 999_999] } as const;

export const REUSE_PARSE: Record<ReuseAttr, (raw: string) => Partial<ReuseSettings>> = {
  model: (raw) => ({ model: parseKeyword('model', raw, MODEL_NAMES) }),
  digit: (raw) => ({ digit: parseInteger('digit', raw, ...REUSE_LIMITS.digit) }),
  labels: (raw) => ({ labels: parseInteger('labels', raw, ...REUSE_LIMITS.labels) }),
  seed: (raw) => ({ seed: parseInteger('seed', raw, ...REUSE_LIMITS.seed) }),
};
