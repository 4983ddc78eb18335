/**
 * Small multiples on one canvas: a layer's c feature maps of h×w pixels tiled in rows of `cols`, one pixel of
 * gap between maps. Drawing one canvas per layer (not one per map) keeps hundreds of maps cheap; a click is
 * mapped back to (map, y, x) here, so the view holds no arithmetic.
 */
export interface SheetLayout { h: number; w: number; channels: number; cols: number; rows: number; gap: number; width: number; height: number }

/** 8 columns for the book's 32- and 64-map layers (4 or 8 rows); fewer maps get one row. */
export function sheetLayout(h: number, w: number, channels: number, cols = Math.min(8, channels), gap = 1): SheetLayout {
  const rows = Math.ceil(channels / cols);
  return { h, w, channels, cols, rows, gap, width: cols * w + (cols - 1) * gap, height: rows * h + (rows - 1) * gap };
}

/** Top-left pixel of map k (0-based) on the sheet. */
export function mapOrigin(l: SheetLayout, k: number): { x: number; y: number } {
  return { x: (k % l.cols) * (l.w + l.gap), y: Math.floor(k / l.cols) * (l.h + l.gap) };
}

/** The map and pixel under sheet coordinates (px, py), or null over a gap or outside. */
export function hitTest(l: SheetLayout, px: number, py: number): { map: number; y: number; x: number } | null {
  const cx = Math.floor(px), cy = Math.floor(py);
  if (cx < 0 || cy < 0 || cx >= l.width || cy >= l.height) return null;
  const col = Math.floor(cx / (l.w + l.gap)), row = Math.floor(cy / (l.h + l.gap));
  const x = cx - col * (l.w + l.gap), y = cy - row * (l.h + l.gap);
  const map = row * l.cols + col;
  if (x >= l.w || y >= l.h || map >= l.channels) return null;
  return { map, y, x };
}

/** A colour per value: a table of RGB bytes and a value's offset in it (a DivergingScale is one). */
export interface SheetColour { table: Uint8Array; offset(v: number): number }

/**
 * RGBA bytes for the whole sheet: `colour` colours each map pixel, `gapRgba` fills the gaps. Colours come from a
 * table, not from an array made per pixel: that was several times slower while the page's code still runs cold (the
 * network explorer's first paint of its sheets was 14–17 ms of one task on its embed page here).
 */
export function paintSheet(l: SheetLayout, values: ArrayLike<number>, colour: SheetColour, gapRgba: readonly number[] = [0, 0, 0, 0]): Uint8ClampedArray {
  const out = new Uint8ClampedArray(l.width * l.height * 4);
  if (gapRgba.some((b) => b !== 0)) for (let i = 0; i < out.length; i += 4) out.set(gapRgba, i);
  const { table } = colour;
  const c = l.channels;
  for (let k = 0; k < c; k++) {
    const o = mapOrigin(l, k);
    for (let y = 0; y < l.h; y++) {
      let p = ((o.y + y) * l.width + o.x) * 4;
      for (let x = 0, v = y * l.w * c + k; x < l.w; x++, p += 4, v += c) {
        const i = colour.offset(values[v]!);
        out[p] = table[i]!; out[p + 1] = table[i + 1]!; out[p + 2] = table[i + 2]!; out[p + 3] = 255;
      }
    }
  }
  return out;
}
