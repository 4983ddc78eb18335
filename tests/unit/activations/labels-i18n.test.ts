/** The activation helpers' reader-facing words come from the catalogue, in both languages (src/lib/i18n/). */
import { describe, expect, it } from 'vitest';
import { activationLabel } from '../../../src/lib/activations/functions.ts';
import { parseActivationList, parseSlope } from '../../../src/lib/activations/params.ts';
import { ParamError } from '../../../src/lib/params/index.ts';
import { say, whyOf } from '../../../src/lib/i18n/index.ts';

const refusal = (fn: () => unknown): ParamError => {
  try { fn(); } catch (e) { if (e instanceof ParamError) return e; throw e; }
  throw new Error('not refused');
};

describe('activationLabel', () => {
  it("names Leaky ReLU's slope in the reader's language", () => {
    expect(say('en', activationLabel('leaky-relu', 0.2))).toBe('Leaky ReLU (slope 0.2)');
    expect(say('zh-CN', activationLabel('leaky-relu', 0.2))).toBe('Leaky ReLU（斜率0.2）');
  });
  it('keeps the other names as they are', () => {
    for (const lang of ['en', 'zh-CN'] as const) expect(say(lang, activationLabel('gelu'))).toBe('GELU');
  });
});

describe('the activation parsers refuse with catalogue messages', () => {
  it.each([
    ['slope "abc"', () => parseSlope('abc'), 'slope must be a number from 0 to 1; got "abc".', 'slope必须是0到1之间的数，收到的是"abc"。'],
    ['slope 1e9', () => parseSlope('1e9'), 'slope must be from 0 to 1; got 1000000000.', 'slope必须在0到1之间，收到的是1000000000。'],
    ['an empty list', () => parseActivationList(' , '), 'functions needs at least one of: relu, leaky-relu, sigmoid, tanh, gelu.', 'functions至少需要以下之一：relu, leaky-relu, sigmoid, tanh, gelu。'],
  ])('%s', (_, fn, en, zh) => {
    const err = refusal(fn);
    expect(err.message).toBe(en);
    expect(say('zh-CN', whyOf(err)!)).toBe(zh);
  });
});
