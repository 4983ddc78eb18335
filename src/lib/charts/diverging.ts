/**
 * A diverging colour scale symmetric around 0 (so 0 is always the neutral middle colour, and equal
 * magnitudes of opposite sign get equally strong colours), with its legend ticks. ColorBrewer's PuOr
 * (purple = negative, orange = positive) is readable with the common colour-vision deficiencies.
 */
import { PU_OR_HEX, tableBytes } from './colour-tables.ts';
import { formatValue } from './format.ts';
import { extentOf } from './extent.ts';

export { formatValue, extentOf };

export interface DivergingScale {
  /** Largest |value| shown at full colour; the domain is [−extent, extent]. */
  extent: number;
  /** RGB bytes for a value (clamped to the domain). */
  rgb(value: number): [number, number, number];
  /** Position in [0, 1] along the legend (0 = −extent). */
  position(value: number): number;
  /** The colour table rgb() reads (3 bytes a colour) and the offset of a value's colour in it: rgb() without an array. */
  table: Uint8Array;
  offset(value: number): number;
}

const LUT_SIZE = 256;
let lut: Uint8Array | null = null;

/**
 * 256 colours, negative → positive: d3's PuOr from dark purple (0) through near-white (0.5) to dark orange (1),
 * sampled once at build time (colour-tables.ts), not interpolated as a widget starts.
 */
export function divergingLut(): Uint8Array {
  return (lut ??= tableBytes(PU_OR_HEX));
}

/** The extent covering min…max symmetrically; 1 when everything is 0 so the scale stays defined. */
export function symmetricExtent(min: number, max: number): number {
  const e = Math.max(Math.abs(min), Math.abs(max));
  return Number.isFinite(e) && e > 0 ? e : 1;
}

export function divergingScale(min: number, max: number): DivergingScale {
  const extent = symmetricExtent(min, max);
  const table = divergingLut();
  const position = (v: number) => Math.min(1, Math.max(0, (v / extent + 1) / 2));
  const offset = (v: number) => Math.round(position(v) * (LUT_SIZE - 1)) * 3;
  return {
    extent,
    position,
    table,
    offset,
    rgb(v) {
      const i = offset(v);
      return [table[i]!, table[i + 1]!, table[i + 2]!];
    },
  };
}

/** Colours one channel of an [h, w, c] block of values into RGBA bytes for a canvas. */
export function paintChannel(values: ArrayLike<number>, pixels: number, channels: number, channel: number, scale: DivergingScale): Uint8ClampedArray {
  const out = new Uint8ClampedArray(pixels * 4);
  const table = divergingLut();
  const k = (LUT_SIZE - 1) / 2 / scale.extent;
  for (let i = 0; i < pixels; i++) {
    const v = values[i * channels + channel]!;
    const j = Math.round(Math.min(LUT_SIZE - 1, Math.max(0, (v + scale.extent) * k))) * 3;
    out[i * 4] = table[j]!; out[i * 4 + 1] = table[j + 1]!; out[i * 4 + 2] = table[j + 2]!; out[i * 4 + 3] = 255;
  }
  return out;
}

export interface LegendTick { value: number; label: string; position: number }

/** The legend's ticks: the data's minimum, 0 and maximum, placed on the symmetric scale. */
export function legendTicks(min: number, max: number): LegendTick[] {
  const s = divergingScale(min, max);
  const ends = [...new Set([min, max])];
  // Zero gets its own tick unless it sits so close to an end that the labels would overlap.
  const zeroClear = ends.every((v) => Math.abs(s.position(v) - s.position(0)) >= 0.15);
  const values = (zeroClear ? [...ends, 0] : ends).sort((a, b) => a - b);
  return values.map((value) => ({ value, label: formatValue(value), position: s.position(value) }));
}
