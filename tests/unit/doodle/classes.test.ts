import { describe, expect, it } from 'vitest';
import { ClassListError, cleanName, nameProblems, parseClassList, sentences, trainingProblems } from '../../../src/lib/doodle/classes.ts';
import { ParamError } from '../../../src/lib/params/index.ts';
import { say, type Msg } from '../../../src/lib/i18n/index.ts';

/** The messages in English, and in Chinese. */
const en = (ms: readonly Msg[]) => ms.map((m) => say('en', m));
const zh = (ms: readonly Msg[]) => ms.map((m) => say('zh-CN', m));

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
    expect(en(nameProblems(names))).toEqual(problems);
  });
});

describe('in Chinese', () => {
  it('says the name and training problems', () => {
    expect(zh(nameProblems(['only']))).toEqual(['请至少命名2个类别（现在有1个）。']);
    expect(zh(trainingProblems([{ name: 'a', count: 0 }, { name: 'b', count: 4 }]))).toEqual(['全部4幅手绘都在“b”里：分类器至少需要两个类别的样例才能区分它们。请为其他每个类别各画2幅或更多。']);
    expect(zh(trainingProblems([{ name: 'a', count: 2 }, { name: 'b', count: 1 }]))).toEqual(['“b”只有1幅手绘：每个类别至少画2幅样例。']);
  });
});

describe('trainingProblems', () => {
  const c = (name: string, count: number) => ({ name, count });
  it('is empty with two or more drawings in every class', () => {
    expect(trainingProblems([c('a', 2), c('b', 5), c('c', 3)])).toEqual([]);
  });
  it('names each class with zero or one drawing', () => {
    expect(en(trainingProblems([c('a', 2), c('b', 1), c('c', 0)]))).toEqual([
      '“b” has only 1 drawing: draw at least 2 examples of each class.',
      '“c” has no drawings: draw at least 2 examples of each class.',
    ]);
  });
  it('says so when all drawings are in one class, and when there are none', () => {
    expect(en(trainingProblems([c('a', 0), c('b', 4)]))[0]).toMatch(/^All 4 drawings are in “b”: a classifier needs examples of at least two classes/);
    expect(en(trainingProblems([c('a', 1), c('b', 0)]))[0]).toMatch(/^The only drawing is in “a”: a classifier needs/);
    expect(en(trainingProblems([c('a', 0), c('b', 0)]))[0]).toMatch(/^There are no drawings yet/);
  });
  it('reports name problems first', () => {
    expect(en(trainingProblems([c('a', 3), c('a', 3)]))).toEqual(['Classes 1 and 2 are both called “a”: give each class its own name.']);
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
  it('keeps its problems as messages: English joined with spaces in the error, Chinese joined without', () => {
    let err: unknown;
    try { parseClassList('a,,A'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ClassListError);
    const { message, messages } = err as ClassListError;
    expect(message).toBe('classes "a,,A": Class 2 has no name. Classes 1 and 3 are both called “A”: give each class its own name.');
    expect(sentences('zh-CN', messages)).toBe('classes"a,,A"：类别2没有名称。类别1和类别3都叫“A”：请给每个类别起不同的名称。');
  });
  it('cleans names for display', () => {
    expect(cleanName('  big   sun ')).toBe('big sun');
  });
});
