/** `npm run experiments -- --smoke` (CI): the real script on the shipped data, one seed, a few steps, a temporary file. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExperimentResults } from '../../../src/lib/experiments/results.ts';

describe('npm run experiments -- --smoke', { timeout: 600_000 }, () => {
  it('runs every strategy, writes a results file with each seed, hardware, wall time and command, skips a missing source clearly', () => {
    // 5 per class: the augmentation arms run at 5 and 10 only.
    const r = spawnSync('npm', ['run', '--silent', 'experiments', '--', '--smoke', '--per-class', '1,5'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/one thread/);
    const file = /wrote (\S+experiments\.json)/.exec(r.stdout)![1]!;
    const results = JSON.parse(readFileSync(file, 'utf8')) as ExperimentResults;
    expect(results.perClass).toEqual([1, 5]);
    expect(results.seeds).toEqual([1]);
    for (const task of results.tasks) {
      if (!existsSync(`public/models/${task.source}/model.json`)) {
        expect(task.status).toBe('skipped');
        expect(task.reason).toContain(task.source);
        expect(r.stdout).toContain(`${task.title}: SKIPPED`);
        continue;
      }
      expect(task.status).toBe('done');
      expect([...new Set(task.summary!.map((s) => s.strategy))]).toEqual(results.strategies.map((s) => s.id));
      for (const s of results.strategies) {
        expect(task.summary!.filter((c) => c.strategy === s.id).map((c) => c.perClass), s.id).toEqual(s.perClass ? [5] : [1, 5]);
      }
      expect(r.stdout).toContain(`augmentation (the lab's ±2-pixel shifts), ${task.title}`);
      expect(task.runs!.every((run) => run.accuracy >= 0 && run.accuracy <= 1 && run.seed === 1)).toBe(true);
      expect(task.testCount).toBeGreaterThan(900);
      expect(task.hardware).toMatch(/one thread/);
      expect(task.wallSeconds).toBeGreaterThan(0);
      expect(task.command).toContain('--smoke');
      expect(Date.parse(task.date!)).not.toBeNaN();
    }
  });
});
