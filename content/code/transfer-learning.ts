// Chapter 5 in code: load digits04-cnn (trained on digits 0–4), freeze its convolutional blocks, replace
// its head and fine-tune it on a few labelled digits 5–9. The data and the model come from the book's site:
// in a page of the book that is the page's own origin; in Node 22.18 or later, pass its address:
// `node transfer-learning.ts https://…/` (after `npm install @tensorflow/tfjs`).
import * as tf from '@tensorflow/tfjs';

const site = typeof location === 'undefined' ? process.argv[2]! : location.origin;
const url = (path: string) => new URL(path, site).href;

// The book's packed digits (public/data/README.md): one byte per label, 28×28 bytes per image, the images
// in chunks of doubling size, ordered 0, 1, …, 9, 0, 1, … so that the first `count` hold count/10 per class.
async function loadDigits(split: 'train' | 'test', count: number) {
  const bytes = async (file: string) => new Uint8Array(await (await fetch(url(`data/digits/${file}`))).arrayBuffer());
  const labels = (await bytes(`${split}-labels.u8`)).slice(0, count);
  const pixels = new Uint8Array(count * 784);
  for (let chunk = 0, start = 0; start < count; chunk++) {
    const part = await bytes(`${split}-images-${chunk}.u8`);
    pixels.set(part.subarray(0, (count - start) * 784), start * 784);
    start += part.length / 784;
  }
  // Keep the digits 5–9, as images x / 255 in [N, 28, 28, 1] with labels 0–4 (for 5–9).
  const keep = [...labels.keys()].filter((i) => labels[i]! >= 5);
  const x = tf.tensor4d(keep.flatMap((i) => Array.from(pixels.subarray(i * 784, (i + 1) * 784), (v) => v / 255)), [keep.length, 28, 28, 1]);
  return { x, y: tf.oneHot(tf.tensor1d(keep.map((i) => labels[i]! - 5), 'int32'), 5) };
}
const train = await loadDigits('train', 500); // 50 labelled examples of each digit 5–9
const test = await loadDigits('test', 500); // 50 held-out examples of each

// The source network; its base is everything up to `flatten`: conv1, bn1, …, pool2.
const source = await tf.loadLayersModel(url('models/digits04-cnn/model.json'));
const base = tf.model({ inputs: source.inputs, outputs: source.getLayer('flatten').output });
base.trainable = false;

// Why not fit one model holding base and head? Freezing (trainable = false, set before compile(), which fixes
// the list of weights to train) stops gradient updates, but tfjs-layers' fit() runs every layer in training
// mode, and BatchNormalization in training mode normalises with each batch's statistics and keeps updating
// its moving mean and variance — even when frozen. So run the frozen base once per image in inference mode
// (predict), as the book's fine-tuning lab does: its output never changes, and only the layers above train.
const trainFeatures = base.predict(train.x) as tf.Tensor;
const testFeatures = base.predict(test.x) as tf.Tensor;

// Above the base: the source's 64-unit hidden layer (its weights copied; fine-tuned) and a new head, a seeded
// 5-way output layer for the digits 5–9 in place of the source's 0–4.
const head = tf.sequential({
  layers: [
    tf.layers.dense({ inputShape: [3136], units: 64, activation: 'relu', weights: source.getLayer('hidden').getWeights() }),
    tf.layers.dense({ units: 5, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
  ],
});
head.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });

async function accuracy(): Promise<number> {
  const correct = tf.tidy(() => (head.predict(testFeatures) as tf.Tensor).argMax(1).equal(test.y.argMax(1)).mean());
  const [value] = await correct.data();
  correct.dispose();
  return value!;
}
console.log(`before fine-tuning: ${(100 * (await accuracy())).toFixed(1)}% of ${test.x.shape[0]} test digits 5–9 (guessing: 20%)`);
// The examples already alternate between the classes, so no shuffling is needed: every run is the same.
await head.fit(trainFeatures, train.y, { epochs: 5, batchSize: 25, shuffle: false, verbose: 0 });
console.log(`after 5 epochs on ${train.x.shape[0]} images: ${(100 * (await accuracy())).toFixed(1)}%`);

// Check: the frozen base is still exactly as shipped, BatchNorm's moving statistics included.
const shipped = await tf.loadLayersModel(url('models/digits04-cnn/model.json'));
let same = 0, total = 0;
for (const layer of base.layers.filter((l) => l.weights.length > 0)) {
  const [now, then] = [layer.getWeights(), shipped.getLayer(layer.name).getWeights()];
  for (let i = 0; i < now.length; i++, total++) if ((await now[i]!.sub(then[i]!).abs().max().data())[0] === 0) same++;
}
console.log(`frozen base: ${same} of ${total} weight tensors identical to the shipped model`);

// The whole fine-tuned network, for predictions on images: the frozen base, then the new head.
const model = tf.sequential({ layers: [base, head] });
const probs = model.predict(test.x.slice(0, 1)) as tf.Tensor;
console.log('first test image: digit', 5 + (await probs.argMax(1).data())[0]!, '— label', 5 + (await test.y.slice(0, 1).argMax(1).data())[0]!);
