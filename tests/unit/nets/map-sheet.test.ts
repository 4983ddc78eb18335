import { describe, expect, it } from 'vitest';
import { hitTest, mapOrigin, paintSheet, sheetLayout } from '../../../src/lib/nets/map-sheet.ts';
import { divergingScale } from '../../../src/lib/charts/diverging.ts';

describe('sheetLayout / mapOrigin / hitTest', () => {
  it('tiles 32 maps of 28×28 in 8 columns and 4 rows with 1-pixel gaps', () => {
    const l = sheetLayout(28, 28, 32);
    expect(l).toMatchObject({ cols: 8, rows: 4, width: 8 * 28 + 7, height: 4 * 28 + 3 });
    expect(mapOrigin(l, 0)).toEqual({ x: 0, y: 0 });
    expect(mapOrigin(l, 9)).toEqual({ x: 29, y: 29 });
  });

  it.each([[28, 28, 32], [14, 14, 64], [7, 7, 64], [1, 1, 5]])('maps every pixel of every map back to itself (%i×%i×%i)', (h, w, c) => {
    const l = sheetLayout(h, w, c);
    for (let k = 0; k < c; k++) {
      const o = mapOrigin(l, k);
      for (const [y, x] of [[0, 0], [h - 1, w - 1], [h >> 1, w >> 1]] as const) expect(hitTest(l, o.x + x + 0.7, o.y + y + 0.2)).toEqual({ map: k, y, x });
    }
  });

  it('answers null over gaps, outside, and past the last map', () => {
    const l = sheetLayout(7, 7, 10); // 8 columns, 2 rows: the second row holds maps 8 and 9 only
    expect(hitTest(l, 7.5, 3)).toBeNull(); // the gap after map 0
    expect(hitTest(l, -1, 0)).toBeNull();
    expect(hitTest(l, l.width, 0)).toBeNull();
    expect(hitTest(l, mapOrigin(l, 7).x + 1, mapOrigin(l, 8).y + 1)).toBeNull(); // map 15 does not exist
  });
});

describe('paintSheet', () => {
  it('colours each map pixel from its own channel and fills the gaps', () => {
    const l = sheetLayout(1, 2, 2, 2); // two 1×2 maps side by side: [m0 m0 gap m1 m1]
    const values = [1, 2, 3, 4]; // NHWC: (x0: c0 = 1, c1 = 2), (x1: c0 = 3, c1 = 4)
    // A table whose colour for value v (at offset 3v) is [v, 10v, 0].
    const colour = { table: Uint8Array.from({ length: 15 }, (_, i) => [Math.floor(i / 3), 10 * Math.floor(i / 3), 0][i % 3]!), offset: (v: number) => 3 * v };
    const px = paintSheet(l, values, colour, [9, 9, 9, 0]);
    expect(Array.from(px)).toEqual([1, 10, 0, 255, 3, 30, 0, 255, 9, 9, 9, 0, 2, 20, 0, 255, 4, 40, 0, 255]);
  });

  it('a diverging scale passed whole (its table) paints the bytes its rgb() gives, gaps transparent or grey', () => {
    const [h, w, c] = [5, 7, 11];
    const l = sheetLayout(h, w, c, 4, 2);
    const values = Float32Array.from({ length: h * w * c }, (_, i) => Math.sin(i * 0.37) * 3 - 0.5);
    const scale = divergingScale(-3.5, 2.5);
    for (const gap of [[0, 0, 0, 0], [128, 128, 128, 255]]) {
      // Every map pixel as rgb() colours it, every other pixel the gap's colour.
      const want = Array.from({ length: l.width * l.height }, () => [...gap]);
      for (let k = 0; k < c; k++) {
        const o = mapOrigin(l, k);
        for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) want[(o.y + y) * l.width + o.x + x] = [...scale.rgb(values[(y * w + x) * c + k]!), 255];
      }
      expect(Array.from(paintSheet(l, values, scale, gap))).toEqual(want.flat());
    }
    expect(Array.from(paintSheet(l, values, scale).subarray(4 * 7, 4 * 8))).toEqual([0, 0, 0, 0]); // the first gap pixel
  });
});
