/**
 * Fine-tuning only the head (the dense layers after `flatten`) of a sequential CNN, cheaply: the frozen layers
 * run in inference mode, so their output for an image never changes during training — compute it once, and
 * train a model made of the head alone on those outputs. The arithmetic is that of training the whole model
 * with the lower layers frozen; the cost per step is that of the dense layers only.
 *
 * The shared Trainer takes images (pixels 0–255, divided by 255 on upload): a feature row of length d is
 * passed as a d×1 "image" holding feature·255, and the head model starts with a Flatten of [d, 1, 1].
 */
import * as tfl from '@tensorflow/tfjs-layers';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { ImageSet } from '../train/batches.ts';
import type { FeatureRows } from './layer-features.ts';

/** A model of the layers after `from` (e.g. 'flatten'), with copies of their weights; the caller disposes it. */
export function headModel(model: LayersModel, from: string): LayersModel {
  const start = model.layers.findIndex((l) => l.name === from);
  if (start < 0) throw new Error(`the model has no layer "${from}"`);
  const dim = (model.layers[start]!.outputShape as number[]).slice(1).reduce((a, b) => a * b, 1);
  const head = tfl.sequential({ name: `${model.name}_head` });
  head.add(tfl.layers.flatten({ inputShape: [dim, 1, 1], name: 'features' }));
  for (const layer of model.layers.slice(start + 1)) {
    const config = { ...layer.getConfig() } as Record<string, unknown>;
    delete config.batchInputShape;
    delete config.inputShape;
    const copy = tfl.layers[layerFactory(layer.getClassName())](config as never) as tfl.layers.Layer;
    head.add(copy);
    copy.setWeights(layer.getWeights());
  }
  return head;
}

function layerFactory(className: string): 'dense' | 'softmax' | 'dropout' | 'activation' {
  const known: Record<string, 'dense' | 'softmax' | 'dropout' | 'activation'> = { Dense: 'dense', Softmax: 'softmax', Dropout: 'dropout', Activation: 'activation' };
  const f = known[className];
  if (!f) throw new Error(`a head layer of class ${className} is not supported`);
  return f;
}

/** Feature rows as the Trainer's "images": [count, d, 1] holding feature·255. */
export function featuresAsImages(rows: FeatureRows, labels: ImageSet['labels']): ImageSet {
  return { images: rows.data.map((v) => v * 255), labels, count: rows.count, height: rows.dim, width: 1 };
}
