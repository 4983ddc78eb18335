/**
 * `npm exec -- node scripts/transfer-figures.mts [domain-shift|feature-reuse] [--backend wasm|cpu]`: the numbers
 * the two transfer widgets show with their default (seeded) settings, computed in Node by the same library code
 * (src/lib/shift, src/lib/transfer) on tfjs's wasm backend, for the chapter to quote. The browser computes on
 * WebGPU/WebGL: accuracies can differ there by an image or two where a logit is a near tie.
 * Modes: `domain-shift [--all-shifts]` (the default shift, or every shift at its default strength);
 * `feature-reuse [--all-models] [--seeds 1,2,3] [--labels 5,10]` (with several seeds it adds a row with the mean
 * over them and, per layer, in how many seeds the pretrained model's probe beat the random one's);
 * `init-distance [--seeds 1,2]`: how far each shipped model's weights moved from the small CNN built at each seed
 * (the widget's random network), per layer: ‖trained − initial‖ / ‖initial‖ and their cosine similarity.
 */
import * as tf from '@tensorflow/tfjs-core';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';
import { existsSync } from 'node:fs';
import { loadSlice } from '../src/lib/data/index.ts';
import { loadModel } from '../src/lib/train/model-io.ts';
import { dirReader } from '../src/lib/train/node-files.ts';
import { fileFetch } from './data/file-fetch.mts';
import type { Tf } from '../src/lib/engine/types.ts';

