/**
 * How far apart two clouds of feature vectors are, in units of their spread: the distance between their means
 * divided by the root mean squared distance of points from their own mean (averaged over the two clouds).
 * 0: same centre; 1: the centres are one typical spread apart. Used for the text beside the PCA scatter.
 */
export function domainGap(a: ArrayLike<number>, na: number, b: ArrayLike<number>, nb: number, d: number): number {
  const ma = centroid(a, na, d), mb = centroid(b, nb, d);
  let dist = 0;
  for (let j = 0; j < d; j++) dist += (ma[j]! - mb[j]!) ** 2;
  const spread = (spreadOf(a, na, d, ma) + spreadOf(b, nb, d, mb)) / 2;
  return spread > 0 ? Math.sqrt(dist / spread) : dist > 0 ? Infinity : 0;
}

function centroid(x: ArrayLike<number>, n: number, d: number): Float64Array {
  const m = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) m[j]! += x[i * d + j]! / n;
  return m;
}

/** Mean squared distance of the points from their centroid. */
function spreadOf(x: ArrayLike<number>, n: number, d: number, m: Float64Array): number {
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) s += (x[i * d + j]! - m[j]!) ** 2;
  return s / n;
}
