/**
 * The with/without-augmentation comparison as rows: each augmented arm beside its baseline at the label counts
 * it ran, and the difference of means with the difference seed by seed (the two runs of a seed share their
 * labelled images, their new head and their batch order, so the pairs isolate the augmentation).
 */
import type { ExperimentResults, TaskResult } from './results.ts';
import type { ConfigSummary } from './stats.ts';
import type { StrategyId } from './strategies.ts';

export interface AugmentationCell {
  perClass: number;
  without?: ConfigSummary;
  with?: ConfigSummary;
  /** with − without: of the means, and per seed (seeds in `with.seeds` order); absent unless both ran with the same seeds. */
  delta?: { mean: number; bySeed: number[] };
}

export interface AugmentationRow {
  with: { id: StrategyId; label: string };
  without: { id: StrategyId; label: string };
  cells: AugmentationCell[];
}

export function augmentationRows(results: ExperimentResults, task: TaskResult): AugmentationRow[] {
  const find = (id: string, n: number) => task.summary?.find((c) => c.strategy === id && c.perClass === n);
  return results.strategies.filter((s) => s.group === 'augmentation' && s.baseline).map((s) => {
    const base = results.strategies.find((b) => b.id === s.baseline);
    if (!base) throw new Error(`augmented arm ${s.id}: its baseline ${s.baseline} is not among the strategies`);
    const cells = (s.perClass ?? results.perClass).filter((n) => results.perClass.includes(n)).map((perClass): AugmentationCell => {
      const [w, wo] = [find(s.id, perClass), find(base.id, perClass)];
      const paired = w && wo && w.seeds.join() === wo.seeds.join();
      return { perClass, with: w, without: wo, ...(paired ? { delta: { mean: w.mean - wo.mean, bySeed: w.accuracies.map((a, i) => a - wo.accuracies[i]!) } } : {}) };
    });
    return { with: { id: s.id, label: s.label }, without: { id: base.id, label: base.label }, cells };
  });
}
