/** The range of an array, apart from any colour scale (a shell's views read it without loading one). */

import { runSync, type Sliced } from '../schedule/slices.ts';

/** Minimum and maximum of an array (NaN-free input assumed), in one pass. */
export function extentOf(values: ArrayLike<number>): [number, number] {
  return runSync(extentSliced(values, Infinity));
}

/**
 * `extentOf` as a sliced computation (slices.ts): a pause after every `chunk` values (a playground output of
 * 451 × 300 × 3 took 7 ms of one task here, on a first run).
 */
export function* extentSliced(values: ArrayLike<number>, chunk = 65_536): Sliced<[number, number]> {
  let min = Infinity;
  let max = -Infinity;
  const n = values.length;
  for (let from = 0; from < n; from += chunk) {
    if (from > 0) yield;
    const to = Math.min(n, from + chunk);
    for (let i = from; i < to; i++) {
      const v = values[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return n ? [min, max] : [0, 0];
}
