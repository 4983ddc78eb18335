/**
 * The colour scale of one feature map, chosen from that map alone. A shared max-|value| scale lets a few strong
 * edges set the range, so the rest of the map (and most of a ReLU map, half zeros) paints near-white. Each map
 * gets its own extent instead: a high quantile of |value| — robust to those few pixels, which saturate — with
 * 0 still white, so the colours keep their meaning (purple negative, orange positive).
 */
import { runSync, type Sliced } from '../schedule/slices.ts';

export interface MapScale {
  /** Values at or beyond ±extent take the darkest colour. Always > 0. */
  extent: number;
  /** True when the map has negative values: the legend runs −extent … 0 … extent; else 0 … extent. */
  signed: boolean;
  /** Share of the pixels brighter than the scale shows (|value| > extent). */
  saturated: number;
  /** The map's own min and max, for captions. */
  min: number;
  max: number;
}

/** The q-quantile of |values| (nearest rank); falls back to max |value|, then 1, so the scale stays defined. */
export function mapScale(values: ArrayLike<number>, q = 0.99): MapScale {
  return runSync(mapScaleSliced(values, q));
}

/**
 * `mapScale` as a sliced computation (slices.ts): a pause between its passes (on a first run, one 300 × 451 map's
 * scale was 11-13 ms of one task here).
 */
export function* mapScaleSliced(values: ArrayLike<number>, q = 0.99): Sliced<MapScale> {
  const n = values.length;
  const abs = new Float64Array(n);
  let min = Infinity, max = -Infinity, top = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const a = Math.abs(v);
    abs[i] = a;
    if (v < min) min = v;
    if (v > max) max = v;
    if (a > top) top = a;
  }
  if (n === 0) return { extent: 1, signed: false, saturated: 0, min: 0, max: 0 };
  yield;
  // The nearest-rank quantile by selection, not a full sort: O(n), the same value (a 300 × 451 map: ~10 ms less).
  const rank = Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
  let extent = selectKth(abs, rank);
  if (!(extent > 0)) extent = top > 0 ? top : 1;
  yield;
  let over = 0;
  for (let i = 0; i < n; i++) if (abs[i]! > extent) over++;
  return { extent, signed: min < 0, saturated: over / n, min, max };
}

/** The k-th smallest value of `a` (0-based), as `a.sort()[k]` would give; reorders `a` (Hoare's selection). */
export function selectKth(a: Float64Array, k: number): number {
  let lo = 0, hi = a.length - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) { const t = a[i]!; a[i] = a[j]!; a[j] = t; i++; j--; }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}
