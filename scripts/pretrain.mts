/**
 * `npm run pretrain -- <fashion-cnn|digits04-cnn> [--trainer auto|webgpu|cpu] [--smoke] [--epochs N] [--seed S] [--out DIR]`
 * Trains the book's small CNN with the book's own code in Node, evaluates it on the held-out test split with
 * tfjs and writes public/models/<name>/ (model.json, weights.bin, MODEL_CARD.md).
 * Trainers: `webgpu` — the browser's loop (src/lib/train/trainer.ts) on WebGPU through the `webgpu` package;
 * `cpu` — the same maths in plain TypeScript (src/lib/train/cpu/, checked against tfjs's gradients in the unit
 * tests) with tfjs-wasm's matrix products. `auto` (default) takes webgpu on a hardware GPU and cpu otherwise:
 * on SwiftShader the webgpu loop runs at ~3 img/s, the cpu one at ~150 (measured 2026-11-28, 2 cores).
 * --smoke: a few steps on a small synthetic set, written to a temporary folder (CI runs it so the script cannot rot).
 */
import { relaunchWithVulkan, getNodeEngine } from '../src/lib/engine/node.ts';
relaunchWithVulkan();
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { MODELS, loadSplits } from './pretrain/datasets.ts';
import { writeCard } from './pretrain/card.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const opt = (name: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined; };
const name = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--') || (i === 0 && !a.startsWith('--')));
const spec = name ? MODELS[name] : undefined;
if (!spec) {
  console.error(`usage: npm run pretrain -- <${Object.keys(MODELS).join('|')}> [--smoke] [--epochs N] [--seed S] [--out DIR]`);
  process.exit(2);
}
const smoke = flag('smoke');
const seed = Number(opt('seed') ?? 1);
const epochs = Number(opt('epochs') ?? (smoke ? 1 : spec.epochs));
const out = opt('out') ?? (smoke ? mkdtempSync(join(tmpdir(), `fm-pretrain-${spec.name}-`)) : join('public/models', spec.name));

const trainerFlag = opt('trainer') ?? 'auto';
if (!['auto', 'webgpu', 'cpu'].includes(trainerFlag)) {
  console.error(`--trainer must be auto, webgpu or cpu, not "${trainerFlag}"`);
  process.exit(2);
}
const engine = await getNodeEngine();
const gpuHardware = engine.adapter ? `${engine.adapter.description || engine.adapter.vendor} (${engine.adapter.vendor}/${engine.adapter.architecture}${engine.adapter.isSoftware ? ', software' : ''})` : `no WebGPU (${engine.fallbackReason})`;
const realGpu = engine.backend === 'webgpu' && !engine.adapter?.isSoftware;
const trainer = trainerFlag === 'auto' ? (realGpu ? 'webgpu' : 'cpu') : trainerFlag;
if (trainer === 'webgpu' && engine.backend !== 'webgpu') {
  console.error(`--trainer webgpu: WebGPU is not available here (${engine.fallbackReason})`);
  process.exit(1);
}
const { buildSmallCnn, parameterCount } = await import('../src/lib/models/small-cnn.ts');
const { train, evaluate, saveModel } = await import('../src/lib/train/index.ts');
const { dirWriter } = await import('../src/lib/train/node-files.ts');
let tf = engine.tf;
let hardware = gpuHardware;
let gemm: import('../src/lib/train/cpu/gemm.ts').Gemm | null = null;
if (trainer === 'cpu') {
  const { wasmGemm } = await import('./pretrain/wasm-gemm.ts');
  gemm = await wasmGemm(); // makes tfjs-wasm the backend: the model is built, evaluated and saved there
  tf = (await import('@tensorflow/tfjs-core')) as unknown as typeof tf;
  hardware = `${cpus()[0]?.model.trim() ?? 'CPU'}, one thread (WebGPU here: ${gpuHardware})`;
  if (trainerFlag === 'auto') console.log(`No hardware GPU (${gpuHardware}): training on the CPU path.`);
}
console.log(`${spec.name}: ${trainer} on ${hardware}`);

const splits = await loadSplits(spec, smoke);
const model = buildSmallCnn({ classes: spec.classes, seed, name: spec.name.replace(/-/g, '_') });
const trainOptions = {
  epochs, seed, batchSize: 64, learningRate: 0.001, readEvery: smoke ? 1 : 50, maxSteps: smoke ? 2 : undefined,
  onProgress: (p: { epoch: number; step: number; totalSteps: number; loss: number; imagesPerSecond: number }) =>
    console.log(`epoch ${p.epoch + 1} step ${p.step}/${p.totalSteps} loss ${p.loss.toFixed(4)} ${p.imagesPerSecond.toFixed(0)} img/s`),
};
const t0 = performance.now();
let result: { steps: number };
if (gemm) {
  const { cpuNetFromModel, copyCpuNetToModel } = await import('../src/lib/train/cpu/convert.ts');
  const { trainCpu, evaluateCpu } = await import('../src/lib/train/cpu/train.ts');
  const net = await cpuNetFromModel(model);
  net.useGemm(gemm);
  result = trainCpu(net, splits.train, trainOptions);
  copyCpuNetToModel(tf, net, model);
  const own = evaluateCpu(net, splits.test, spec.classes);
  console.log(`CPU net's own test accuracy ${(own.accuracy * 100).toFixed(2)}% (tfjs's follows)`);
} else {
  result = await train(tf, model, splits.train, trainOptions);
}
const wallS = (performance.now() - t0) / 1000;
const evaluation = await evaluate(tf, model, splits.test, spec.classes);
console.log(`test accuracy ${(evaluation.accuracy * 100).toFixed(2)}% on ${evaluation.count} images; ${result.steps} steps in ${wallS.toFixed(1)} s`);
const { bytes } = await saveModel(tf, model, dirWriter(out));
const command = `npm run pretrain -- ${argv.join(' ')}`;
await writeCard(out, { spec, params: parameterCount(model), bytes, seed, epochs, steps: result.steps, wallS, hardware, backend: trainer === 'cpu' ? 'the CPU path (src/lib/train/cpu/, tfjs-wasm matrix products)' : 'WebGPU (src/lib/train/trainer.ts)', evaluation, source: splits.source, command, smoke });
console.log(`wrote ${out}/model.json, weights.bin (${bytes} bytes), MODEL_CARD.md`);
model.dispose();
process.exit(0);
