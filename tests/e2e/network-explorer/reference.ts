/**
 * Node side of the network-explorer spec: the same shipped model files run by TensorFlow.js on its CPU backend
 * (the reference the widget's GPU forward pass must match), the float64 oracle's rounding magnitudes (how close
 * "match" must be), and the test images as the book's own loader reads them.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadModel } from '../../../src/lib/train/model-io.ts';
import { dirReader } from '../../../src/lib/train/node-files.ts';
import { loadManifest } from '../../../src/lib/data/index.ts';
import { fileFetch } from '../../../scripts/data/file-fetch.mts';
import { MODELS } from '../../../src/lib/models/shipped.ts';
import { describeLayers } from '../../../src/lib/nets/layer-spec.ts';
import { forwardAll, readWeights } from '../../../src/lib/nets/explorer-forward.ts';
import { oracleForward } from '../../../src/lib/nets/forward-oracle.ts';
import { layerTable } from '../../../src/lib/nets/layer-table.ts';
import { TestImages, testSetOf } from '../../../src/lib/nets/test-images.ts';
import type { PlainTensor } from '../../../src/lib/conv/tensor.ts';

export async function cpuReference(model: string, input: PlainTensor) {
  await tf.setBackend('cpu');
  const m = await loadModel(tf as never, dirReader(`public/models/${model}`), model, [28, 28, 1]);
  try {
    const layers = describeLayers(m.layers);
    const fwd = await forwardAll(tf as never, m, input);
    const oracle = oracleForward(layers, await readWeights(m), input);
    return { layers: fwd.layers, oracle, countParams: m.countParams(), weights: m.weights.length, table: layerTable(layers, [28, 28, 1]) };
  } finally {
    m.dispose();
  }
}

/** Test image `index` of the model's test set: label and pixel / 255, read from public/data in Node. */
export async function testImage(model: string, index: number) {
  const fetchFn = fileFetch('public');
  const manifest = await loadManifest('data/', fetchFn);
  const set = testSetOf(MODELS[model]!, manifest);
  const img = await new TestImages('data/', manifest, fetchFn).get(set, index);
  return { label: img.label, input: Float32Array.from(img.pixels, (v) => v / 255), count: set.count };
}
