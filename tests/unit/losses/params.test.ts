import { describe, expect, it } from 'vitest';
import { parseLogits, parseSmoothing, parseTarget, parseTemperature } from '../../../src/lib/losses/params.ts';
import { ParamError } from '../../../src/lib/params/param-error.ts';

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
