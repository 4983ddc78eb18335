/**
 * `npx node scripts/experiments/augment-copies.mts [copies,…]`: the grid's "conv blocks frozen" arm (the
 * fine-tuning lab's default) with the lab's shift augmentation given more variety. On the frozen-base path the
 * lab — and the grid's `conv-frozen-augment` — adds FEATURE_COPIES (2) fixed shifted copies of each labelled
 * image, features computed once; full fine-tuning instead draws a fresh shift for every image at every step.
 * This script trains the arm exactly as src/lib/experiments/arm.ts does (same picks, schedule, learning rates
 * and seeds as `npm run experiments`) with 0, 2 and more copies, at 5 and 10 per class, for both tasks, and
 * prints test accuracy per seed: 0 and 2 copies reproduce the grid's `conv-frozen` and `conv-frozen-augment`.
 */
import { wasmGemm } from '../pretrain/wasm-gemm.ts';
import { TASKS, loadTask } from './tasks.ts';
import { buildSmallCnn } from '../../src/lib/models/small-cnn.ts';
import { cpuNetFromModel } from '../../src/lib/train/cpu/convert.ts';
import { CpuNet } from '../../src/lib/train/cpu/net.ts';
import { accuracy, fit, forwardAll, splitFrozen, startingNet, type Samples } from '../../src/lib/experiments/finetune.ts';
import { concatRows, firstRows } from '../../src/lib/experiments/arm.ts';
import { GRID_DEFAULTS, schedule } from '../../src/lib/experiments/budget.ts';
import { gatherScaled, stratifiedPick } from '../../src/lib/experiments/picks.ts';
import { STRATEGIES } from '../../src/lib/experiments/strategies.ts';
import { shiftedCopies } from '../../src/lib/transfer/augment.ts';

const copyCounts = (process.argv[2] ?? '0,2,29').split(',').map(Number);
const seeds = [1, 2, 3], perClass = [5, 10];
const { budget, learningRate, headMultiplier } = GRID_DEFAULTS;
const gemm = await wasmGemm();
const fresh = new Map<number, CpuNet>();
for (const seed of seeds) {
  const model = buildSmallCnn({ classes: 5, seed });
  fresh.set(seed, await cpuNetFromModel(model));
  model.dispose();
}

console.log(`conv blocks frozen (hidden and logits train), ${budget.minSteps}–${budget.maxSteps} Adam steps as in the grid; test accuracy % per seed ${seeds.join(', ')}`);
console.log('task                          n/class  copies   seeds                 mean');
for (const spec of TASKS) {
  const task = await loadTask(spec);
  const test = task.test as Samples;
  for (const n of perClass) {
    for (const copies of copyCounts) {
      const accs: number[] = [];
      for (const seed of seeds) {
        const all: Samples = { ...gatherScaled(task.pool, stratifiedPick(task.pool.labels, task.classes, 200, seed)), h: 28, w: 28 };
        const data = firstRows(all, n * task.classes);
        const net = startingNet(STRATEGIES['conv-frozen'], task.source, fresh.get(seed)!, gemm, seed);
        const { frozen, trained } = splitFrozen(net, gemm);
        const { batch, steps } = schedule(data.count, budget);
        let features = firstRows(forwardAll(frozen, all), data.count);
        if (copies > 0) {
          const px = data.h * data.w;
          const x = shiftedCopies(data.x.subarray(0, data.count * px), data.count, copies, seed, data.h, data.w).subarray(data.count * px);
          const labels = new Int32Array(data.count * copies).map((_, i) => data.labels[i % data.count]!);
          features = concatRows(features, forwardAll(frozen, { x, labels, count: labels.length, h: data.h, w: data.w }));
        }
        const head = new CpuNet(trained.ops);
        fit(head, features, { steps, batch, seed, learningRate, lrMultiplier: (layer) => (layer === 'logits' ? headMultiplier : 1) });
        accs.push(accuracy(head, forwardAll(frozen, test)));
      }
      const mean = accs.reduce((a, b) => a + b, 0) / accs.length;
      console.log(`${spec.title.padEnd(30)} ${String(n).padStart(6)} ${String(copies).padStart(7)}   ${accs.map((a) => (a * 100).toFixed(1).padStart(5)).join(' ')}   ${(mean * 100).toFixed(1).padStart(9)}`);
    }
  }
}
process.exit(0);
