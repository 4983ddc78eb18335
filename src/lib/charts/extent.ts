/** The range of an array, apart from any colour scale (a shell's views read it without loading one). */

/** Minimum and maximum of an array (NaN-free input assumed), in one pass. */
export function extentOf(values: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return values.length ? [min, max] : [0, 0];
}
