/** Summaries of a feature map for the before/after comparison: exact zeros, range, histogram. Pure. */

export interface MapStats { count: number; zeros: number; zeroFraction: number; min: number; max: number; mean: number }

export function mapStats(values: ArrayLike<number>): MapStats {
  let zeros = 0, min = Infinity, max = -Infinity, sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === 0) zeros++;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const count = values.length;
  return { count, zeros, zeroFraction: count ? zeros / count : 0, min: count ? min : 0, max: count ? max : 0, mean: count ? sum / count : 0 };
}

/** `bins` equal-width bins over [lo, hi] (the last one closed); values outside are clamped into the end bins. */
export function histogram(values: ArrayLike<number>, lo: number, hi: number, bins: number): { edges: number[]; counts: number[] } {
  const width = hi > lo ? (hi - lo) / bins : 1;
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const k = Math.floor((values[i]! - lo) / width);
    counts[Math.min(bins - 1, Math.max(0, k))]!++;
  }
  return { edges, counts };
}

/**
 * Every channel's share of exact zeros in NHWC data with `channels` channels, in one pass and without copying a
 * channel out (what `mapStats(channelOf(data, channels, k)).zeroFraction` gives for each k).
 */
export function zeroShares(data: ArrayLike<number>, channels: number): number[] {
  const zeros = new Array<number>(channels).fill(0);
  const n = Math.floor(data.length / channels);
  for (let i = 0, o = 0; i < n; i++, o += channels) {
    for (let k = 0; k < channels; k++) if (data[o + k] === 0) zeros[k]!++;
  }
  return zeros.map((z) => (n ? z / n : 0));
}

/** One channel of an NHWC block [1, h, w, c] as its own array. */
export function channelOf(data: ArrayLike<number>, channels: number, channel: number): Float32Array {
  const n = Math.floor(data.length / channels);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = data[i * channels + channel]!;
  return out;
}
