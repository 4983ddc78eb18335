/**
 * `npx node scripts/experiments/shift-features.mts [seed]`: how much the fine-tuning lab's augmentation (each
 * image moved by a seeded whole-pixel shift of up to ±2, src/lib/transfer/augment.ts) changes what each frozen
 * layer of a source network passes on. For every test digit 5–9 it compares the features of the image with those
 * of its shifted copy, and — as a yardstick — with those of another test image of the same digit (a seeded
 * pairing), at the pixels, `pool1`, `pool2` and `hidden`, with the source's BatchNorm statistics. It prints the
 * mean relative distances ‖f(a) − f(b)‖ / ‖f(a)‖ and their ratio: near 1, a shifted copy is as new to that layer
 * as another digit; near 0, a near-duplicate. The augmentation section of Chapter 5 quotes it.
 */
import { wasmGemm } from '../pretrain/wasm-gemm.ts';
import { TASKS, loadTask } from './tasks.ts';
import { buildSmallCnn } from '../../src/lib/models/small-cnn.ts';
import { cpuNetFromModel } from '../../src/lib/train/cpu/convert.ts';
import { forwardAll, splitFrozen, startingNet, type Samples } from '../../src/lib/experiments/finetune.ts';
import { STRATEGIES } from '../../src/lib/experiments/strategies.ts';
import { shiftedCopies } from '../../src/lib/transfer/augment.ts';
import { lcg } from '../../src/lib/random/lcg.ts';

const seed = Number(process.argv[2] ?? 1);
const gemm = await wasmGemm();

/** Mean over i of ‖a_i − b_i‖ / ‖a_i‖ for feature rows of width w. */
function relative(a: Float32Array, b: Float32Array, count: number, w: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    let d = 0, n = 0;
    for (let j = i * w; j < (i + 1) * w; j++) { d += (a[j]! - b[j]!) ** 2; n += a[j]! ** 2; }
    sum += Math.sqrt(d) / Math.sqrt(Math.max(n, 1e-12));
  }
  return sum / count;
}

/** For each image, another image of the same class (a seeded derangement within each class). */
function partners(labels: Int32Array, s: number): Int32Array {
  const next = lcg(s);
  const out = new Int32Array(labels.length);
  for (const c of new Set(labels)) {
    const idx = [...labels.keys()].filter((i) => labels[i] === c);
    const shuffled = [...idx];
    for (let i = shuffled.length - 1; i > 0; i--) { const j = Math.floor(next() * (i + 1)); [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!]; }
    // a cyclic shift of the shuffled order: nobody is paired with itself
    shuffled.forEach((from, k) => { out[from] = shuffled[(k + 1) % shuffled.length]!; });
  }
  return out;
}

const gather = (x: Float32Array, idx: Int32Array, w: number) => {
  const out = new Float32Array(idx.length * w);
  idx.forEach((j, i) => out.set(x.subarray(j * w, (j + 1) * w), i * w));
  return out;
};

console.log(`seed ${seed}: relative distance of each test digit's features to its ±2-pixel shifted copy, and to another test image of the same digit`);
console.log('source          layer     shifted copy   another digit   ratio');
for (const spec of TASKS) {
  const task = await loadTask(spec);
  const test = task.test as Samples;
  const px = test.h * test.w;
  const shifted = shiftedCopies(test.x, test.count, 1, seed).subarray(test.count * px);
  const other = partners(test.labels, seed);
  const fresh = await cpuNetFromModel(buildSmallCnn({ classes: task.classes, seed }));
  const layers: [string, ((s: Samples) => Samples) | null][] = [
    ['pixels', null],
    ...(['feature-extraction-pool1', 'feature-extraction-pool2', 'feature-extraction'] as const).map((id): [string, (s: Samples) => Samples] => {
      const { frozen } = splitFrozen(startingNet(STRATEGIES[id], task.source, fresh, gemm, seed), gemm);
      return [STRATEGIES[id].cut ?? 'hidden', (s) => forwardAll(frozen, s)];
    }),
  ];
  for (const [name, f] of layers) {
    const a = f ? f(test) : test;
    const b = f ? f({ ...test, x: shifted }) : { ...test, x: shifted };
    const w = a.x.length / test.count;
    const rShift = relative(a.x, b.x, test.count, w), rOther = relative(a.x, gather(a.x, other, w), test.count, w);
    console.log(`${spec.source.padEnd(15)} ${name.padEnd(8)} ${rShift.toFixed(3).padStart(13)} ${rOther.toFixed(3).padStart(15)} ${(rShift / rOther).toFixed(2).padStart(7)}`);
  }
}
process.exit(0);
