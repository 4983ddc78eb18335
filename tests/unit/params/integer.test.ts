import { describe, expect, it } from 'vitest';
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
