import { describe, expect, it } from 'vitest';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { describeLayers } from '../../../src/lib/nets/layer-spec.ts';
import { layerTable } from '../../../src/lib/nets/layer-table.ts';
import { INPUT_SHAPE, mapLayers, modelSpec } from '../../../src/lib/nets/explorer-model.ts';
import { ParamError } from '../../../src/lib/params/index.ts';
import { cpu } from '../train/helpers.ts';

describe('modelSpec', () => {
  it('knows the shipped models and names them when asked for another', () => {
    expect(modelSpec('digits04-cnn').classes).toBe(5);
    expect(modelSpec('fashion-cnn').classNames[1]).toBe('Trouser');
    expect(() => modelSpec('resnet50')).toThrow(ParamError);
    expect(() => modelSpec('resnet50')).toThrow('Unknown model "resnet50". Choose one of: fashion-cnn, digits04-cnn.');
  });
});

describe('mapLayers', () => {
  it('lists the layers whose output is a stack of maps: conv1 … pool2', async () => {
    await cpu();
    const model = buildSmallCnn({ classes: 10, seed: 1 });
    const layers = describeLayers(model.layers);
    const idx = mapLayers({ layers, table: layerTable(layers, INPUT_SHAPE) });
    expect(idx.map((i) => layers[i]!.name)).toEqual(['conv1', 'bn1', 'relu1', 'pool1', 'conv2', 'bn2', 'relu2', 'pool2']);
    model.dispose();
  });
});
