import { describe, expect, it } from 'vitest';
import { cleanName, nameProblems, parseClassList, trainingProblems } from '../../../src/lib/doodle/classes.ts';
import { ParamError } from '../../../src/lib/params/index.ts';

describe('nameProblems', () => {
  it.each([
    [['circle', 'cross'], []],
    [['only'], ['Name at least 2 classes (there is 1).']],
    [['a', 'b', 'c', 'd', 'e', 'f'], ['Use at most 5 classes (there are 6).']],
    [['sun', '  '], ['Class 2 has no name.']],
    [['Sun', 'moon', 'sun '], ['Classes 1 and 3 are both called “sun”: give each class its own name.']],
    [['a  b', 'A b'], ['Classes 1 and 2 are both called “A b”: give each class its own name.']],
    [['x', 'y'.repeat(25)], ['Class 2\'s name is longer than 24 characters.']],
  ])('%j → %j', (names, problems) => {
    expect(nameProblems(names)).toEqual(problems);
  });
});

describe('trainingProblems', () => {
  const c = (name: string, count: number) => ({ name, count });
  it('is empty with two or more drawings in every class', () => {
    expect(trainingProblems([c('a', 2), c('b', 5), c('c', 3)])).toEqual([]);
  });
  it('names each class with zero or one drawing', () => {
    expect(trainingProblems([c('a', 2), c('b', 1), c('c', 0)])).toEqual([
      '“b” has only 1 drawing: draw at least 2 examples of each class.',
      '“c” has no drawings: draw at least 2 examples of each class.',
    ]);
  });
  it('says so when all drawings are in one class, and when there are none', () => {
    expect(trainingProblems([c('a', 0), c('b', 4)])[0]).toMatch(/^All 4 drawings are in “b”: a classifier needs examples of at least two classes/);
    expect(trainingProblems([c('a', 1), c('b', 0)])[0]).toMatch(/^The only drawing is in “a”: a classifier needs/);
    expect(trainingProblems([c('a', 0), c('b', 0)])[0]).toMatch(/^There are no drawings yet/);
  });
  it('reports name problems first', () => {
    expect(trainingProblems([c('a', 3), c('a', 3)])).toEqual(['Classes 1 and 2 are both called “a”: give each class its own name.']);
  });
});

describe('parseClassList', () => {
  it('splits on commas and trims', () => {
    expect(parseClassList(' circle, cross ,zigzag')).toEqual(['circle', 'cross', 'zigzag']);
  });
  it.each(['circle', 'a,b,c,d,e,f', 'a,,b', 'a,A'])('refuses %j with a ParamError naming the attribute', (raw) => {
    expect(() => parseClassList(raw)).toThrow(ParamError);
    expect(() => parseClassList(raw)).toThrow(/^classes "/);
  });
  it('cleans names for display', () => {
    expect(cleanName('  big   sun ')).toBe('big sun');
  });
});
