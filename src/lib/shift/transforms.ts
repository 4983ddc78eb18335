/**
 * Domain shifts for 28×28 grey digits (0 = background, 255 = ink), in plain TypeScript so every backend and
 * every test sees the same pixels. Each shift has one strength with its own unit; random ones (noise, the
 * direction of a translation) draw from one seeded LCG stream over the images in order, so the first k images
 * of a set are the same whatever its length. Output: float32 pixels 0–255 (the training code divides by 255).
 */
import { lcg } from '../random/lcg.ts';
import { shiftImage } from '../transfer/augment.ts';
import { msg, say } from '../i18n/t.ts';
import type { Msg } from '../i18n/types.ts';
import { runSync, type Sliced } from '../schedule/slices.ts';

export const SHIFTS = ['inverted', 'rotated', 'noisy', 'thickened', 'shifted'] as const;
export type Shift = (typeof SHIFTS)[number];

export interface StrengthSpec { min: number; max: number; step: number; default: number; unit: string; label: string; integer: boolean }

/** What `strength` means for each shift, its range and its default. */
export const STRENGTH: Record<Shift, StrengthSpec> = {
  inverted: { min: 0, max: 1, step: 0.05, default: 1, unit: '', label: 'share of the way to the negative (1 = fully inverted)', integer: false },
  rotated: { min: -180, max: 180, step: 5, default: 45, unit: '°', label: 'angle in degrees, counter-clockwise', integer: false },
  noisy: { min: 0, max: 1, step: 0.05, default: 0.5, unit: '', label: 'noise σ as a share of the pixel range', integer: false },
  thickened: { min: 1, max: 3, step: 1, default: 2, unit: ' px', label: 'dilation radius in pixels', integer: true },
  shifted: { min: 1, max: 10, step: 1, default: 6, unit: ' px', label: 'translation in pixels, in a random direction per image', integer: true },
};

const S = 28;
const PX = S * S;

/** Applies `shift` to `count` images (uint8 or float 0–255, row-major 28×28). */
export function applyShift(images: ArrayLike<number>, count: number, shift: Shift, strength: number, seed: number): Float32Array {
  return runSync(applyShiftSliced(images, count, shift, strength, seed));
}

/** applyShift, pausable after every image (runSliced: a widget shifts its 1,000 digits without a long task). */
export function* applyShiftSliced(images: ArrayLike<number>, count: number, shift: Shift, strength: number, seed: number): Sliced<Float32Array> {
  const out = new Float32Array(count * PX);
  const next = lcg(seed);
  for (let i = 0; i < count; i++) {
    const src = new Float32Array(PX); // a plain loop: Float32Array.from with a mapping function is ~10× slower
    for (let p = 0; p < PX; p++) src[p] = images[i * PX + p]!;
    out.set(shiftOne(src, shift, strength, next), i * PX);
    yield;
  }
  return out;
}

function shiftOne(x: Float32Array, shift: Shift, s: number, next: () => number): Float32Array {
  switch (shift) {
    case 'inverted': return invert(x, s);
    case 'rotated': return rotate(x, s);
    case 'noisy': return addNoise(x, s, next);
    case 'thickened': return dilate(x, s);
    case 'shifted': {
      const phi = 2 * Math.PI * next();
      // Moved `dx` right and `dy` down; what leaves the frame is lost, what enters is background (the lab's shift).
      return shiftImage(x, Math.round(s * Math.cos(phi)), Math.round(s * Math.sin(phi)), S, S, new Float32Array(PX));
    }
  }
}

/** x + s·(255 − 2x): s = 1 is the negative, s = 0.5 a flat grey. */
export function invert(x: Float32Array, s: number): Float32Array {
  return x.map((v) => v + s * (255 - 2 * v));
}

/** Counter-clockwise (as seen, rows going down) by `degrees` about the image centre; bilinear, zeros outside. */
export function rotate(x: Float32Array, degrees: number): Float32Array {
  const t = (degrees * Math.PI) / 180;
  const cos = Math.cos(t), sin = Math.sin(t), c = (S - 1) / 2;
  const out = new Float32Array(PX);
  for (let y = 0; y < S; y++) {
    for (let xx = 0; xx < S; xx++) {
      const dx = xx - c, dy = y - c;
      out[y * S + xx] = bilinear(x, c + dx * cos - dy * sin, c + dx * sin + dy * cos);
    }
  }
  return out;
}

function bilinear(x: Float32Array, sx: number, sy: number): number {
  const x0 = Math.floor(sx), y0 = Math.floor(sy);
  const fx = sx - x0, fy = sy - y0;
  const at = (r: number, c: number) => (r >= 0 && r < S && c >= 0 && c < S ? x[r * S + c]! : 0);
  return (1 - fy) * ((1 - fx) * at(y0, x0) + fx * at(y0, x0 + 1)) + fy * ((1 - fx) * at(y0 + 1, x0) + fx * at(y0 + 1, x0 + 1));
}

/** Gaussian noise of σ = s·255 (Box–Muller from the stream), clipped to 0–255. */
export function addNoise(x: Float32Array, s: number, next: () => number): Float32Array {
  const out = new Float32Array(PX);
  for (let p = 0; p < PX; p += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - next()));
    const a = 2 * Math.PI * next();
    out[p] = clip(x[p]! + s * 255 * r * Math.cos(a));
    out[p + 1] = clip(x[p + 1]! + s * 255 * r * Math.sin(a));
  }
  return out;
}

const clip = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

/** Grey dilation by a disk of radius r: each pixel becomes the brightest within distance r (strokes thicken). */
export function dilate(x: Float32Array, r: number): Float32Array {
  const offsets: [number, number][] = [];
  for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) if (dx * dx + dy * dy <= r * r) offsets.push([dy, dx]);
  const out = new Float32Array(PX);
  for (let y = 0; y < S; y++) {
    for (let xx = 0; xx < S; xx++) {
      let m = 0;
      for (const [dy, dx] of offsets) {
        const yy = y + dy, xs = xx + dx;
        if (yy >= 0 && yy < S && xs >= 0 && xs < S) m = Math.max(m, x[yy * S + xs]!);
      }
      out[y * S + xx] = m;
    }
  }
  return out;
}

/** The words for a shift and its strength ("rotated by 45°"), in English (`shiftWords` for the reader's language). */
export function describeShift(shift: Shift, s: number): string {
  return say('en', shiftWords(shift, s));
}

/** The words for a shift and its strength, as a catalogue message. */
export function shiftWords(shift: Shift, s: number): Msg {
  const n = Number.isInteger(s) ? String(s) : s.toFixed(2).replace(/0$/, '');
  switch (shift) {
    case 'inverted': return s === 1 ? msg('domainShift.describe.inverted') : msg('domainShift.describe.invertedPart', { pct: String(Math.round(s * 100)) });
    case 'rotated': return msg('domainShift.describe.rotated', { n: n.replace('-', '−') });
    case 'noisy': return msg('domainShift.describe.noisy', { n });
    case 'thickened': return msg('domainShift.describe.thickened', { n });
    case 'shifted': return msg('domainShift.describe.shifted', { n });
  }
}

/** A shift's name for the reader ("rotated"), and what its strength measures. */
export const shiftName = (shift: Shift): Msg => msg(`domainShift.shiftName.${shift}`);
export const strengthMeaning = (shift: Shift): Msg => msg(`domainShift.meaning.${shift}`);
