/**
 * The names the book's results files give strategies, arms and tasks, in both languages
 * (src/lib/experiments/words.ts): English is exactly what the scripts wrote, Chinese comes from the catalogue.
 */
import { describe, expect, it } from 'vitest';
import experiments from '../../../src/data/experiments.json';
import forgetting from '../../../src/data/forgetting.json';
import { armName, budgetRule, strategyName, taskTitle } from '../../../src/lib/experiments/words.ts';
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
      '批量大小 = min(32, 有标签图像数)；20轮，但Adam的步数至少30、至多40（每轮最后不足一批的数据丢弃）');
  });
});
