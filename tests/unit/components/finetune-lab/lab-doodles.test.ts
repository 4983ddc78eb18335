import { describe, expect, it } from 'vitest';
import { doodleNote, WHERE } from '../../../../components/finetune-lab/lab-doodles.ts';
import type { CustomTask } from '../../../../src/lib/transfer/targets.ts';

const task = {} as CustomTask;
const split = [{ name: 'circle', train: 6, test: 2 }, { name: 'cross', train: 2, test: 1 }];

describe('doodleNote', () => {
  it('points to the doodle widget when nothing is drawn, and passes a refusal on', () => {
    expect(doodleNote({ kind: 'none' }, null)).toContain(`draw at least 2 classes, 2 drawings each, in ${WHERE}`);
    expect(doodleNote({ kind: 'problem', problem: '“cross” has only 1 drawing.' }, 10)).toBe(`Your own classes cannot be used yet: “cross” has only 1 drawing. Add drawings in ${WHERE}.`);
  });
  it('states the split, and the classes short of per-class only when a run asks for more', () => {
    const news = { kind: 'task', key: 'doodle', task, split } as const;
    const base = doodleNote(news, null);
    expect(base).toContain('“circle” 6 to learn from, 2 held out; “cross” 2 to learn from, 1 held out.');
    expect(base).not.toContain('You asked');
    expect(doodleNote(news, 2)).toBe(base);
    expect(doodleNote(news, 5)).toContain('You asked for 5 labelled examples per class, but not every class has that many drawings to learn from (“cross” has 2)');
  });
});
