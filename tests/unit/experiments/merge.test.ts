import { describe, expect, it } from 'vitest';
import { invocationsOf, mergeTask, settingsDiffer, type Settings } from '../../../src/lib/experiments/merge.ts';
import type { TaskResult } from '../../../src/lib/experiments/results.ts';
import type { RunRecord } from '../../../src/lib/experiments/stats.ts';

const settings: Settings = { perClass: [1, 5], seeds: [1, 2], budget: { epochs: 20, minSteps: 30, maxSteps: 40, maxBatch: 32 }, learningRate: 0.001, headMultiplier: 10, headOnly: { steps: 2000, learningRate: 0.003 } };
const run = (strategy: string, perClass: number, seed: number, accuracy: number): RunRecord => ({ strategy, perClass, seed, accuracy, steps: 30, batch: 5, ms: 1 });
const grid = (strategies: string[], acc: number) => strategies.flatMap((s) => [1, 5].flatMap((n) => [1, 2].map((seed) => run(s, n, seed, acc))));
const base = { id: 't', title: 'T', source: 'src', sourceData: 'd', targetClasses: [5, 6] };
const inv = (command: string, strategies: string[], wallSeconds: number) => ({ command, date: '2026-11-28T11:00:00Z', wallSeconds, cpuSeconds: wallSeconds / 10, hardware: 'cpu', strategies: strategies as never });
/** A task as the first version of the script wrote it: totals on the task, no invocations. */
const legacy: TaskResult = { ...base, status: 'done', runs: grid(['feature-extraction', 'full', 'scratch'], 0.5), bnShift: [{ name: 'bn1', meanShift: 1, sdRatio: 1 }], command: 'npm run experiments', date: '2026-11-28T10:00:00Z', wallSeconds: 100, cpuSeconds: 10, hardware: 'cpu' };

describe('settingsDiffer', () => {
  it('names the first setting that matters for the kept strategies', () => {
    expect(settingsDiffer(settings, settings, ['full'])).toBeNull();
    expect(settingsDiffer(settings, { ...settings, seeds: [1, 2, 3] }, ['full'])).toBe('seeds');
    expect(settingsDiffer(settings, { ...settings, budget: { ...settings.budget, maxSteps: 60 } }, ['full'])).toBe('budget');
    // The head-only settings matter only when head-only runs are kept.
    const { headOnly: _, ...older } = settings;
    expect(settingsDiffer(older, settings, ['full', 'scratch'])).toBeNull();
    expect(settingsDiffer(older, settings, ['feature-extraction'])).toBe('headOnly');
  });
});

describe('mergeTask', () => {
  it('replaces the re-run strategies, keeps the others, recomputes the summary and records both invocations', () => {
    const fresh = grid(['feature-extraction'], 0.9);
    const { headOnly: _, ...older } = settings;
    const merged = mergeTask({ task: legacy, settings: older }, { task: { ...base, status: 'done', bnShift: [] }, runs: fresh, ran: ['feature-extraction'], settings, invocation: inv('npm run experiments -- --strategies feature-extraction', ['feature-extraction'], 20) });
    expect(merged.runs).toHaveLength(12);
    expect(merged.runs!.filter((r) => r.strategy === 'feature-extraction').every((r) => r.accuracy === 0.9)).toBe(true);
    expect(merged.summary!.map((s) => `${s.strategy}@${s.perClass}`)).toEqual(['feature-extraction@1', 'feature-extraction@5', 'full@1', 'full@5', 'scratch@1', 'scratch@5']);
    expect(merged.summary![0]!.mean).toBe(0.9);
    expect(merged.invocations!.map((i) => [i.command, i.strategies])).toEqual([
      ['npm run experiments', ['full', 'scratch']],
      ['npm run experiments -- --strategies feature-extraction', ['feature-extraction']],
    ]);
    expect(merged.wallSeconds).toBe(120);
    expect(merged.cpuSeconds).toBe(12);
    expect(merged.bnShift).toEqual(legacy.bnShift); // not re-measured this time: kept
  });

  it('refuses to keep runs made under different settings', () => {
    expect(() => mergeTask({ task: legacy, settings }, { task: { ...base, status: 'done' }, runs: [], ran: ['feature-extraction'], settings: { ...settings, learningRate: 0.01 }, invocation: inv('x', [], 1) }))
      .toThrow(/full, scratch runs were made with a different learningRate/);
  });

  it('a full re-run replaces everything and starts the history afresh', () => {
    const all = grid(['feature-extraction', 'full', 'scratch'], 0.7);
    const merged = mergeTask({ task: legacy, settings }, { task: { ...base, status: 'done' }, runs: all, ran: ['feature-extraction', 'full', 'scratch'], settings, invocation: inv('npm run experiments', ['feature-extraction', 'full', 'scratch'], 50) });
    expect(merged.runs!.every((r) => r.accuracy === 0.7)).toBe(true);
    expect(merged.invocations).toHaveLength(1);
    expect(invocationsOf(merged)).toBe(merged.invocations);
  });
});
