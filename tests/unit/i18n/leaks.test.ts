/**
 * The judging half of the language-leak browser test (tests/e2e/i18n-text.ts, used through tests/e2e/i18n-check.ts by widths.spec.ts and i18n-leaks.spec.ts):
 * it catches English words in Chinese widget text and Chinese in English text, and lets the allow-list stand.
 */
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_LATIN, allowedLatin, chineseRuns, findLeaks, latinWords, offendingWords, wordsByWidget,
} from '../../e2e/i18n-text.ts';

describe('English left in Chinese widget text', () => {
  it.each([
    ['步幅 Stride', ['Stride']],
    ['Reset figure', ['Reset', 'figure']],
    ['卷积核（kernel）', ['kernel']],
    ['tf.conv2d took 2269.4 ms on WebGPU.', ['took', 'on']],
    ['预测为T-shirt/top（99.6%）', ['T-shirt', 'top']],
    ['最大池化：Max', ['Max']],
    ['Logit values', ['values']],
    ['按Control加大步子', ['Control']],
    ['i.e. 也就是', ['i.e']],
    ['the book\'s float64', ['the', 'book\'s']],
    ['PCA（方差的40%）', ['PCA']],
  ])('%j → %j', (text, words) => {
    expect(offendingWords(text, 'zh-CN')).toEqual(words);
  });

  it.each([
    '计算后端：WebGPU（软件适配器）',
    '没有WebGPU·改用WebGL/CPU',
    '此页需要JavaScript；TensorFlow.js无法启动',
    '用时2269.4 ms；画布300×451 px；下载1.2 MB（12 KB已缓存）',
    '数据集：MNIST、Fashion-MNIST；模型：LeNet、VGG、ResNet、fashion-cnn、digits04-cnn、CNN',
    '激活函数：ReLU、Leaky ReLU、Sigmoid、sigmoid、Tanh、Softmax、GELU；每个类别的logit',
    'He初始化、Glorot初始化（Xavier初始化）；Sobel x与Sobel-y；AdaBN；BatchNorm；Adam',
    'x轴与y轴；W与b；x1、zᵢ、pⱼ；误差约9.231e-8；T恤/上衣',
    'max(0, x)；log p；exp(zᵢ/T)',
    '第1块：conv1 → bn1 → relu1 → pool1；dense2',
    'RGB（3个通道）',
  ])('accepts %j', (text) => {
    expect(offendingWords(text, 'zh-CN')).toEqual([]);
  });

  it('compares names case-insensitively, but operators only as a formula writes them', () => {
    expect(allowedLatin('RELU')).toBe(true);
    expect(allowedLatin('webgpu')).toBe(true);
    expect(allowedLatin('max')).toBe(true);
    expect(allowedLatin('Max')).toBe(false);
    expect(allowedLatin('LOG')).toBe(false);
  });

  it('lets a hyphenated word through only when every part may stand', () => {
    expect(allowedLatin('Sobel-x')).toBe(true);
    expect(allowedLatin('box-blur')).toBe(false);
    expect(allowedLatin('cross-entropy')).toBe(false);
    expect(allowedLatin('ReLU-like')).toBe(false);
  });

  it('lets an address parameter stand as the reader types it, but not the words around it', () => {
    expect(offendingWords('页面要求使用CPU（?backend=cpu）', 'zh-CN')).toEqual([]);
    expect(offendingWords('页面要求使用CPU（?backend=cpu&lang=zh-CN）', 'zh-CN')).toEqual([]);
    expect(offendingWords('页面要求使用software（?backend=cpu）', 'zh-CN')).toEqual(['software']);
    expect(offendingWords('backend 是 CPU', 'zh-CN')).toEqual(['backend']);
  });

  it('takes words known at run time (the GPU adapter the badge quotes)', () => {
    const text = '计算后端：WebGPU（google / swiftshader，软件适配器）';
    expect(offendingWords(text, 'zh-CN')).toEqual(['google', 'swiftshader']);
    expect(offendingWords(text, 'zh-CN', new Set(['google', 'swiftshader']))).toEqual([]);
  });

  it('keeps the allow-list small, lowercase and justified', () => {
    expect(ALLOWED_LATIN.size).toBeLessThanOrEqual(72);
    for (const [word, why] of ALLOWED_LATIN) {
      expect(word).toBe(word.toLowerCase());
      expect(why.length, word).toBeGreaterThan(5);
      expect(latinWords(word), `${word} is one word`).toEqual([word]);
    }
  });
});

describe('Chinese in English widget text', () => {
  it.each([
    ['Stride 步幅', ['步幅']],
    ['Kernel：Sobel', ['：']],
    ['Class: T恤/上衣', ['恤', '上衣']],
    ['重试', ['重试']],
    ['Loss（nats）', ['（', '）']],
    ['Done。', ['。']],
  ])('%j → %j', (text, runs) => {
    expect(offendingWords(text, 'en')).toEqual(runs);
  });

  it.each([
    'tf.conv2d took 2269.4 ms on WebGPU (SwiftShader).',
    'max(0, x) — 3×3 kernel · 28×28 maps, values −0.634 to 0.692; 9.231e-8; exp(zᵢ/T) / Σ exp(zⱼ/T); ⌊(H + 2p − k) / s⌋',
    'Fashion-MNIST: T-shirt/top, Trouser, Ankle boot … “quoted” ‘too’',
  ])('accepts %j', (text) => {
    expect(offendingWords(text, 'en')).toEqual([]);
  });

  it('allows no Chinese at all, whatever the allow-list holds', () => {
    expect(chineseRuns('ReLU 函数')).toEqual(['函数']);
    expect(offendingWords('ReLU 函数', 'en', new Set(['函数']))).toEqual(['函数']);
  });
});

describe('findLeaks and wordsByWidget', () => {
  it('keep where each leak was found, and list each word once per widget tag', () => {
    const items = [
      { widget: 'fm-pool-explorer#1', where: 'text@label', text: '池化 Pooling' },
      { widget: 'fm-pool-explorer#2', where: 'aria-label@canvas', text: 'Pooling window', hidden: true },
      { widget: 'fm-device-badge#1', where: 'text@span', text: '计算后端：WebGPU' },
      { widget: 'fm-conv-stepper#1', where: 'text@button', text: 'Next' },
    ];
    const leaks = findLeaks(items, 'zh-CN');
    expect(leaks).toEqual([
      { ...items[0], words: ['Pooling'] },
      { ...items[1], words: ['Pooling', 'window'] },
      { ...items[3], words: ['Next'] },
    ]);
    expect(wordsByWidget(leaks)).toEqual({ 'fm-pool-explorer': ['Pooling', 'window'], 'fm-conv-stepper': ['Next'] });
    expect(findLeaks(items, 'en').map((l) => l.widget)).toEqual(['fm-pool-explorer#1', 'fm-device-badge#1']);
  });
});
