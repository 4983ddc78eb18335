/**
 * `npx node scripts/experiments/head-convergence.mts [task index] [seed] [strategy]`: the pilot behind the
 * feature-extraction settings of `npm run experiments`. For one task, seed and cut (strategy
 * `feature-extraction`, the default, cuts at hidden; `feature-extraction-pool1` and `-pool2` lower) it trains a
 * new head on the frozen source's features for several step counts and learning rates, and prints training loss, training accuracy and test accuracy —
 * showing whether the head has converged (with 30–40 steps, the fine-tuning budget, it has not).
 */
import { wasmGemm } from '../pretrain/wasm-gemm.ts';
import { TASKS, loadTask } from './tasks.ts';
import { buildSmallCnn } from '../../src/lib/models/small-cnn.ts';
import { cpuNetFromModel } from '../../src/lib/train/cpu/convert.ts';
import { accuracy, fit, forwardAll, splitFrozen, startingNet } from '../../src/lib/experiments/finetune.ts';
import { firstRows } from '../../src/lib/experiments/grid.ts';
import { gatherScaled, stratifiedPick } from '../../src/lib/experiments/picks.ts';
import { STRATEGIES } from '../../src/lib/experiments/strategies.ts';

const spec = TASKS[Number(process.argv[2] ?? 0)]!;
const seed = Number(process.argv[3] ?? 2);
const strategyId = (process.argv[4] ?? 'feature-extraction') as keyof typeof STRATEGIES;
const strategy = STRATEGIES[strategyId];
if (!strategy || strategy.firstTrained !== 'logits' || strategy.adabn) throw new Error(`not a plain feature-extraction strategy: ${strategyId}`);
const gemm = await wasmGemm();
const task = await loadTask(spec);
const fresh = await cpuNetFromModel(buildSmallCnn({ classes: task.classes, seed }));
const picked = { ...gatherScaled(task.pool, stratifiedPick(task.pool.labels, task.classes, 200, seed)), h: 28, w: 28 };
const { frozen } = splitFrozen(startingNet(strategy, task.source, fresh, gemm, seed), gemm);
const features = forwardAll(frozen, picked), test = forwardAll(frozen, task.test);
console.log(`${spec.title}, seed ${seed}: a new head on frozen ${spec.source} features (${strategy.label})`);
console.log('per class  steps      lr   train loss  train acc  test acc');
for (const n of [1, 10, 200]) {
  for (const [steps, lr] of [[40, 0.01], [2000, 0.001], [2000, 0.003], [5000, 0.001]] as const) {
    const { trained } = splitFrozen(startingNet(strategy, task.source, fresh, gemm, seed), gemm);
    const data = firstRows(features, n * task.classes);
    const losses = fit(trained, data, { steps, batch: Math.min(32, data.count), seed, learningRate: lr });
    const tail = losses.slice(-20).reduce((a, b) => a + b, 0) / Math.min(20, losses.length);
    console.log(`${String(n).padStart(9)} ${String(steps).padStart(6)} ${String(lr).padStart(7)} ${tail.toFixed(3).padStart(12)} ${(accuracy(trained, data) * 100).toFixed(1).padStart(10)} ${(accuracy(trained, test) * 100).toFixed(1).padStart(9)}`);
  }
}
process.exit(0);
