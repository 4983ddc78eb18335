import { describe, expect, it } from 'vitest';
import { parseLogits, parseSmoothing, parseTarget, parseTemperature } from '../../../src/lib/losses/params.ts';
import { ParamError } from '../../../src/lib/params/param-error.ts';
import { say, whyOf } from '../../../src/lib/i18n/index.ts';

describe('parseLogits', () => {
  it('reads 3–10 numbers separated by commas, spaces or semicolons', () => {
    expect(parseLogits('logits', '2, 1, 0.1')).toEqual([2, 1, 0.1]);
    expect(parseLogits('logits', '1e6 -1e6 0')).toEqual([1e6, -1e6, 0]);
  });
  it.each([
    ['1,2', /from 3 to 10 numbers.*got 2/],
    ['1,2,3,4,5,6,7,8,9,10,11', /got 11/],
    ['1,NaN,2', /Logit 1 is "NaN", which is not a finite number/],
    ['1,Infinity,2', /Logit 1 .* not a finite number/],
    ['1,2e6,0', /Logit 1 is too large \("2e6"\); keep logits from −1e6 to 1e6/],
    ['1,<b>x</b>,0', /Logit 1 must be a number from −1e6 to 1e6; got "<b>x<\/b>"/],
  ])('refuses %s', (raw, message) => {
    expect(() => parseLogits('logits', raw)).toThrow(ParamError);
    expect(() => parseLogits('logits', raw)).toThrow(message);
  });
});

describe('parseTemperature', () => {
  it('accepts 0.01–100', () => {
    expect(parseTemperature('temperature', '0.5')).toBe(0.5);
    expect(parseTemperature('temperature', '100')).toBe(100);
  });
  it.each(['0', '-1', '-0.5'])('explains why %s is refused', (raw) => {
    expect(() => parseTemperature('temperature', raw)).toThrow(/greater than 0.*one-hot/);
  });
  it.each(['0.001', '1000', 'hot', 'NaN'])('refuses %s', (raw) => {
    expect(() => parseTemperature('temperature', raw)).toThrow(ParamError);
  });
});

describe('parseSmoothing and parseTarget', () => {
  it('smoothing in [0, 1]', () => {
    expect(parseSmoothing('smoothing', '0.1')).toBe(0.1);
    expect(() => parseSmoothing('smoothing', '1.5')).toThrow(/from 0 to 1/);
  });
  it('target is a 0-based class index', () => {
    expect(parseTarget('target', '2', 3)).toBe(2);
    expect(() => parseTarget('target', '3', 3)).toThrow(/from 0 to 2/);
  });
});

describe('parseLogits and parseTemperature say why in the reader\'s language', () => {
  const why = (fn: () => unknown) => {
    try { fn(); } catch (e) { return whyOf(e); }
    throw new Error('not refused');
  };
  it.each([
    ['1,2', 'logits needs from 3 to 10 numbers separated by commas; got 2.', 'logits须为3到10个用逗号分隔的数，现有2个。'],
    ['1,NaN,2', 'Logit 1 is "NaN", which is not a finite number: type a value from −1e6 to 1e6.', '编号1的logit为"NaN"，不是有限的数：请输入−1e6到1e6之间的值。'],
    ['1,x,2', 'Logit 1 must be a number from −1e6 to 1e6; got "x".', '编号1的logit须为−1e6到1e6之间的数，现为"x"。'],
    ['1,2e6,0', 'Logit 1 is too large ("2e6"); keep logits from −1e6 to 1e6.', '编号1的logit太大（"2e6"），logit须在−1e6到1e6之间。'],
  ])('logits %s', (raw, english, chinese) => {
    const m = why(() => parseLogits('logits', raw))!;
    expect(say('en', m)).toBe(english);
    expect(say('zh-CN', m)).toBe(chinese);
  });
  it('temperature 0', () => {
    const m = why(() => parseTemperature('temperature', '0'))!;
    expect(say('en', m)).toBe('temperature must be greater than 0 (got "0"): softmax divides the logits by T, and as T shrinks to 0 it becomes a one-hot vector on the largest logit. Use 0.01 to 100.');
    expect(say('zh-CN', m)).toBe('温度（temperature）须大于0（现为"0"）：softmax把logit除以T，T趋于0时，它会变成最大logit上的独热编码向量。请使用0.01到100之间的值。');
  });
});

describe('parseReal refuses in the reader’s language', () => {
  it('English as before, Chinese through whyOf', async () => {
    const { parseReal } = await import('../../../src/lib/losses/params.ts');
    const { say, whyOf } = await import('../../../src/lib/i18n/index.ts');
    const refusal = (f: () => unknown) => { try { f(); } catch (e) { return e; } throw new Error('not refused'); };
    const e1 = refusal(() => parseReal('learning-rate', '0', 1e-5, 1, '0.003'));
    expect((e1 as Error).message).toBe('learning-rate must be from 0.00001 to 1 (e.g. 0.003); got "0".');
    expect(say('zh-CN', whyOf(e1)!)).toBe('learning-rate应为0.00001到1之间（例如0.003）的数，当前为"0"。');
    const e2 = refusal(() => parseReal('p', 'x', 0.001, 0.999));
    expect((e2 as Error).message).toBe('p must be a number from 0.001 to 0.999; got "x".');
    expect(say('zh-CN', whyOf(e2)!)).toBe('p应为0.001到0.999之间的数，当前为"x"。');
  });
});
