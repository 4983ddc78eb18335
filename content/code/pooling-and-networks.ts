// Chapter 2 in code: pooling, then the book's small CNN as a tfjs-layers model, counted layer by layer.
// Run it with Node 22.18 or later (`node pooling-and-networks.ts`, after `npm install @tensorflow/tfjs`).
import * as tf from '@tensorflow/tfjs';

// The chapter's 4×4 feature map, as [batch, height, width, channels].
const map = tf.tensor4d([
  1, 3, 2, 0,
  4, 8, 1, 1,
  0, 2, 9, 5,
  1, 1, 6, 7,
], [1, 4, 4, 1]);

// 2×2 windows, stride 2, no padding: each quarter of the map becomes one number.
const maxPooled = tf.maxPool(map, 2, 2, 'valid');
const avgPooled = tf.avgPool(map, 2, 2, 'valid');
// Global average pooling: one window the size of the map, one number per channel.
const globalAvg = tf.mean(map, [1, 2]);
console.log('max pool:           ', Array.from(await maxPooled.data()).join(', '));
console.log('average pool:       ', Array.from(await avgPooled.data()).join(', '));
console.log('global average pool:', Array.from(await globalAvg.data()).join(', '));
tf.dispose([map, maxPooled, avgPooled, globalAvg]);

// The book's small CNN: two blocks of 3×3 convolution → BatchNorm → ReLU → 2×2 max pool,
// then flatten, a dense layer of 64 with ReLU, a dense layer of 10 logits, and softmax.
// The convolutions have no bias: the BatchNorm after each adds its own shift.
const model = tf.sequential({
  name: 'small_cnn',
  layers: [
    tf.layers.conv2d({ name: 'conv1', inputShape: [28, 28, 1], filters: 32, kernelSize: 3, padding: 'same', useBias: false }),
    tf.layers.batchNormalization({ name: 'bn1' }),
    tf.layers.reLU({ name: 'relu1' }),
    tf.layers.maxPooling2d({ name: 'pool1', poolSize: 2 }),
    tf.layers.conv2d({ name: 'conv2', filters: 64, kernelSize: 3, padding: 'same', useBias: false }),
    tf.layers.batchNormalization({ name: 'bn2' }),
    tf.layers.reLU({ name: 'relu2' }),
    tf.layers.maxPooling2d({ name: 'pool2', poolSize: 2 }),
    tf.layers.flatten({ name: 'flatten' }),
    tf.layers.dense({ name: 'hidden', units: 64, activation: 'relu' }),
    tf.layers.dense({ name: 'logits', units: 10 }),
    tf.layers.softmax({ name: 'probs' }),
  ],
});

// Each layer's output shape (without the batch axis) and its weights, as in the chapter's table.
for (const layer of model.layers) {
  const shape = (layer.outputShape as number[]).slice(1).join('×');
  console.log(`${layer.name.padEnd(8)} ${shape.padEnd(9)} ${String(layer.countParams()).padStart(7)}`);
}
// BatchNorm's moving mean and variance are saved with the model but not trained by gradient descent.
const size = (ws: tf.LayerVariable[]) => ws.reduce((sum, w) => sum + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
console.log(`all weights: ${model.countParams()}, trained: ${size(model.trainableWeights)}, not trained: ${size(model.nonTrainableWeights)}`);

// One forward pass on a blank image: ten probabilities that add up to 1.
const probs = tf.tidy(() => model.predict(tf.zeros([1, 28, 28, 1])) as tf.Tensor);
const total = probs.sum();
console.log(`output shape: ${JSON.stringify(probs.shape)}, sum of probabilities: ${(await total.data())[0]!.toFixed(4)}`);
tf.dispose([probs, total]);
model.dispose();
