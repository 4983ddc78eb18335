/**
 * Re-running part of the experiments (`--only <task>`, `--strategies <ids>`) without losing the rest: the runs
 * kept from the results file are merged with the new ones, but only when the kept runs were made under the
 * settings the file will state — otherwise the merge is refused, naming the setting that differs. Each
 * invocation (command, date, wall and CPU time, which strategies it ran) is recorded with the task.
 */
import type { Budget } from './budget.ts';
import type { Invocation, TaskResult } from './results.ts';
import { summariseRuns, type RunRecord } from './stats.ts';
import { STRATEGIES, STRATEGY_IDS, headOnly as trainsHeadOnly, type StrategyId } from './strategies.ts';

/** What a run's number depends on, besides its strategy, label count and seed. */
export interface Settings { perClass: number[]; seeds: number[]; budget: Budget; learningRate: number; headMultiplier: number; headOnly?: { steps: number; learningRate: number } }

const headOnly = (id: string) => { const s = STRATEGIES[id as StrategyId]; return s ? trainsHeadOnly(s) : false; };

/** The first setting that differs in a way that matters for runs of `kept` strategies, or null. */
export function settingsDiffer(before: Settings, now: Settings, kept: readonly string[]): string | null {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const { epochs, minSteps, maxSteps, maxBatch } = before.budget;
  const n = now.budget;
  const checks: [string, unknown, unknown][] = [
    ['perClass', before.perClass, now.perClass], ['seeds', before.seeds, now.seeds],
    ['budget', [epochs, minSteps, maxSteps, maxBatch], [n.epochs, n.minSteps, n.maxSteps, n.maxBatch]],
    ['learningRate', before.learningRate, now.learningRate], ['headMultiplier', before.headMultiplier, now.headMultiplier],
  ];
  if (kept.some(headOnly)) checks.push(['headOnly', before.headOnly, now.headOnly]);
  return checks.find(([, a, b]) => !same(a, b))?.[0] ?? null;
}

/** A task as it stood in a file written before invocations were recorded: one invocation, all its strategies. */
export function invocationsOf(task: TaskResult): Invocation[] {
  if (task.invocations) return task.invocations;
  if (task.status !== 'done' || !task.command) return [];
  return [{ command: task.command, date: task.date!, wallSeconds: task.wallSeconds!, cpuSeconds: task.cpuSeconds, loadAverage: task.loadAverage, hardware: task.hardware!, strategies: [...new Set(task.runs?.map((r) => r.strategy))] as StrategyId[] }];
}

/** The task after this invocation: new runs plus the previous runs of the strategies not re-run now. */
export function mergeTask(previous: { task: TaskResult; settings: Settings } | null, now: { task: TaskResult; runs: RunRecord[]; ran: StrategyId[]; settings: Settings; invocation: Invocation }): TaskResult {
  const keptRuns = previous?.task.status === 'done' ? (previous.task.runs ?? []).filter((r) => !now.ran.includes(r.strategy as StrategyId)) : [];
  const kept = [...new Set(keptRuns.map((r) => r.strategy))];
  if (kept.length > 0) {
    const differs = settingsDiffer(previous!.settings, now.settings, kept);
    if (differs) throw new Error(`task ${now.task.id}: the file's ${kept.join(', ')} runs were made with a different ${differs}; re-run every strategy (omit --strategies)`);
  }
  const order = (r: RunRecord) => [STRATEGY_IDS.indexOf(r.strategy as StrategyId), r.perClass, r.seed];
  const runs = [...keptRuns, ...now.runs].sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
  });
  // Earlier invocations are credited only with the strategies whose runs survive.
  const earlier = kept.length > 0 ? invocationsOf(previous!.task).map((i) => ({ ...i, strategies: i.strategies.filter((s) => kept.includes(s)) })).filter((i) => i.strategies.length > 0) : [];
  const invocations = [...earlier, now.invocation];
  const sum = (k: 'wallSeconds' | 'cpuSeconds') => invocations.reduce((s, i) => s + (i[k] ?? 0), 0);
  return {
    ...now.task,
    bnShift: now.task.bnShift?.length ? now.task.bnShift : previous?.task.bnShift,
    runs, summary: summariseRuns(runs), invocations,
    wallSeconds: sum('wallSeconds'), cpuSeconds: sum('cpuSeconds'),
    hardware: now.invocation.hardware, date: now.invocation.date, command: now.invocation.command, loadAverage: now.invocation.loadAverage,
  };
}
