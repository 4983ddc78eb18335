import { describe, expect, it } from 'vitest';
import * as tfl from '@tensorflow/tfjs-layers';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { describeLayers, layerLabel } from '../../../src/lib/nets/layer-spec.ts';
import { cpu } from '../train/helpers.ts';
import { say } from '../../../src/lib/i18n/index.ts';

describe('describeLayers', () => {
  it('reads the small CNN as conv, bn, relu, pool ×2, flatten, dense, dense, softmax', async () => {
    await cpu();
    const model = buildSmallCnn({ classes: 10, seed: 1 });
    const specs = describeLayers(model.layers);
    expect(specs.map((s) => s.kind)).toEqual(['conv', 'bn', 'relu', 'pool', 'conv', 'bn', 'relu', 'pool', 'flatten', 'dense', 'dense', 'softmax']);
    expect(specs[0]).toEqual({ kind: 'conv', name: 'conv1', kernel: [3, 3], filters: 32, stride: 1, padding: 'same', bias: false, relu: false });
    expect(specs[1]).toEqual({ kind: 'bn', name: 'bn1', epsilon: 0.001 });
    expect(specs[3]).toEqual({ kind: 'pool', name: 'pool1', size: 2, stride: 2, op: 'max' });
    expect(specs[9]).toEqual({ kind: 'dense', name: 'hidden', units: 64, bias: true, relu: true });
    expect(say('en', layerLabel(specs[0]!))).toBe('3×3 conv, 32 filters, same padding, no bias');
    expect(say('en', layerLabel(specs[3]!))).toBe('2×2 max pooling, stride 2');
    expect(say('en', layerLabel(specs[9]!))).toBe('dense, 64 units, ReLU');
    // In Chinese too, in the glossary's terms (卷积, 滤波器, 填充, 偏置, 最大池化, 步幅, 全连接层).
    expect(say('zh-CN', layerLabel(specs[0]!))).toBe('3×3卷积，32个滤波器，same填充，无偏置');
    expect(say('zh-CN', layerLabel(specs[3]!))).toBe('2×2最大池化，步幅2');
    expect(say('zh-CN', layerLabel(specs[9]!))).toBe('全连接层，64个单元，接ReLU');
    expect(layerLabel(specs[2]!)).toBe('ReLU');
    model.dispose();
  });

  it('refuses layers it cannot show, by name', async () => {
    await cpu();
    const model = tfl.sequential({ layers: [tfl.layers.flatten({ inputShape: [4, 4, 1] }), tfl.layers.dropout({ rate: 0.5, name: 'drop' })] });
    expect(() => describeLayers(model.layers)).toThrow(/layer "drop" \(Dropout\)/);
    const tanh = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [3], units: 2, activation: 'tanh', name: 'fc' })] });
    expect(() => describeLayers(tanh.layers)).toThrow(/"fc": activation tanh/);
  });
});
