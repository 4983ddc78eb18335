import type { PlainTensor } from '../conv/tensor.ts';

export type ColorMode = 'gray' | 'rgb';

/** Rec. 601 luma weights, the conversion most image libraries use for "grayscale". */
export const LUMA = [0.299, 0.587, 0.114] as const;

/**
 * RGBA bytes (as from a canvas) → a float32 NHWC tensor [1, h, w, c] in [0, 1]; c is 1 for gray, 3 for RGB.
 * Alpha is composited onto white, as a transparent drawing or PNG appears on the page.
 */
export function rgbaToTensor(rgba: ArrayLike<number>, width: number, height: number, mode: ColorMode): PlainTensor {
  if (rgba.length !== width * height * 4) throw new Error(`expected ${width * height * 4} RGBA bytes, got ${rgba.length}`);
  const c = mode === 'gray' ? 1 : 3;
  const data = new Float32Array(width * height * c);
  // Offsets carried and the paper's share computed once per pixel: the same arithmetic, in fewer operations (a page's
  // first run is interpreted: the playground's 451 × 300 default picture took 8-9 ms of one task here).
  const [lr, lg, lb] = LUMA;
  for (let i = 0, o = 0, n = width * height; i < n; i++, o += 4) {
    const a = rgba[o + 3]! / 255;
    const paper = 255 * (1 - a);
    const r = (rgba[o]! * a + paper) / 255;
    const g = (rgba[o + 1]! * a + paper) / 255;
    const b = (rgba[o + 2]! * a + paper) / 255;
    if (c === 1) data[i] = lr * r + lg * g + lb * b;
    else { const d = i * 3; data[d] = r; data[d + 1] = g; data[d + 2] = b; }
  }
  return { data, shape: [1, height, width, c] };
}

/** A tensor [1, h, w, c] with values in [0, 1] back to RGBA bytes, to show the input exactly as computed. */
export function tensorToRgba(t: PlainTensor): Uint8ClampedArray {
  const [, h, w, c] = t.shape as [number, number, number, number];
  const out = new Uint8ClampedArray(w * h * 4);
  const d = t.data;
  for (let i = 0, o = 0, n = w * h; i < n; i++, o += 4) {
    const p = i * c;
    out[o] = Math.round(d[p]! * 255);
    out[o + 1] = Math.round(d[c === 1 ? p : p + 1]! * 255);
    out[o + 2] = Math.round(d[c === 1 ? p : p + 2]! * 255);
    out[o + 3] = 255;
  }
  return out;
}

/**
 * A grey image (bytes 0–255, `w` × `h`, row-major, starting at `grey[from]`) written as opaque grey pixels into the
 * RGBA bytes `out` of a picture `outWidth` pixels wide, its left edge at column `left`: the strips and thumbnails of
 * the book's digits and drawings. `invert` writes 255 − v (dark ink on white).
 */
export function greyInto(out: Uint8ClampedArray, outWidth: number, left: number, grey: ArrayLike<number>, w: number, h: number, from = 0, invert = false): void {
  for (let y = 0; y < h; y++) {
    for (let x = 0, i = from + y * w, o = (y * outWidth + left) * 4; x < w; x++, i++, o += 4) {
      const v = invert ? 255 - grey[i]! : grey[i]!;
      out[o] = out[o + 1] = out[o + 2] = v;
      out[o + 3] = 255;
    }
  }
}
