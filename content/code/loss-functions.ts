// Chapter 4 in code: softmax, cross-entropy and its gradient p − y,
// squared error on probabilities, label smoothing and the stable softmax,
// with TensorFlow.js and its automatic differentiation. Run it with Node
// 22.18 or later (`node loss-functions.ts`, after
// `npm install @tensorflow/tfjs`).
import * as tf from '@tensorflow/tfjs';

// Prints a tensor's values to 4 decimals. (A short script can leave its few
// small tensors to the end; code that runs again and again wraps such maths
// in tf.tidy, which disposes the intermediate tensors.)
const show = async (t: tf.Tensor) =>
  Array.from(await t.data(), (v) => v.toFixed(4)).join(', ');
const first = (t: tf.Tensor) => t.slice([0, 0], [1, 1]); // the true class's

// The explorer's example: logits (2, 1, 0.1) for three classes, of which
// class 0 is the true one (one-hot target y).
const z = tf.tensor2d([[2, 1, 0.1]]);
const y = tf.tensor2d([[1, 0, 0]]);
console.log('p = softmax(z):      ', await show(tf.softmax(z)));

// tf.losses.softmaxCrossEntropy takes the logits, not the probabilities:
// it applies the softmax itself, stably.
const crossEntropy = (l: tf.Tensor) => tf.losses.softmaxCrossEntropy(y, l);
console.log('cross-entropy:       ', await show(crossEntropy(z)));
// Its gradient with respect to the logits, found by tf.grad, is p − y.
console.log('∂L/∂z:               ', await show(tf.grad(crossEntropy)(z)));

// Squared error on the probabilities, Σ (p_i − y_i)², for comparison: the
// same target, a different gradient.
const squaredError = (l: tf.Tensor) => tf.softmax(l).sub(y).square().sum();
console.log('squared error:       ', await show(squaredError(z)));
console.log('∂L/∂z, squared error:', await show(tf.grad(squaredError)(z)));

// A confidently wrong network: ten classes, and the true class (0) gets
// p = 0.01, its logit log(1/11) below the nine others. Cross-entropy still
// pushes the true logit with −0.99; squared error with only −0.0218.
const wrong = tf.tensor2d([[Math.log(1 / 11), 0, 0, 0, 0, 0, 0, 0, 0, 0]]);
const y10 = tf.oneHot(tf.tensor1d([0], 'int32'), 10);
const ce10 = (l: tf.Tensor) => tf.losses.softmaxCrossEntropy(y10, l);
const se10 = (l: tf.Tensor) => tf.softmax(l).sub(y10).square().sum();
console.log('p of the true class: ', await show(first(tf.softmax(wrong))));
console.log('push on the true logit:',
  'cross-entropy', await show(first(tf.grad(ce10)(wrong))),
  ' squared error', await show(first(tf.grad(se10)(wrong))));

// Label smoothing, α = 0.1: the target becomes q = 0.9·y + 0.1/10, that
// is 0.91 for the true class and 0.01 for each other, and the gradient
// p − q. With a lead of 10 the true logit is pushed *down*. The loss is
// smallest at a lead of log(0.91 / 0.01) ≈ 4.51, where it equals the
// entropy of q.
const smoothed = (l: tf.Tensor) =>
  tf.losses.softmaxCrossEntropy(y10, l, undefined, 0.1);
const lead10 = tf.tensor2d([[10, 0, 0, 0, 0, 0, 0, 0, 0, 0]]);
const lead = Math.log(0.91 / 0.01);
const best = tf.tensor2d([[lead, 0, 0, 0, 0, 0, 0, 0, 0, 0]]);
console.log('smoothed, lead 10:    gradient on the true logit',
  await show(first(tf.grad(smoothed)(lead10))));
const [largest] = await tf.grad(smoothed)(best).abs().max().data();
console.log('smoothed, lead 4.51:  loss', await show(smoothed(best)),
  ' largest |gradient|', largest!.toExponential(1));

// Large logits: the naive formula e^z / Σ e^z overflows float32 (e^1000 is
// Infinity, and ∞/∞ is NaN); tf.softmax subtracts the largest logit first
// and gives the probabilities of the logits (2, 1, 0).
const huge = tf.tensor1d([1000, 999, 998]);
const naive = huge.exp().div(huge.exp().sum());
console.log('naive softmax:       ', await show(naive));
console.log('tf.softmax:          ', await show(tf.softmax(huge)));
