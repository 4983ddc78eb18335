/**
 * Numbers that tell a trained first layer from a random one without looking: trained 3×3 filters are smooth
 * strokes and edges (neighbouring weights alike), random ones are noise (neighbours unrelated). Also the share
 * of a feature-map block that a ReLU leaves active. Used for the widget's text alternative.
 */

/**
 * Mean over filters of the Pearson correlation between each weight and its right and lower neighbours (12
 * pairs in a 3×3 filter), for a kernel [kh, kw, 1, c] in tfjs's layout. Near 0 for i.i.d. random weights,
 * clearly positive for smooth filters. A constant filter (no variance) is left out.
 */
export function neighbourCorrelation(kernel: ArrayLike<number>, kh: number, kw: number, c: number): number {
  const at = (y: number, x: number, k: number) => kernel[(y * kw + x) * c + k]!;
  let sum = 0, counted = 0;
  for (let k = 0; k < c; k++) {
    const a: number[] = [], b: number[] = [];
    for (let y = 0; y < kh; y++) {
      for (let x = 0; x < kw; x++) {
        if (x + 1 < kw) { a.push(at(y, x, k)); b.push(at(y, x + 1, k)); }
        if (y + 1 < kh) { a.push(at(y, x, k)); b.push(at(y + 1, x, k)); }
      }
    }
    const r = pearson(a, b);
    if (Number.isFinite(r)) { sum += r; counted++; }
  }
  return counted ? sum / counted : 0;
}

/** NaN when either side has no variance. */
export function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n, mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}

/** Share of values above 0 (what a ReLU lets through). */
export function activeShare(values: ArrayLike<number>): number {
  let on = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > 0) on++;
  return values.length ? on / values.length : 0;
}
