/**
 * Per-channel mean and (biased, population) variance of a large set seen in batches: each batch's moments are
 * merged exactly (Chan, Golub & LeVeque 1979), in float64, so the result equals one pass over all values and
 * no batch needs the whole set in memory. This is what BatchNorm re-estimation (AdaBN) accumulates.
 */
export interface Moments { count: number; mean: Float64Array; variance: Float64Array }

export function emptyMoments(channels: number): Moments {
  return { count: 0, mean: new Float64Array(channels), variance: new Float64Array(channels) };
}

/** Merges a batch of `n` values per channel with mean `m` and biased variance `v` into `acc` (returned). */
export function mergeMoments(acc: Moments, n: number, m: ArrayLike<number>, v: ArrayLike<number>): Moments {
  const total = acc.count + n;
  if (n === 0) return acc;
  const mean = new Float64Array(acc.mean.length);
  const variance = new Float64Array(acc.mean.length);
  for (let c = 0; c < mean.length; c++) {
    const delta = m[c]! - acc.mean[c]!;
    mean[c] = acc.mean[c]! + (delta * n) / total;
    // Sum of squared deviations: both parts' own plus the between-part term.
    const m2 = acc.variance[c]! * acc.count + v[c]! * n + (delta * delta * acc.count * n) / total;
    variance[c] = m2 / total;
  }
  return { count: total, mean, variance };
}

/** Direct per-channel moments of values laid out [..., channels] (the reference the tests hold AdaBN to). */
export function channelMoments(x: ArrayLike<number>, channels: number): Moments {
  const count = x.length / channels;
  const mean = new Float64Array(channels);
  const variance = new Float64Array(channels);
  for (let i = 0; i < x.length; i++) mean[i % channels]! += x[i]!;
  for (let c = 0; c < channels; c++) mean[c]! /= count;
  for (let i = 0; i < x.length; i++) variance[i % channels]! += (x[i]! - mean[i % channels]!) ** 2;
  for (let c = 0; c < channels; c++) variance[c]! /= count;
  return { count, mean, variance };
}
