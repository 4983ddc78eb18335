/**
 * The experiment grid for one target task: every strategy × labelled examples per class × seed, on the CPU
 * net, each run seeded end to end (the labelled pick, the new head or random initialisation, the batch order).
 * Pure: the caller loads the data and the networks and decides what to print (onRun).
 */
import type { Gemm } from '../train/cpu/gemm.ts';
import { CpuNet } from '../train/cpu/net.ts';
import { reestimateBatchNorm, statisticsShift } from '../train/cpu/bn-statistics.ts';
import { schedule, type Budget } from './budget.ts';
import { accuracy, cloneNet, fit, forwardAll, splitFrozen, startingNet, type Samples } from './finetune.ts';
import { gatherScaled, stratifiedPick } from './picks.ts';
import type { RunRecord } from './stats.ts';
import { STRATEGIES, type StrategyId } from './strategies.ts';

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
  const testFeatures = new Map<string, Samples>();
  const runs: RunRecord[] = [];
  const total = o.seeds.length * o.perClass.length * o.strategies.length;
  const most = Math.max(...o.perClass);
  for (const seed of o.seeds) {
    const fresh = o.fresh(seed);
    // Picks are nested: the pick for n per class is the first n·classes images of the largest pick.
    const all: Samples = { ...gatherScaled(task.pool, stratifiedPick(task.pool.labels, task.classes, most, seed)), h: task.test.h, w: task.test.w };
    const features = new Map<string, Samples>();
    for (const perClass of o.perClass) {
      const data = firstRows(all, perClass * task.classes);
      for (const id of o.strategies) {
        const key = `${task.target}|${perClass}|${seed}`;
        const cached = id === 'scratch' ? o.scratchCache?.get(key) : undefined;
        const run = cached ?? oneRun(id, adapted, task, data, fresh, seed, perClass, o, testFeatures, features, all);
        if (id === 'scratch') o.scratchCache?.set(key, run);
        runs.push(run);
        o.onRun?.(run, runs.length, total);
      }
    }
  }
  return { runs, bnShift: changes.map(statisticsShift) };
}

/** The first `n` samples (a view, no copy). */
export function firstRows(s: Samples, n: number): Samples {
  const px = s.h * s.w;
  return { x: s.x.subarray(0, n * px), labels: s.labels.subarray(0, n), count: n, h: s.h, w: s.w };
}

/** At most this many labelled images give a trained BatchNorm layer its population statistics. */
export const BN_IMAGES = 250;

function oneRun(id: StrategyId, adapted: CpuNet | null, task: TaskData, data: Samples, fresh: CpuNet, seed: number, perClass: number, o: GridOptions,
  testFeatures: Map<string, Samples>, pickFeatures: Map<string, Samples>, all: Samples): RunRecord {
  const strategy = STRATEGIES[id];
  const t0 = performance.now();
  const net = startingNet(strategy, strategy.adabn ? adapted : task.source, fresh, o.gemm);
  const { frozen, trained, cacheable } = splitFrozen(net, o.gemm);
  const { batch, steps } = cacheable ? { batch: Math.min(o.budget.maxBatch, data.count), steps: o.headOnly.steps } : schedule(data.count, o.budget);
  const fitOptions = cacheable
    ? { steps, batch, seed, learningRate: o.headOnly.learningRate }
    : { steps, batch, seed, learningRate: o.learningRate, lrMultiplier: (layer: string) => (layer === 'logits' ? o.headMultiplier : 1) };
  let acc: number;
  if (cacheable) {
    // Only dense layers train: run the frozen layers once (the test set's once per task and variant).
    const variant = strategy.adabn ? 'adabn' : 'source';
    if (!pickFeatures.has(variant)) pickFeatures.set(variant, forwardAll(frozen, all));
    // Products as small as 32×64 · 64×k run faster in plain TypeScript than through tfjs-wasm's per-call setup.
    const head = new CpuNet(trained.ops);
    fit(head, firstRows(pickFeatures.get(variant)!, data.count), fitOptions);
    if (!testFeatures.has(variant)) testFeatures.set(variant, forwardAll(frozen, task.test));
    acc = accuracy(head, testFeatures.get(variant)!);
  } else {
    fit(net, data, fitOptions);
    // Population statistics of (up to BN_IMAGES of) the labelled images for every BatchNorm layer that trained (see bn-statistics.ts).
    const trainedBn = new Set(net.ops.filter((op) => op.kind === 'bn' && op.trainable !== false).map((op) => op.name));
    const bnData = firstRows(data, Math.min(BN_IMAGES, data.count));
    reestimateBatchNorm(net, bnData.x, bnData.count, { h: data.h, w: data.w, gemm: o.gemm, only: (name) => trainedBn.has(name) });
    acc = accuracy(net, task.test);
  }
  return { strategy: id, perClass, seed, accuracy: acc, steps, batch, ms: Math.round(performance.now() - t0) };
}
