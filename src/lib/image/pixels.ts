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
  for (let i = 0, n = width * height; i < n; i++) {
    const a = rgba[i * 4 + 3]! / 255;
    const r = (rgba[i * 4]! * a + 255 * (1 - a)) / 255;
    const g = (rgba[i * 4 + 1]! * a + 255 * (1 - a)) / 255;
    const b = (rgba[i * 4 + 2]! * a + 255 * (1 - a)) / 255;
    if (c === 1) data[i] = LUMA[0] * r + LUMA[1] * g + LUMA[2] * b;
    else { data[i * 3] = r; data[i * 3 + 1] = g; data[i * 3 + 2] = b; }
  }
  return { data, shape: [1, height, width, c] };
}

/** A tensor [1, h, w, c] with values in [0, 1] back to RGBA bytes, to show the input exactly as computed. */
export function tensorToRgba(t: PlainTensor): Uint8ClampedArray {
  const [, h, w, c] = t.shape as [number, number, number, number];
  const out = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    for (let k = 0; k < 3; k++) out[i * 4 + k] = Math.round(t.data[i * c + (c === 1 ? 0 : k)]! * 255);
    out[i * 4 + 3] = 255;
  }
  return out;
}
