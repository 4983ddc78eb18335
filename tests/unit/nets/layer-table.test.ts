import { describe, expect, it } from 'vitest';
import * as tfl from '@tensorflow/tfjs-layers';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { describeLayers, type LayerSpec } from '../../../src/lib/nets/layer-spec.ts';
import { formatShape, layerRow, layerTable } from '../../../src/lib/nets/layer-table.ts';
import { smallCnnSpecs } from '../../../src/lib/nets/small-cnn-spec.ts';
import { cpu } from '../train/helpers.ts';

describe('layerTable on the book small CNN', () => {
  it('gives the hand-derived shapes, parameters and multiply-adds of every layer', async () => {
    await cpu();
    const model = buildSmallCnn({ classes: 5, seed: 1 });
    const t = layerTable(describeLayers(model.layers), [28, 28, 1]);
    const by = Object.fromEntries(t.rows.map((r) => [r.name, r]));
    // conv1: 3·3·1·32 weights, one multiply-add per weight per output pixel (28·28).
    expect(by.conv1).toMatchObject({ outShape: [28, 28, 32], trainable: 3 * 3 * 1 * 32, fixed: 0, macs: 28 * 28 * 3 * 3 * 32 });
    expect(by.bn1).toMatchObject({ outShape: [28, 28, 32], trainable: 2 * 32, fixed: 2 * 32, macs: 0 });
    expect(by.relu1).toMatchObject({ outShape: [28, 28, 32], trainable: 0, macs: 0 });
    expect(by.pool1).toMatchObject({ outShape: [14, 14, 32], trainable: 0, macs: 0 });
    expect(by.conv2).toMatchObject({ outShape: [14, 14, 64], trainable: 3 * 3 * 32 * 64, macs: 14 * 14 * 3 * 3 * 32 * 64 });
    expect(by.pool2!.outShape).toEqual([7, 7, 64]);
    expect(by.flatten!.outShape).toEqual([7 * 7 * 64]);
    expect(by.hidden).toMatchObject({ outShape: [64], trainable: 3136 * 64 + 64, macs: 3136 * 64 });
    expect(by.logits).toMatchObject({ outShape: [5], trainable: 64 * 5 + 5, macs: 64 * 5 });
    expect(by.probs).toMatchObject({ outShape: [5], trainable: 0, macs: 0 });
    // The card of digits04-cnn states 220,197 parameters (220,005 trainable).
    expect([t.params, t.trainable]).toEqual([220_197, 220_005]);
    model.dispose();
  });

  it.each([
    { classes: 10, filters: [32, 64] as [number, number], hidden: 64 },
    { classes: 3, filters: [4, 8] as [number, number], hidden: 16 },
  ])('totals equal tfjs countParams() and trainable weights ($classes classes, filters $filters)', async (o) => {
    await cpu();
    const model = buildSmallCnn({ ...o, seed: 2 });
    const t = layerTable(describeLayers(model.layers), [28, 28, 1]);
    expect(t.params).toBe(model.countParams());
    expect(t.trainable).toBe(model.trainableWeights.reduce((s, w) => s + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0));
    t.rows.forEach((r, i) => expect(r.outShape, r.name).toEqual(model.layers[i]!.outputShape.slice(1)));
    model.dispose();
  });

  it.each([
    { classes: 10, filters: [32, 64] as [number, number], hidden: 64 },
    { classes: 5, filters: [4, 8] as [number, number], hidden: 16 },
  ])("Chapter 2's hand description (smallCnnSpecs) is the real model, layer for layer ($classes classes, filters $filters)", async (o) => {
    await cpu();
    const model = buildSmallCnn({ ...o, seed: 3 });
    expect(smallCnnSpecs(o)).toEqual(describeLayers(model.layers));
    model.dispose();
  });

  it('gives the totals Chapter 2 states, and a global-average-pooling head drops exactly the hidden layer', () => {
    const flat = layerTable(smallCnnSpecs(), [28, 28, 1]);
    expect([flat.params, flat.trainable, flat.macs]).toEqual([220_522, 220_330, 4_039_808]);
    const gap = layerTable(smallCnnSpecs({ head: 'gap' }), [28, 28, 1]);
    expect(gap.rows.find((r) => r.name === 'gap')!.outShape).toEqual([64]);
    expect(gap.rows.find((r) => r.name === 'logits')!.trainable).toBe(64 * 10 + 10);
    const hidden = flat.rows.find((r) => r.name === 'hidden')!;
    expect(flat.params - gap.params).toBe(hidden.trainable);
    expect(flat.macs - gap.macs).toBe(hidden.macs);
  });

  it('follows stride, valid padding and bias like tfjs', async () => {
    await cpu();
    const model = tfl.sequential({ layers: [
      tfl.layers.conv2d({ inputShape: [11, 9, 3], filters: 5, kernelSize: 3, strides: 2, padding: 'valid' }),
      tfl.layers.averagePooling2d({ poolSize: 2 }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: 4, useBias: false }),
    ] });
    const t = layerTable(describeLayers(model.layers), [11, 9, 3]);
    // (11 − 3)/2 + 1 = 5 rows, (9 − 3)/2 + 1 = 4 columns; 3·3·3·5 weights + 5 biases.
    expect(t.rows[0]).toMatchObject({ outShape: [5, 4, 5], trainable: 3 * 3 * 3 * 5 + 5, macs: 5 * 4 * 3 * 3 * 3 * 5 });
    expect(t.rows[1]!.outShape).toEqual([2, 2, 5]);
    expect(t.rows[3]).toMatchObject({ outShape: [4], trainable: 20 * 4, macs: 20 * 4 });
    expect(t.params).toBe(model.countParams());
    t.rows.forEach((r, i) => expect(r.outShape).toEqual(model.layers[i]!.outputShape.slice(1)));
    model.dispose();
  });

  it('refuses a dense layer on a map and a conv on a vector, naming the layer', () => {
    const dense: LayerSpec = { kind: 'dense', name: 'fc', units: 3, bias: true, relu: false };
    expect(() => layerRow(dense, [4, 4, 2])).toThrow(/"fc".*flat input/);
    const conv: LayerSpec = { kind: 'conv', name: 'c', kernel: [3, 3], filters: 2, stride: 1, padding: 'same', bias: false, relu: false };
    expect(() => layerRow(conv, [10])).toThrow(/"c".*\[h, w, c\]/);
  });

  it('formats shapes as people write them', () => {
    expect(formatShape([28, 28, 32])).toBe('28×28×32');
    expect(formatShape([3136])).toBe('3136');
  });
});
