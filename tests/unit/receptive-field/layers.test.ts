import { describe, expect, it } from 'vitest';
import { say, whyOf } from '../../../src/lib/i18n/index.ts';
import { formatLayers, parseLayers, PRESETS, LIMITS } from '../../../src/lib/receptive-field/layers.ts';

describe('parseLayers', () => {
  it('reads Keras-like defaults: conv stride 1 same, pool stride = size valid', () => {
    expect(parseLayers('conv 3, pool 2')).toEqual([
      { kind: 'conv', k: 3, s: 1, d: 1, padding: 'same' },
      { kind: 'pool', k: 2, s: 2, d: 1, padding: 'valid' },
    ]);
  });
  it('reads strides, dilations, padding, 3x3 and 3×3, and any separator', () => {
    expect(parseLayers('conv 7x7 s2; pool 3 s2 same\nconv 3×3 d2 valid')).toEqual([
      { kind: 'conv', k: 7, s: 2, d: 1, padding: 'same' },
      { kind: 'pool', k: 3, s: 2, d: 1, padding: 'same' },
      { kind: 'conv', k: 3, s: 1, d: 2, padding: 'valid' },
    ]);
  });
  it.each([
    ['', 'layers is empty'],
    ['conv 3, dense 10', 'layer 2 ("dense 10") must look like'],
    ['conv 0', 'the window size must be from 1 to 11; got "0"'],
    ['conv 3 s9', 'the stride must be from 1 to 4'],
    ['conv 3 d99', 'the dilation must be from 1 to 8'],
    ['conv 3x5', 'only square windows'],
    ['conv 3 q1', 'unknown setting "q1"'],
    [Array(LIMITS.layers + 1).fill('conv 3').join(','), `at most ${LIMITS.layers}`],
    [Array(500).fill('conv 3').join(','), 'lists 500 layers'],
  ])('%j is refused with a message', (raw, msg) => {
    expect(() => parseLayers(raw)).toThrow(msg);
  });
});

describe('parseLayers messages in Chinese', () => {
  it.each([
    ['', 'layers为空：请至少给出一层，如"conv 3, pool 2"。'],
    ['conv 3, dense 10', '第2层（"dense 10"）的写法应形如"conv 3"、"pool 2"或"conv 3 s2 d2 valid"。'],
    ['conv 0', '第1层（"conv 0"）：窗口大小须在1到11之间，现为"0"。'],
    ['conv 3 s9', '第1层（"conv 3 s9"）：步幅须在1到4之间，现为"9"。'],
    ['conv 3x5', '第1层（"conv 3x5"）：这里只支持正方形窗口（3×3）。'],
    ['conv 3 q1', '第1层（"conv 3 q1"）：未知设置"q1"；请用s<步幅>、d<膨胀>、same或valid。'],
    [Array(500).fill('conv 3').join(','), 'layers列出了500层；这里最多显示16层。'],
  ])('%j', (raw, zh) => {
    let why = null;
    try { parseLayers(raw); } catch (e) { why = whyOf(e); }
    expect(say('zh-CN', why!)).toBe(zh);
  });
});

describe('formatLayers', () => {
  it('round-trips every preset and writes only what differs from the defaults', () => {
    for (const p of PRESETS) expect(formatLayers(parseLayers(p.layers))).toBe(p.layers);
    expect(formatLayers(parseLayers('conv 3 s1 d1 same, pool 2 s2 valid, pool 2 s1 same'))).toBe('conv 3, pool 2, pool 2 s1 same');
  });
});
