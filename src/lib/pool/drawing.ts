/**
 * The reader's drawing for the pool explorer: a small square grid of cells, 1 = ink, 0 = blank, row-major.
 * Small on purpose: every cell is a button the keyboard can reach, and a 2×2 pool halves it to a map whose
 * windows can still be read one by one.
 */
import type { PlainTensor } from '../conv/tensor.ts';

export const DRAW_SIZE = 16;

/** A filled square and one lone dot: max pooling keeps the dot at full strength, average pooling dilutes it. */
export function defaultDrawing(): Uint8Array {
  const cells = new Uint8Array(DRAW_SIZE * DRAW_SIZE);
  for (let y = 3; y < 9; y++) for (let x = 5; x < 11; x++) cells[y * DRAW_SIZE + x] = 1;
  cells[12 * DRAW_SIZE + 3] = 1;
  return cells;
}

export function isEmptyDrawing(cells: ArrayLike<number>): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i]) return false;
  return true;
}

/** Moves the drawing dy rows down and dx columns right; what leaves the grid is lost, blanks come in. */
export function shiftDrawing(cells: ArrayLike<number>, dy: number, dx: number): Uint8Array {
  const out = new Uint8Array(DRAW_SIZE * DRAW_SIZE);
  for (let y = 0; y < DRAW_SIZE; y++)
    for (let x = 0; x < DRAW_SIZE; x++) {
      const sy = y - dy, sx = x - dx;
      if (sy >= 0 && sy < DRAW_SIZE && sx >= 0 && sx < DRAW_SIZE) out[y * DRAW_SIZE + x] = cells[sy * DRAW_SIZE + sx]!;
    }
  return out;
}

/** The drawing as an NHWC tensor [1, n, n, 1] (ink = 1). */
export function drawingTensor(cells: ArrayLike<number>): PlainTensor {
  return { data: Float32Array.from(cells), shape: [1, DRAW_SIZE, DRAW_SIZE, 1] };
}
