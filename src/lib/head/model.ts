/**
 * The head: the small dense part of a classifier that learns on a frozen base's features. Two ways to get one —
 * a copy of a model's layers above a cut (`headOf`: the fine-tuning lab, domain shift), whose trained weights can
 * be written back (`copyHeadBack`), or a fresh seeded dense stack for K new classes (`denseHead`: the doodle lab).
 * Either is an ordinary sequential tfjs model that `trainHead` (train.ts) trains on cached features.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import { lcg } from '../random/lcg.ts';

type Factory = 'flatten' | 'dense' | 'softmax' | 'dropout' | 'activation';
/** Layer kinds a head may hold, and the factory that rebuilds each. */
const FACTORIES: Record<string, Factory> = { Flatten: 'flatten', Dense: 'dense', Softmax: 'softmax', Dropout: 'dropout', Activation: 'activation' };
export const HEAD_KINDS: readonly string[] = Object.keys(FACTORIES);

/** Index of layer `at` (an index or a name); throws naming the model's layers when there is none. */
function cutIndex(model: LayersModel, at: number | string): number {
  const k = typeof at === 'number' ? at : model.layers.findIndex((l) => l.name === at);
  if (k < 0 || k >= model.layers.length) throw new Error(`the model has no layer "${at}" (it has ${model.layers.map((l) => l.name).join(', ')})`);
  return k;
}

/**
 * A model of the layers of `model` after `cut` (an index or a layer name), taking that layer's output as its
 * input: the same names, copies of the weights and the same trainability. The caller disposes it.
 */
export function headOf(model: LayersModel, cut: number | string): LayersModel {
  const k = cutIndex(model, cut);
  const layers = model.layers.slice(k + 1);
  if (!layers.length) throw new Error(`the model has no layers after "${model.layers[k]!.name}"`);
  const inputShape = (model.layers[k]!.outputShape as number[]).slice(1);
  const copies = layers.map((layer, i) => {
    const factory = FACTORIES[layer.getClassName()];
    if (!factory) throw new Error(`a head layer of class ${layer.getClassName()} is not supported`);
    const config = { ...layer.getConfig() } as Record<string, unknown>;
    delete config.batchInputShape;
    delete config.inputShape;
    if (i === 0) config.inputShape = inputShape;
    return tfl.layers[factory](config as never) as tfl.layers.Layer;
  });
  const head = tfl.sequential({ name: `${model.name}_head`, layers: copies });
  layers.forEach((l, i) => {
    const h = head.layers[i]!;
    if (l.weights.length) h.setWeights(l.getWeights());
    h.trainable = l.trainable;
  });
  return head;
}

/** Writes the head's (trained) weights back into the model it was cut from, layer by layer name. */
export function copyHeadBack(head: LayersModel, model: LayersModel): void {
  for (const h of head.layers) if (h.weights.length) model.getLayer(h.name).setWeights(h.getWeights());
}

/** Glorot-uniform kernel [fanIn × fanOut] from the seed (the same numbers on every backend). */
export function initialKernel(fanIn: number, fanOut: number, seed: number): Float32Array {
  const next = lcg(seed * 7919 + 17);
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return Float32Array.from({ length: fanIn * fanOut }, () => (next() * 2 - 1) * limit);
}

export interface DenseHeadOptions {
  /** Features per example. */
  inputs: number;
  /** Units of each hidden ReLU layer (`hidden1`, `hidden2`, …); none: a single softmax layer. */
  hidden?: readonly number[];
  classes: number;
  seed: number;
  name?: string;
}

/**
 * A fresh head: dense ReLU layers, then `logits` (linear; the loss applies softmax). Kernels from `initialKernel`
 * (`logits` from `seed`, hidden layer i from seed + 1 + i), biases zero. The caller disposes it.
 */
export function denseHead(tf: Tf, o: DenseHeadOptions): LayersModel {
  const units = [...(o.hidden ?? []), o.classes];
  const head = tfl.sequential({
    name: o.name ?? 'head',
    layers: units.map((u, i) => tfl.layers.dense({
      name: i === units.length - 1 ? 'logits' : `hidden${i + 1}`, units: u, activation: i === units.length - 1 ? 'linear' : 'relu',
      kernelInitializer: 'zeros', ...(i === 0 ? { inputShape: [o.inputs] } : {}),
    })),
  });
  head.layers.forEach((layer, i) => {
    const fanIn = i === 0 ? o.inputs : units[i - 1]!;
    const seed = i === units.length - 1 ? o.seed : o.seed + 1 + i;
    const ws = [tf.tensor2d(initialKernel(fanIn, units[i]!, seed), [fanIn, units[i]!]), tf.zeros([units[i]!])];
    layer.setWeights(ws);
    tf.dispose(ws);
  });
  return head;
}
