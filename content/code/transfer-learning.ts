// Chapter 5 in code: load digits04-cnn (trained on the digits 0–4), freeze
// its convolutional blocks, replace its head and fine-tune it on a few
// labelled digits 5–9. Run it in a page of the book, or with Node 22.18 or
// later: `node transfer-learning.ts <the book's address>`.
import * as tf from '@tensorflow/tfjs';

const site = typeof location === 'undefined'
  ? process.argv[2]! // Node: the address given on the command line
  : location.origin; // a page of the book
const url = (path: string) => new URL(path, site).href;
const bytes = async (path: string) =>
  new Uint8Array(await (await fetch(url(path))).arrayBuffer());

// The book's packed digits (public/data/README.md): a byte per label, 28×28
// bytes per image, images in files of doubling size, in the order 0, 1, …,
// 9, 0, 1, …, so the first `count` images hold count/10 of each digit.
async function loadDigits(split: 'train' | 'test', count: number) {
  const dir = `data/digits/${split}`;
  const labels = (await bytes(`${dir}-labels.u8`)).slice(0, count);
  const pixels = new Uint8Array(count * 784);
  for (let file = 0, start = 0; start < count; file++) {
    const part = await bytes(`${dir}-images-${file}.u8`);
    pixels.set(part.subarray(0, (count - start) * 784), start * 784);
    start += part.length / 784;
  }
  // Keep the digits 5–9: images x / 255 in [N, 28, 28, 1], classes 0–4.
  const keep = [...labels.keys()].filter((i) => labels[i]! >= 5);
  const x = keep.flatMap((i) =>
    Array.from(pixels.subarray(i * 784, (i + 1) * 784), (v) => v / 255));
  const y = tf.tensor1d(keep.map((i) => labels[i]! - 5), 'int32');
  const n = keep.length;
  return { x: tf.tensor4d(x, [n, 28, 28, 1]), y: tf.oneHot(y, 5) };
}
const train = await loadDigits('train', 500); // 50 of each digit 5–9
const test = await loadDigits('test', 500); // 50 more of each, held out

// The source network. Its base is everything up to `flatten`.
const modelUrl = url('models/digits04-cnn/model.json');
const source = await tf.loadLayersModel(modelUrl);
const flatten = source.getLayer('flatten').output as tf.SymbolicTensor;
const base = tf.model({ inputs: source.inputs, outputs: flatten });
base.trainable = false;

// Why not fit one model holding base and head? Freezing (trainable = false,
// set before compile(), which fixes the weights to train) stops gradient
// updates, but tfjs-layers' fit() runs every layer in training mode, and a
// BatchNormalization layer in training mode normalises with each batch's
// statistics and keeps updating its moving mean and variance, even when
// frozen. So run the frozen base once, in inference mode (predict), as the
// book's fine-tuning lab does: its output never changes.
const trainFeatures = base.predict(train.x) as tf.Tensor;
const testFeatures = base.predict(test.x) as tf.Tensor;

// Above the base: the source's hidden layer (its weights copied, to be
// fine-tuned) and a new head, a seeded 5-way output layer for the digits
// 5–9 in place of the source's 0–4.
const head = tf.sequential({
  layers: [
    tf.layers.dense({
      inputShape: [3136], units: 64, activation: 'relu',
      weights: source.getLayer('hidden').getWeights(),
    }),
    tf.layers.dense({
      units: 5, activation: 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
    }),
  ],
});
head.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });

async function accuracy(): Promise<string> {
  const correct = tf.tidy(() => (head.predict(testFeatures) as tf.Tensor)
    .argMax(1).equal(test.y.argMax(1)).mean());
  const [value] = await correct.data();
  correct.dispose();
  return `${(100 * value!).toFixed(1)}% of ${test.x.shape[0]} test digits`;
}
console.log(`before fine-tuning: ${await accuracy()} (guessing: 20%)`);
// The examples alternate between the classes already, so no shuffling is
// needed, and every run is the same. Adam's learning rate is 0.001.
await head.fit(trainFeatures, train.y,
  { epochs: 5, batchSize: 25, shuffle: false, verbose: 0 });
const after = await accuracy();
console.log(`after 5 epochs on ${train.x.shape[0]} images: ${after}`);

// Check: the frozen base is exactly as shipped, BatchNorm's moving
// statistics included.
const shipped = await tf.loadLayersModel(modelUrl);
let same = 0, total = 0;
for (const layer of base.layers.filter((l) => l.weights.length > 0)) {
  const then = shipped.getLayer(layer.name).getWeights();
  for (const [i, now] of layer.getWeights().entries()) {
    const [gap] = await now.sub(then[i]!).abs().max().data();
    total++;
    if (gap === 0) same++;
  }
}
console.log(`frozen base: ${same} of ${total} weight tensors as shipped`);

// The whole fine-tuned network, for predictions on images.
const model = tf.sequential({ layers: [base, head] });
const probs = model.predict(test.x.slice(0, 1)) as tf.Tensor;
const [guess] = await probs.argMax(1).data();
const [label] = await test.y.slice(0, 1).argMax(1).data();
console.log(`first test image: digit ${5 + guess!}, label ${5 + label!}`);
