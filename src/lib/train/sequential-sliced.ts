/**
 * A Sequential model built from its model.json layer by layer, as a sliced computation (src/lib/schedule/slices.ts):
 * `tfl.loadLayersModel` converts the whole topology, makes every layer, builds it and loads the weights in one task
 * (13-15 ms of script here on the pages with a shipped model, over 50 ms on a 4× slower phone). Here each of those is
 * a step, and the page may run between them.
 *
 * The steps are the ones `loadLayersModel` takes for a Sequential topology with weights (tfjs-layers 4.22:
 * models.js `loadLayersModelFromIOHandler`, `Sequential.fromConfig`, generic_utils.js `deserializeKerasObject`):
 * the Keras (snake_case) config turned into tfjs's camelCase one, each layer made by its registered class's
 * `fromConfig` with fast weight initialisation (weights made as zeros, since the file's overwrite them), added in
 * order, then the weights decoded and loaded strictly (every weight named, every shape checked). Anything else (a
 * functional model, a training config, custom objects) returns null, and the caller loads it with tfjs.
 * tests/unit/train/sequential-sliced.test.ts holds the result to `loadLayersModel`'s: the same config, weights and
 * outputs.
 */
import type { io, NamedTensorMap } from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Sliced } from '../schedule/slices.ts';
import type { Tf } from '../engine/types.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Dict = { [key: string]: Json };

/** snake_case → camelCase as tfjs-layers does it (a run of underscores dropped, the next character upper-cased). */
export function camel(key: string): string {
  if (key.length <= 1 || !key.includes('_')) return key;
  return key.replace(/_+(\w|$)/g, (_m, c: string) => c.toUpperCase());
}

/**
 * A Keras config in tfjs's spelling: keys and string values in camelCase, except a `name`'s string value and the
 * first (layer name) item of `inbound_nodes`, `input_layers` and `output_layers` entries (tfjs's convertPythonicToTs).
 */
export function tsConfig(value: Json, key?: string): Json {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return camel(value);
  if (Array.isArray(value)) {
    const names = key === 'inboundNodes' || key === 'outputLayers' || key === 'inputLayers';
    return value.map((item, i) => (names && i === 0 && typeof item === 'string' ? item : tsConfig(item, key)));
  }
  const out: Dict = {};
  for (const k of Object.keys(value)) {
    const v = value[k]!;
    if (k === 'name' && typeof v === 'string') out[k] = v;
    else {
      const tk = camel(k);
      out[tk] = tsConfig(v, tk);
    }
  }
  return out;
}

type FromConfig = (cls: unknown, config: Dict, customObjects: Dict, fastWeightInit: boolean) => tfl.layers.Layer;

/** One layer from its camelCase `{ className, config }`, by its registered class, with fast weight initialisation. */
function makeLayer(tf: Tf, conf: Dict): tfl.layers.Layer {
  const className = conf['className'];
  const config = conf['config'];
  const entry = typeof className === 'string' ? (tf.serialization.SerializationMap.getMap().classNameMap[className] as unknown as [unknown, FromConfig] | undefined) : undefined;
  if (!entry || !config || typeof config !== 'object' || Array.isArray(config)) throw new Error(`Unknown layer: ${String(className)}`);
  const [cls, fromConfig] = entry;
  const layer = fromConfig(cls, { ...config, customObjects: {} }, {}, true);
  (layer as unknown as { setFastWeightInitDuringBuild(v: boolean): void }).setFastWeightInitDuringBuild(true);
  return layer;
}

/**
 * The model described by `topology` (model.json's `modelTopology`) with the weights `data` laid out as `specs`,
 * built with a pause between layers; null (nothing made) when the topology is not a plain Sequential model. On a
 * failure, whatever was made is released before the error goes on.
 */
export function* sequentialSliced(tf: Tf, topology: unknown, specs: io.WeightsManifestEntry[], data: ArrayBuffer): Sliced<tfl.LayersModel | null> {
  const top = topology as Dict;
  const keras = (top['model_config'] ?? top) as Dict;
  if (keras['class_name'] !== 'Sequential' || !keras['config'] || Array.isArray(keras['config']) || top['training_config']) return null;
  const config = tsConfig(keras['config']) as Dict;
  const layers = config['layers'];
  if (!Array.isArray(layers) || layers.length === 0) return null;
  const { layers: _, ...extra } = config;
  const model = new tfl.Sequential(extra as tfl.SequentialArgs);
  let weights: NamedTensorMap | null = null;
  try {
    for (const conf of layers) {
      yield;
      model.add(makeLayer(tf, conf as Dict));
    }
    yield;
    weights = tf.io.decodeWeights(data, specs);
    model.loadWeights(weights, true);
    return model;
  } catch (err) {
    // A model with no layer yet has nothing to release (and tfjs's dispose() throws on it): the error that matters
    // is the one that stopped the build.
    if (model.layers.length > 0) model.dispose();
    throw err;
  } finally {
    if (weights) for (const t of Object.values(weights)) t.dispose();
  }
}
