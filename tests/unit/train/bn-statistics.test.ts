import { describe, expect, it } from 'vitest';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { cpuNetFromModel } from '../../../src/lib/train/cpu/convert.ts';
import { CpuNet } from '../../../src/lib/train/cpu/net.ts';
import * as K from '../../../src/lib/train/cpu/kernels.ts';
import { reestimateBatchNorm, statisticsShift } from '../../../src/lib/train/cpu/bn-statistics.ts';
import { batchOf } from '../../../src/lib/train/cpu/train.ts';
import { cpu, maxAbsDiff, synthetic } from './helpers.ts';

const bnOps = (net: CpuNet) => net.ops.filter((op) => op.kind === 'bn') as Extract<CpuNet['ops'][number], { kind: 'bn' }>[];

describe('reestimateBatchNorm (AdaBN, precise statistics)', () => {
  it('sets each layer to the batch statistics of its input over the whole set, the layers below already updated', async () => {
    await cpu();
    const net = await cpuNetFromModel(buildSmallCnn({ classes: 3, seed: 5, filters: [3, 4], hidden: 6 }));
    const set = synthetic(23, 3, 8);
    const { x } = batchOf(set, Int32Array.from({ length: 23 }, (_, i) => i), 0, 23);
    const changes = reestimateBatchNorm(net, x, 23, { chunk: 10 }); // chunks of 10, 10, 3 must add up exactly
    expect(changes.map((c) => c.name)).toEqual(['bn1', 'bn2']);
    const [bn1, bn2] = bnOps(net);
    // bn1's input is conv1's output; bnTrain computes batch statistics over all 23 images at once.
    const conv1 = net.ops[0] as Extract<CpuNet['ops'][number], { kind: 'conv' }>;
    const a1 = K.convForward(x, { n: 23, h: 28, w: 28, c: 1 }, conv1.kernel, 3, 3, conv1.cout).y;
    const ref1 = K.bnTrain(a1, conv1.cout, bn1!.gamma, bn1!.beta, bn1!.eps).cache;
    expect(maxAbsDiff(bn1!.mean, ref1.mean)).toBeLessThan(1e-6);
    expect(maxAbsDiff(bn1!.variance, ref1.variance)).toBeLessThan(1e-6);
    // bn2's input goes through bn1 in inference mode with the statistics just measured.
    const below2 = new CpuNet(net.ops.slice(0, net.ops.indexOf(bn2!)));
    const a2 = below2.logits(x, 23);
    const ref2 = K.bnTrain(a2, bn2!.gamma.length, bn2!.gamma, bn2!.beta, bn2!.eps).cache;
    expect(maxAbsDiff(bn2!.mean, ref2.mean)).toBeLessThan(1e-5);
    expect(maxAbsDiff(bn2!.variance, ref2.variance)).toBeLessThan(1e-5);
    expect(changes[0]!.after.mean).toEqual(bn1!.mean);
    expect(changes[0]!.before.mean).not.toEqual(bn1!.mean); // a fresh net starts at mean 0
  });

  it('touches only the layers `only` accepts', async () => {
    await cpu();
    const net = await cpuNetFromModel(buildSmallCnn({ classes: 3, seed: 6, filters: [3, 4], hidden: 6 }));
    const before = bnOps(net).map((op) => op.mean.slice());
    const { x } = batchOf(synthetic(8, 3, 2), Int32Array.from({ length: 8 }, (_, i) => i), 0, 8);
    reestimateBatchNorm(net, x, 8, { only: (name) => name === 'bn2' });
    expect(bnOps(net)[0]!.mean).toEqual(before[0]);
    expect(bnOps(net)[1]!.mean).not.toEqual(before[1]);
  });
});

describe('statisticsShift', () => {
  it('averages |Δmean| / source sd and takes the geometric mean of the sd ratio', () => {
    const f = (...v: number[]) => Float32Array.from(v);
    // channel 0: source N(0, 1 − 1e-3), target mean 2, same sd; channel 1: source sd² + 1e-3 = 4, target = 16.
    const s = statisticsShift({ name: 'bn1', before: { mean: f(0, 1), variance: f(1 - 1e-3, 4 - 1e-3) }, after: { mean: f(2, 1), variance: f(1 - 1e-3, 16 - 1e-3) } });
    expect(s.meanShift).toBeCloseTo((2 / 1 + 0) / 2, 5);
    expect(s.sdRatio).toBeCloseTo(Math.sqrt(1 * 2), 5);
  });
});
