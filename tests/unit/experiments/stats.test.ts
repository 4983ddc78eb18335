import { describe, expect, it } from 'vitest';
import { mean, sampleSd, summariseRuns, type RunRecord } from '../../../src/lib/experiments/stats.ts';
import { schedule, describeBudget } from '../../../src/lib/experiments/budget.ts';
import { meanSd, points } from '../../../src/lib/experiments/format.ts';

describe('mean and sampleSd', () => {
  it('match hand-computed values (n − 1 in the denominator)', () => {
    expect(mean([0.8, 0.9, 1.0])).toBeCloseTo(0.9, 12);
    expect(sampleSd([0.8, 0.9, 1.0])).toBeCloseTo(0.1, 12);
    // deviations −3, −1, 1, 3 → squares sum 20, / 3
    expect(sampleSd([1, 3, 5, 7])).toBeCloseTo(Math.sqrt(20 / 3), 12);
    expect(sampleSd([0.42])).toBe(0);
    expect(() => mean([])).toThrow(/no values/);
  });
});

describe('summariseRuns', () => {
  const run = (strategy: string, perClass: number, seed: number, accuracy: number): RunRecord => ({ strategy, perClass, seed, accuracy, steps: 1, batch: 1, ms: 0 });
  const runs = [run('full', 5, 2, 0.7), run('scratch', 5, 1, 0.5), run('full', 5, 1, 0.9), run('full', 10, 1, 0.95), run('scratch', 5, 2, 0.3)];

  it('groups by strategy and label count, in first-seen order, with seeds sorted and their accuracies', () => {
    const s = summariseRuns(runs);
    expect(s.map((c) => `${c.strategy}@${c.perClass}`)).toEqual(['full@5', 'scratch@5', 'full@10']);
    expect(s[0]).toMatchObject({ n: 2, seeds: [1, 2], accuracies: [0.9, 0.7] });
    expect(s[0]!.mean).toBeCloseTo(0.8, 12);
    expect(s[0]!.sd).toBeCloseTo(Math.sqrt(0.02), 12);
    expect(s[1]!.mean).toBeCloseTo(0.4, 12);
    expect(s[2]).toMatchObject({ n: 1, sd: 0, mean: 0.95 });
  });
});

describe('schedule (the training budget)', () => {
  const budget = { epochs: 20, minSteps: 30, maxSteps: 40, maxBatch: 32 };
  it.each([
    // 5 classes × n per class: batch = min(32, images); steps = clamp(20 · ⌊images / batch⌋, 30, 40)
    [5, 5, 30],
    [25, 25, 30],
    [50, 32, 30],
    [250, 32, 40],
    [1000, 32, 40],
  ])('%i labelled images → batch %i, %i steps', (count, batch, steps) => {
    expect(schedule(count, budget)).toMatchObject({ batch, steps });
  });

  it('states the rule in words and refuses an empty set', () => {
    expect(describeBudget(budget)).toContain('at least 30 and at most 40 Adam steps');
    expect(() => schedule(0, budget)).toThrow(/no labelled examples/);
  });
});

describe('format', () => {
  it('prints percent ± sd and signed points with a real minus', () => {
    expect(meanSd(0.8312, 0.0123)).toBe('83.1 ± 1.2');
    expect(points(-0.052)).toBe('−5.2');
    expect(points(0.1)).toBe('+10.0');
  });
});
