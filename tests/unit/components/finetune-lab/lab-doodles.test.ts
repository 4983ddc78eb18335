import { describe, expect, it } from 'vitest';
import { doodleNote, WHERE as where } from '../../../../components/finetune-lab/lab-doodles.ts';
import { say } from '../../../../src/lib/i18n/index.ts';

const WHERE = say('en', where);
import type { CustomTask } from '../../../../src/lib/transfer/targets.ts';

const task = {} as CustomTask;
const split = [{ name: 'circle', train: 6, test: 2 }, { name: 'cross', train: 2, test: 1 }];

describe('doodleNote', () => {
  it('points to the doodle widget when nothing is drawn, and passes a refusal on', () => {
    expect(doodleNote({ kind: 'none' }, null)).toContain(`draw at least 2 classes, 2 drawings each, in ${WHERE}`);
    expect(doodleNote({ kind: 'problem', problem: '“cross” has only 1 drawing.' }, 10)).toBe(`Your own classes cannot be used yet: “cross” has only 1 drawing. Add drawings in ${WHERE}.`);
  });
  it('states the split — to learn from, to validate on, held out to test — and the classes short of per-class only when a run asks for more', () => {
    const news = { kind: 'task', key: 'doodle', task, split } as const;
    const base = doodleNote(news, null);
    expect(base).toContain('“circle” 5 to learn from, 1 to validate on, 2 held out to test; “cross” 1 to learn from, 1 to validate on, 1 held out to test.');
    expect(base).toContain('validation drawings for the curves');
    expect(base).not.toContain('You asked');
    expect(doodleNote(news, 1)).toBe(base);
    expect(doodleNote(news, 5)).toContain('You asked for 5 labelled examples per class, but not every class has that many drawings to learn from (“cross” has 1)');
  });
  it('says there are no validation curves when a class has a single drawing to learn from', () => {
    const news = { kind: 'task' as const, key: 'doodle', task, split: [...split, { name: 'zigzag', train: 1, test: 1 }] };
    const text = doodleNote(news, null);
    expect(text).toContain('“circle” 6 to learn from, 2 held out to test; “cross” 2 to learn from, 1 held out to test; “zigzag” 1 to learn from, 1 held out to test.');
    expect(text).toContain('the curves show the training loss only');
  });
  it('in Chinese: the same split and notes in the catalogue\'s words', () => {
    const news = { kind: 'task', key: 'doodle', task, split } as const;
    const text = doodleNote(news, 5, 'zh-CN');
    expect(text).toMatch(/^来自涂鸦交互图的你自己的类别：“circle”：5幅用于学习，1幅用于验证，2幅留作测试；“cross”：1幅用于学习，1幅用于验证，1幅留作测试。/);
    expect(text).toContain('你要求每类5个带标签的样本，但并非每个类别都有这么多可用于学习的手绘（“cross”有1幅）');
    expect(doodleNote({ kind: 'none' }, null, 'zh-CN')).toContain('在涂鸦交互图（第5章“你自己的类别”一节）中至少画2个类别');
  });
});

