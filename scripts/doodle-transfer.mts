/**
 * How well the doodle lab's recipe works on seeded doodles (tests/e2e/doodle-shapes.ts): for each shipped source,
 * the frozen base up to its hidden layer gives features, a seeded softmax head is trained on `perClass` doodles per
 * class (the widget's defaults: 100 full-batch Adam epochs, lr 0.01), and 40 unseen doodles per class are classified.
 * tfjs on the CPU backend in Node, deterministic. Run: `npx node scripts/doodle-transfer.mts [classes] [perClass] [seed]`.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { MODEL_NAMES } from '../src/lib/models/shipped.ts';
import { loadModel } from '../src/lib/train/model-io.ts';
import { dirReader } from '../src/lib/train/node-files.ts';
import { rasterise } from '../src/lib/doodle/strokes.ts';
import { toInput, toMnist } from '../src/lib/doodle/preprocess.ts';
import { baseFeatures, trainDoodleHead } from '../src/lib/doodle/head.ts';
import { doodle, SHAPES } from '../tests/e2e/doodle-shapes.ts';

const [k = 3, perClass = 3, seed = 1] = process.argv.slice(2).map(Number);
const classes = SHAPES.slice(0, k);
await tf.setBackend('cpu');
const set = (seeds: (c: number) => number[]) => {
  const xs: Float32Array[] = [], ys: number[] = [];
  classes.forEach((c, label) => { for (const s of seeds(label)) { xs.push(toInput(toMnist(rasterise(doodle(c, s)), 256, 256)!)); ys.push(label); } });
  const flat = new Float32Array(xs.length * 784);
  xs.forEach((x, i) => flat.set(x, i * 784));
  return { flat, ys };
};
const train = set(() => Array.from({ length: perClass }, (_, i) => seed * 1000 + i));
const test = set(() => Array.from({ length: 40 }, (_, i) => 500_000 + i));
console.log(`${classes.join(', ')}: ${perClass} drawings per class to train, 40 unseen per class to test, seed ${seed}`);
for (const name of MODEL_NAMES) {
  const dir = `public/models/${name}`;
  const base = await loadModel(tf, dirReader(dir), dir, [28, 28, 1]);
  const t0 = performance.now();
  const ftr = await baseFeatures(tf, base, train.flat, train.ys.length);
  const fte = await baseFeatures(tf, base, test.flat, test.ys.length);
  const head = await trainDoodleHead(tf, ftr.data, train.ys, ftr.dim, { classes: k, epochs: 100, seed });
  let right = 0;
  for (let i = 0; i < test.ys.length; i++) {
    const z = Array.from({ length: k }, (_, c) => { let v = head.bias[c]!; for (let d = 0; d < ftr.dim; d++) v += fte.data[i * ftr.dim + d]! * head.kernel[d * k + c]!; return v; });
    if (z.indexOf(Math.max(...z)) === test.ys[i]) right++;
  }
  console.log(`${name.padEnd(14)} training accuracy ${(100 * head.accuracy).toFixed(0)}%, unseen ${(100 * right / test.ys.length).toFixed(1)}% (${right}/${test.ys.length}), ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  base.dispose();
}
