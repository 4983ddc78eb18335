/**
 * The stroke pad against the pads it replaced, on the same seeded strokes (tests/e2e/doodle-shapes.ts). The expected
 * 28×28s in legacy-28x28.json were written by the old code before it was deleted: the doodle pad's pipeline is the
 * same rasteriser and preparation (exact); the network explorer's old brush (discs stamped every quarter pixel on
 * a 28×28 grid) against the capsule rasteriser at 28 pixels with the same 1.25-pixel radius: within 3 of 255.
 */
import { describe, expect, it } from 'vitest';
import { coverage, GRID28_RASTER as EXPLORER, mnistOf, toBytes } from '../../../src/lib/stroke-pad/image.ts';
import { doodle, SHAPES } from '../../e2e/doodle-shapes.ts';
import legacy from './legacy-28x28.json' with { type: 'json' };

const old = legacy.images as Record<string, { explorerRaw: string; explorer: string; doodle: string }>;
const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

describe.each(SHAPES.flatMap((s) => [1, 2].map((seed) => [s, seed] as const)))('%s seed %i', (shape, seed) => {
  const d = doodle(shape, seed), want = old[`${shape} ${seed}`]!;
  it('doodle pad: the same 28×28 as before, byte for byte', () => {
    expect(Array.from(mnistOf(d)!)).toEqual(Array.from(bytes(want.doodle)));
  });
  it('network explorer: within 3 of 255 of the old brush, raw and prepared', () => {
    expect(bytes(want.explorerRaw).length).toBe(28 * 28);
    expect(maxDiff(toBytes(coverage(d, EXPLORER)), bytes(want.explorerRaw))).toBeLessThanOrEqual(3);
    expect(maxDiff(mnistOf(d, EXPLORER)!, bytes(want.explorer))).toBeLessThanOrEqual(3);
  });
});
