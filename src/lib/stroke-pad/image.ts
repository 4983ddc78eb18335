/**
 * What a stroke pad's drawing becomes: ink coverage from the one rasteriser (src/lib/doodle/strokes.ts), 8-bit
 * grey, RGBA for a canvas, or the MNIST-style 28×28 (src/lib/doodle/preprocess.ts). The screen and the models
 * read the same raster, so what the reader sees is what the network gets.
 */
import { toMnist } from '../doodle/preprocess.ts';
import { PAD_SIZE, PEN_WIDTH, rasterise, type Drawing } from '../doodle/strokes.ts';

export type Rgb = readonly [number, number, number];

/**
 * A pad's raster: `size` pixels a side, pen `penWidth` pad units wide. `grey8`: the MNIST preparation reads the
 * raster as 8-bit grey, as the network explorer's 28×28 pad always was (its faintest edge pixels then count as ink).
 */
export interface Raster { size: number; penWidth: number; grey8?: boolean }

/** Pen width (pad units) for a pen `pixels` wide on a `size`-pixel raster. */
export const penFor = (pixels: number, size: number): number => (pixels * PAD_SIZE) / size;

/** The doodle pad: a fine raster whose strokes end up ~2 px wide once MNIST's preparation scales them. */
export const DOODLE_RASTER: Raster = { size: PAD_SIZE, penWidth: PEN_WIDTH };
/** The network explorer's pad: 28×28 like the test images, a 2.5-pixel pen (MNIST's strokes are 2–3 px). */
export const GRID28_RASTER: Raster = { size: 28, penWidth: penFor(2.5, 28), grey8: true };

export function coverage(d: Drawing, r: Raster): Float32Array {
  return rasterise(d, r.size, r.penWidth);
}

/** MNIST's preparation of the drawing (20-pixel box, centred by mass in 28×28, 0–255), or null when empty. */
export function mnistOf(d: Drawing, r: Raster = DOODLE_RASTER): Uint8Array | null {
  const cov = coverage(d, r);
  return toMnist(r.grey8 ? toBytes(cov) : cov, r.size, r.size);
}

/** Coverage as 8-bit grey (0 = no ink), the form the test images ship in. */
export function toBytes(cov: ArrayLike<number>): Uint8Array {
  return Uint8Array.from({ length: cov.length }, (_, i) => Math.round(Math.min(1, Math.max(0, cov[i]!)) * 255));
}

/** RGBA pixels: `ink` over `paper` by coverage, or ink with coverage as alpha when `paper` is null (see-through). */
export function toRgba(cov: ArrayLike<number>, ink: Rgb, paper: Rgb | null): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(cov.length * 4);
  const [ir, ig, ib] = ink;
  // Channels written out, and a pixel without ink given the paper as it is: most of a pad is blank, and a loop over
  // the channels of each of its 65,536 pixels was 25 ms of a first paint here. The same bytes as ink over paper.
  if (!paper) {
    for (let i = 0; i < cov.length; i++) {
      out[i * 4] = ir; out[i * 4 + 1] = ig; out[i * 4 + 2] = ib;
      out[i * 4 + 3] = Math.min(1, Math.max(0, cov[i]!)) * 255;
    }
    return out;
  }
  const [pr, pg, pb] = paper;
  for (let i = 0; i < cov.length; i++) {
    const c = Math.min(1, Math.max(0, cov[i]!));
    out[i * 4 + 3] = 255;
    if (c === 0) { out[i * 4] = pr; out[i * 4 + 1] = pg; out[i * 4 + 2] = pb; continue; }
    out[i * 4] = pr + (ir - pr) * c; out[i * 4 + 1] = pg + (ig - pg) * c; out[i * 4 + 2] = pb + (ib - pb) * c;
  }
  return out;
}

/** The channels of a computed CSS colour (`rgb(…)`/`rgba(…)`), or `fallback` for anything else. */
export function parseRgb(css: string, fallback: Rgb): Rgb {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(css);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : fallback;
}
