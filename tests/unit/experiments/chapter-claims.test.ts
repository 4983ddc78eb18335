/**
 * The transfer-learning chapter's words about the measurements, checked against src/data/experiments.json.
 * The numbers in the chapter are rendered from the file (components/experiment-results), but the words around
 * them — "wins", "in every seed", "within the spread" — are not: if a re-run changes the results, this test
 * names the sentence that has become false.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configOf, strategiesIn, type ExperimentResults } from '../../../src/lib/experiments/results.ts';
import type { StrategyId } from '../../../src/lib/experiments/strategies.ts';

const results = JSON.parse(readFileSync('src/data/experiments.json', 'utf8')) as ExperimentResults;
const D = 'digits04-to-digits59', F = 'fashion-to-digits59';
const c = (task: string, s: StrategyId, n: number) => configOf(results, task, s, n);
const gap = (task: string, a: StrategyId, b: StrategyId, n: number, taskB = task) => c(task, a, n).mean - c(taskB, b, n).mean;
const bySeed = (task: string, a: StrategyId, b: StrategyId, n: number) => c(task, a, n).accuracies.map((x, i) => x - c(task, b, n).accuracies[i]!);
const spread = (task: string, a: StrategyId, b: StrategyId, n: number) => Math.max(c(task, a, n).sd, c(task, b, n).sd);
/** The strategies of the chapter's main tables (the augmented arms ran at 5 and 10 per class, in their own table). */
const grid = strategiesIn(results, 'grid');

describe('the results file the chapter renders', () => {
  it('holds both tasks, every strategy × label count with three seeds, CPU time and invocations', () => {
    expect(results.perClass).toEqual([1, 5, 10, 50, 200]);
    expect(results.seeds).toEqual([1, 2, 3]);
    const configs = results.strategies.reduce((sum, s) => sum + (s.perClass ?? results.perClass).length, 0);
    expect(configs).toBe(grid.length * 5 + 2 * 2);
    for (const t of results.tasks) {
      expect(t.status, t.id).toBe('done');
      expect(t.summary).toHaveLength(configs);
      expect(t.summary!.every((s) => s.n === 3)).toBe(true);
      expect(t.invocations!.length).toBeGreaterThan(0);
    }
    // "about ten minutes" of CPU for both tasks
    const cpu = results.tasks.reduce((s, t) => s + t.cpuSeconds!, 0) / 60;
    expect(cpu).toBeGreaterThan(8);
    expect(cpu).toBeLessThan(13);
  });
});

describe('Near transfer: digits 0–4 → digits 5–9', () => {
  it('one example per class: every strategy around 40%, seeds disagree by 5–11 points', () => {
    for (const s of grid) {
      expect(Math.abs(c(D, s.id, 1).mean - 0.4)).toBeLessThan(0.05);
      expect(c(D, s.id, 1).sd).toBeGreaterThan(0.05);
    }
  });
  it('5 and 10 per class: full fine-tuning beats training from scratch in every seed', () => {
    for (const n of [5, 10]) expect(Math.min(...bySeed(D, 'full', 'scratch', n))).toBeGreaterThan(0);
  });
  it('50 and 200 per class: the gap is within the seeds’ spread', () => {
    for (const n of [50, 200]) expect(Math.abs(gap(D, 'full', 'scratch', n))).toBeLessThan(spread(D, 'full', 'scratch', n));
  });
  it('partial and full fine-tuning are indistinguishable from 5 per class', () => {
    for (const n of [5, 10, 50, 200]) expect(Math.abs(gap(D, 'partial', 'full', n))).toBeLessThan(0.01);
  });
  it('feature extraction is the worst strategy from 5 per class and behind scratch at 200 in every seed', () => {
    for (const n of [5, 10, 50, 200]) {
      for (const s of ['partial', 'full', 'scratch'] as const) expect(c(D, 'feature-extraction', n).mean, `${s}@${n}`).toBeLessThan(c(D, s, n).mean);
    }
    expect(Math.max(...bySeed(D, 'feature-extraction', 'scratch', 200))).toBeLessThan(0);
  });
});

describe('Far transfer: Fashion-MNIST → digits 5–9', () => {
  it('frozen clothing features transfer worse than frozen digit features, and far worse than scratch', () => {
    for (const n of [5, 10, 50, 200]) expect(gap(F, 'feature-extraction', 'feature-extraction', n, D)).toBeLessThan(0);
    expect(Math.max(...bySeed(F, 'feature-extraction', 'scratch', 10))).toBeLessThan(0);
  });
  it('one example per class: full fine-tuning ahead of scratch in every seed', () => {
    expect(Math.min(...bySeed(F, 'full', 'scratch', 1))).toBeGreaterThan(0);
  });
  it('from 5 per class: fine-tuning does not help — slightly behind scratch at 5 and 200, within the spread', () => {
    for (const n of [5, 200]) {
      expect(gap(F, 'full', 'scratch', n)).toBeLessThan(0);
      expect(Math.abs(gap(F, 'full', 'scratch', n))).toBeLessThanOrEqual(spread(F, 'full', 'scratch', n));
    }
    expect(bySeed(F, 'full', 'scratch', 200).filter((d) => d < 0)).toHaveLength(2);
  });
  it('at 10 per class, fine-tuning the clothing network beats frozen digit features', () => {
    expect(gap(F, 'full', 'feature-extraction', 10, D)).toBeGreaterThan(0);
  });
});

describe('Domain shift: AdaBN', () => {
  it('digits barely shift, clothing → digits shifts more; AdaBN changes accuracy by about a point either way', () => {
    const shift = (t: string) => results.tasks.find((x) => x.id === t)!.bnShift!.find((b) => b.name === 'bn1')!.meanShift;
    expect(shift(D)).toBeLessThan(0.05);
    expect(shift(F)).toBeGreaterThan(10 * shift(D));
    for (const n of results.perClass) {
      expect(Math.abs(gap(D, 'feature-extraction-adabn', 'feature-extraction', n)), `digits ${n}`).toBeLessThan(0.011);
      expect(Math.abs(gap(F, 'feature-extraction-adabn', 'feature-extraction', n)), `fashion ${n}`).toBeLessThan(0.015);
    }
    const d10 = bySeed(F, 'feature-extraction-adabn', 'feature-extraction', 10);
    expect(Math.max(...d10)).toBeGreaterThan(0);
    expect(Math.min(...d10)).toBeLessThan(0);
  });
});

describe('Summary and checklist', () => {
  it('at 200 per class training from scratch matches the near source and beats the far one', () => {
    expect(Math.abs(gap(D, 'full', 'scratch', 200))).toBeLessThan(0.01);
    expect(gap(F, 'scratch', 'full', 200)).toBeGreaterThan(0);
    expect(gap(F, 'scratch', 'feature-extraction', 200)).toBeGreaterThan(0.08);
  });
  it('seeds spread up to about ten points with few labels', () => {
    const sds = results.tasks.flatMap((t) => t.summary!.filter((s) => s.perClass <= 5).map((s) => s.sd));
    expect(Math.max(...sds)).toBeGreaterThan(0.09);
  });
});
