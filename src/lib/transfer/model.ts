/**
 * The network a run trains: the book's small CNN built for the target's classes with a seeded new head
 * (`logits`), its base (conv1 … hidden) copied from the source model; then the layers up to the chosen
 * one frozen. Freezing only sets `layer.trainable`: the training loop (src/lib/train/forward.ts) runs frozen
 * layers in inference mode, so a frozen BatchNorm keeps its moving statistics as the source learnt them.
 */
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { buildSmallCnn } from '../models/small-cnn.ts';
import type { Freeze } from './config.ts';

/** Layers carried over from the source: everything but the head (logits) and the final softmax. */
export const BASE_LAYERS = ['conv1', 'bn1', 'conv2', 'bn2', 'hidden'] as const;
/** The last layer each freeze level holds fixed (null: none). Pooling, ReLU and flatten have no weights. */
export const FREEZE_UP_TO: Record<Freeze, string | null> = { none: null, conv1: 'pool1', conv2: 'pool2', hidden: 'hidden' };
export const HEAD_LAYER = 'logits';

/** A new model for `classes` classes (seeded), with the source's base weights when a source is given. */
export function transferModel(source: LayersModel | null, classes: number, seed: number): LayersModel {
  const model = buildSmallCnn({ classes, seed, name: `finetune_${classes}_${seed}` });
  if (source) {
    for (const name of BASE_LAYERS) {
      const from = source.getLayer(name).getWeights();
      const to = model.getLayer(name);
      const shapes = to.getWeights().map((w) => w.shape.join('×'));
      if (from.map((w) => w.shape.join('×')).join() !== shapes.join()) throw new Error(`the source model's ${name} layer does not fit the small CNN (${shapes.join(', ')})`);
      to.setWeights(from);
    }
  }
  return model;
}

/** Index (in model.layers) of the last frozen layer, −1 when nothing is frozen. */
export function frozenUpTo(model: LayersModel, freeze: Freeze): number {
  const last = FREEZE_UP_TO[freeze];
  return last === null ? -1 : model.layers.findIndex((l) => l.name === last);
}

/** Marks layers 0…k trainable = false and the rest trainable. */
export function applyFreeze(model: LayersModel, freeze: Freeze): void {
  const k = frozenUpTo(model, freeze);
  model.layers.forEach((l, i) => (l.trainable = i > k));
}

/** Learning-rate factor per trainable weight: `head` for the new head's kernel and bias, 1 for the rest. */
export function lrMultipliers(model: LayersModel, head: number): number[] {
  return model.trainableWeights.map((w) => (w.originalName.startsWith(`${HEAD_LAYER}/`) ? head : 1));
}
