import { describe, expect, it } from 'vitest';
import { augmentationRows } from '../../../src/lib/experiments/augmentation.ts';
import type { ExperimentResults, TaskResult } from '../../../src/lib/experiments/results.ts';
import { summariseRuns, type RunRecord } from '../../../src/lib/experiments/stats.ts';

const run = (strategy: string, perClass: number, seed: number, accuracy: number): RunRecord => ({ strategy, perClass, seed, accuracy, steps: 30, batch: 25, ms: 1 });

describe('augmentationRows', () => {
  it('pairs each augmented arm with its baseline at its label counts, with the difference by seed', () => {
    const results = {
      perClass: [1, 5, 10], seeds: [1, 2],
      strategies: [
        { id: 'full', label: 'Full fine-tuning', description: '', group: 'grid' },
        { id: 'full-augment', label: 'Full fine-tuning + shifts', description: '', group: 'augmentation', baseline: 'full', perClass: [5, 10] },
      ],
    } as unknown as ExperimentResults;
    const runs = [run('full', 5, 1, 0.7), run('full', 5, 2, 0.6), run('full', 10, 1, 0.8), run('full', 10, 2, 0.8), run('full-augment', 5, 1, 0.75), run('full-augment', 5, 2, 0.55), run('full-augment', 10, 1, 0.9)];
    const task = { summary: summariseRuns(runs) } as TaskResult;
    const [row] = augmentationRows(results, task);
    expect(row!.with.id).toBe('full-augment');
    expect(row!.without.label).toBe('Full fine-tuning');
    expect(row!.cells.map((c) => c.perClass)).toEqual([5, 10]);
    expect(row!.cells[0]!.delta!.mean).toBeCloseTo(0, 12);
    expect(row!.cells[0]!.delta!.bySeed.map((d) => +d.toFixed(6))).toEqual([0.05, -0.05]);
    // At 10 per class the augmented arm ran one seed only: no paired difference.
    expect(row!.cells[1]!.delta).toBeUndefined();
  });
});
