import { describe, expect, it } from 'vitest';
import { saidIn } from './said.ts';
import { parseKeyword } from '../../../src/lib/params/keyword.ts';

describe('parseKeyword', () => {
  const colors = ['gray', 'rgb'] as const;
  it.each([['gray', 'gray'], ['RGB', 'rgb'], [' gray ', 'gray']])('%j → %s', (raw, want) => {
    expect(parseKeyword('color', raw, colors)).toBe(want);
  });

  it('names the allowed keywords when the name is unknown', () => {
    expect(() => parseKeyword('color', 'purple', colors)).toThrow('Unknown color "purple". Choose one of: gray, rgb.');
  });

  it.each(['', 'gr', 'grayscale', 'rgb ,'])('%j is refused', (raw) => {
    expect(() => parseKeyword('color', raw, colors)).toThrow(/Unknown color/);
  });
});

describe('parseKeyword in Chinese', () => {
  it('lists the keywords with the Chinese enumeration comma', () => {
    expect(saidIn('zh-CN', () => parseKeyword('color', 'purple', ['gray', 'rgb', 'hsl']))).toBe('无法识别的color："purple"。可选值：gray、rgb、hsl。');
    expect(saidIn('en', () => parseKeyword('color', 'purple', ['gray', 'rgb', 'hsl']))).toBe('Unknown color "purple". Choose one of: gray, rgb, hsl.');
  });

  it('names a single keyword as it is', () => {
    expect(saidIn('zh-CN', () => parseKeyword('mode', 'x', ['only']))).toBe('无法识别的mode："x"。可选值：only。');
  });
});
