/**
 * The stroke pad against the code it replaces, on the same seeded strokes: the doodle pad's pipeline is the same
 * rasteriser and preparation (exact), and the network explorer's old 28×28 brush (discs stamped every quarter
 * pixel) against the capsule rasteriser at 28 pixels with the same 1.25-pixel radius: within 3 of 255.
 */
import { describe, expect, it } from 'vitest';
import { blankGrid, gridToPixels, stamp, strokeLine } from '../../../src/lib/nets/drawing.ts';
import { toMnist } from '../../../src/lib/doodle/preprocess.ts';
import { rasterise } from '../../../src/lib/doodle/strokes.ts';
import { coverage, mnistOf, penFor, toBytes } from '../../../src/lib/stroke-pad/image.ts';
import { doodle, SHAPES } from '../../e2e/doodle-shapes.ts';

const EXPLORER = { size: 28, penWidth: penFor(2.5, 28), grey8: true };
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

describe.each(SHAPES.flatMap((s) => [1, 2].map((seed) => [s, seed] as const)))('%s seed %i', (shape, seed) => {
  const d = doodle(shape, seed);
  it('doodle pipeline: the same 28×28 as toMnist(rasterise(d))', () => {
    expect(mnistOf(d)).toEqual(toMnist(rasterise(d), 256, 256));
  });
  it('explorer pipeline: within 3 of the old stamp brush, raw and prepared', () => {
    const g = blankGrid();
    for (const s of d) {
      const pts = s.map(([x, y]) => ({ x: (x * 28) / 256, y: (y * 28) / 256 }));
      stamp(g, pts[0]!.x, pts[0]!.y);
      for (let i = 1; i < pts.length; i++) strokeLine(g, pts[i - 1]!, pts[i]!);
    }
    expect(maxDiff(toBytes(coverage(d, EXPLORER)), gridToPixels(g))).toBeLessThanOrEqual(3);
    expect(maxDiff(mnistOf(d, EXPLORER)!, toMnist(gridToPixels(g), 28, 28)!)).toBeLessThanOrEqual(3);
  });
});
