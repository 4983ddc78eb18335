import { describe, expect, it } from 'vitest';
import { parseActivation, parseActivationList, parseSlope } from '../../../src/lib/activations/params.ts';
import { ParamError } from '../../../src/lib/params/index.ts';

describe('parseSlope', () => {
  it.each([['0', 0], ['0.01', 0.01], [' 1 ', 1], ['2e-1', 0.2]])('%s → %f', (raw, want) => expect(parseSlope(raw)).toBe(want));
  it.each(['NaN', '-0.1', '1e9', 'Infinity', '', 'abc', '0.1<b>'])('refuses %j with a ParamError naming slope', (raw) => {
    expect(() => parseSlope(raw)).toThrow(ParamError);
    expect(() => parseSlope(raw)).toThrow(/slope must be/);
  });
});

describe('parseActivation / parseActivationList', () => {
  it('accepts names case-insensitively', () => expect(parseActivation(' ReLU ')).toBe('relu'));
  it('names the allowed ones for an unknown name', () => expect(() => parseActivation('swish')).toThrow(/Unknown activation "swish". Choose one of: relu, leaky-relu, sigmoid, tanh, gelu/));
  it('parses and de-duplicates a list', () => expect(parseActivationList('relu, gelu,relu')).toEqual(['relu', 'gelu']));
  it('refuses an empty list', () => expect(() => parseActivationList(' , ')).toThrow(ParamError));
});
