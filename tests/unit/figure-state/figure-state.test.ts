import { describe, expect, it } from 'vitest';
import {
  MAX_VALUE, figureHash, parseFigureHash, parseStoredState, pickAllowed, serialiseState, stateChanges, storageKey,
} from '../../../src/lib/figure-state/figure-state.ts';

const ALLOWED = ['image', 'kernel', 'stride'];

describe('parseFigureHash', () => {
  it('reads the figure id and its query', () => {
    expect(parseFigureHash('#pg-edges?kernel=sobel-y&image=brick')).toEqual({ id: 'pg-edges', pairs: [['kernel', 'sobel-y'], ['image', 'brick']] });
  });
  it('decodes values as a query does (spaces, semicolons, minus signs)', () => {
    expect(parseFigureHash(`#pg?kernel=${encodeURIComponent('1,0,-1; 2,0,-2')}`)!.pairs).toEqual([['kernel', '1,0,-1; 2,0,-2']]);
  });
  it.each([
    ['', 'empty'], ['#', 'bare'], ['#pg-edges', 'a plain anchor (the browser scrolls there itself)'], ['#?kernel=x', 'no id'],
    ['#%E0%A4%A?kernel=x', 'malformed escape'], ['#1abc?x=1', 'id starting with a digit'], ['#a<b>?x=1', 'markup in the id'],
    [`#${'a'.repeat(65)}?x=1`, 'an id too long'],
  ])('%s → null (%s)', (hash) => expect(parseFigureHash(hash)).toBeNull());
});

describe('pickAllowed', () => {
  it('keeps spec attributes in spec order, the first of repeats, and drops the rest', () => {
    expect(pickAllowed(ALLOWED, [['stride', '2'], ['onload', 'x'], ['image', 'brick'], ['stride', '3']]))
      .toEqual([['image', 'brick'], ['stride', '2']]);
  });
  it('caps long values', () => {
    expect(pickAllowed(ALLOWED, [['kernel', 'x'.repeat(MAX_VALUE + 10)]])[0]![1]).toHaveLength(MAX_VALUE);
  });
});

describe('figureHash', () => {
  it('round-trips through parseFigureHash', () => {
    const state: [string, string][] = [['image', 'brick'], ['kernel', '1,0,-1; 2,0,-2 & "x"']];
    const parsed = parseFigureHash(figureHash('pg-edges', state))!;
    expect(parsed.id).toBe('pg-edges');
    expect(pickAllowed(ALLOWED, parsed.pairs)).toEqual(state);
  });
  it('is the plain anchor for an empty state', () => expect(figureHash('pg', [])).toBe('#pg'));
});

describe('stored state', () => {
  it('keys by page and figure', () => expect(storageKey('/book/chapters/convolution/', 'pg')).toBe('fm-figure:/book/chapters/convolution/#pg'));
  it('round-trips', () => {
    const state: [string, string][] = [['image', 'coins'], ['stride', '2']];
    expect(parseStoredState(serialiseState(state), ALLOWED)).toEqual(state);
  });
  it.each([[null], ['not json'], ['{"image":"x"}'], ['42']])('%s → null', (text) => expect(parseStoredState(text, ALLOWED)).toBeNull());
  it('drops entries of the wrong shape or name', () => {
    expect(parseStoredState('[["image","brick"],["image"],[1,2],["evil","x"],["stride",3]]', ALLOWED)).toEqual([['image', 'brick']]);
  });
});

describe('stateChanges', () => {
  it('sets what differs and removes what the target lacks', () => {
    expect(stateChanges(ALLOWED, [['image', 'brick'], ['stride', '2']], [['image', 'chelsea'], ['kernel', 'gaussian']]))
      .toEqual([['image', 'chelsea'], ['kernel', 'gaussian'], ['stride', null]]);
  });
  it('is empty when nothing differs', () => expect(stateChanges(ALLOWED, [['image', 'a']], [['image', 'a']])).toEqual([]));
});
