/**
 * A reader's drawing as the models' input: a 28×28 grid of intensities in [0, 1] (0 = black background, like
 * the training images), painted with a soft round brush. Strokes come from pointer positions in grid units
 * or from the keyboard cursor; the widget turns the grid into pixel / 255 exactly as the test images are.
 */
export const GRID = 28;
/** About MNIST's stroke width (2–3 pixels) with an anti-aliased edge. */
export const BRUSH_RADIUS = 1.25;
/** A drawing whose brightest pixel is below this is treated as empty. */
export const BLANK_BELOW = 0.05;

export function blankGrid(): Float32Array {
  return new Float32Array(GRID * GRID);
}

/** Paints a disc centred at (x, y) (grid units, pixel centres at i + 0.5); values only grow. */
export function stamp(grid: Float32Array, x: number, y: number, radius = BRUSH_RADIUS): void {
  const r = Math.ceil(radius + 1);
  for (let j = Math.max(0, Math.floor(y) - r); j <= Math.min(GRID - 1, Math.floor(y) + r); j++)
    for (let i = Math.max(0, Math.floor(x) - r); i <= Math.min(GRID - 1, Math.floor(x) + r); i++) {
      const d = Math.hypot(i + 0.5 - x, j + 0.5 - y);
      const v = Math.min(1, Math.max(0, radius + 0.5 - d));
      if (v > grid[j * GRID + i]!) grid[j * GRID + i] = v;
    }
}

/** A straight stroke from one point to another, stamped every quarter pixel. */
export function strokeLine(grid: Float32Array, from: { x: number; y: number }, to: { x: number; y: number }, radius = BRUSH_RADIUS): void {
  const steps = Math.max(1, Math.ceil(Math.hypot(to.x - from.x, to.y - from.y) * 4));
  for (let s = 0; s <= steps; s++) stamp(grid, from.x + ((to.x - from.x) * s) / steps, from.y + ((to.y - from.y) * s) / steps, radius);
}

export function isBlank(grid: ArrayLike<number>): boolean {
  for (let i = 0; i < grid.length; i++) if (grid[i]! >= BLANK_BELOW) return false;
  return true;
}

/** The grid as 8-bit pixels, the form the test images ship in. */
export function gridToPixels(grid: ArrayLike<number>): Uint8Array {
  return Uint8Array.from({ length: grid.length }, (_, i) => Math.round(Math.min(1, Math.max(0, grid[i]!)) * 255));
}

/** The keyboard cursor after an arrow key (null for any other key); it stays on the grid. */
export function moveCursor(c: { x: number; y: number }, key: string): { x: number; y: number } | null {
  const d = ({ ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] } as Record<string, [number, number]>)[key];
  if (!d) return null;
  const clamp = (v: number) => Math.min(GRID - 1, Math.max(0, v));
  return { x: clamp(c.x + d[0]), y: clamp(c.y + d[1]) };
}
