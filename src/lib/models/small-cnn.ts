/**
 * The book's small CNN, built with tfjs-layers: two conv blocks (3×3 same conv → BatchNorm → ReLU → 2×2 max
 * pool), then a dense hidden layer and a softmax head. Input [N, 28, 28, 1] holding pixel / 255.
 * Every initialiser gets its own seed derived from `seed`, so the same seed builds the same weights everywhere.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import { runSync, type Sliced } from '../schedule/slices.ts';

export interface SmallCnnOptions {
  /** Number of output classes (10 for Fashion-MNIST, 5 for digits 0–4). */
  classes: number;
  seed: number;
  /** Filters of the two conv blocks. */
  filters?: [number, number];
  /** Units of the hidden dense layer. */
  hidden?: number;
  name?: string;
  /**
   * BatchNormalization's moving-average momentum (tfjs's default 0.99 when absent). Short live runs use less,
   * so the statistics used at inference settle within tens of steps instead of hundreds.
   */
  batchNormMomentum?: number;
}

export const INPUT_SHAPE = [28, 28, 1] as const;

export function buildSmallCnn(options: SmallCnnOptions): tfl.LayersModel {
  return runSync(buildSmallCnnSliced(options));
}

/**
 * `buildSmallCnn` as a sliced computation (src/lib/schedule/slices.ts): a pause after each layer is added (added
 * together, the layers and their seeded initial weights were 10-12 ms of one task as a page loaded here). The same
 * layers and weights: each initialiser's seed comes from `seed` and its place, not from time.
 */
export function* buildSmallCnnSliced(options: SmallCnnOptions): Sliced<tfl.LayersModel> {
  const { classes, seed, filters = [32, 64], hidden = 64, name = 'small_cnn', batchNormMomentum } = options;
  let n = 0;
  const init = () => tfl.initializers.glorotUniform({ seed: seed * 101 + ++n });
  const model = tfl.sequential({ name });
  try {
    for (let i = 0; i < filters.length; i++) {
      model.add(tfl.layers.conv2d({
        name: `conv${i + 1}`, filters: filters[i]!, kernelSize: 3, padding: 'same', useBias: false, kernelInitializer: init(),
        ...(i === 0 ? { inputShape: [...INPUT_SHAPE] } : {}),
      }));
      yield;
      model.add(tfl.layers.batchNormalization({ name: `bn${i + 1}`, ...(batchNormMomentum === undefined ? {} : { momentum: batchNormMomentum }) }));
      model.add(tfl.layers.reLU({ name: `relu${i + 1}` }));
      model.add(tfl.layers.maxPooling2d({ name: `pool${i + 1}`, poolSize: 2 }));
      yield;
    }
    model.add(tfl.layers.flatten({ name: 'flatten' }));
    model.add(tfl.layers.dense({ name: 'hidden', units: hidden, activation: 'relu', kernelInitializer: init() }));
    yield;
    model.add(tfl.layers.dense({ name: 'logits', units: classes, kernelInitializer: init() }));
    model.add(tfl.layers.softmax({ name: 'probs' }));
    return model;
  } catch (err) {
    if (model.layers.length > 0) model.dispose();
    throw err;
  }
}

/** Weights of every kind (trainable or not, e.g. BatchNorm's moving statistics), as numbers and float32 bytes. */
export function parameterCount(model: tfl.LayersModel): { trainable: number; total: number; bytes: number } {
  const size = (ws: { shape: (number | null)[] }[]) => ws.reduce((s, w) => s + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
  const total = size(model.weights);
  return { trainable: size(model.trainableWeights), total, bytes: total * 4 };
}
