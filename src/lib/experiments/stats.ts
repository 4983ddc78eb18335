/**
 * Summaries of repeated runs: the mean and the sample standard deviation (n − 1 in the denominator, the
 * spread a reader should expect between seeds; 0 for a single run), grouped by configuration.
 */
export function mean(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('mean of no values');
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function sampleSd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}

export interface RunRecord { strategy: string; perClass: number; seed: number; accuracy: number; steps: number; batch: number; ms: number }
export interface ConfigSummary { strategy: string; perClass: number; mean: number; sd: number; n: number; seeds: number[]; accuracies: number[] }

/** One summary per (strategy, examples per class), in first-seen order; seeds listed with their accuracies. */
export function summariseRuns(runs: readonly RunRecord[]): ConfigSummary[] {
  const groups = new Map<string, RunRecord[]>();
  for (const r of runs) {
    const key = `${r.strategy}\u0000${r.perClass}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((rs) => {
    const sorted = [...rs].sort((a, b) => a.seed - b.seed);
    const accuracies = sorted.map((r) => r.accuracy);
    return { strategy: rs[0]!.strategy, perClass: rs[0]!.perClass, mean: mean(accuracies), sd: sampleSd(accuracies), n: rs.length, seeds: sorted.map((r) => r.seed), accuracies };
  });
}
