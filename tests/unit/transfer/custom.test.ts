import { describe, expect, it } from 'vitest';
import { limitPerClass, shortNote, trainCounts, validationOf, withValidation } from '../../../src/lib/transfer/custom.ts';
import { checkCustomTask, type CustomTask } from '../../../src/lib/transfer/targets.ts';

/** A task whose training image i is filled with the value i (so the kept ones can be named). */
function task(labels: number[], classNames = ['a', 'b', 'c']): CustomTask {
  const images = new Uint8Array(labels.length * 784);
  labels.forEach((_, i) => images.fill(i, i * 784, (i + 1) * 784));
  const test = { images: new Uint8Array(classNames.length * 784), labels: Uint8Array.from(classNames, (_, k) => k), count: classNames.length };
  return { classNames, train: { images, labels: Uint8Array.from(labels), count: labels.length }, test };
}
const firstPixels = (t: CustomTask) => Array.from({ length: t.train.count }, (_, i) => t.train.images[i * 784]);

describe('withValidation', () => {
  it.each([[0, 0], [1, 0], [2, 1], [3, 1], [7, 1], [8, 2], [12, 3]])('%i drawings to learn from give %i validation drawings', (n, v) => {
    expect(validationOf(n)).toBe(v);
  });
  it('takes the last quarter (rounded down, at least one) of each class’s training drawings, in order; the test set untouched', () => {
    const t = task([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2]);
    const out = withValidation(t);
    expect(Array.from(out.train.labels)).toEqual([0, 0, 0, 0, 0, 0, 1, 2, 2]);
    expect(firstPixels(out)).toEqual([0, 1, 2, 3, 4, 5, 8, 10, 11]);
    const v = out.validation!;
    expect(Array.from(v.labels)).toEqual([0, 0, 1, 2]);
    expect(Array.from({ length: v.count }, (_, i) => v.images[i * 784])).toEqual([6, 7, 9, 12]);
    expect(out.test).toBe(t.test);
    // Then per-class caps what is left to learn from; the validation drawings stay.
    const { task: capped, short } = limitPerClass(out, 2);
    expect(trainCounts(capped)).toEqual([2, 1, 2]);
    expect(short).toEqual([{ name: 'b', have: 1 }]);
    expect(capped.validation).toBe(v);
  });
  it('no validation set when a class has a single drawing to learn from: every drawing stays to learn from', () => {
    const t = task([0, 0, 0, 1, 2, 2]);
    const out = withValidation(t);
    expect(out.validation).toBeNull();
    expect(out.train).toBe(t.train);
  });
});

describe('limitPerClass', () => {
  it('keeps the first perClass training images of each class, in order, and the whole test set', () => {
    const t = task([0, 0, 0, 1, 1, 1, 1, 2, 2, 2]);
    const { task: out, short } = limitPerClass(t, 2);
    expect(short).toEqual([]);
    expect(Array.from(out.train.labels)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(firstPixels(out)).toEqual([0, 1, 3, 4, 7, 8]);
    expect(out.test).toBe(t.test);
    expect(checkCustomTask(out)).toBeNull();
  });
  it('uses every drawing of a class that has fewer than asked, and names it', () => {
    const t = task([0, 0, 0, 1, 2, 2, 2, 2]);
    const { task: out, short } = limitPerClass(t, 3);
    expect(trainCounts(out)).toEqual([3, 1, 3]);
    expect(short).toEqual([{ name: 'b', have: 1 }]);
    expect(shortNote(3, short)).toBe('You asked for 3 labelled examples per class, but not every class has that many drawings to learn from (“b” has 1): those classes use all they have.');
  });
  it('returns the task itself when nothing is dropped', () => {
    const t = task([0, 1, 2]);
    expect(limitPerClass(t, 500).task).toBe(t);
    expect(shortNote(500, limitPerClass(t, 500).short)).toContain('“a” has 1, “b” has 1, “c” has 1');
    expect(shortNote(1, [])).toBe('');
  });
});
