/** `npm run forgetting -- --smoke`: the real script on the shipped data and model, one seed, a few steps, a temporary file. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ForgettingResults } from '../../../src/lib/experiments/forgetting-results.ts';

describe('npm run forgetting -- --smoke', { timeout: 600_000 }, () => {
  it('fine-tunes, puts the original head back, and writes every arm with provenance', () => {
    const r = spawnSync('npm', ['run', '--silent', 'forgetting', '--', '--smoke', '--alphas', '0.1'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const file = /wrote (\S+forgetting\.json)/.exec(r.stdout)![1]!;
    const results = JSON.parse(readFileSync(file, 'utf8')) as ForgettingResults;
    expect(results.arms.map((a) => a.id)).toEqual(['full', 'full-l2sp-0.1', 'conv-frozen']);
    expect(results.summary.map((s) => `${s.arm}@${s.perClass}`)).toEqual(['full@5', 'full-l2sp-0.1@5', 'conv-frozen@5']);
    // The shipped digits04-cnn's card states 99.12% on its 1,025 test images.
    expect(results.sourceTestCount).toBe(1025);
    expect(results.before).toBeGreaterThan(0.985);
    for (const run of results.runs) {
      for (const a of [run.targetAccuracy, run.sourceAccuracy, run.sourceAccuracySourceBn]) expect(a).toBeGreaterThanOrEqual(0), expect(a).toBeLessThanOrEqual(1);
      expect(run.drift).toBeGreaterThan(0);
    }
    expect(results.command).toContain('--smoke');
    expect(results.hardware).toMatch(/one thread/);
    expect(results.wallSeconds).toBeGreaterThan(0);
    expect(Date.parse(results.date)).not.toBeNaN();
  });
});
