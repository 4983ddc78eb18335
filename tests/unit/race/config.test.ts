import { describe, expect, it } from 'vitest';
import { DEFAULT_RACE, RACE_ATTRS, raceSteps, withRaceAttribute } from '../../../src/lib/race/config.ts';
import { ParamError } from '../../../src/lib/params/index.ts';

describe('withRaceAttribute', () => {
  it.each([
    ['per-class', '40', { perClass: 40 }],
    ['epochs', ' 3 ', { epochs: 3 }],
    ['seed', '0', { seed: 0 }],
    ['learning-rate', '1e-3', { learningRate: 0.001 }],
    ['learning-rate', '.01', { learningRate: 0.01 }],
  ] as const)('%s=%j is accepted', (name, raw, change) => {
    expect(withRaceAttribute(DEFAULT_RACE, name, raw)).toEqual({ ...DEFAULT_RACE, ...change });
  });

  it.each([
    ['per-class', '1', /per-class must be from 2 to 160; got 1/],
    ['per-class', '161', /from 2 to 160/],
    ['per-class', 'twenty', /per-class must be a whole number from 2 to 160; got "twenty"/],
    ['epochs', '0', /epochs must be from 1 to 50/],
    ['epochs', '2.5', /whole number/],
    ['seed', '-1', /seed must be from 0 to 2147483647/],
    ['learning-rate', '0', /learning-rate must be from 0\.00001 to 1/],
    ['learning-rate', 'NaN', /learning-rate must be a number/],
    ['learning-rate', '5', /from 0\.00001 to 1/],
    ['learning-rate', '<b>x</b>', /got "<b>x<\/b>"/],
  ] as const)('%s=%j is refused with a readable message', (name, raw, message) => {
    expect(() => withRaceAttribute(DEFAULT_RACE, name, raw)).toThrow(ParamError);
    expect(() => withRaceAttribute(DEFAULT_RACE, name, raw)).toThrow(message);
  });

  it('null restores the default', () => {
    const changed = withRaceAttribute(DEFAULT_RACE, 'epochs', '9');
    expect(withRaceAttribute(changed, 'epochs', null)).toEqual(DEFAULT_RACE);
    expect(RACE_ATTRS).toEqual(['per-class', 'epochs', 'seed', 'learning-rate']);
  });
});

describe('raceSteps', () => {
  it('counts fixed batches of 20, the remainder dropped, as the trainer does', () => {
    expect(raceSteps({ ...DEFAULT_RACE, perClass: 20, epochs: 5 })).toEqual({ perEpoch: 10, total: 50, trainCount: 200 });
    expect(raceSteps({ ...DEFAULT_RACE, perClass: 3, epochs: 2 })).toEqual({ perEpoch: 1, total: 2, trainCount: 30 });
  });
});
