/**
 * A cursor on a grid of cells moved by the keyboard, as the book's grid widgets use it (a pooled map, a layer's
 * units): arrows move one cell, Home and End go to the ends of the row.
 */

/** Where a key moves a [row, col] cursor on a grid `cols` wide; null for keys it ignores. Not clamped. */
export function arrowTarget(key: string, [r, c]: readonly [number, number], cols: number): [number, number] | null {
  const to: Record<string, [number, number]> = { ArrowUp: [r - 1, c], ArrowDown: [r + 1, c], ArrowLeft: [r, c - 1], ArrowRight: [r, c + 1], Home: [r, 0], End: [r, cols - 1] };
  return to[key] ?? null;
}

/** The cell a pointer at (x, y) inside a box of the given size falls on, for a rows × cols grid drawn over it. */
export function cellAt(x: number, y: number, width: number, height: number, rows: number, cols: number): [number, number] {
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
  return [clamp(Math.floor((y / height) * rows), rows), clamp(Math.floor((x / width) * cols), cols)];
}
