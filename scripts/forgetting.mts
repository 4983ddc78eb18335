/**
 * `npm run forgetting [-- --per-class 10,50] [--seeds 1,2,3] [--alphas 0.01,0.1,1] [--beta 0.01] [--smoke] [--out FILE]`
 * Catastrophic forgetting and L2-SP on the CPU net (src/lib/train/cpu, tfjs-wasm matrix products, one thread):
 * fine-tune digits04-cnn on digits 5–9 exactly as `npm run experiments` does (same seeded picks, new head,
 * budget and learning rates: src/lib/experiments/arm.ts), then put the network's ORIGINAL digits 0–4 head back
 * on the fine-tuned base and test it on the whole shipped digits 0–4 test split. Arms: full fine-tuning, full
 * fine-tuning with L2-SP (Li, Grandvalet & Davoine 2018) at each α, and the fine-tuning lab's default (conv
 * blocks frozen). Writes src/data/forgetting.json (each seed, summaries, command, date, hardware, wall time).
 * --smoke: one seed, 5 per class, a few steps, to a temporary file (checks the pipeline, not a result).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { cpuHardware, cpuSecondsSince, loadAverages } from './experiments/machine.ts';
import { dirname, join } from 'node:path';
import { wasmGemm } from './pretrain/wasm-gemm.ts';
import { TASKS, digitsTest, loadTask } from './experiments/tasks.ts';
import { GRID_DEFAULTS, SMOKE_BUDGET, describeBudget } from '../src/lib/experiments/budget.ts';
import { accuracy, startingNet } from '../src/lib/experiments/finetune.ts';
import { firstRows, trainArm } from '../src/lib/experiments/arm.ts';
import { gatherScaled, stratifiedPick } from '../src/lib/experiments/picks.ts';
import { STRATEGIES } from '../src/lib/experiments/strategies.ts';
import { forgettingArms, pretrainedDrift, summariseForgetting, withHead, withStatisticsOf, type ForgettingRun } from '../src/lib/experiments/forgetting.ts';
import { forgettingTable, type ForgettingResults } from '../src/lib/experiments/forgetting-results.ts';
import { percent } from '../src/lib/experiments/format.ts';

const argv = process.argv.slice(2);
const opt = (name: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined; };
const list = (s: string | undefined, dflt: number[]) => (s ? s.split(',').map(Number) : dflt);
const smoke = argv.includes('--smoke');
const seeds = list(opt('seeds'), smoke ? [1] : [1, 2, 3]);
const perClass = list(opt('per-class'), smoke ? [5] : [10, 50]);
const alphas = list(opt('alphas'), [0.01, 0.1, 1]);
const beta = Number(opt('beta') ?? 0.01);
if ([...seeds, ...perClass].some((v) => !Number.isInteger(v) || v < 1) || [...alphas, beta].some((v) => !(v >= 0))) {
  console.error('--seeds and --per-class take comma-separated positive integers, --alphas and --beta non-negative numbers');
  process.exit(2);
}
const out = opt('out') ?? (smoke ? join(mkdtempSync(join(tmpdir(), 'fm-forgetting-')), 'forgetting.json') : 'src/data/forgetting.json');
const spec = TASKS.find((t) => t.id === 'digits04-to-digits59')!;
const sourceClasses = [0, 1, 2, 3, 4];
const budget = smoke ? SMOKE_BUDGET : GRID_DEFAULTS.budget;
const { learningRate, headMultiplier, headOnly } = GRID_DEFAULTS;

const gemm = await wasmGemm(); // also makes tfjs-wasm the backend that builds the random nets below
const { buildSmallCnn } = await import('../src/lib/models/small-cnn.ts');
const { cpuNetFromModel } = await import('../src/lib/train/cpu/convert.ts');
const hardware = cpuHardware();
const command = `npm run forgetting${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
console.log(`${command}\n${hardware}; load average ${loadAverages()}`);
console.log(`budget: ${describeBudget(budget)}; Adam lr ${learningRate}, new head ×${headMultiplier}; L2-SP α ${alphas.join(', ')}, β ${beta}`);

const t0 = performance.now(), cpu0 = process.cpuUsage();
const task = await loadTask(spec);
const source = task.source!;
const sourceTest = await digitsTest(sourceClasses);
const originalHead = structuredClone(source.ops.find((op) => op.name === 'logits')!);
source.useGemm(gemm);
const before = accuracy(source, sourceTest);
console.log(`${spec.source} before fine-tuning: ${percent(before)} on the ${sourceTest.count} test digits 0–4`);

const arms = forgettingArms(alphas, beta);
const runs: ForgettingRun[] = [];
const total = seeds.length * perClass.length * arms.length;
for (const seed of seeds) {
  const model = buildSmallCnn({ classes: task.classes, seed });
  const fresh = await cpuNetFromModel(model);
  model.dispose();
  // The grid's pick: nested over label counts, so n per class is the first n·classes images of the largest pick.
  const all = { ...gatherScaled(task.pool, stratifiedPick(task.pool.labels, task.classes, Math.max(...perClass), seed)), h: 28, w: 28 };
  for (const n of perClass) {
    for (const arm of arms) {
      const started = performance.now();
      const strategy = STRATEGIES[arm.strategy];
      const net = startingNet(strategy, source, fresh, gemm, seed);
      const trained = trainArm(strategy, net, { data: firstRows(all, n * task.classes), seed }, { budget, learningRate, headMultiplier, headOnly, gemm, ...(arm.l2sp ? { l2sp: arm.l2sp } : {}) });
      const back = withHead(trained.net, originalHead, gemm);
      const run: ForgettingRun = {
        arm: arm.id, perClass: n, seed,
        targetAccuracy: trained.accuracy(task.test),
        sourceAccuracy: accuracy(back, sourceTest),
        sourceAccuracySourceBn: accuracy(withStatisticsOf(back, source, gemm), sourceTest),
        drift: pretrainedDrift(trained.net, source),
        steps: trained.steps, batch: trained.batch, ms: Math.round(performance.now() - started),
      };
      runs.push(run);
      console.log(`  [${String(runs.length).padStart(2)}/${total}] ${arm.label.padEnd(40)} ${String(n).padStart(3)}/class seed ${seed}: 5–9 ${percent(run.targetAccuracy).padStart(6)}, 0–4 ${percent(run.sourceAccuracy).padStart(6)} (source BN statistics ${percent(run.sourceAccuracySourceBn).padStart(6)}), ‖Δw‖² ${run.drift.toFixed(3)}  (${(run.ms / 1000).toFixed(1)} s)`);
    }
  }
}

const cpuSeconds = Math.round(cpuSecondsSince(cpu0));
const results: ForgettingResults = {
  format: 1,
  description: `Catastrophic forgetting on the book's small CNN, made by scripts/forgetting.mts: ${spec.source} fine-tuned on digits 5–9 as in npm run experiments, then tested on the whole shipped digits 0–4 test split with its original head put back on the fine-tuned base.`,
  source: spec.source, sourceClasses, targetClasses: spec.targetClasses, sourceTestCount: sourceTest.count, targetTestCount: task.test.count,
  before, perClass, seeds, alphas, beta,
  arms: arms.map(({ id, label, strategy, l2sp }) => ({ id, label, strategy, ...(l2sp ? { l2sp } : {}) })),
  budget: { ...budget, rule: describeBudget(budget) }, learningRate, headMultiplier,
  l2sp: `Ω(w) = λ_SP/2·‖w − w⁰‖² over every pretrained array (conv kernels, BatchNorm γ and β, the hidden layer's kernel and bias; w⁰ = digits04-cnn's weights) + λ_head/2·‖w‖² over the new head's kernel and bias (λ_SP and λ_head are the paper's α and β, --alphas and --beta here), its gradient added to the cross-entropy's before each Adam step (src/lib/train/cpu/l2sp.ts).`,
  batchNorm: 'Trained BatchNorm layers get the population statistics of the labelled digits 5–9 after training (as in npm run experiments), and the digits 0–4 test runs with them; the column "source BN statistics" puts the digits04-cnn statistics back, to show how much of the loss is the statistics rather than the weights.',
  runs, summary: summariseForgetting(runs, before, arms.map((a) => a.id), perClass),
  command, date: new Date().toISOString(), hardware, wallSeconds: Math.round((performance.now() - t0) / 1000), cpuSeconds, loadAverage: loadavg()[2],
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 1)}\n`);
console.log(forgettingTable(results));
console.log(`\nwall time ${(results.wallSeconds / 60).toFixed(1)} min, CPU time ${(cpuSeconds / 60).toFixed(1)} min; load average now ${loadAverages()}; wrote ${out}`);
process.exit(0);
