/**
 * The names the book's results files give strategies, arms and tasks, in both languages
 * (src/lib/experiments/words.ts): English is exactly what the scripts wrote, Chinese comes from the catalogue.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import experiments from '../../../src/data/experiments.json';
import forgetting from '../../../src/data/forgetting.json';
import { armName, budgetRule, hardwareLine, note, skipReason, strategyName, taskTitle, type NoteKey } from '../../../src/lib/experiments/words.ts';
import en from '../../../src/lib/i18n/messages/en/results.ts';
import zhCN from '../../../src/lib/i18n/messages/zh-cn/results.ts';
import { t } from '../../../src/lib/i18n/t.ts';
import { missing, TASKS } from '../../../scripts/experiments/tasks.ts';
import { describeBudget } from '../../../src/lib/experiments/budget.ts';
import { STRATEGIES } from '../../../src/lib/experiments/strategies.ts';

describe('strategyName', () => {
  it.each(experiments.strategies.map((s) => [s.id, s.label]))('%s is written as the results file says in English', (id, label) => {
    expect(strategyName('en', id, label)).toBe(label);
    expect(strategyName('zh-CN', id, label)).not.toBe(label);
  });

  it('names every strategy the scripts can run, as they name it', () => {
    for (const s of Object.values(STRATEGIES)) expect(strategyName('en', s.id, '?')).toBe(s.label);
  });

  it('speaks the glossary in Chinese', () => {
    expect(strategyName('zh-CN', 'full', '')).toBe('全量微调');
    expect(strategyName('zh-CN', 'feature-extraction-pool1', '')).toBe('在pool1处做特征提取');
  });

  it('shows a strategy it does not know as written', () => {
    expect(strategyName('zh-CN', 'new-idea', 'New idea')).toBe('New idea');
  });
});

describe('armName', () => {
  it.each(forgetting.arms.map((a) => [a.id, a]))('%s is the forgetting file\'s label in English', (_, arm) => {
    expect(armName('en', arm)).toBe(arm.label);
  });

  it('keeps the L2-SP strength in Chinese', () => {
    expect(armName('zh-CN', { label: '', strategy: 'full', l2sp: { alpha: 0.1 } })).toBe('全量微调 + L2-SP，λ_SP = 0.1');
  });
});

describe('taskTitle', () => {
  it.each(experiments.tasks.map((t) => [t.id, t]))('%s is the results file\'s title in English', (_, task) => {
    expect(taskTitle('en', task)).toBe(task.title);
  });

  it('is Chinese in Chinese', () => {
    expect(taskTitle('zh-CN', { id: 'fashion-to-digits59', title: '' })).toBe('Fashion-MNIST → 数字5–9');
  });
});

describe('budgetRule', () => {
  it('is the rule the results files hold, in English', () => {
    expect(budgetRule('en', experiments.budget)).toBe(experiments.budget.rule);
    expect(describeBudget(forgetting.budget)).toBe(forgetting.budget.rule);
  });

  it('writes the same numbers in Chinese', () => {
    expect(budgetRule('zh-CN', { epochs: 20, minSteps: 30, maxSteps: 40, maxBatch: 32 })).toBe(
      '批量大小 = min(32, 带标签图像数)；20轮，但Adam的步数至少30、至多40（每轮最后不足一批的数据丢弃）');
  });
});

/** The numbers a text writes (1e-7 as 1 and 7, pool1 as 1): each must be in its translation too. */
const numbersIn = (text: string) => [...new Set(text.match(/\d+(?:\.\d+)?/g) ?? [])];

describe('note', () => {
  const notes: [NoteKey, string][] = [
    ['results.note.optimizer', experiments.optimizer],
    ['results.note.labDefault', experiments.labDefault],
    ['results.note.augmentation', experiments.augmentation],
    ['results.note.l2sp', forgetting.l2sp],
    ['results.note.forgettingBatchNorm', forgetting.batchNorm],
  ];

  it.each(notes)('%s is the results file\'s text in the catalogue\'s English, and on an English page', (key, written) => {
    expect(en[key]).toBe(written);
    expect(note('en', key, written)).toBe(written);
  });

  it.each(notes)('%s keeps every number of the English in Chinese', (key, written) => {
    const chinese = note('zh-CN', key, written);
    expect(chinese).toBe(zhCN[key]);
    expect(numbersIn(written).filter((n) => !numbersIn(chinese).includes(n))).toEqual([]);
  });

  it('shows a note the catalogue has not caught up with as written, never an old translation', () => {
    const rerun = experiments.optimizer.replace('0.001', '0.002');
    expect(note('zh-CN', 'results.note.optimizer', rerun)).toBe(rerun);
  });
});

describe('hardwareLine', () => {
  const lines = [...new Set([forgetting.hardware, ...experiments.tasks.flatMap((task) => [task.hardware, ...task.invocations.map((i) => i.hardware)])])];

  it.each(lines)('%s is written as the results files say in English, and the catalogue\'s English rebuilds it', (line) => {
    expect(hardwareLine('en', line)).toBe(line);
    const [, cpu, cores, node] = /^(.+) \((\d+) cores.*Node (\S+),/.exec(line)!;
    expect(t('en', 'results.hardware', { cpu: cpu!, cores: cores!, node: node! })).toBe(line);
  });

  it.each(lines)('%s keeps its names and numbers in Chinese', (line) => {
    const chinese = hardwareLine('zh-CN', line);
    expect(chinese).not.toBe(line);
    expect(chinese).toContain('AMD EPYC');
    expect(chinese).toContain('tfjs-wasm');
    expect(numbersIn(line).filter((n) => !numbersIn(chinese).includes(n))).toEqual([]);
  });

  it('says a machine line it does not know as written', () => {
    expect(hardwareLine('zh-CN', 'a GPU')).toBe('a GPU');
  });
});

describe('skipReason', () => {
  const noModel = missing({ ...TASKS[0]!, source: 'no-such-cnn' })!;

  it('matches what the experiments script writes, in English', () => {
    expect(noModel).toBe(t('en', 'results.reason.noModel', { source: 'no-such-cnn', dir: 'public/models/no-such-cnn' }));
    expect(skipReason('en', noModel)).toBe(noModel);
    // scripts/experiments.mts writes this reason inline for a task left out by --only.
    expect(readFileSync(new URL('../../../scripts/experiments.mts', import.meta.url), 'utf8')).toContain(`reason: '${t('en', 'results.reason.notRun')}'`);
  });

  it('is Chinese in Chinese, with the model and folder as written', () => {
    expect(skipReason('zh-CN', noModel)).toBe('源模型no-such-cnn还不在public/models/no-such-cnn/中（请运行`npm run pretrain -- no-such-cnn`，或合并带有该模型的分支），因此跳过了这个任务');
    expect(skipReason('zh-CN', 'not run (--only)')).toBe('未运行（--only）');
    expect(skipReason('zh-CN', 'something new')).toBe('something new');
  });
});
