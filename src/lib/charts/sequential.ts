/**
 * A sequential scale for values that cannot be negative: black at the low end (0, or the minimum if a reader
 * forces it onto signed data) to white at the maximum. A blur or an identity kernel then looks like the photo
 * it came from instead of its negative (the diverging scale draws large positives dark); a single gray ramp
 * reads the same under every colour-vision deficiency.
 */
import { formatValue } from './format.ts';

export interface SequentialScale { lo: number; hi: number; position(value: number): number }

/** The domain [min(0, min), max]; a flat output gets a width of 1 so the scale stays defined. */
export function sequentialScale(min: number, max: number): SequentialScale {
  const lo = Math.min(0, Number.isFinite(min) ? min : 0);
  let hi = Number.isFinite(max) ? max : 1;
  if (!(hi > lo)) hi = lo + 1;
  return { lo, hi, position: (v) => Math.min(1, Math.max(0, (v - lo) / (hi - lo))) };
}

/** The gray level (0–255) of a value. */
export function sequentialGray(scale: SequentialScale, v: number): number {
  return Math.round(scale.position(v) * 255);
}

/** Colours one channel of an [h, w, c] block of values into RGBA bytes. */
export function paintSequential(values: ArrayLike<number>, pixels: number, channels: number, channel: number, scale: SequentialScale): Uint8ClampedArray {
  const out = new Uint8ClampedArray(pixels * 4);
  for (let i = 0; i < pixels; i++) {
    const g = sequentialGray(scale, values[i * channels + channel]!);
    out[i * 4] = g; out[i * 4 + 1] = g; out[i * 4 + 2] = g; out[i * 4 + 3] = 255;
  }
  return out;
}

/** The legend's ticks: the low end and the maximum. */
export function sequentialTicks(scale: SequentialScale, max: number): { value: number; label: string; position: number }[] {
  const ends = [...new Set([scale.lo, Math.max(scale.lo, max)])];
  return ends.map((value) => ({ value, label: formatValue(value), position: scale.position(value) }));
}
