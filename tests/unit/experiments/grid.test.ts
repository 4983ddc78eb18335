/**
 * A whole experiment grid end to end on seeded synthetic data with a tiny version of the book's CNN (plain
 * TypeScript matrix products): the "source" learns bars at rows 4, 6, 8 as classes 0, 1, 2; the target task
 * names them the other way round (2, 1, 0), so a new head on the source's features can solve it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { cpuNetFromModel } from '../../../src/lib/train/cpu/convert.ts';
import type { CpuNet } from '../../../src/lib/train/cpu/net.ts';
import { runTask, type TaskData, type GridOptions } from '../../../src/lib/experiments/grid.ts';
import { fit, forwardAll, splitFrozen, startingNet, accuracy, cloneNet, outputWidth } from '../../../src/lib/experiments/finetune.ts';
import { trainArm } from '../../../src/lib/experiments/arm.ts';
import { gatherScaled, stratifiedPick } from '../../../src/lib/experiments/picks.ts';
import { STRATEGIES, STRATEGY_IDS, headOnly, runsAt, type StrategyId } from '../../../src/lib/experiments/strategies.ts';
import { FEATURE_COPIES, withShiftedCopies } from '../../../src/lib/transfer/augment.ts';
import { summariseRuns } from '../../../src/lib/experiments/stats.ts';
import { cpu, synthetic } from '../train/helpers.ts';

const tiny = async (classes: number, seed: number) => cpuNetFromModel(buildSmallCnn({ classes, seed, filters: [3, 4], hidden: 8 }));
const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
/** Bars at row 2c + 4 for class c, or labelled the other way round (`reversed`). */
const bars = (count: number, seed: number, reversed = false) => {
  const s = synthetic(count, 3, seed);
  return { images: s.images as Uint8Array, labels: Uint8Array.from(s.labels, (l) => (reversed ? 2 - l : l)), count };
};

let source: CpuNet;
let task: TaskData;
const fresh = new Map<number, CpuNet>();

beforeAll(async () => {
  await cpu();
  source = await tiny(3, 11);
  const src = bars(96, 5);
  fit(source, { ...gatherScaled(src, all(src.count)), h: 28, w: 28 }, { steps: 30, batch: 16, seed: 1, learningRate: 0.01 });
  const pool = bars(120, 6, true), test = bars(90, 7, true);
  task = {
    id: 'bars', target: 'bars, reversed labels', classes: 3, source, pool,
    test: { ...gatherScaled(test, all(test.count)), h: 28, w: 28 },
    unlabelled: { ...gatherScaled(pool, all(40)), h: 28, w: 28 },
  };
  for (const seed of [1, 2]) fresh.set(seed, await tiny(3, seed));
}, 120_000);

const options = (extra: Partial<GridOptions> = {}): GridOptions => ({
  strategies: STRATEGY_IDS, perClass: [1, 8], seeds: [1, 2], budget: { epochs: 10, minSteps: 12, maxSteps: 20, maxBatch: 16 },
  learningRate: 0.01, headMultiplier: 10, headOnly: { steps: 60, learningRate: 0.01 }, fresh: (s) => fresh.get(s)!, ...extra,
});

