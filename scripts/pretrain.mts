/**
 * `npm run pretrain -- <fashion-cnn|digits04-cnn> [--smoke] [--epochs N] [--seed S] [--out DIR]`
 * Trains the book's small CNN with the book's own training loop in Node on WebGPU (the `webgpu` package: a
 * real GPU where one is present, SwiftShader otherwise), evaluates it on the held-out test split and writes
 * public/models/<name>/ (model.json, weights.bin, MODEL_CARD.md). --smoke: a few steps on a small synthetic set,
 * written to a temporary folder (CI runs it so the script cannot rot).
 */
import { relaunchWithVulkan, getNodeEngine } from '../src/lib/engine/node.ts';
relaunchWithVulkan();
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const engine = await getNodeEngine();
const { tf } = engine;
const { buildSmallCnn, parameterCount } = await import('../src/lib/models/small-cnn.ts');
const { train, evaluate, saveModel } = await import('../src/lib/train/index.ts');
const { dirWriter } = await import('../src/lib/train/node-files.ts');
const hardware = engine.adapter ? `${engine.adapter.description || engine.adapter.vendor} (${engine.adapter.vendor}/${engine.adapter.architecture}${engine.adapter.isSoftware ? ', software' : ''})` : `CPU (${engine.fallbackReason})`;
console.log(`${spec.name}: ${engine.backend} on ${hardware}`);

const splits = await loadSplits(spec, smoke);
const model = buildSmallCnn({ classes: spec.classes, seed, name: spec.name.replace(/-/g, '_') });
const t0 = performance.now();
const result = await train(tf, model, splits.train, {
  epochs, seed, batchSize: 64, learningRate: 0.001, readEvery: smoke ? 1 : 50, maxSteps: smoke ? 2 : undefined,
  onProgress: (p) => console.log(`epoch ${p.epoch + 1} step ${p.step}/${p.totalSteps} loss ${p.loss.toFixed(4)} ${p.imagesPerSecond.toFixed(0)} img/s`),
});
const wallS = (performance.now() - t0) / 1000;
const evaluation = await evaluate(tf, model, splits.test, spec.classes);
console.log(`test accuracy ${(evaluation.accuracy * 100).toFixed(2)}% on ${evaluation.count} images; ${result.steps} steps in ${wallS.toFixed(1)} s`);
const { bytes } = await saveModel(tf, model, dirWriter(out));
const command = `npm run pretrain -- ${argv.join(' ')}`;
await writeCard(out, { spec, params: parameterCount(model), bytes, seed, epochs, steps: result.steps, wallS, hardware, backend: engine.backend, evaluation, source: splits.source, command, smoke });
console.log(`wrote ${out}/model.json, weights.bin (${bytes} bytes), MODEL_CARD.md`);
model.dispose();
process.exit(0);
