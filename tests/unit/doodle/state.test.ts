import { describe, expect, it } from 'vitest';
import { parseState, serialise, StateError, STATE_VERSION, type DoodleState } from '../../../src/lib/doodle/state.ts';
import { doodle } from '../../e2e/doodle-shapes.ts';

const state: DoodleState = {
  classes: [
    { name: 'circle', drawings: [doodle('circle', 1), doodle('circle', 2)] },
    { name: 'cross', drawings: [doodle('cross', 1)] },
    { name: '', drawings: [] },
  ],
  model: { classNames: ['circle', 'cross'], source: 'digits04-cnn', epochs: 60, seed: 1, trainAccuracy: 1, made: '2026-11-28T10:00:00.000Z' },
};

describe('serialise / parseState', () => {
  it('round-trips classes, drawings (every point) and the model note through JSON', () => {
    const back = parseState(JSON.parse(JSON.stringify(serialise(state))));
    expect(back).toEqual(JSON.parse(JSON.stringify(state)));
    expect(back.classes[0]!.drawings[1]).toEqual(doodle('circle', 2).map((s) => s.map((p) => [...p])));
  });
  it('stores strokes as flat coordinate lists', () => {
    const s = serialise(state);
    expect(s.version).toBe(STATE_VERSION);
    expect(s.classes[1]!.drawings[0]![0]!.slice(0, 2)).toEqual([...doodle('cross', 1)[0]![0]!]);
  });
  it('keeps a missing model as null', () => {
    expect(parseState(serialise({ ...state, model: null })).model).toBeNull();
  });
  it.each([
    ['not an object', 'hello'],
    ['another version', { version: 99, classes: [], model: null }],
    ['too many classes', { version: 1, classes: Array.from({ length: 6 }, () => ({ name: 'a', drawings: [] })), model: null }],
    ['an odd coordinate list', { version: 1, classes: [{ name: 'a', drawings: [[[1, 2, 3]]] }], model: null }],
    ['a point off the pad', { version: 1, classes: [{ name: 'a', drawings: [[[1, 2, 999, 3]]] }], model: null }],
    ['a non-number point', { version: 1, classes: [{ name: 'a', drawings: [[[1, 'x']]] }], model: null }],
    ['a broken model note', { version: 1, classes: [], model: { classNames: ['a'] } }],
  ])('refuses %s with a readable StateError', (_why, raw) => {
    expect(() => parseState(raw)).toThrow(StateError);
    expect(() => parseState(raw)).toThrow(/^The saved drawings could not be read \(/);
  });
});
