import { describe, expect, it } from 'vitest';
import { saidIn } from './said.ts';
import { parseInteger } from '../../../src/lib/params/integer.ts';
import { ParamError } from '../../../src/lib/params/param-error.ts';

describe('parseInteger', () => {
  it.each([['1', 1], ['3', 3], [' 2 ', 2], ['+2', 2], ['02', 2]])('stride %j → %i', (raw, want) => {
    expect(parseInteger('stride', raw, 1, 3)).toBe(want);
  });

  it.each<[string, RegExp]>([
    ['0', /^stride must be from 1 to 3; got 0\.$/],
    ['-1', /^stride must be from 1 to 3; got -1\.$/],
    ['4', /got 4/],
    ['2.5', /^stride must be a whole number from 1 to 3; got "2\.5"\.$/],
    ['', /whole number/],
    ['two', /got "two"/],
    ['1e1', /whole number/],
    ['0x2', /whole number/],
  ])('stride %j is refused', (raw, message) => {
    expect(() => parseInteger('stride', raw, 1, 3)).toThrow(message);
  });

  it('throws a ParamError naming the parameter', () => {
    try {
      parseInteger('dilation', '0', 1, 3);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ParamError);
      expect((e as ParamError).param).toBe('dilation');
    }
  });
});

describe('parseInteger in Chinese', () => {
  it.each<[string, string, string]>([
    ['2.5', 'en', 'stride must be a whole number from 1 to 3; got "2.5".'],
    ['2.5', 'zh-CN', 'stride应为1到3之间的整数，当前为"2.5"。'],
    ['0', 'zh-CN', 'stride应在1到3之间，当前为0。'],
  ])('stride %j says it in %s', (raw, lang, want) => {
    expect(saidIn(lang, () => parseInteger('stride', raw, 1, 3))).toBe(want);
  });

  it('writes limits as one types them, in both languages (no grouping)', () => {
    expect(saidIn('en', () => parseInteger('seed', '-1', 0, 2 ** 31 - 1))).toBe('seed must be from 0 to 2147483647; got -1.');
    expect(saidIn('zh-CN', () => parseInteger('seed', 'x', 0, 2 ** 31 - 1))).toBe('seed应为0到2147483647之间的整数，当前为"x"。');
  });
});
