// Chapter 3 in code: activation functions, their derivatives by automatic
// differentiation (tf.grad), and the gradient of every layer of a deep
// plain network. Run it with Node 22.18 or later (`node activations.ts`,
// after `npm install @tensorflow/tfjs`).
import * as tf from '@tensorflow/tfjs';

type Fn = (z: tf.Tensor) => tf.Tensor;
// GELU is z·Φ(z), with Φ the standard normal distribution function,
// written here with the error function: Φ(z) = (1 + erf(z / √2)) / 2.
const gelu: Fn = (z) => z.mul(tf.erf(z.div(Math.SQRT2)).add(1)).mul(0.5);
const activations: [string, Fn][] = [
  ['relu', (z) => tf.relu(z)],
  ['leaky relu', (z) => tf.leakyRelu(z, 0.1)],
  ['sigmoid', (z) => tf.sigmoid(z)],
  ['tanh', (z) => tf.tanh(z)],
  ['gelu', gelu],
];

// tf.grad(f) returns a function that computes f' elementwise (strictly, the
// gradient of the sum of f's outputs, which is the same thing here).
const z = tf.tensor1d([-3, -1, -0.5, 0.5, 1, 3]);
const show = async (t: tf.Tensor) =>
  Array.from(await t.data(), (v) => v.toFixed(4).padStart(8)).join('');
console.log('z'.padEnd(16), await show(z));
for (const [name, f] of activations) {
  const value = f(z);
  const slope = tf.grad(f)(z);
  console.log(`${name}(z)`.padEnd(16), await show(value));
  console.log(`${name}'(z)`.padEnd(16), await show(slope));
  tf.dispose([value, slope]);
}

// A plain network of 20 dense layers of 64 units without biases,
// h_l = f(h_{l−1} W_l) (the book's z_l = W_l h_{l−1}, written for a batch
// of 16 row vectors), and the loss L = ‖h_20 − t‖² / (2 · 16).
const depth = 20, width = 64, batch = 16;
const x = tf.randomNormal([batch, width], 0, 1, 'float32', 1);
const t = tf.randomNormal([batch, width], 0, 1, 'float32', 2);

async function gradientNorms(f: Fn, std: number): Promise<Float32Array> {
  // Weights from N(0, std²), seeded: every run draws the same numbers.
  const weights = Array.from({ length: depth }, (_, l) =>
    tf.randomNormal([width, width], 0, std, 'float32', 100 + l));
  const loss = (...ws: tf.Tensor[]) => {
    let h: tf.Tensor = x;
    for (const w of ws) h = f(h.matMul(w));
    return h.sub(t).square().sum().div(2 * batch);
  };
  // tf.grads gives ∂L/∂W_l for every layer l, by backpropagation;
  // its norm ‖∂L/∂W_l‖ is the size of that layer's gradient.
  const norms = tf.tidy(() => {
    const grads = tf.grads(loss)(weights);
    return tf.stack(grads.map((g) => tf.norm(g)));
  });
  const result = (await norms.data()) as Float32Array;
  tf.dispose([norms, ...weights]);
  return result;
}

// Glorot: variance 2 / (fan_in + fan_out), for sigmoid and tanh.
// He: variance 2 / fan_in, for ReLU.
const glorot = Math.sqrt(2 / (width + width)), he = Math.sqrt(2 / width);
const runs: [string, Fn, number][] = [
  ['sigmoid, Glorot', (h) => tf.sigmoid(h), glorot],
  ['tanh, Glorot', (h) => tf.tanh(h), glorot],
  ['relu, He', (h) => tf.relu(h), he],
];
for (const [name, f, std] of runs) {
  const g = await gradientNorms(f, std);
  const [first, last] = [g[0]!, g[depth - 1]!];
  const e = (v: number) => v.toExponential(2);
  console.log(`${name.padEnd(16)} ‖∇W1‖ = ${e(first)}  ` +
    `‖∇W20‖ = ${e(last)}  ratio ${e(first / last)}`);
}
tf.dispose([z, x, t]);
