import { describe, expect, it } from 'vitest';
import { activeShare, neighbourCorrelation, pearson } from '../../../src/lib/transfer/filter-stats.ts';
import { uniform } from '../../../src/lib/random/lcg.ts';

describe('neighbourCorrelation', () => {
  it('is clearly positive for a smooth ramp and near 0 for i.i.d. noise', () => {
    // One 3×3 filter, layout [kh, kw, 1, c] with c = 1: a horizontal ramp x + 3y is perfectly smooth.
    const ramp = [0, 1, 2, 3, 4, 5, 6, 7, 8];
    expect(neighbourCorrelation(ramp, 3, 3, 1)).toBeGreaterThan(0.5);
    const noise = uniform(3, 9 * 2000);
    // 12 overlapping pairs per filter bias the mean slightly below 0 (about −0.1), far from a smooth filter.
    expect(Math.abs(neighbourCorrelation(noise, 3, 3, 2000))).toBeLessThan(0.15);
  });
  it('reads the tfjs layout (channels last): a checkerboard is −1, and interleaved with a constant filter it is not mixed up', () => {
    const checker = Array.from({ length: 9 }, (_, p) => (p % 2 === 0 ? 1 : -1));
    expect(neighbourCorrelation(checker, 3, 3, 1)).toBeCloseTo(-1, 10);
    // Two filters [3, 3, 1, 2]: filter 0 the checkerboard, filter 1 a constant; pairs never mix filters.
    const both = new Float32Array(18);
    for (let p = 0; p < 9; p++) { both[p * 2] = checker[p]!; both[p * 2 + 1] = 5; }
    expect(neighbourCorrelation(both, 3, 3, 2)).toBeCloseTo(-1, 10); // the constant filter is left out
  });
});

describe('pearson and activeShare', () => {
  it('by hand', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [3, 2, 1])).toBeNaN();
    expect(activeShare([0, -1, 2, 3])).toBe(0.5);
  });
});
