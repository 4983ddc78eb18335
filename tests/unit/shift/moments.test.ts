import { describe, expect, it } from 'vitest';
import { channelMoments, emptyMoments, mergeMoments } from '../../../src/lib/shift/moments.ts';
import { uniform } from '../../../src/lib/random/lcg.ts';

describe('mergeMoments', () => {
  it('merging batches of any sizes equals the moments of all values at once', () => {
    const c = 3;
    const x = uniform(5, 300 * c, -2, 5);
    const all = channelMoments(x, c);
    let acc = emptyMoments(c);
    for (const [from, to] of [[0, 7], [7, 100], [100, 101], [101, 300]] as const) {
      const part = channelMoments(x.subarray(from * c, to * c), c);
      acc = mergeMoments(acc, part.count, part.mean, part.variance);
    }
    expect(acc.count).toBe(300);
    for (let k = 0; k < c; k++) {
      expect(acc.mean[k]).toBeCloseTo(all.mean[k]!, 12);
      expect(acc.variance[k]).toBeCloseTo(all.variance[k]!, 12);
    }
  });
  it('channelMoments: biased variance per channel, by hand', () => {
    const m = channelMoments([1, 10, 3, 10, 5, 40], 2);
    expect(Array.from(m.mean)).toEqual([3, 20]);
    expect(Array.from(m.variance)).toEqual([8 / 3, 200]);
  });
});
