import { describe, expect, it } from 'vitest';
import { rasterise, type Drawing } from '../../../src/lib/doodle/strokes.ts';
import { lcg } from '../../../src/lib/random/lcg.ts';

/** The rasteriser as first written: every pixel of a segment's box measured with Math.hypot. */
function reference(drawing: Drawing, size: number, width: number): Float32Array {
  const out = new Float32Array(size * size);
  const k = size / 256, r = (width * k) / 2;
  const segment = ([ax, ay]: readonly number[], [bx, by]: readonly number[]) => {
    const x0 = Math.max(0, Math.floor(Math.min(ax!, bx!) - r - 1)), x1 = Math.min(size - 1, Math.ceil(Math.max(ax!, bx!) + r + 1));
    const y0 = Math.max(0, Math.floor(Math.min(ay!, by!) - r - 1)), y1 = Math.min(size - 1, Math.ceil(Math.max(ay!, by!) + r + 1));
    const dx = bx! - ax!, dy = by! - ay!, len2 = dx * dx + dy * dy;
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
      const px = x + 0.5 - ax!, py = y + 0.5 - ay!;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
      const c = Math.min(1, Math.max(0, r + 0.5 - Math.hypot(px - t * dx, py - t * dy)));
      if (c > out[y * size + x]!) out[y * size + x] = c;
    }
  };
  for (const stroke of drawing) {
    const pts = stroke.map(([x, y]) => [x * k, y * k]);
    if (pts.length === 1) segment(pts[0]!, pts[0]!);
    for (let i = 1; i < pts.length; i++) segment(pts[i - 1]!, pts[i]!);
  }
  return out;
}

describe('rasterise', () => {
  it('gives, bit for bit, the coverage of measuring every pixel (it skips those beyond the pen’s reach)', () => {
    const next = lcg(5);
    for (let trial = 0; trial < 40; trial++) {
      const drawing: Drawing = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
        Array.from({ length: 1 + Math.floor(next() * 30) }, () => [Math.round(next() * 2560) / 10, Math.round(next() * 2560) / 10] as [number, number]));
      for (const [size, width] of [[256, 10], [28, (2.5 * 256) / 28], [64, 24]] as const) {
        const got = rasterise(drawing, size, width), want = reference(drawing, size, width);
        expect(got.some((v) => v > 0)).toBe(true);
        expect(got).toEqual(want);
      }
    }
  });
});
