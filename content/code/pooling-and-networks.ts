// Chapter 2 in code: pooling, then the book's small CNN as a tfjs-layers
// model, counted layer by layer. Run it with Node 22.18 or later
// (`node pooling-and-networks.ts`, after `npm install @tensorflow/tfjs`).
import * as tf from '@tensorflow/tfjs';

// The chapter's 4×4 feature map, as [batch, height, width, channels].
const map = tf.tensor4d([
  1, 3, 2, 0,
  4, 8, 1, 1,
  0, 2, 9, 5,
  1, 1, 6, 7,
], [1, 4, 4, 1]);

// 2×2 windows, stride 2, no padding: each quarter becomes one number.
const maxPooled = tf.maxPool(map, 2, 2, 'valid');
const avgPooled = tf.avgPool(map, 2, 2, 'valid');
// Global average pooling: one window the size of the map, one number per
// channel.
const globalAvg = tf.mean(map, [1, 2]);
const list = async (t: tf.Tensor) => Array.from(await t.data()).join(', ');
console.log('max pool:           ', await list(maxPooled));
console.log('average pool:       ', await list(avgPooled));
console.log('global average pool:', await list(globalAvg));
tf.dispose([map, maxPooled, avgPooled, globalAvg]);

// The book's small CNN: two blocks of 3×3 convolution → BatchNorm → ReLU →
// 2×2 max pool, then flatten, a dense layer of 64 with ReLU, a dense layer
// of 10 logits, and softmax. The convolutions have no bias: the BatchNorm
// after each adds its own shift.
const model = tf.sequential({
  name: 'small_cnn',
  layers: [
    tf.layers.conv2d({
      name: 'conv1', inputShape: [28, 28, 1],
      filters: 32, kernelSize: 3, padding: 'same', useBias: false,
    }),
    tf.layers.batchNormalization({ name: 'bn1' }),
    tf.layers.reLU({ name: 'relu1' }),
    tf.layers.maxPooling2d({ name: 'pool1', poolSize: 2 }),
    tf.layers.conv2d({
      name: 'conv2',
      filters: 64, kernelSize: 3, padding: 'same', useBias: false,
    }),
    tf.layers.batchNormalization({ name: 'bn2' }),
    tf.layers.reLU({ name: 'relu2' }),
    tf.layers.maxPooling2d({ name: 'pool2', poolSize: 2 }),
    tf.layers.flatten({ name: 'flatten' }),
    tf.layers.dense({ name: 'hidden', units: 64, activation: 'relu' }),
    tf.layers.dense({ name: 'logits', units: 10 }),
    tf.layers.softmax({ name: 'probs' }),
  ],
});

// Each layer's output shape (without the batch axis) and its weights, as in
// the chapter's table.
for (const layer of model.layers) {
  const shape = (layer.outputShape as number[]).slice(1).join('×');
  const weights = String(layer.countParams()).padStart(7);
  console.log(`${layer.name.padEnd(8)} ${shape.padEnd(9)} ${weights}`);
}
// BatchNorm's moving mean and variance are saved with the model, but
// gradient descent does not train them.
const size = (ws: tf.LayerVariable[]) =>
  ws.reduce((sum, w) => sum + w.read().size, 0);
console.log(`all weights: ${model.countParams()}, ` +
  `trained: ${size(model.trainableWeights)}, ` +
  `not trained: ${size(model.nonTrainableWeights)}`);

// One forward pass on a blank image: ten probabilities that add up to 1.
const blank = tf.zeros([1, 28, 28, 1]);
const probs = model.predict(blank) as tf.Tensor;
const total = probs.sum();
const [sum] = await total.data();
console.log(`output shape: ${JSON.stringify(probs.shape)}, ` +
  `sum of probabilities: ${sum!.toFixed(4)}`);
tf.dispose([blank, probs, total]);
model.dispose();
