/**
 * MNIST's normalisation (LeCun et al., 1998), applied to the reader's ink image so the pretrained network sees
 * what it was trained on: crop to the ink's bounding box, scale (aspect kept) so the longer side is 20 px with
 * area averaging (the grey edges MNIST has), then place it in a 28×28 field so the centre of mass of the ink
 * sits at the field's centre. Two choices of ours: the brightest pixel is set to 255 (MNIST strokes peak
 * there, thin pens would not), and the centring shift is clamped so no ink is cut off at the border.
 */
export const FIELD = 28;
export const BOX = 20;
/** Coverage below this is not ink (anti-aliasing dust does not widen the bounding box). */
export const INK_THRESHOLD = 0.05;

export interface Box { x0: number; y0: number; x1: number; y1: number }

/** Bounding box of the ink (inclusive–exclusive), or null when there is none. */
export function inkBox(img: ArrayLike<number>, w: number, h: number, threshold = INK_THRESHOLD): Box | null {
  let x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (img[y * w + x]! <= threshold) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/** Resamples `src` (sw×sh) to dw×dh by area averaging: each output pixel is the mean of the input area it covers. */
export function areaResample(src: ArrayLike<number>, sw: number, sh: number, dw: number, dh: number): Float32Array {
  const rows = new Float32Array(sh * dw);
  for (let y = 0; y < sh; y++) resample1d((i) => src[y * sw + i]!, sw, dw, (j, v) => (rows[y * dw + j] = v));
  const out = new Float32Array(dh * dw);
  for (let x = 0; x < dw; x++) resample1d((i) => rows[i * dw + x]!, sh, dh, (j, v) => (out[j * dw + x] = v));
  return out;
}

function resample1d(get: (i: number) => number, n: number, m: number, set: (j: number, v: number) => void): void {
  const step = n / m;
  for (let j = 0; j < m; j++) {
    const a = j * step, b = a + step;
    let sum = 0;
    for (let i = Math.floor(a); i < Math.min(n, Math.ceil(b)); i++) sum += get(i) * (Math.min(b, i + 1) - Math.max(a, i));
    set(j, sum / step);
  }
}

/** Intensity-weighted centre of `img` in pixel units (pixel i spans [i, i + 1), so its centre is i + 0.5). */
export function centreOfMass(img: ArrayLike<number>, w: number, h: number): { x: number; y: number; mass: number } {
  let m = 0, sx = 0, sy = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = img[y * w + x]!;
      m += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  }
  return m === 0 ? { x: w / 2, y: h / 2, mass: 0 } : { x: sx / m, y: sy / m, mass: m };
}

/** A 28×28 image, 0–255 (0 = background, as in MNIST), or null for an empty image. */
export function toMnist(img: ArrayLike<number>, w: number, h: number): Uint8Array | null {
  const box = inkBox(img, w, h);
  if (!box) return null;
  const cw = box.x1 - box.x0, ch = box.y1 - box.y0;
  const crop = new Float32Array(cw * ch);
  for (let y = 0; y < ch; y++) for (let x = 0; x < cw; x++) crop[y * cw + x] = img[(box.y0 + y) * w + box.x0 + x]!;
  const scale = BOX / Math.max(cw, ch);
  const sw = Math.max(1, Math.round(cw * scale)), sh = Math.max(1, Math.round(ch * scale));
  const small = areaResample(crop, cw, ch, sw, sh);
  let peak = 0;
  for (const v of small) peak = Math.max(peak, v);
  const com = centreOfMass(small, sw, sh);
  const clamp = (v: number, hi: number) => Math.min(hi, Math.max(0, v));
  const ox = clamp(Math.round(FIELD / 2 - com.x), FIELD - sw), oy = clamp(Math.round(FIELD / 2 - com.y), FIELD - sh);
  const out = new Uint8Array(FIELD * FIELD);
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < sw; x++) out[(oy + y) * FIELD + ox + x] = Math.round((255 * small[y * sw + x]!) / peak);
  }
  return out;
}

/** The network's input for one image: x / 255 as float32, row-major 28×28 ([28, 28, 1] in NHWC). */
export function toInput(mnist: ArrayLike<number>): Float32Array {
  return Float32Array.from(mnist, (v) => v / 255);
}
