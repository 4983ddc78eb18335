/**
 * One pooling window of a single-channel map, as the explorer shows it: the values under the window, the
 * winner of the max (first in row-major order, as in poolReference) and how many inputs tie with it, and
 * the sum and mean. Rows and columns are 0-based here; the widget adds 1 when it talks to readers.
 */
export interface PoolWindow {
  /** Top-left input cell of the window and its side. */
  top: number; left: number; rows: number; cols: number;
  /** Row-major values under the window. */
  values: number[];
  max: number;
  /** Input cell of the winner, [row, col] in the whole map. */
  argmax: [number, number];
  /** How many cells of the window hold the maximum (1: a clear winner). */
  ties: number;
  sum: number;
  mean: number;
}

/** The window feeding output cell (oy, ox) of a size×size, stride-`stride` pool over an h×w map. */
export function poolWindow(map: ArrayLike<number>, w: number, oy: number, ox: number, size: number, stride: number): PoolWindow {
  return windowAt(map, w, oy * stride, ox * stride, size, size);
}

/** The whole map as one window: what global average (or global max) pooling reads. */
export function globalWindow(map: ArrayLike<number>, h: number, w: number): PoolWindow {
  return windowAt(map, w, 0, 0, h, w);
}

function windowAt(map: ArrayLike<number>, w: number, top: number, left: number, rows: number, cols: number): PoolWindow {
  const values: number[] = [];
  let max = -Infinity, argmax: [number, number] = [top, left], sum = 0;
  for (let y = top; y < top + rows; y++)
    for (let x = left; x < left + cols; x++) {
      const v = map[y * w + x]!;
      values.push(v);
      if (v > max) { max = v; argmax = [y, x]; }
      sum += v;
    }
  const ties = values.filter((v) => v === max).length;
  return { top, left, rows, cols, values, max, argmax, ties, sum, mean: sum / values.length };
}
