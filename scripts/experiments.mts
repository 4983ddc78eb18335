/**
 * `npm run experiments [-- --only <task id,…>] [--strategies <id,…>] [--seeds 1,2,3] [--per-class 1,5,10,50,200]
 *   [--lr 0.001] [--head-multiplier 10] [--head-steps 2000] [--smoke] [--out FILE]`
 * Seeded transfer-learning runs in Node on the CPU net (src/lib/train/cpu, tfjs-wasm matrix products, one
 * thread): strategies × labelled examples per class × seeds for each target task (scripts/experiments/tasks.ts),
 * evaluated on the whole shipped test split of the target classes. Writes src/data/experiments.json, which the
 * transfer-learning chapter renders. With --only, the other tasks already in the file are kept as they are; with
 * --strategies, the other strategies' runs of a task are kept if they were made under the same settings
 * (src/lib/experiments/merge.ts), and each invocation is recorded.
 * --smoke: one seed, 1 and 5 per class, a few steps, to a temporary file (checks the pipeline, not a result).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { cpuHardware, cpuSecondsSince, loadAverages } from './experiments/machine.ts';
import { dirname, join } from 'node:path';
import { wasmGemm } from './pretrain/wasm-gemm.ts';
import { TASKS, UNLABELLED, loadTask, missing, targetOf } from './experiments/tasks.ts';
import { table } from './experiments/report.ts';
import { GRID_DEFAULTS, SMOKE_BUDGET, describeBudget, type Budget } from '../src/lib/experiments/budget.ts';
import { BN_IMAGES, runTask } from '../src/lib/experiments/grid.ts';
import type { RunRecord } from '../src/lib/experiments/stats.ts';
import { STRATEGIES, STRATEGY_IDS, type StrategyId } from '../src/lib/experiments/strategies.ts';
import { mergeTask, settingsDiffer, type Settings } from '../src/lib/experiments/merge.ts';
import type { ExperimentResults, TaskResult } from '../src/lib/experiments/results.ts';
import { percent } from '../src/lib/experiments/format.ts';
import { FEATURE_COPIES } from '../src/lib/transfer/augment.ts';

const argv = process.argv.slice(2);
const opt = (name: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined; };
const list = (s: string | undefined, dflt: number[]) => (s ? s.split(',').map(Number) : dflt);
const smoke = argv.includes('--smoke');
const seeds = list(opt('seeds'), smoke ? [1] : [1, 2, 3]);
const perClass = list(opt('per-class'), smoke ? [1, 5] : [1, 5, 10, 50, 200]);
const only = opt('only')?.split(',');
const strategies = (opt('strategies')?.split(',') ?? STRATEGY_IDS) as StrategyId[];
if (strategies.some((id) => !STRATEGY_IDS.includes(id))) {
  console.error(`--strategies takes strategy ids: ${STRATEGY_IDS.join(', ')}`);
  process.exit(2);
}
const out = opt('out') ?? (smoke ? join(mkdtempSync(join(tmpdir(), 'fm-experiments-')), 'experiments.json') : 'src/data/experiments.json');
if (only?.some((id) => !TASKS.some((t) => t.id === id))) {
  console.error(`--only takes task ids: ${TASKS.map((t) => t.id).join(', ')}`);
  process.exit(2);
}
if ([...seeds, ...perClass].some((v) => !Number.isInteger(v) || v < 1)) {
  console.error('--seeds and --per-class take comma-separated positive integers');
  process.exit(2);
}

const budget: Budget = smoke ? SMOKE_BUDGET : GRID_DEFAULTS.budget;
const learningRate = Number(opt('lr') ?? GRID_DEFAULTS.learningRate), headMultiplier = Number(opt('head-multiplier') ?? GRID_DEFAULTS.headMultiplier);
const headOnly = smoke ? { steps: 5, learningRate: GRID_DEFAULTS.headOnly.learningRate } : { steps: Number(opt('head-steps') ?? GRID_DEFAULTS.headOnly.steps), learningRate: GRID_DEFAULTS.headOnly.learningRate };
if (!(learningRate > 0) || !(headMultiplier > 0)) {
  console.error('--lr and --head-multiplier take positive numbers');
  process.exit(2);
}
const gemm = await wasmGemm(); // also makes tfjs-wasm the backend that builds the random nets below
const { buildSmallCnn } = await import('../src/lib/models/small-cnn.ts');
const { cpuNetFromModel } = await import('../src/lib/train/cpu/convert.ts');
const hardware = cpuHardware();
const command = `npm run experiments${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
console.log(`${command}\n${hardware}; load average ${loadAverages()}`);
console.log(`budget: ${describeBudget(budget)}; Adam lr ${learningRate}, new head ×${headMultiplier}; head-only runs ${headOnly.steps} steps at ${headOnly.learningRate}`);

const fresh = new Map<number, Awaited<ReturnType<typeof cpuNetFromModel>>>();
for (const seed of seeds) {
  const model = buildSmallCnn({ classes: 5, seed });
  fresh.set(seed, await cpuNetFromModel(model));
  model.dispose();
}

const previous: ExperimentResults | null = (only || strategies.length < STRATEGY_IDS.length) && existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : null;
const settings: Settings = { perClass, seeds, budget, learningRate, headMultiplier, headOnly };
const previousSettings: Settings | null = previous ? { ...previous, budget: previous.budget } : null;
const scratchCache = new Map<string, RunRecord>();
// From-scratch runs depend only on the target, the seeds and the budget: reuse those of a task already in the
// file with the same target when they were made under the same settings.
const reusable = previousSettings && !settingsDiffer(previousSettings, settings, ['scratch']);
for (const t of reusable ? previous!.tasks : []) {
  for (const r of t.runs ?? []) if (r.strategy === 'scratch') scratchCache.set(`${targetOf(t.targetClasses)}|${r.perClass}|${r.seed}`, r);
}
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const tasks: TaskResult[] = [];
for (const spec of TASKS) {
  const base = { id: spec.id, title: spec.title, source: spec.source, sourceData: spec.sourceData, targetClasses: spec.targetClasses };
  const before = previous?.tasks.find((t) => t.id === spec.id);
  if (only && !only.includes(spec.id)) {
    tasks.push(before ?? { ...base, status: 'skipped', reason: 'not run (--only)' });
    continue;
  }
  const why = missing(spec);
  if (why) {
    console.log(`\n${spec.title}: SKIPPED — ${why}.`);
    tasks.push({ ...base, status: 'skipped', reason: why });
    continue;
  }
  const started = performance.now(), startedCpu = process.cpuUsage();
  const task = await loadTask(spec);
  console.log(`\n${spec.title}: source ${spec.source}; ${task.poolCount} target training images to pick from, ${task.test.count} test images`);
  const { runs, bnShift } = runTask(task, {
    strategies, perClass, seeds, budget, learningRate, headMultiplier, headOnly, gemm, scratchCache,
    fresh: (seed) => fresh.get(seed)!,
    onRun: (r, done, total) => {
      const min = (performance.now() - t0) / 60000;
      console.log(`  [${String(done).padStart(3)}/${total}] ${STRATEGIES[r.strategy as StrategyId].label.padEnd(38)} ${String(r.perClass).padStart(3)}/class seed ${r.seed}: ${percent(r.accuracy).padStart(6)}  (${r.steps} steps × ${r.batch}, ${(r.ms / 1000).toFixed(1)} s; ${min.toFixed(1)} min so far, ${(cpuSecondsSince(cpu0) / 60).toFixed(1)} min of CPU)`);
    },
  });
  const invocation = {
    command, date: new Date().toISOString(), wallSeconds: Math.round((performance.now() - started) / 1000),
    cpuSeconds: Math.round(cpuSecondsSince(startedCpu)), loadAverage: loadavg()[2], hardware, strategies,
  };
  const now = { ...base, status: 'done' as const, poolCount: task.poolCount, testCount: task.test.count, unlabelledCount: Math.min(UNLABELLED, task.poolCount), bnShift };
  tasks.push(mergeTask(before && previousSettings ? { task: before, settings: previousSettings } : null, { task: now, runs, ran: strategies, settings, invocation }));
}

const results: ExperimentResults = {
  format: 1,
  description: 'Seeded transfer-learning runs of the book\'s small CNN on the CPU net (src/lib/train/cpu), made by scripts/experiments.mts. Accuracy is on the whole shipped test split of the target classes.',
  perClass, seeds,
  strategies: STRATEGY_IDS.map((id) => {
    const { label, description, group, baseline, perClass: at } = STRATEGIES[id];
    return { id, label, description, group, ...(baseline ? { baseline } : {}), ...(at ? { perClass: [...at] } : {}) };
  }),
  budget: { ...budget, rule: describeBudget(budget) },
  learningRate, headMultiplier, headOnly,
  optimizer: `Adam (β₁ 0.9, β₂ 0.999, ε 1e-7) and softmax cross-entropy. Fine-tuning and training from scratch: learning rate ${learningRate} for every trained layer and ${learningRate * headMultiplier} for the new head, within the budget above. Feature extraction (at pool1, pool2 or hidden): a new linear head alone, ${headOnly.steps} steps at ${headOnly.learningRate} (trained to convergence on features computed once; cheaper than any fine-tuning run)`,
  labDefault: `"Conv blocks frozen" is the fine-tuning lab's default (src/lib/transfer/config.ts: freeze=conv2, lr 0.001, head-lr ×10, frozen BatchNorm layers keep the source statistics) with the grid's budget above; the lab itself trains 10 epochs in batches of at most 16 (at 10 per class: 40 steps of 12 images) and tests on 20 held-out images per class.`,
  augmentation: `The fine-tuning lab's augmentation (src/lib/transfer/augment.ts): each image moved by a seeded whole-pixel shift of up to ±2 in x and y, the border filled with background. Full fine-tuning shifts every training batch (shiftBatch's shifts, seed·7907 + step); with the conv blocks frozen, the head trains on the labelled images plus ${FEATURE_COPIES} shifted copies of each (withShiftedCopies), features computed once. Either way the run keeps the steps and batch size of its labelled images (the lab instead trains 10 epochs over the ${FEATURE_COPIES + 1}× larger set).`,
  batchNorm: `Trained BatchNorm layers normalise with batch statistics while training; afterwards their moving statistics are replaced by the population statistics of the labelled images (the first ${BN_IMAGES} when there are more; the momentum-0.99 averages would still mostly hold their starting values after a few dozen steps). Frozen BatchNorm layers keep the source statistics, except in AdaBN, which re-estimates them on unlabelled target images before training the head.`,
  tasks,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 1)}\n`);
console.log(table(results));
console.log(`\nwall time ${((performance.now() - t0) / 60000).toFixed(1)} min, CPU time ${(cpuSecondsSince(cpu0) / 60).toFixed(1)} min; load average now ${loadAverages()}; wrote ${out}`);
process.exit(0);
