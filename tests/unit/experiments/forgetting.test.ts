import { describe, expect, it } from 'vitest';
import { CpuNet, type Op } from '../../../src/lib/train/cpu/net.ts';
import { forgettingArms, pretrainedDrift, summariseForgetting, withHead, withStatisticsOf, type ForgettingRun } from '../../../src/lib/experiments/forgetting.ts';
import { forgettingRow, forgettingTable, type ForgettingResults } from '../../../src/lib/experiments/forgetting-results.ts';

const f = (...v: number[]) => Float32Array.from(v);
/** A two-pixel "image" through a conv 1×1, BatchNorm, flatten, hidden and head. */
const net = (k: number, head: number[]): CpuNet => new CpuNet([
  { kind: 'conv', name: 'conv1', kh: 1, kw: 1, cout: 1, kernel: f(k) },
  { kind: 'bn', name: 'bn1', gamma: f(1), beta: f(0), mean: f(0.5), variance: f(1), eps: 0, momentum: 0.99, trainable: true },
  { kind: 'flatten', name: 'flatten' },
  { kind: 'dense', name: 'hidden', kernel: f(1, 0, 0, 1), bias: f(0, 0), relu: false },
  { kind: 'dense', name: 'logits', kernel: Float32Array.from(head), bias: f(0, 0), relu: false },
]);

describe('withHead', () => {
  it('swaps only the logits layer, sharing the others, and refuses anything but a dense logits layer', () => {
    const a = net(2, [1, 0, 0, 1]), b = net(3, [0, 1, 1, 0]);
    const swapped = withHead(a, b.ops[4]!);
    expect(swapped.ops[4]).toBe(b.ops[4]);
    expect(swapped.ops.slice(0, 4)).toEqual(a.ops.slice(0, 4));
    expect(swapped.ops[0]).toBe(a.ops[0]);
    // x = (1, 0): conv ×2 → (2, 0); BN (x − 0.5) → (1.5, −0.5); hidden = identity; head swaps the two.
    expect(Array.from(swapped.logits(f(1, 0), 1, 1, 2))).toEqual([-0.5, 1.5]);
    expect(Array.from(a.logits(f(1, 0), 1, 1, 2))).toEqual([1.5, -0.5]);
    expect(() => withHead(a, a.ops[3]!)).toThrow(/dense layer named logits/);
  });
});

describe('withStatisticsOf', () => {
  it('takes BatchNorm moving statistics by layer name and leaves the original net alone', () => {
    const a = net(2, [1, 0, 0, 1]), b = net(2, [1, 0, 0, 1]);
    (b.ops[1] as Extract<Op, { kind: 'bn' }>).mean[0] = 1;
    const c = withStatisticsOf(a, b);
    expect(Array.from(c.logits(f(1, 0), 1, 1, 2))).toEqual([1, -1]);
    expect((a.ops[1] as Extract<Op, { kind: 'bn' }>).mean[0]).toBe(0.5);
  });
});

describe('pretrainedDrift', () => {
  it('is ‖w − w⁰‖² over the shared weights, the head excluded', () => {
    const a = net(2, [1, 0, 0, 1]), b = net(2.5, [9, 9, 9, 9]);
    (b.ops[3] as Extract<Op, { kind: 'dense' }>).bias[1] = -2;
    (b.ops[1] as Extract<Op, { kind: 'bn' }>).gamma[0] = 1.5;
    // conv 0.5² + γ 0.5² + hidden bias 2² = 4.5; the head's changes and BN statistics do not count
    (b.ops[1] as Extract<Op, { kind: 'bn' }>).mean[0] = 7;
    expect(pretrainedDrift(b, a)).toBeCloseTo(4.5, 6);
    expect(pretrainedDrift(a, a)).toBe(0);
  });
});

describe('forgettingArms and summariseForgetting', () => {
  it('lists plain, L2-SP per α and the lab default, and summarises each arm × label count over seeds', () => {
    const arms = forgettingArms([0.1, 1], 0.01);
    expect(arms.map((a) => a.id)).toEqual(['full', 'full-l2sp-0.1', 'full-l2sp-1', 'conv-frozen']);
    expect(arms[2]!.l2sp).toEqual({ alpha: 1, beta: 0.01 });
    const run = (arm: string, perClass: number, seed: number, source: number): ForgettingRun => ({ arm, perClass, seed, targetAccuracy: 0.8, sourceAccuracy: source, sourceAccuracySourceBn: source + 0.1, drift: seed, steps: 30, batch: 32, ms: 1 });
    const runs = [run('full', 10, 2, 0.5), run('full', 10, 1, 0.7), run('conv-frozen', 10, 1, 0.9), run('conv-frozen', 10, 2, 0.9)];
    const s = summariseForgetting(runs, 0.99, arms.map((a) => a.id), [10, 50]);
    expect(s.map((r) => `${r.arm}@${r.perClass}`)).toEqual(['full@10', 'conv-frozen@10']);
    expect(s[0]!.seeds).toEqual([1, 2]);
    expect(s[0]!.sourceAccuracy.values).toEqual([0.7, 0.5]);
    expect(s[0]!.sourceAccuracy.mean).toBeCloseTo(0.6, 12);
    expect(s[0]!.sourceAccuracy.sd).toBeCloseTo(Math.SQRT2 * 0.1, 12);
    expect(s[0]!.forgetting.mean).toBeCloseTo(0.6 - 0.99, 12);
    expect(s[1]!.forgetting.sd).toBe(0);
    const results = { summary: s, arms, perClass: [10], seeds: [1, 2], before: 0.99, source: 'digits04-cnn', sourceTestCount: 1025, targetTestCount: 975 } as unknown as ForgettingResults;
    expect(forgettingRow(results, 'conv-frozen', 10)).toBe(s[1]);
    expect(() => forgettingRow(results, 'full', 50)).toThrow(/no arm "full" at 50 per class/);
    expect(forgettingTable(results)).toContain('−39.0');
  });
});
