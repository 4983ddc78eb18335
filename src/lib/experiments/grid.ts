/**
 * The experiment grid for one target task: every strategy × labelled examples per class × seed, on the CPU
 * net, each run seeded end to end (the labelled pick, the new head or random initialisation, the batch order).
 * Pure: the caller loads the data and the networks and decides what to print (onRun).
 */
import type { Gemm } from '../train/cpu/gemm.ts';
import type { CpuNet } from '../train/cpu/net.ts';
import { reestimateBatchNorm, statisticsShift } from '../train/cpu/bn-statistics.ts';
import type { Budget } from './budget.ts';
import { cloneNet, forwardAll, startingNet, type Samples } from './finetune.ts';
import { firstRows, trainArm, type FeatureSource } from './arm.ts';
import { gatherScaled, stratifiedPick } from './picks.ts';
import type { RunRecord } from './stats.ts';
import { STRATEGIES, runsAt, type StrategyId } from './strategies.ts';

export { BN_IMAGES } from './arm.ts';
export { firstRows };

/** Target images with labels 0…k−1 (uint8 pixels), as packed. */
export interface Pool { images: Uint8Array; labels: Uint8Array; count: number }

export interface TaskData {
  id: string;
  /** Tasks with the same target share their from-scratch runs (they do not depend on the source). */
  target: string;
  classes: number;
  source: CpuNet | null;
  /** Labelled examples are picked from here. */
  pool: Pool;
  test: Samples;
  /** Target images whose labels are never used: what AdaBN re-estimates BatchNorm statistics on. */
  unlabelled: Samples;
}

export interface GridOptions {
  strategies: StrategyId[];
  perClass: number[];
  seeds: number[];
  budget: Budget;
  learningRate: number;
  /** The new head's learning rate is learningRate × headMultiplier when layers below it train too. */
  headMultiplier: number;
  /**
   * Runs that train only the head (feature extraction) on features computed once: trained to convergence, with
   * their own step count and learning rate — a few thousand steps of a 64 → k layer cost less than one
   * fine-tuning run's forward passes, and the fine-tuning budget leaves such a head far from converged.
   */
  headOnly: { steps: number; learningRate: number };
  /** A randomly initialised net of the source's architecture with the target's classes, one per seed. */
  fresh: (seed: number) => CpuNet;
  gemm?: Gemm;
  onRun?: (run: RunRecord, done: number, total: number) => void;
  /** From-scratch results by `${target}|${perClass}|${seed}`, reused across tasks with the same target. */
  scratchCache?: Map<string, RunRecord>;
}

export interface TaskRuns { runs: RunRecord[]; bnShift: { name: string; meanShift: number; sdRatio: number }[] }

export function runTask(task: TaskData, o: GridOptions): TaskRuns {
  const adapted = task.source && o.strategies.some((s) => STRATEGIES[s].adabn) ? cloneNet(task.source, o.gemm) : null;
  const changes = adapted ? reestimateBatchNorm(adapted, task.unlabelled.x, task.unlabelled.count, { gemm: o.gemm }) : [];
  const testFeatures = cached(task.test);
  const runs: RunRecord[] = [];
  const total = o.seeds.length * o.perClass.reduce((sum, n) => sum + o.strategies.filter((id) => runsAt(id, n)).length, 0);
  const most = Math.max(...o.perClass);
  for (const seed of o.seeds) {
    const fresh = o.fresh(seed);
    // Picks are nested: the pick for n per class is the first n·classes images of the largest pick.
    const all: Samples = { ...gatherScaled(task.pool, stratifiedPick(task.pool.labels, task.classes, most, seed)), h: task.test.h, w: task.test.w };
    const picks = cached(all);
    for (const perClass of o.perClass) {
      const data = firstRows(all, perClass * task.classes);
      for (const id of o.strategies.filter((s) => runsAt(s, perClass))) {
        const key = `${task.target}|${perClass}|${seed}`;
        const reused = id === 'scratch' ? o.scratchCache?.get(key) : undefined;
        const run = reused ?? oneRun(id, adapted, task, data, fresh, seed, perClass, o, testFeatures, picks);
        if (id === 'scratch') o.scratchCache?.set(key, run);
        runs.push(run);
        o.onRun?.(run, runs.length, total);
      }
    }
  }
  return { runs, bnShift: changes.map(statisticsShift) };
}

/** Features of `samples` through a frozen net, computed once per key. */
function cached(samples: Samples): FeatureSource {
  const done = new Map<string, Samples>();
  return (key, frozen) => {
    if (!done.has(key)) done.set(key, forwardAll(frozen, samples));
    return done.get(key)!;
  };
}

function oneRun(id: StrategyId, adapted: CpuNet | null, task: TaskData, data: Samples, fresh: CpuNet, seed: number, perClass: number, o: GridOptions,
  testFeatures: FeatureSource, picks: FeatureSource): RunRecord {
  const strategy = STRATEGIES[id];
  const t0 = performance.now();
  const net = startingNet(strategy, strategy.adabn ? adapted : task.source, fresh, o.gemm, seed);
  const variant = strategy.adabn ? 'adabn' : 'source';
  const arm = trainArm(strategy, net, { data, seed, picks, testFeatures, variant }, o);
  const acc = arm.accuracy(task.test);
  return { strategy: id, perClass, seed, accuracy: acc, steps: arm.steps, batch: arm.batch, ms: Math.round(performance.now() - t0) };
}
