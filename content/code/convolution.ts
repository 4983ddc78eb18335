// Chapter 1 in code: one convolution with TensorFlow.js, checked against a
// loop you could do by hand. Run it with Node 22.18 or later
// (`node convolution.ts`, after `npm install @tensorflow/tfjs`).
import * as tf from '@tensorflow/tfjs';

// A 7×7 grayscale image of small integers. Its top-left 3×3 patch is the
// chapter's worked example.
const pixels = [
  [2, 4, 7, 8, 6, 3, 1],
  [1, 5, 8, 9, 7, 2, 0],
  [3, 3, 9, 9, 8, 4, 1],
  [0, 2, 6, 8, 9, 5, 2],
  [1, 1, 4, 7, 8, 6, 3],
  [0, 0, 2, 5, 7, 7, 4],
  [1, 0, 1, 3, 6, 8, 6],
];
const sobelX = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];

// tfjs wants the image as [batch, height, width, channels] and the kernel
// as [kh, kw, inChannels, outChannels].
const x = tf.tensor4d(pixels.flat(), [1, 7, 7, 1]);
const w = tf.tensor4d(sobelX.flat(), [3, 3, 1, 1]);

// Stride 1, no padding ('valid'): the 3×3 window fits 7 − 3 + 1 = 5 times
// across and 5 times down.
const y = tf.conv2d(x, w, 1, 'valid');
const out = (await y.array())[0]!.map((row) => row.map((cell) => cell[0]!));

const print = (rows: number[][]) => {
  for (const row of rows) {
    console.log(row.map((v) => String(v).padStart(4)).join(''));
  }
};
console.log('image:');
print(pixels);
console.log('Sobel x response, shape', JSON.stringify(y.shape));
print(out);
console.log('top-left output (25 by hand in the chapter):', out[0]![0]);

// The same numbers from a plain loop:
// y[i][j] = Σ_u Σ_v w[u][v] · x[i + u][j + v].
let largestDifference = 0;
for (let i = 0; i < 5; i++) {
  for (let j = 0; j < 5; j++) {
    let sum = 0;
    for (let u = 0; u < 3; u++) {
      for (let v = 0; v < 3; v++) {
        sum += sobelX[u]![v]! * pixels[i + u]![j + v]!;
      }
    }
    const difference = Math.abs(sum - out[i]![j]!);
    largestDifference = Math.max(largestDifference, difference);
  }
}
console.log('largest difference from the loop:', largestDifference);

// Output size along one axis: H_out = ⌊(H + 2p − d(k − 1) − 1) / s⌋ + 1,
// with p = 0 for 'valid'; TensorFlow's 'same' pads so that H_out = ⌈H / s⌉.
// Below, n is H and o is H_out.
const n = 7, k = 3;
const settings = [
  [1, 'valid', 1], [1, 'same', 1], [2, 'valid', 1], [2, 'same', 1],
  [1, 'valid', 2],
] as const; // [stride s, padding, dilation d]
for (const [s, padding, d] of settings) {
  const o = padding === 'same'
    ? Math.ceil(n / s)
    : Math.floor((n - d * (k - 1) - 1) / s) + 1;
  const shape = tf.tidy(() => tf.conv2d(x, w, s, padding, 'NHWC', d).shape);
  console.log(`stride ${s}, ${padding}, dilation ${d}: ` +
    `formula ${o}, tfjs ${shape[1]}×${shape[2]}`);
}

// A convolution *layer* with the chapter's shapes: 3×3, 64 → 64 channels on
// a 224×224 map. Applied to tf.input, a placeholder, it works out shapes
// without computing anything. It holds 3·3·64·64 weights + 64 biases,
// whatever the size of the image.
const layer = tf.layers.conv2d({
  filters: 64, kernelSize: 3, padding: 'same',
});
const input = tf.input({ shape: [224, 224, 64] });
const symbolic = layer.apply(input) as tf.SymbolicTensor;
console.log('layer output shape:', JSON.stringify(symbolic.shape),
  'parameters:', layer.countParams());

tf.dispose([x, w, y]);
