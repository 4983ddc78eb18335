import { describe, expect, it } from 'vitest';
import { addClass, addDrawing, describeModel, listOf, plural, removeClass, withNames } from '../../../src/lib/doodle/edits.ts';
import type { DoodleClass } from '../../../src/lib/doodle/state.ts';
import { ParamError } from '../../../src/lib/params/index.ts';
import { say, type Msg } from '../../../src/lib/i18n/index.ts';

/** A message (or null) in English, and in Chinese. */
const en = (m: Msg | string | null) => (m === null ? null : say('en', m));
const zh = (m: Msg | string | null) => (m === null ? null : say('zh-CN', m));

const dot = [[[10, 10]]] as const;
const make = (...counts: number[]): DoodleClass[] => counts.map((n, i) => ({ name: `c${i}`, drawings: Array.from({ length: n }, () => dot) }));

describe('class edits', () => {
  it('withNames renames by position and keeps drawings; refuses to drop a class that has drawings', () => {
    const cs = make(2, 0, 0);
    expect(withNames(cs, ['a', 'b'])).toEqual([{ name: 'a', drawings: cs[0]!.drawings }, { name: 'b', drawings: [] }]);
    expect(withNames(cs, ['a', 'b', 'c', 'd']).map((c) => c.drawings.length)).toEqual([2, 0, 0, 0]);
    expect(() => withNames(make(0, 0, 3), ['a', 'b'])).toThrow(ParamError);
    expect(() => withNames(make(0, 0, 3), ['a', 'b'])).toThrow('classes: “c2” has 3 drawings; remove them before dropping the class.');
  });
  it('addDrawing refuses an empty drawing and a full class, and otherwise appends', () => {
    const cs = make(0, 40);
    expect(en(addDrawing(cs, 0, [], false))).toBe('The pad is empty: draw something, then add it to a class.');
    expect(en(addDrawing(cs, 1, dot, true))).toBe('“c1” already has 40 drawings, the most a class can hold.');
    expect(addDrawing(cs, 0, dot, true)).toBeNull();
    expect(cs[0]!.drawings).toEqual([dot]);
  });
  it('removeClass removes only empty classes and keeps two', () => {
    const cs = make(0, 1, 0);
    expect(en(removeClass(cs, 1))).toBe('“c1” still has 1 drawing: remove them first.');
    expect(removeClass(cs, 2)).toBeNull();
    expect(en(removeClass(cs, 0))).toBe('Keep at least 2 classes.');
    expect(cs.length).toBe(2);
  });
  it('addClass names the new class with an unused number, up to five classes', () => {
    const cs: DoodleClass[] = [{ name: 'class 3', drawings: [] }, { name: 'b', drawings: [] }];
    expect(addClass(cs)).toBeNull();
    expect(cs.at(-1)!.name).toBe('class 4');
    addClass(cs); addClass(cs);
    expect(en(addClass(cs))).toBe('At most 5 classes.');
  });
  it('plural and the model line', () => {
    expect([plural(1, 'class'), plural(3, 'class'), plural(0, 'drawing')].map(en)).toEqual(['1 class', '3 classes', '0 drawings']);
    const note = { classNames: ['c0', 'c1'], source: 'fashion-cnn', epochs: 100, seed: 1, trainAccuracy: 1, made: 'x' };
    expect(en(describeModel(note, make(0, 0)))).toBe('Model trained from fashion-cnn (100 epochs, seed 1, training accuracy 100%) for: c0, c1.');
    expect(en(describeModel(note, make(0, 0, 0)))).toMatch(/Your classes have changed since: train again/);
    expect(en(describeModel({ ...note, made: 'imported', trainAccuracy: null }, make(0, 0)))).toBe('Imported model for: c0, c1.');
    expect(en(describeModel(null, []))).toBe('No trained model yet.');
  });
  it('says its refusals, counts, lists and the model line in Chinese', () => {
    expect(zh(addDrawing(make(0), 0, [], false))).toBe('画板是空的：先画点什么，再把它添加到某个类别。');
    expect(zh(removeClass(make(0, 3), 1))).toBe('“c1”还有3幅手绘：请先删除它们。');
    expect([plural(1, 'class'), plural(3, 'drawing')].map(zh)).toEqual(['1个类别', '3幅手绘']);
    expect([zh(listOf(['a', 'b', 'c'])), en(listOf(['a', 'b', 'c'])), zh(listOf(['x.json', 'y.bin'], true)), en(listOf(['x.json', 'y.bin'], true))]).toEqual(['a、b、c', 'a, b, c', 'x.json和y.bin', 'x.json and y.bin']);
    const note = { classNames: ['c0', 'c1'], source: 'fashion-cnn', epochs: 1000, seed: 123456, trainAccuracy: 0.5, made: 'x' };
    expect(zh(describeModel(note, make(0, 0)))).toBe('基于fashion-cnn训练的模型（1000轮，随机种子123456，训练准确率50%），类别：c0、c1。');
    expect(en(describeModel(note, make(0, 0)))).toBe('Model trained from fashion-cnn (1000 epochs, seed 123456, training accuracy 50%) for: c0, c1.');
    expect(zh(describeModel(null, []))).toBe('还没有训练好的模型。');
  });
});
