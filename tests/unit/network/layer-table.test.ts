/**
 * The chapter's table of the small CNN, held to the real tfjs-layers model the book trains and ships
 * (src/lib/models/small-cnn.ts): every layer's output shape and weight count, and the total.
 */
import { describe, expect, it } from 'vitest';
import { layerTable, smallCnnLayers, totals } from '../../../src/lib/network/layer-table.ts';
import { buildSmallCnn, parameterCount } from '../../../src/lib/models/small-cnn.ts';
import { convCost, denseCost } from '../../../src/lib/conv/cost.ts';
import { cpu } from '../train/helpers.ts';

describe('layerTable for the small CNN', () => {
  it('matches the tfjs-layers model layer by layer: shapes and weights', async () => {
    await cpu();
    const model = buildSmallCnn({ classes: 10, seed: 1 });
    const rows = layerTable([28, 28, 1], smallCnnLayers());
    // The model folds the hidden ReLU into its dense layer; the table lists it as its own row.
    const ours = rows.filter((r) => r.name !== 'hidden_relu');
    expect(ours.map((r) => r.name)).toEqual(model.layers.map((l) => l.name));
    ours.forEach((r, i) => {
      const layer = model.layers[i]!;
      expect([r.name, r.params], r.name).toEqual([layer.name, layer.countParams()]);
      expect([r.name, r.shape], r.name).toEqual([layer.name, (layer.outputShape as number[]).slice(1)]);
      const trainable = layer.trainableWeights.reduce((s, w) => s + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
      expect([r.name, r.trainable]).toEqual([layer.name, trainable]);
    });
    const t = totals(rows);
    const real = parameterCount(model);
    expect(t.params).toBe(real.total);
    expect(t.trainable).toBe(real.trainable);
    expect(t.params).toBe(220_522); // the figure the chapter states
    model.dispose();
  });

  it('counts multiply-adds with the same formulas as Chapter 1', () => {
    const rows = layerTable([28, 28, 1], smallCnnLayers());
    const by = (n: string) => rows.find((r) => r.name === n)!;
    expect(by('conv1').macs).toBe(convCost(28, 28, 3, 3, 1, 32, false).macs);
    expect(by('conv2').macs).toBe(convCost(14, 14, 3, 3, 32, 64, false).macs);
    expect(by('hidden').macs).toBe(denseCost(7, 7, 64, 1, 1, 64).macs);
    expect(by('logits').macs).toBe(64 * 10);
    for (const n of ['bn1', 'relu1', 'pool1', 'flatten', 'probs']) expect(by(n).macs).toBe(0);
    expect(by('flatten').shape).toEqual([3136]);
  });

  it('a global-average-pooling head keeps the convs and drops the 200,768-weight hidden layer', async () => {
    await cpu();
    const gap = layerTable([28, 28, 1], smallCnnLayers({ head: 'gap' }));
    const flat = layerTable([28, 28, 1], smallCnnLayers());
    expect(gap.find((r) => r.name === 'gap')!.shape).toEqual([64]);
    expect(gap.find((r) => r.name === 'logits')!.params).toBe(64 * 10 + 10);
    expect(totals(flat).params - totals(gap).params).toBe(flat.find((r) => r.name === 'hidden')!.params);
  });
});
