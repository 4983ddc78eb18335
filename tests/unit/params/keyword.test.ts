import { describe, expect, it } from 'vitest';
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
