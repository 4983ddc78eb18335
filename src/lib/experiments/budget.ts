/**
 * The training budget of one run, the same rule for every label count: batch = min(maxBatch, examples), and
 * `epochs` passes over the labelled set, but never fewer than `minSteps` Adam steps (one image per class
 * would otherwise get a handful of updates) nor more than `maxSteps` (large sets would otherwise cost far
 * more compute than small ones, and the experiment has to fit on one CPU core).
 */
import type { Lang } from '../i18n/locales.ts';
import { t } from '../i18n/t.ts';

export interface Budget { epochs: number; minSteps: number; maxSteps: number; maxBatch: number }

export interface Schedule { batch: number; steps: number; epochs: number }

export function schedule(count: number, b: Budget): Schedule {
  if (count < 1) throw new Error('no labelled examples to train on');
  const batch = Math.min(b.maxBatch, count);
  const perEpoch = Math.floor(count / batch);
  const steps = Math.min(b.maxSteps, Math.max(b.minSteps, b.epochs * perEpoch));
  return { batch, steps, epochs: (steps * batch) / count };
}

/** The rule in words, for the results file (English) and the chapter (the page's language). */
export function describeBudget(b: Budget, lang: Lang = 'en'): string {
  // The numbers as the scripts' settings write them (ungrouped), the same in both languages.
  return t(lang, 'results.budget', { maxBatch: String(b.maxBatch), epochs: String(b.epochs), minSteps: String(b.minSteps), maxSteps: String(b.maxSteps) });
}

/** The grid's settings (`npm run experiments` without flags), shared by the scripts that reuse its runs. */
export const GRID_DEFAULTS = {
  budget: { epochs: 20, minSteps: 30, maxSteps: 40, maxBatch: 32 } satisfies Budget,
  learningRate: 0.001,
  headMultiplier: 10,
  headOnly: { steps: 2000, learningRate: 0.003 },
};

/** A few steps: checks a pipeline, measures nothing. */
export const SMOKE_BUDGET: Budget = { epochs: 2, minSteps: 2, maxSteps: 3, maxBatch: 32 };
