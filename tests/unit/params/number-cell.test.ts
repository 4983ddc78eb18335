import { describe, expect, it } from 'vitest';
import { saidIn } from './said.ts';
import { MAX_WEIGHT, parseWeight } from '../../../src/lib/params/number-cell.ts';

describe('parseWeight', () => {
  it.each<[string, number]>([['0', 0], ['-0.5', -0.5], ['.25', 0.25], ['+3', 3], ['1e-3', 0.001], ['2E2', 200], ['1/9', 1 / 9], ['-3 / 4', -0.75], [String(MAX_WEIGHT), MAX_WEIGHT]])(
    '%j → %d', (raw, want) => expect(parseWeight('cell', raw)).toBe(want),
  );

  it.each<[string, RegExp]>([
    ['', /cell is empty/],
    ['  ', /cell is empty/],
    ['abc', /cell must be a number; got "abc"/],
    ['NaN', /must be a number; got "NaN"/],
    ['Infinity', /must be a number/],
    ['1e40', /too large \("1e40"\)/],
    ['-1000001', /too large/],
    ['1e400', /finite/],
    ['1/0', /finite/],
    ['0/0', /finite/],
    ['1,5', /must be a number/],
  ])('%j is refused', (raw, message) => expect(() => parseWeight('cell', raw)).toThrow(message));
});

describe('parseWeight in Chinese', () => {
  it.each<[string, string, string]>([
    ['', 'en', 'cell is empty; type a number such as 0, 1 or -0.5.'],
    ['', 'zh-CN', 'cell为空，请输入一个数，例如0、1或-0.5。'],
    ['abc', 'zh-CN', 'cell应为数字，当前为"abc"。'],
    ['1/0', 'zh-CN', 'cell应为有限的数，当前为"1/0"。'],
    ['1e40', 'en', 'cell is too large ("1e40"); keep weights between -1000000 and 1000000.'],
    ['1e40', 'zh-CN', 'cell太大（"1e40"），权重应在-1000000到1000000之间。'],
  ])('%j says it in %s', (raw, lang, want) => expect(saidIn(lang, () => parseWeight('cell', raw))).toBe(want));
});
