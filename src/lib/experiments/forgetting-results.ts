/**
 * The file `npm run forgetting` writes (src/data/forgetting.json) and the chapter renders at build time, and
 * the console table the script ends with. Everything needed to judge a number travels with it: each seed, the
 * budget, the L2-SP strengths, the command, date, hardware and wall time.
 */
import type { Budget } from './budget.ts';
import type { ForgettingArm, ForgettingRun, ForgettingSummary } from './forgetting.ts';
import { meanSd, percent, points } from './format.ts';

export interface ForgettingResults {
  format: 1;
  description: string;
  source: string;
  sourceClasses: number[];
  targetClasses: number[];
  sourceTestCount: number;
  targetTestCount: number;
  /** The source network's accuracy on its own test split before any fine-tuning. */
  before: number;
  perClass: number[];
  seeds: number[];
  alphas: number[];
  beta: number;
  arms: ForgettingArm[];
  budget: Budget & { rule: string };
  learningRate: number;
  headMultiplier: number;
  l2sp: string;
  batchNorm: string;
  runs: ForgettingRun[];
  summary: ForgettingSummary[];
  command: string;
  date: string;
  hardware: string;
  wallSeconds: number;
  cpuSeconds: number;
  loadAverage: number;
}

/** A row of the forgetting table by arm and label count, or a clear error. */
export function forgettingRow(results: ForgettingResults, arm: string, perClass: number): ForgettingSummary {
  const s = results.summary.find((r) => r.arm === arm && r.perClass === perClass);
  if (!s) throw new Error(`forgetting results: no arm "${arm}" at ${perClass} per class (have ${[...new Set(results.summary.map((r) => r.arm))].join(', ')} at ${results.perClass.join(', ')})`);
  return s;
}

export function forgettingTable(r: ForgettingResults): string {
  const cols = ['arm'.padEnd(40), 'n/class'.padStart(8), 'digits 5–9'.padStart(13), 'digits 0–4'.padStart(13), 'change 0–4'.padStart(12), '0–4, source BN'.padStart(15), '‖Δw‖²'.padStart(14)];
  const lines = [`\n${r.source} before fine-tuning: ${percent(r.before)} on the ${r.sourceTestCount} test digits 0–4`, cols.join(''), '-'.repeat(cols.join('').length)];
  for (const s of r.summary) {
    const label = r.arms.find((a) => a.id === s.arm)?.label ?? s.arm;
    lines.push([label.padEnd(40), String(s.perClass).padStart(8), meanSd(s.targetAccuracy.mean, s.targetAccuracy.sd).padStart(13), meanSd(s.sourceAccuracy.mean, s.sourceAccuracy.sd).padStart(13),
      points(s.forgetting.mean).padStart(12), meanSd(s.sourceAccuracySourceBn.mean, s.sourceAccuracySourceBn.sd).padStart(15), `${s.drift.mean.toFixed(3)} ± ${s.drift.sd.toFixed(3)}`.padStart(14)].join(''));
  }
  lines.push(`test accuracy in %, mean ± sd over seeds ${r.seeds.join(', ')}; digits 5–9 with the new head (${r.targetTestCount} test images), digits 0–4 with the original head (${r.sourceTestCount}); change in points from before fine-tuning`);
  return lines.join('\n');
}
