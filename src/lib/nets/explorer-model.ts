/**
 * A shipped model opened for the network explorer: the tfjs model, its layers as plain data, its weights as
 * plain arrays (read once, with `await data()`), the layer table, and its test set. The table's parameter
 * total is checked against tfjs's own `countParams()`, so a model the table would misdescribe is refused.
 */
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import type { Manifest } from '../data/index.ts';
import { MODELS, MODEL_NAMES, loadShippedModel, type ModelSpec } from '../models/shipped.ts';
import { ParamError, quote } from '../params/index.ts';
import { msg } from '../i18n/t.ts';
import { describeLayers, type LayerSpec } from './layer-spec.ts';
import { layerTable, type LayerTable } from './layer-table.ts';
import { readWeights, type Weights } from './explorer-forward.ts';
import { testSetOf, type TestSet } from './test-images.ts';

export interface ExplorerModel { name: string; spec: ModelSpec; model: LayersModel; layers: LayerSpec[]; table: LayerTable; weights: Weights; testSet: TestSet }

export const INPUT_SHAPE = [28, 28, 1];

/** The model's spec, or a message naming the ones there are. */
export function modelSpec(name: string): ModelSpec {
  const spec = MODELS[name];
  if (!spec) throw new ParamError('model', msg('networkExplorer.unknownModel', { model: quote(name), choices: MODEL_NAMES.join(', ') }));
  return spec;
}

export async function openModel(tf: Tf, name: string, modelsBase: string, manifest: Manifest): Promise<ExplorerModel> {
  const spec = modelSpec(name);
  const model = await loadShippedModel(tf, name, modelsBase);
  try {
    const layers = describeLayers(model.layers);
    const table = layerTable(layers, INPUT_SHAPE);
    if (table.params !== model.countParams()) throw new Error(`the layer table counts ${table.params} parameters but tfjs counts ${model.countParams()}`);
    return { name, spec, model, layers, table, weights: await readWeights(model), testSet: testSetOf(spec, manifest) };
  } catch (err) {
    model.dispose();
    throw err;
  }
}
