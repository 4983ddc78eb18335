import { describe, expect, it } from 'vitest';
import { say } from '../../../src/lib/i18n/index.ts';
import { doodleTask, heldOutOf, latestDoodles, MIN_DRAWINGS } from '../../../src/lib/doodle/custom-task.ts';
import { parseState, serialise, type DoodleState } from '../../../src/lib/doodle/state.ts';
import { rasterise } from '../../../src/lib/doodle/strokes.ts';
import { toMnist } from '../../../src/lib/doodle/preprocess.ts';
import { checkCustomTask } from '../../../src/lib/transfer/targets.ts';
import { doodle, type Shape } from '../../e2e/doodle-shapes.ts';

const classes = (spec: [Shape, number][]): DoodleState => ({
  classes: spec.map(([shape, n]) => ({ name: shape, drawings: Array.from({ length: n }, (_, i) => doodle(shape, i + 1)) })),
  model: null,
});
const image = (set: { images: Uint8Array | Float32Array }, i: number) => Array.from(set.images.subarray(i * 784, (i + 1) * 784));

describe('heldOutOf', () => {
  it.each([[2, 1], [3, 1], [4, 1], [6, 2], [8, 2], [10, 3], [40, 10]])('%i drawings → %i held out', (n, k) => {
    expect(heldOutOf(n)).toBe(k);
    expect(n - k).toBeGreaterThanOrEqual(1);
  });
});

describe('doodleTask', () => {
  it('rasterises and preprocesses every drawing as the widget does, and holds out the last quarter of each class', () => {
    const state = classes([['circle', 5], ['cross', 2], ['zigzag', 8]]);
    const r = doodleTask(parseState(JSON.parse(JSON.stringify(serialise(state)))));
    if (!r.ok) throw new Error(say('en', r.problem));
    expect(checkCustomTask(r.task)).toBeNull();
    expect(r.task.classNames).toEqual(['circle', 'cross', 'zigzag']);
    expect(r.split).toEqual([{ name: 'circle', train: 4, test: 1 }, { name: 'cross', train: 1, test: 1 }, { name: 'zigzag', train: 6, test: 2 }]);
    expect(Array.from(r.task.train.labels)).toEqual([0, 0, 0, 0, 1, 2, 2, 2, 2, 2, 2]);
    expect(Array.from(r.task.test.labels)).toEqual([0, 1, 2, 2]);
    const widget = (shape: Shape, seed: number) => Array.from(toMnist(rasterise(doodle(shape, seed)), 256, 256)!);
    expect(image(r.task.train, 0)).toEqual(widget('circle', 1));
    expect(image(r.task.train, 4)).toEqual(widget('cross', 1));
    expect(image(r.task.test, 0)).toEqual(widget('circle', 5)); // the last circle is held out
    expect(image(r.task.test, 1)).toEqual(widget('cross', 2));
    expect(image(r.task.test, 3)).toEqual(widget('zigzag', 8));
    expect(r.task.train.images).toBeInstanceOf(Uint8Array);
    expect(r.task.train.images.length).toBe(11 * 784);
    expect(Math.max(...r.task.test.images)).toBe(255);
  });

  it('trims names and skips a drawing without ink', () => {
    const state = classes([['circle', 3], ['cross', 2]]);
    state.classes[0]!.name = '  big   circle ';
    state.classes[0]!.drawings.push([[]]);
    const r = doodleTask(state);
    if (!r.ok) throw new Error(say('en', r.problem));
    expect(r.task.classNames).toEqual(['big circle', 'cross']);
    expect(r.split[0]).toEqual({ name: 'big circle', train: 2, test: 1 });
  });

  it.each([
    ['no classes', [], 'no classes: a classifier needs at least 2'],
    ['one class', [['circle', 4]], 'only 1 class: a classifier needs at least 2'],
    ['a class with one drawing', [['circle', 4], ['cross', 1]], `“cross” has only 1 drawing: the lab needs at least ${MIN_DRAWINGS} of each class`],
    ['a class with no drawing', [['circle', 0], ['cross', 3]], '“circle” has no drawings: the lab needs at least 2'],
  ] as [string, [Shape, number][], string][])('refuses %s with a sentence', (_, spec, text) => {
    const r = doodleTask(classes(spec));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(say('en', r.problem)).toContain(text);
  });

  it('refuses a class without a name and two classes with one name', () => {
    const unnamed = classes([['circle', 2], ['cross', 2]]);
    unnamed.classes[1]!.name = ' ';
    const u = doodleTask(unnamed);
    expect(u.ok || say('en', u.problem)).toBe('Class 2 in your drawing lab has no name: name it there.');
    expect(u.ok || say('zh-CN', u.problem)).toBe('涂鸦交互图中的第2个类别还没有名字：请在那里给它命名。');
    const twice = classes([['circle', 2], ['cross', 2]]);
    twice.classes[1]!.name = 'Circle';
    const w = doodleTask(twice);
    expect(w.ok || say('en', w.problem)).toContain('are called “Circle”');
  });

  it('refuses a class whose only inked drawing is one (blank drawings do not count)', () => {
    const state = classes([['circle', 2], ['cross', 1]]);
    state.classes[1]!.drawings.push([[]]);
    const r = doodleTask(state);
    expect(r.ok || say('en', r.problem)).toContain('“cross” has only 1 drawing');
    expect(r.ok || say('zh-CN', r.problem)).toBe('“cross”只有1幅手绘：每个类别至少需要2幅（一幅用来学习，一幅留作测试）。');
  });
});

describe('latestDoodles', () => {
  const record = (spec: [Shape, number][], saved?: number) => ({ ...serialise(classes(spec)), ...(saved === undefined ? {} : { saved }) });
  it('picks the record saved last among those with drawings, skipping empty and damaged ones', () => {
    const r = latestDoodles([
      { key: 'old', value: record([['circle', 2], ['cross', 2]], 100) },
      { key: 'new', value: record([['zigzag', 3], ['square', 2]], 200) },
      { key: 'empty', value: record([['circle', 0], ['cross', 0]], 300) },
      { key: 'broken', value: { version: 1, classes: 'x', saved: 400 } },
      { key: 'unstamped', value: record([['triangle', 2], ['cross', 2]]) },
    ]);
    expect(r?.key).toBe('new');
    expect(r?.state.classes.map((c) => c.name)).toEqual(['zigzag', 'square']);
  });
  it('is null when nothing has a drawing', () => {
    expect(latestDoodles([])).toBeNull();
    expect(latestDoodles([{ key: 'doodle', value: record([['circle', 0], ['cross', 0]], 1) }])).toBeNull();
  });
});
