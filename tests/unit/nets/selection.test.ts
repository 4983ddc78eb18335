import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../../../src/lib/nets/layer-spec.ts';
import { layerTable } from '../../../src/lib/nets/layer-table.ts';
import { checkChoice, mapChoices, pixelFraction, resolveSelection, strongestPixel } from '../../../src/lib/nets/selection.ts';
import { describePrediction } from '../../../src/lib/nets/prediction.ts';
import { say } from '../../../src/lib/i18n/index.ts';

const layers: LayerSpec[] = [
  { kind: 'conv', name: 'conv1', kernel: [3, 3], filters: 2, stride: 1, padding: 'same', bias: false, relu: false },
  { kind: 'pool', name: 'pool1', size: 2, stride: 2, op: 'max' },
  { kind: 'flatten', name: 'flatten' },
  { kind: 'dense', name: 'fc', units: 3, bias: true, relu: false },
];
const rows = layerTable(layers, [4, 4, 1]).rows;
// conv1: 4×4×2 with channel 1 largest at (2, 3); pool1: 2×2×2.
const conv = { data: Float32Array.from({ length: 32 }, (_, i) => (i === (2 * 4 + 3) * 2 + 1 ? 9 : i % 2)), shape: [1, 4, 4, 2] };
const pool = { data: new Float32Array(8), shape: [1, 2, 2, 2] };
const outs = [conv, pool, { data: new Float32Array(8), shape: [1, 8] }, { data: new Float32Array(3), shape: [1, 3] }];

describe('mapChoices / checkChoice', () => {
  it('lists the layers that output maps, with their number of maps', () => {
    expect(mapChoices(layers, rows)).toEqual([{ name: 'conv1', index: 0, maps: 2 }, { name: 'pool1', index: 1, maps: 2 }]);
  });

  it.each([
    [{ layer: 'fc', map: 1 }, 'Unknown layer "fc". Choose one of: conv1, pool1.'],
    [{ layer: 'conv1', map: 3 }, 'map must be from 1 to 2 for layer conv1 (it has 2 feature maps); got 3.'],
  ])('refuses %o with a message for the reader', (choice, message) => {
    expect(() => checkChoice(choice, mapChoices(layers, rows))).toThrow(message);
  });
});

describe('resolveSelection', () => {
  it('shows the strongest pixel of the wanted map when none was chosen', () => {
    expect(strongestPixel(conv, 1)).toEqual({ y: 2, x: 3 });
    expect(resolveSelection(layers, rows, outs, { layer: 'conv1', map: 2 }, { layer: 'conv1', map: 1 }, null)).toEqual({ choice: { layer: 'conv1', map: 2 }, index: 0, map: 1, y: 2, x: 3, error: null });
  });

  it('keeps a chosen pixel at the same place when the layer halves the resolution', () => {
    const f = pixelFraction(2, 3, 4, 4);
    expect(resolveSelection(layers, rows, outs, { layer: 'pool1', map: 1 }, { layer: 'conv1', map: 1 }, f)).toMatchObject({ index: 1, y: 1, x: 1 });
  });

  it('falls back to the last good choice (or the first map) and reports the refusal', () => {
    const r = resolveSelection(layers, rows, outs, { layer: 'conv1', map: 7 }, { layer: 'pool1', map: 2 }, null);
    expect(r.choice).toEqual({ layer: 'pool1', map: 2 });
    expect(r.error?.param).toBe('map');
    const s = resolveSelection(layers, rows, outs, { layer: 'nope', map: 1 }, { layer: 'also-nope', map: 1 }, null);
    expect(s.choice).toEqual({ layer: 'conv1', map: 1 });
    expect(s.error?.param).toBe('layer');
  });
});

describe('describePrediction', () => {
  const names = ['cat', 'dog', 'fox'];
  it('names the largest probability, the input and whether it matches the label', () => {
    const en = (...a: Parameters<typeof describePrediction>) => say('en', describePrediction(...a).summary);
    expect(en('m', names, [0.1, 0.7, 0.2], 5, 1, 1000)).toBe('m predicts dog (70.0%) for test image 5 of 1,000 (labelled dog) — correct.');
    expect(en('m', names, [0.1, 0.2, 0.7], 5, 1, 1000)).toBe('m predicts fox (70.0%) for test image 5 of 1,000 (labelled dog) — wrong: it is dog.');
    const drawing = describePrediction('m', names, [0.6, 0.2, 0.2], null, null, 1000);
    expect(drawing.predicted).toBe(0);
    expect(say('en', drawing.input)).toBe('your drawing');
    expect(say('en', drawing.summary)).toBe('m predicts cat (60.0%) for your drawing.');
  });

  it('says the same in Chinese, with Fashion-MNIST class names in Chinese', () => {
    const clothes = ['T-shirt/top', 'Trouser', 'Ankle boot'];
    expect(say('zh-CN', describePrediction('fashion-cnn', clothes, [0.1, 0.2, 0.7], 5, 1, 10000).summary))
      .toBe('对于测试图像5（共10,000张，标签为裤子），fashion-cnn预测为短靴（70.0%）——错误：实际是裤子。');
    expect(say('zh-CN', describePrediction('m', clothes, [0.6, 0.2, 0.2], null, null, 1000).summary)).toBe('对于你的手绘，m预测为T恤/上衣（60.0%）。');
  });
});
