/**
 * conv-playground's words from the catalogue: its settings' messages say in English exactly what the shared parsers
 * say, and in Chinese name the attribute in the glossary's term; the formula, caption and kernel names in both
 * languages; the sample titles and text alternatives in the catalogue are the manifest's.
 */
import { describe, expect, it } from 'vitest';
import { say, whyOf, type Msg } from '@lib/i18n/index.ts';
import { ParamError, parseInteger, parseKeyword, parsePadding, parseWeight } from '@lib/params/index.ts';
import { parseKernel, parseWeightSaid } from '@lib/conv/kernels.ts';
import { stridesDilationConflict } from '@lib/conv/tf-conv.ts';
import en from '@lib/i18n/messages/en/index.ts';
import { defaultSettings, SAMPLES, withAttribute, type AttributeName } from '@components/conv-playground/settings.ts';
import { axisFormula, caption, kernelLabel } from '@components/conv-playground/formula.ts';
import { msg } from '@lib/i18n/index.ts';

function refusal(fn: () => unknown): ParamError {
  try { fn(); } catch (e) { if (e instanceof ParamError) return e; throw e; }
  throw new Error('not refused');
}
const said = (e: ParamError, lang: 'en' | 'zh-CN') => say(lang, e.said as Msg);
const attr = (name: AttributeName, raw: string) => refusal(() => withAttribute(defaultSettings(), name, raw));

describe('conv-playground settings messages', () => {
  it.each<[AttributeName, string, () => unknown]>([
    ['stride', '0', () => parseInteger('stride', '0', 1, 4)],
    ['stride', 'two', () => parseInteger('stride', 'two', 1, 4)],
    ['dilation', '9', () => parseInteger('dilation', '9', 1, 4)],
    ['seed', '-1', () => parseInteger('seed', '-1', 0, 2 ** 31 - 1)],
    ['padding', 'wide', () => parsePadding('padding', 'wide')],
    ['padding', '12', () => parsePadding('padding', '12')],
    ['color', 'sepia', () => parseKeyword('color', 'sepia', ['gray', 'rgb'])],
    ['rgb-mode', 'x', () => parseKeyword('rgb-mode', 'x', ['depthwise', 'full'])],
    ['kernel', 'blurry', () => parseKernel('kernel', 'blurry')],
    ['kernel', '1,2;3', () => parseKernel('kernel', '1,2;3')],
  ])('%s=%s: the shared English, as a catalogue message', (name, raw, shared) => {
    const e = attr(name, raw);
    expect(e.message).toBe(refusal(shared).message);
    expect(typeof e.said).toBe('object');
    expect(said(e, 'en')).toBe(e.message);
  });

  it('says them in Chinese with the attribute named in the glossary term', () => {
    expect(said(attr('stride', '0'), 'zh-CN')).toBe('步幅（stride）须在1到4之间，现为0。');
    expect(said(attr('padding', 'wide'), 'zh-CN')).toBe('填充（padding）须为valid、same或0到8之间的整数，现为"wide"。');
    expect(said(attr('kernel', '1,2;3'), 'zh-CN')).toBe('卷积核（kernel）的每一行须有相同个数的数（2个），请检查"1,2;3"。');
    expect(said(attr('kernel', '1,x;2,3'), 'en')).toBe('kernel cell (row 1, column 2) must be a number; got "x".');
    expect(said(attr('kernel', '1,x;2,3'), 'zh-CN')).toBe('卷积核（kernel）第1行第2列须为数字，现为"x"。');
    expect(said(attr('image', 'dog'), 'en')).toBe('Unknown image "dog". Choose one of: chelsea, astronaut, camera, coins, brick, or draw.');
    expect(said(attr('image', 'dog'), 'zh-CN')).toMatch(/^没有名为"dog"的图像。/);
  });

  it.each(['', 'abc', '1e999', '2e6', '0/0', '1/0'])('a kernel cell %j: parseWeight\'s English, and Chinese', (raw) => {
    const name = msg('convPlayground.cellName', { row: 1, col: 2 });
    const e = refusal(() => parseWeightSaid(name, raw));
    expect(e.message).toBe(refusal(() => parseWeight('Kernel row 1, column 2', raw)).message);
    expect(whyOf(e)).not.toBeNull();
    expect(said(e, 'zh-CN')).toMatch(/^卷积核第1行第2列/);
  });

  it('the stride–dilation conflict is a message', () => {
    const m = stridesDilationConflict({ stride: 2, dilation: 2, padding: 'valid' })!;
    expect(say('en', m)).toBe('Stride 2 with dilation 2 is not supported: TensorFlow.js (like TensorFlow) needs stride 1 or dilation 1. Set one of them to 1.');
    expect(say('zh-CN', m)).toBe('不支持步幅2与膨胀2同时使用：TensorFlow.js（与TensorFlow一样）要求步幅或膨胀为1。请把其中之一设为1。');
  });
});

describe('conv-playground formula and caption', () => {
  it('in English as before, and in Chinese', () => {
    expect(kernelLabel('en', 'sobel-x', 3, 3)).toBe('Sobel x 3×3');
    expect(kernelLabel('zh-CN', 'box-blur', 5, 5)).toBe('均值模糊（5×5）');
    expect(kernelLabel('en', null, 2, 3)).toBe('Custom 2×3 kernel');
    expect(axisFormula('en', 'H', 300, 3, 1, 1, 'same', 300)).toBe('Hout = ⌈H / s⌉ = ⌈300 / 1⌉ = 300  (padding 1+1)');
    expect(axisFormula('zh-CN', 'H', 300, 3, 1, 1, 'same', 300)).toBe('Hout = ⌈H / s⌉ = ⌈300 / 1⌉ = 300（填充1+1）');
    expect(axisFormula('en', 'W', 1024, 3, 1, 2, 'valid', 1020)).toBe('Wout = ⌊(W + 2p − k) / s⌋ + 1 = ⌊(1024 + 2·0 − 5) / 1⌋ + 1 = 1020, with the dilated k = (3−1)·2+1 = 5');
    const c = { kernel: 'Sobel x 3×3', color: 'rgb', op: 'depthwise', inH: 300, inW: 1451, outH: 298, outW: 1449, outC: 3, min: -1.5, max: 2 } as const;
    expect(caption('en', { ...c, image: 'chelsea' })).toBe('Sobel x 3×3 on chelsea (RGB, each channel on its own, 300×1451): output 298×1449 × 3 channels, values from −1.5 to 2.');
    expect(caption('zh-CN', { ...c, kernel: kernelLabel('zh-CN', 'sobel-x', 3, 3), image: msg('convPlayground.name.chelsea') }))
      .toBe('Sobel x算子（3×3）作用于猫咪Chelsea（RGB，各通道单独计算，300×1451）：输出298×1449×3个通道，取值从−1.5到2。');
  });

  it("has the manifest's sample titles and text alternatives as its English", () => {
    const cat = en as unknown as Record<string, string>;
    for (const s of SAMPLES) {
      expect(cat[`convPlayground.title.${s.name}`]).toBe(s.title);
      expect(cat[`convPlayground.alt.${s.name}`]).toBe(s.alt);
      expect(cat[`convPlayground.name.${s.name}`]).toBe(s.name);
    }
  });
});
