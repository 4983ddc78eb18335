/**
 * Transfer with a frozen base: the pretrained network up to its hidden layer turns each 28×28 drawing into a
 * feature vector once; a new, seeded softmax layer for the reader's classes is trained on those vectors alone
 * (the one head trainer, src/lib/head: full-batch Adam, one step per epoch — no backprop through the convolutions,
 * which on a software GPU run at a few images per second). `assemble` then puts base and head together as one
 * ordinary tfjs model.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import { buildSmallCnn } from '../models/small-cnn.ts';
import { accuracyOf, denseHead, predictHead, trainHead } from '../head/index.ts';
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
  /** Adam's step size; default 0.01. */
  learningRate?: number;
  /** Read the loss and report every this many epochs (default 10). */
  readEvery?: number;
  onProgress?: (p: { epoch: number; epochs: number; loss: number }) => void;
  /** The job this loop belongs to: checked before every epoch (pause holds there; a cancel ends the run, cancelled). */
  job?: JobControl;
}

/** The trained softmax layer: kernel [dim × classes], bias [classes]; losses as [epoch, loss]; training accuracy. */
export interface Head { kernel: Float32Array; bias: Float32Array; dim: number; classes: number; losses: [number, number][]; accuracy: number; cancelled: boolean }

/** Trains a new softmax layer (seeded Glorot-uniform kernel, zero bias) on fixed features, full batch. */
export async function trainDoodleHead(tf: Tf, features: Float32Array, labels: ArrayLike<number>, dim: number, o: HeadOptions): Promise<Head> {
  const n = labels.length;
  if (features.length !== n * dim) throw new Error(`expected ${n}×${dim} features, got ${features.length}`);
  const data = { data: features, count: n, shape: [dim], labels };
  const head = denseHead(tf, { inputs: dim, classes: o.classes, seed: o.seed });
  try {
    const r = await trainHead(tf, head, data, {
      epochs: o.epochs, seed: o.seed, learningRate: o.learningRate ?? 0.01, readEvery: o.readEvery ?? 10, job: o.job,
      onProgress: (p) => o.onProgress?.({ epoch: p.step, epochs: o.epochs, loss: p.loss }),
    });
    const [kernel, bias] = head.getLayer('logits').getWeights() as [Tensor, Tensor];
    const [k, b, pred] = await Promise.all([kernel.data(), bias.data(), predictHead(tf, head, data)]);
    return { kernel: Float32Array.from(k), bias: Float32Array.from(b), dim, classes: o.classes, losses: r.losses, accuracy: accuracyOf(pred, labels), cancelled: r.cancelled };
  } finally {
    head.dispose();
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
