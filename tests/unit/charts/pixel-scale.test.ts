import { describe, expect, it } from 'vitest';
import { pairScale, parseZoom, MAX_FIT } from '../../../src/lib/charts/pixel-scale.ts';

describe('pairScale', () => {
  it('fixed zooms ignore the width', () => {
    expect(pairScale({ zoom: 1, available: 100, inW: 451, outW: 449, gap: 12 })).toBe(1);
    expect(pairScale({ zoom: 2, available: 100, inW: 451, outW: 449, gap: 12 })).toBe(2);
  });

  it.each([
    // [available, inW, outW, maps, outMin] → both figures fit within the available width
    [720, 451, 449, 1, 256],
    [720, 512, 255, 1, 256],
    [720, 451, 3 * 449, 3, 256],
    [320, 451, 449, 1, 256],
    [288, 512, 512, 1, 256],
    [320, 256, 128, 1, 256],
  ])('fit in %i px: input %i, output row %i (%i maps) fits, side by side or stacked', (available, inW, outW, maps, outMin) => {
    const gap = 12;
    const s = pairScale({ zoom: 'fit', available, inW, outW, gap, maps, outMin });
    const outBox = Math.max(outW * s + (maps - 1) * gap, outMin);
    const side = inW * s + gap + outBox <= available + 1e-9;
    const stacked = inW * s <= available + 1e-9 && outW * s + (maps - 1) * gap <= available + 1e-9;
    expect(side || stacked).toBe(true);
    expect(s).toBeGreaterThan(0);
  });

  it('side by side on a desktop column, filling it: canvases alone, or the input and the legend\'s minimum width', () => {
    const s = pairScale({ zoom: 'fit', available: 720, inW: 512, outW: 512, gap: 12, outMin: 256 });
    expect(512 * s + 12 + 512 * s).toBeCloseTo(720, 9);
    const t = pairScale({ zoom: 'fit', available: 720, inW: 512, outW: 256, gap: 12, outMin: 256 });
    expect(512 * t + 12 + 256).toBeCloseTo(720, 9); // the stride-2 output (226 px) sits in a 256 px figure
  });

  it('stacked on a 320 px phone, each as wide as the column allows', () => {
    expect(pairScale({ zoom: 'fit', available: 320, inW: 451, outW: 449, gap: 12, outMin: 256 })).toBeCloseTo(320 / 451, 12);
  });

  it('never magnifies past MAX_FIT', () => {
    expect(pairScale({ zoom: 'fit', available: 1000, inW: 16, outW: 14, gap: 12 })).toBe(MAX_FIT);
  });

  it('parseZoom', () => {
    expect(['fit', '1', '2', 'x'].map(parseZoom)).toEqual(['fit', 1, 2, 'fit']);
  });
});
