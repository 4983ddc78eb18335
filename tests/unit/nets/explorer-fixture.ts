/** The shipped digits04-cnn on tfjs's CPU backend in Node, with test images read from public/data. */
import { loadModel } from '../../../src/lib/train/model-io.ts';
import { dirReader } from '../../../src/lib/train/node-files.ts';
import { loadManifest } from '../../../src/lib/data/index.ts';
import { fileFetch } from '../../../scripts/data/file-fetch.mts';
import { MODELS } from '../../../src/lib/models/shipped.ts';
import { describeLayers } from '../../../src/lib/nets/layer-spec.ts';
import { readWeights } from '../../../src/lib/nets/explorer-forward.ts';
import { TestImages, testSetOf } from '../../../src/lib/nets/test-images.ts';
import { cpu } from '../train/helpers.ts';

export async function shipped(name = 'digits04-cnn') {
  const tf = await cpu();
  const model = await loadModel(tf as never, dirReader(`public/models/${name}`), name, [28, 28, 1]);
  const fetchFn = fileFetch('public');
  const manifest = await loadManifest('data/', fetchFn);
  const spec = MODELS[name]!;
  const testSet = testSetOf(spec, manifest);
  const images = new TestImages('data/', manifest, fetchFn);
  return { tf, model, spec, manifest, testSet, images, layers: describeLayers(model.layers), weights: await readWeights(model) };
}

/** pixel / 255 as [1, 28, 28, 1], the models' input. */
export function asInput(pixels: Uint8Array) {
  return { data: Float32Array.from(pixels, (v) => v / 255), shape: [1, 28, 28, 1] };
}
