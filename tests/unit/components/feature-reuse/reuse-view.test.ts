/**
 * The feature-reuse pictures: the maps' greys, now read from a table, are the greys of the formula they stand for,
 * round(255 · max(0, v) / max), pixel for pixel; the gaps stay mid-grey.
 */
import { describe, expect, it } from 'vitest';
import { mapsPicture } from '../../../../components/feature-reuse/reuse-view.ts';
import { mapOrigin, sheetLayout } from '../../../../src/lib/nets/map-sheet.ts';

describe('mapsPicture', () => {
  it('greys each map pixel as round(255 · max(0, v) / max) and fills the gaps with grey 128', () => {
    const [h, w, c] = [6, 5, 11];
    const data = Float32Array.from({ length: h * w * c }, (_, i) => Math.max(0, Math.sin(i * 0.7) * 2.3));
    const max = Math.max(...data);
    const pic = mapsPicture(data, [h, w, c]);
    expect(pic.max).toBe(max);
    const l = sheetLayout(h, w, c, 8, 2);
    expect([pic.width, pic.height]).toEqual([l.width, l.height]);
    for (let k = 0; k < c; k++) {
      const o = mapOrigin(l, k);
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const g = Math.round(255 * Math.max(0, data[(y * w + x) * c + k]!) / max);
          const p = ((o.y + y) * l.width + o.x + x) * 4;
          expect(Array.from(pic.rgba.subarray(p, p + 4))).toEqual([g, g, g, 255]);
        }
    }
    const gap = (mapOrigin(l, 0).x + w) * 4; // the first pixel right of map 1
    expect(Array.from(pic.rgba.subarray(gap, gap + 4))).toEqual([128, 128, 128, 255]);
  });
});