const args = process.argv.slice(2);
const which = args.find((a) => !a.startsWith('--')) ?? 'all';
const backend = args.includes('--backend') ? args[args.indexOf('--backend') + 1]! : 'wasm';
if (backend === 'wasm') {
  const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
  setWasmPaths(fileURLToPath(new URL('../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
} else await import('@tensorflow/tfjs-backend-cpu');
if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} did not initialise`);
const T = tf as unknown as Tf;
const load = (split: string, perClass?: number) => loadSlice({ base: 'data/', fetch: fileFetch('public'), dataset: 'digits', split, perClass });
const model = (name: string) => loadModel(T, dirReader(`public/models/${name}`), `public/models/${name}`, [28, 28, 1]);
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const started = performance.now();
console.log(`# Transfer widgets' default figures (tfjs ${backend} backend, ${cpus()[0]?.model.trim()})\n`);

if (which === 'all' || which === 'domain-shift') {
  const { SHIFT_DEFAULTS } = await import('../src/lib/shift/settings.ts');
  const { SHIFTS, STRENGTH } = await import('../src/lib/shift/transforms.ts');
  const run = await import('../src/lib/shift/run.ts');
  const { pcaPanel } = await import('../src/lib/shift/panels.ts');
  const { subset, firstOfClasses } = await import('../src/lib/transfer/picks.ts');
  const [testAll, trainAll] = await Promise.all([load('test'), load('train', 200)]);
  const c04 = [0, 1, 2, 3, 4];
  const data = { test: subset(testAll, firstOfClasses(testAll, c04, 5 * run.TEST_PER_CLASS)), pool: subset(trainAll, firstOfClasses(trainAll, c04)), classes: 5 };
  const base = await model('digits04-cnn');
  const clean = await run.cleanPass(T, base, data);
  const only = args.includes('--all-shifts') ? SHIFTS : [SHIFT_DEFAULTS.shift];
  console.log(`## <fm-domain-shift> (digits04-cnn; ${data.test.count} test digits; images ${SHIFT_DEFAULTS.images}, labels ${SHIFT_DEFAULTS.labels}, seed ${SHIFT_DEFAULTS.seed})\n`);
  console.log('| shift | strength | clean | no adaptation | AdaBN | fine-tuned hidden + logits (shifted / clean) | gap before / AdaBN / fine-tuned |');
  console.log('|---|---|---|---|---|---|---|');
  for (const shift of only) {
    const s = { ...SHIFT_DEFAULTS, shift, strength: STRENGTH[shift].default };
    const o = await run.runShift(T, base, data, clean, s);
    const gap = (a: { data: Float32Array; count: number; dim: number }, b: { data: Float32Array }) => pcaPanel(a.data, b.data, a.count, a.dim, data.test.labels).gap.toFixed(2);
    const f = o.finetuned!;
    console.log(`| ${shift} | ${s.strength} | ${pct(clean.pass.evaluation.accuracy)} | ${pct(o.before.evaluation.accuracy)} | ${pct(o.adabn.evaluation.accuracy)} | ${pct(f.shifted.evaluation.accuracy)} / ${pct(f.clean.evaluation.accuracy)} | ${gap(clean.pass.hidden, o.before.hidden)} / ${gap(clean.pass.hidden, o.adabn.hidden)} / ${gap(f.clean.hidden, f.shifted.hidden)} |`);
  }
  base.dispose();
  console.log();
}
if (which === 'all' || which === 'feature-reuse') {
  const { REUSE_DEFAULTS } = await import('../src/lib/transfer/settings.ts');
  const r = await import('../src/lib/transfer/reuse.ts');
  const { buildSmallCnn } = await import('../src/lib/models/small-cnn.ts');
  const { MODELS } = await import('../src/lib/models/shipped.ts');
  const { subset, firstOfClasses } = await import('../src/lib/transfer/picks.ts');
  const [testAll, trainAll] = await Promise.all([load('test'), load('train', r.POOL_PER_CLASS)]);
  const data = { test: subset(testAll, firstOfClasses(testAll, r.TARGET_CLASSES, 5 * r.TEST_PER_CLASS)), pool: subset(trainAll, firstOfClasses(trainAll, r.TARGET_CLASSES)) };
  const names = args.includes('--all-models') ? Object.keys(MODELS).filter((m) => existsSync(`public/models/${m}/model.json`)) : [REUSE_DEFAULTS.model];
  const seeds = args.includes('--seeds') ? args[args.indexOf('--seeds') + 1]!.split(',').map(Number) : [REUSE_DEFAULTS.seed];
  const labelsList = args.includes('--labels') ? args[args.indexOf('--labels') + 1]!.split(',').map(Number) : [REUSE_DEFAULTS.labels];
  console.log(`## <fm-feature-reuse> (target: digits 5–9, ${data.test.count} test digits)\n`);
  console.log('| model | labels/class | seed | pixels | ' + r.PROBE_LAYERS.map((l) => `${l} pretrained / random`).join(' | ') + ' |');
  console.log('|---|---|---|---|' + r.PROBE_LAYERS.map(() => '---').join('|') + '|');
  const test = r.relabelledTest(data);
  for (const name of names) {
    const pre = await model(name);
    const preTest = await r.probeFeatures(T, pre, test);
    const rows: Record<number, number[][]> = {};
    for (const seed of seeds) {
      const rand = buildSmallCnn({ classes: MODELS[name]!.classes, seed });
      const randTest = await r.probeFeatures(T, rand, test);
      for (const labels of labelsList) {
        const train = r.probeTrainingSet(data, labels, seed);
        const a = r.scoreModel(await r.probeFeatures(T, pre, train), train.labels, preTest, test.labels);
        const b = r.scoreModel(await r.probeFeatures(T, rand, train), train.labels, randTest, test.labels);
        const px = r.scoreLayer('pixels', r.pixelRows(train), train.labels, r.pixelRows(test), test.labels);
        console.log(`| ${name} | ${labels} | ${seed} | ${pct(px.accuracy)} | ${a.map((x, i) => `${pct(x.accuracy)} / ${pct(b[i]!.accuracy)}`).join(' | ')} |`);
        (rows[labels] ??= []).push([px.accuracy, ...a.flatMap((x, i) => [x.accuracy, b[i]!.accuracy])]);
      }
      rand.dispose();
    }
    // With several seeds: the mean over them, and in how many seeds the pretrained layer beat the random one.
    if (seeds.length > 1) {
      for (const labels of labelsList) {
        const rs = rows[labels]!;
        const mean = (k: number) => rs.reduce((s, row) => s + row[k]!, 0) / rs.length;
        const cols = r.PROBE_LAYERS.map((_, i) => `${pct(mean(1 + 2 * i))} / ${pct(mean(2 + 2 * i))} (ahead in ${rs.filter((row) => row[1 + 2 * i]! > row[2 + 2 * i]!).length})`);
        console.log(`| ${name} | ${labels} | mean of ${rs.length} | ${pct(mean(0))} | ${cols.join(' | ')} |`);
      }
    }
    pre.dispose();
  }
  console.log();
}
if (which === 'init-distance') {
  const { buildSmallCnn } = await import('../src/lib/models/small-cnn.ts');
  const { MODELS } = await import('../src/lib/models/shipped.ts');
  const seeds = args.includes('--seeds') ? args[args.indexOf('--seeds') + 1]!.split(',').map(Number) : [1, 2];
  const layers = ['conv1', 'conv2', 'hidden'];
  console.log('## Shipped models against the small CNN built at a seed (the feature-reuse widget\'s random network)\n');
  console.log('| model | seed | ' + layers.map((l) => `${l} ‖trained − init‖ / ‖init‖, cosine`).join(' | ') + ' |');
  console.log('|---|---|' + layers.map(() => '---').join('|') + '|');
  for (const name of Object.keys(MODELS).filter((m) => existsSync(`public/models/${m}/model.json`))) {
    const pre = await model(name);
    for (const seed of seeds) {
      const init = buildSmallCnn({ classes: MODELS[name]!.classes, seed });
      const cells: string[] = [];
      for (const l of layers) {
        const [a, b] = await Promise.all([pre, init].map(async (m) => Float64Array.from(await m.getLayer(l).getWeights()[0]!.data())));
        let diff = 0, dot = 0, na = 0, nb = 0;
        for (let i = 0; i < a!.length; i++) { diff += (a![i]! - b![i]!) ** 2; dot += a![i]! * b![i]!; na += a![i]! ** 2; nb += b![i]! ** 2; }
        cells.push(`${Math.sqrt(diff / nb).toFixed(2)}, ${(dot / Math.sqrt(na * nb)).toFixed(2)}`);
      }
      console.log(`| ${name} | ${seed} | ${cells.join(' | ')} |`);
      init.dispose();
    }
    pre.dispose();
  }
  console.log();
}
console.log(`Wall time ${((performance.now() - started) / 1000).toFixed(0)} s; tensors left: ${tf.memory().numTensors}.`);
