import { describe, expect, it } from 'vitest';
import { commonDenominator, formatWeights, weightFormat } from '../../../src/lib/conv/weight-format.ts';
import { presetKernel, PRESETS } from '../../../src/lib/conv/kernels.ts';
import { parseWeight } from '../../../src/lib/params/number-cell.ts';

/** Which format a cell's text is in. */
const kindOf = (t: string) => (t.includes('/') ? 'fraction' : /^-?\d+$/.test(t) ? 'integer' : 'decimal');

describe('formatWeights: one format per kernel', () => {
  it.each<[string, number[], string[]]>([
    ['integers', [-1, 0, 1, -2, 0, 2], ['-1', '0', '1', '-2', '0', '2']],
    ['short decimals (3×3 Gaussian)', [1 / 16, 2 / 16, 4 / 16], ['0.0625', '0.125', '0.25']],
    ['decimals with an integer among them', [0, -1, 0.5], ['0', '-1', '0.5']],
    ['thirds', [1 / 9, 1 / 9], ['1/9', '1/9']],
    ['a decimal beside a fraction: both over the common denominator', [0.5, 1 / 3], ['3/6', '2/6']],
    ['5×5 Gaussian row: all over 256, none reduced', [1, 4, 6, 16, 36].map((n) => n / 256), ['1/256', '4/256', '6/256', '16/256', '36/256']],
    ['no small common denominator: shortest decimals', [Math.PI, 0.5], [String(Math.PI), '0.5']],
  ])('%s', (_, values, want) => {
    expect(formatWeights(values)).toEqual(want);
    expect(want.map((t) => parseWeight('w', t))).toEqual(values);
  });

  it('the 5×5 Gaussian preset: every non-zero cell is n/256 (the reader review found 3/128 beside 0.0625)', () => {
    const cells = formatWeights(presetKernel('gaussian', 5).values);
    expect(cells.every((t) => t.endsWith('/256'))).toBe(true);
    expect(cells[12]).toBe('36/256');
  });

  it('the 7×7 Gaussian is over 4096', () => {
    expect(weightFormat(presetKernel('gaussian', 7).values)).toEqual({ kind: 'fraction', denominator: 4096 });
  });

  it('every preset at every size: one kind of text in the grid (0 aside), and exact round-trips', () => {
    for (const name of PRESETS) for (const size of [1, 2, 3, 4, 5, 6, 7]) {
      const k = presetKernel(name, size, 11);
      const cells = formatWeights(k.values);
      const kinds = new Set(cells.filter((t) => t !== '0').map(kindOf));
      if (kinds.has('fraction')) expect([...kinds], `${name} ${size}`).toEqual(['fraction']);
      else expect(kinds.size <= 1 || (kinds.has('decimal') && kinds.has('integer')), `${name} ${size}`).toBe(true);
      expect(cells.map((t) => parseWeight('w', t)), `${name} ${size}`).toEqual(k.values);
    }
  });
});

describe('commonDenominator', () => {
  it.each<[number[], number | null]>([
    [[1, 2], 1],
    [[0.5, 0.25], 4],
    [[1 / 3, 1 / 4], 12],
    [[1 / 4097], null],
    [[Math.SQRT2], null],
  ])('%j → %s', (values, d) => expect(commonDenominator(values)).toBe(d));
});
