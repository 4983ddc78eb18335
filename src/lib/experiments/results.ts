/**
 * The results file `npm run experiments` writes (src/data/experiments.json) and the chapter reads at build
 * time. Everything a reader needs to judge a number travels with it: the rule that chose the training budget,
 * the learning rates, each seed's accuracy, the hardware, the wall time, the command and the date.
 */
import type { Budget } from './budget.ts';
import type { ConfigSummary, RunRecord } from './stats.ts';
import type { StrategyId } from './strategies.ts';

/** One run of the script that contributed to a task's results. */
export interface Invocation { command: string; date: string; wallSeconds: number; cpuSeconds?: number; loadAverage?: number; hardware: string; strategies: StrategyId[] }

export interface TaskResult {
  id: string;
  title: string;
  source: string;
  sourceData: string;
  targetClasses: number[];
  status: 'done' | 'skipped';
  /** Why a task was skipped. */
  reason?: string;
  poolCount?: number;
  testCount?: number;
  unlabelledCount?: number;
  /** How far the target's BatchNorm input statistics sit from the source's (see bn-statistics.ts). */
  bnShift?: { name: string; meanShift: number; sdRatio: number }[];
  summary?: ConfigSummary[];
  runs?: RunRecord[];
  /** Every invocation whose runs the task holds (one unless strategies were re-run with --strategies). */
  invocations?: Invocation[];
  /** Totals over the invocations. */
  wallSeconds?: number;
  /** CPU time of the process while it ran this task (user + system): what one core would need unshared. */
  cpuSeconds?: number;
  /** The machine's 15-minute load average when the task ended (how shared the core was). */
  loadAverage?: number;
  hardware?: string;
  date?: string;
  command?: string;
}

export interface ExperimentResults {
  format: 1;
  description: string;
  perClass: number[];
  seeds: number[];
  /** In the order the tables list them; `group` says which table, `perClass` where an arm runs at fewer label counts. */
  strategies: { id: StrategyId; label: string; description: string; group?: 'grid' | 'augmentation'; baseline?: StrategyId; perClass?: number[] }[];
  budget: Budget & { rule: string };
  learningRate: number;
  headMultiplier: number;
  /** Head-only runs (feature extraction): steps and learning rate, see grid.ts. */
  headOnly?: { steps: number; learningRate: number };
  optimizer: string;
  /** How the "conv blocks frozen" arm matches the fine-tuning lab's default and where it differs. */
  labDefault?: string;
  /** The augmentation the augmented arms use. */
  augmentation?: string;
  batchNorm: string;
  tasks: TaskResult[];
}

/** The strategies of one table, in order (files written before groups existed hold only grid strategies). */
export function strategiesIn(results: ExperimentResults, group: 'grid' | 'augmentation'): ExperimentResults['strategies'] {
  return results.strategies.filter((s) => (s.group ?? 'grid') === group);
}

/** The summary of one configuration, or a clear error naming what is missing. */
export function configOf(results: ExperimentResults, taskId: string, strategy: StrategyId, perClass: number): ConfigSummary {
  const task = results.tasks.find((t) => t.id === taskId);
  if (!task) throw new Error(`no task "${taskId}" in the experiment results`);
  const s = task.summary?.find((c) => c.strategy === strategy && c.perClass === perClass);
  if (!s) throw new Error(`task "${taskId}" has no result for ${strategy} at ${perClass} per class (${task.status}${task.reason ? `: ${task.reason}` : ''})`);
  return s;
}