describe('runTask on synthetic bars', { timeout: 300_000 }, () => {
  it('runs every strategy × label count × seed, is reproducible, and leaves the source untouched', () => {
    const before = structuredClone(source.ops);
    const seen: number[] = [];
    const a = runTask(task, options({ onRun: (_, done) => seen.push(done) }));
    // The augmentation arms run at 5 and 10 per class only, so not here.
    const grid = STRATEGY_IDS.filter((id) => STRATEGIES[id].group === 'grid');
    expect(STRATEGY_IDS.filter((id) => runsAt(id, 1) && runsAt(id, 8))).toEqual(grid);
    expect(a.runs).toHaveLength(grid.length * 2 * 2);
    expect(seen).toEqual(a.runs.map((_, i) => i + 1));
    // Head-only runs train to their own step count; the others follow the budget (12 steps at these sizes).
    for (const r of a.runs) expect(r.steps, r.strategy).toBe(r.strategy.startsWith('feature-extraction') ? 60 : 12);
    expect(source.ops).toEqual(before);
    const summary = summariseRuns(a.runs);
    expect(summary).toHaveLength(grid.length * 2);
    expect(summary.every((c) => c.n === 2 && c.seeds.join() === '1,2')).toBe(true);
    const b = runTask(task, options());
    expect(b.runs.map((r) => r.accuracy)).toEqual(a.runs.map((r) => r.accuracy));
    // Every strategy learns the new labelling well above chance (1/3) with 8 labels per class.
    for (const id of grid) {
      expect(summary.find((c) => c.strategy === id && c.perClass === 8)!.mean, id).toBeGreaterThan(0.6);
    }
    // AdaBN measured a shift of each BatchNorm layer's statistics.
    expect(a.bnShift.map((s) => s.name)).toEqual(['bn1', 'bn2']);
    expect(a.bnShift.every((s) => s.meanShift > 0 && s.sdRatio > 0)).toBe(true);
  });

  it('shares from-scratch runs between tasks with the same target (they do not depend on the source)', () => {
    const cache = new Map();
    const first = runTask(task, options({ strategies: ['scratch'], scratchCache: cache }));
    const other = runTask({ ...task, id: 'other', source: null }, options({ strategies: ['scratch'], scratchCache: cache }));
    expect(other.runs).toEqual(first.runs);
    expect(cache.size).toBe(4);
  });

  it('feature extraction on cached features equals training the whole net with its base frozen', () => {
    const data = { ...gatherScaled(task.pool, stratifiedPick(task.pool.labels, 3, 4, 1)), h: 28, w: 28 };
    const o = { steps: 6, batch: 6, seed: 3, learningRate: 0.01 };
    const whole = startingNet(STRATEGIES['feature-extraction'], source, fresh.get(1)!);
    const split = splitFrozen(cloneNet(whole));
    expect(split.cacheable).toBe(true);
    const lossesWhole = fit(whole, data, o);
    const lossesSplit = fit(split.trained, forwardAll(split.frozen, data), o);
    lossesSplit.forEach((l, i) => expect(l).toBeCloseTo(lossesWhole[i]!, 5));
    expect(accuracy(split.trained, forwardAll(split.frozen, task.test))).toBe(accuracy(whole, task.test));
  });

  it('startingNet: frozen layers below firstTrained, a new head, and a clear error without a source', () => {
    const net = startingNet(STRATEGIES.partial, source, fresh.get(2)!);
    const trainable = net.ops.filter((op) => 'trainable' in op && op.trainable !== false).map((op) => op.name);
    expect(trainable).toEqual(['conv2', 'bn2', 'hidden', 'logits']);
    const head = net.ops.find((op) => op.name === 'logits')!;
    const freshHead = fresh.get(2)!.ops.find((op) => op.name === 'logits')!;
    expect(head).toEqual(freshHead);
    expect(head).not.toBe(freshHead);
    expect(() => startingNet(STRATEGIES.full, null, fresh.get(2)!)).toThrow(/needs a pretrained source/);
  });

  it('cut arms: the layers up to pool1 / pool2, flatten and a new linear head of the right width, only the head trains', () => {
    // Tiny net: 28×28 → conv1 (3) → pool1 14×14×3 = 588 → conv2 (4) → pool2 7×7×4 = 196.
    for (const [id, width, kept] of [['feature-extraction-pool1', 588, 'pool1'], ['feature-extraction-pool2', 196, 'pool2']] as const) {
      const net = startingNet(STRATEGIES[id], source, fresh.get(1)!, undefined, 1);
      const names = net.ops.map((op) => op.name);
      expect(names.slice(-4)).toEqual([kept, 'flatten', 'logits', 'probs']);
      expect(names.slice(0, -3)).toEqual(source.ops.slice(0, source.ops.findIndex((op) => op.name === kept) + 1).map((op) => op.name));
      expect(outputWidth(net.ops.slice(0, -2))).toBe(width);
      const head = net.ops.at(-2)!;
      if (head.kind !== 'dense') throw new Error('head is not dense');
      expect([head.kernel.length, head.bias.length, head.relu]).toEqual([width * 3, 3, false]);
      // Glorot-uniform from the seed: reproducible, within ±√(6 / (in + out)), different for another seed.
      expect(Math.max(...head.kernel.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / (width + 3)));
      expect(startingNet(STRATEGIES[id], source, fresh.get(1)!, undefined, 1).ops.at(-2)).toEqual(head);
      expect(startingNet(STRATEGIES[id], source, fresh.get(1)!, undefined, 2).ops.at(-2)).not.toEqual(head);
      expect(net.paramOps().map((p) => p.name)).toEqual(['logits']);
    }
    const lab = startingNet(STRATEGIES['conv-frozen'], source, fresh.get(1)!);
    expect(lab.paramOps().map((p) => p.name)).toEqual(['hidden', 'logits']);
    expect(lab.ops.find((op) => op.name === 'hidden')).toEqual(source.ops.find((op) => op.name === 'hidden'));
  });

  const newArms: StrategyId[] = ['feature-extraction-pool1', 'feature-extraction-pool2', 'conv-frozen', 'conv-frozen-augment', 'full-augment'];
  it.each(newArms)('%s: frozen weights bit-identical after training, trained ones moved, a seeded run reproducible', (id) => {
    const data = { ...gatherScaled(task.pool, stratifiedPick(task.pool.labels, 3, 5, 2)), h: 28, w: 28 };
    const run = () => {
      const net = startingNet(STRATEGIES[id], source, fresh.get(2)!, undefined, 2);
      const start = structuredClone(net.ops);
      const arm = trainArm(STRATEGIES[id], net, { data, seed: 2 }, options());
      return { arm, start, acc: arm.accuracy(task.test) };
    };
    const a = run(), b = run();
    const trained = new Set(a.arm.net.paramOps().map((p) => p.name));
    a.arm.net.ops.forEach((op, i) => {
      if (trained.has(op.name)) expect(op, op.name).not.toEqual(a.start[i]);
      // BatchNorm layers that trained get population statistics afterwards; frozen ones keep the source's.
      else expect(op, op.name).toEqual(a.start[i]);
    });
    expect(b.arm.net.ops).toEqual(a.arm.net.ops);
    expect(b.acc).toBe(a.acc);
    expect(a.arm.steps).toBe(headOnly(STRATEGIES[id]) ? 60 : 12);
    expect(a.acc).toBeGreaterThan(0.5);
  });

  it('full fine-tuning + shifts sees shifted batches: same seed, different weights than without', () => {
    const data = { ...gatherScaled(task.pool, stratifiedPick(task.pool.labels, 3, 5, 1)), h: 28, w: 28 };
    const [plain, shifted] = (['full', 'full-augment'] as const).map((id) => trainArm(STRATEGIES[id], startingNet(STRATEGIES[id], source, fresh.get(1)!), { data, seed: 1 }, options()));
    expect([shifted!.steps, shifted!.batch]).toEqual([plain!.steps, plain!.batch]);
    expect(shifted!.net.params()).not.toEqual(plain!.net.params());
  });

  it('conv blocks frozen + shifts trains on the lab’s shifted copies (withShiftedCopies), with the schedule of the labelled images', () => {
    const seed = 3;
    const idx = stratifiedPick(task.pool.labels, 3, 5, seed);
    const data = { ...gatherScaled(task.pool, idx), h: 28, w: 28 };
    const net = startingNet(STRATEGIES['conv-frozen-augment'], source, fresh.get(1)!);
    const twin = cloneNet(net);
    const arm = trainArm(STRATEGIES['conv-frozen-augment'], net, { data, seed }, options());
    // The lab's copies of the same uint8 images, through the whole network with its conv blocks frozen.
    const picked = { images: new Uint8Array(idx.length * 784), labels: new Uint8Array(idx.length), count: idx.length };
    idx.forEach((j, i) => { picked.images.set(task.pool.images.subarray(j * 784, (j + 1) * 784), i * 784); picked.labels[i] = task.pool.labels[j]!; });
    const copies = withShiftedCopies(picked, FEATURE_COPIES, seed);
    expect(copies.count).toBe(45);
    const all = { ...gatherScaled(copies as never, Int32Array.from({ length: 45 }, (_, i) => i)), h: 28, w: 28 };
    fit(twin, all, { steps: arm.steps, batch: arm.batch, seed, learningRate: 0.01, lrMultiplier: (l) => (l === 'logits' ? 10 : 1) });
    expect([arm.steps, arm.batch]).toEqual([12, 15]);
    const p = arm.net.params(), q = twin.params();
    p.forEach((a, i) => a.forEach((v, j) => expect(v).toBeCloseTo(q[i]![j]!, 4)));
  });
});
