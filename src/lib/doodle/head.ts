/**
 * Transfer with a frozen base: the pretrained network up to its hidden layer turns each 28×28 drawing into a
 * feature vector once; a new, seeded softmax layer for the reader's classes is trained on those vectors alone
 * (full-batch Adam on the shared engine — no backprop through the convolutions, which on a software GPU run at
 * a few images per second). `assemble` then puts base and head together as one ordinary tfjs model.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import { buildSmallCnn } from '../models/small-cnn.ts';
import { lcg } from '../random/lcg.ts';
import { FusedAdam } from '../train/fused-adam.ts';
import type { JobControl } from '../job/job.ts';

/** The last layer of the frozen base: the pretrained dense ReLU layer (64 features). */
export const FEATURE_LAYER = 'hidden';
const PIXELS = 784;
const BATCH = 16;

/** Base features of `n` images (x / 255, 784 floats each, concatenated): [n · dim] floats, inference mode. */
export async function baseFeatures(tf: Tf, base: LayersModel, inputs: Float32Array, n: number, upTo = FEATURE_LAYER): Promise<{ data: Float32Array; dim: number }> {
  const end = base.layers.findIndex((l) => l.name === upTo);
  if (end < 0) throw new Error(`the source model has no layer "${upTo}"`);
  const parts: Tensor[] = [];
  try {
    for (let start = 0; start < n; start += BATCH) {
      const buf = new Float32Array(BATCH * PIXELS);
      buf.set(inputs.subarray(start * PIXELS, Math.min(n, start + BATCH) * PIXELS));
      parts.push(tf.tidy(() => {
        let h: Tensor = tf.tensor4d(buf, [BATCH, 28, 28, 1]);
        for (let i = 0; i <= end; i++) h = base.layers[i]!.apply(h, { training: false }) as Tensor;
        return h;
      }));
    }
    const dim = parts[0]?.shape[1] ?? 0;
    const all = parts.length ? tf.concat(parts) : null;
    const data = all ? Float32Array.from((await all.data()).subarray(0, n * dim)) : new Float32Array(0);
    all?.dispose();
    return { data, dim };
  } finally {
    tf.dispose(parts);
  }
}

export interface HeadOptions {
  classes: number;
  epochs: number;
  seed: number;
  learningRate?: number;
  /** Read the loss, report and check `stop` every this many epochs. */
  readEvery?: number;
  onProgress?: (p: { epoch: number; epochs: number; loss: number }) => void;
  /** The job this loop belongs to: checked after every epoch (pause holds there; a cancel ends the run, cancelled). */
  job?: JobControl;
}

export interface Head { kernel: Float32Array; bias: Float32Array; dim: number; classes: number; losses: [number, number][]; accuracy: number; cancelled: boolean }

/** Glorot-uniform kernel from the seed (the same numbers on every backend), zero bias. */
export function initialKernel(dim: number, classes: number, seed: number): Float32Array {
  const next = lcg(seed * 7919 + 17);
  const limit = Math.sqrt(6 / (dim + classes));
  return Float32Array.from({ length: dim * classes }, () => (next() * 2 - 1) * limit);
}

/** Trains a softmax layer on fixed features (full batch, one Adam step per epoch). */
export async function trainHead(tf: Tf, features: Float32Array, labels: ArrayLike<number>, dim: number, o: HeadOptions): Promise<Head> {
  const n = labels.length;
  if (features.length !== n * dim) throw new Error(`expected ${n}×${dim} features, got ${features.length}`);
  const x = tf.tensor2d(features, [n, dim]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from(labels), 'int32'), o.classes));
  const w = tf.tidy(() => tf.variable(tf.tensor2d(initialKernel(dim, o.classes, o.seed), [dim, o.classes])));
  const b = tf.tidy(() => tf.variable(tf.zeros([o.classes])));
  const adam = new FusedAdam(tf, [w, b], { learningRate: o.learningRate ?? 0.01 });
  const readEvery = o.readEvery ?? 10;
  const losses: [number, number][] = [];
  let cancelled = false;
  try {
    for (let epoch = 1; epoch <= o.epochs; epoch++) {
      const loss = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, tf.add(tf.matMul(x, w), b)) as never, [w, b]);
        adam.applyGradients([grads[w.name]!, grads[b.name]!]);
        return value;
      });
      if (epoch % readEvery === 0 || epoch === o.epochs) {
        const value = (await loss.data())[0]!;
        losses.push([epoch, value]);
        o.onProgress?.({ epoch, epochs: o.epochs, loss: value });
      }
      loss.dispose();
      if (o.job && !(await o.job.checkpoint())) { cancelled = true; break; }
    }
    const pred = tf.tidy(() => tf.argMax(tf.add(tf.matMul(x, w), b), 1));
    const [kernel, bias, p] = await Promise.all([w.data(), b.data(), pred.data()]);
    pred.dispose();
    let right = 0;
    for (let i = 0; i < n; i++) if (p[i] === labels[i]) right++;
    return { kernel: Float32Array.from(kernel), bias: Float32Array.from(bias), dim, classes: o.classes, losses, accuracy: n ? right / n : NaN, cancelled };
  } finally {
    tf.dispose([x, y, w, b]);
    adam.dispose();
  }
}

/** The book's CNN with the base's weights below the head and the trained head as its `logits` layer. */
export function assemble(tf: Tf, base: LayersModel, head: Head, seed: number): LayersModel {
  const model = buildSmallCnn({ classes: head.classes, seed, name: 'doodle_classes' });
  for (const layer of model.layers) {
    if (layer.name === 'logits') {
      const ws = [tf.tensor2d(head.kernel, [head.dim, head.classes]), tf.tensor1d(head.bias)];
      layer.setWeights(ws);
      tf.dispose(ws);
    } else if (layer.weights.length) {
      const ws = base.getLayer(layer.name).getWeights();
      layer.setWeights(ws);
    }
  }
  return model;
}
