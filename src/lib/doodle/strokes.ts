/**
 * A drawing as the reader made it: strokes of points in pad units (0…PAD_SIZE on both axes, y down), and the
 * anti-aliased ink image those strokes make with a round pen. Pure (no canvas), so Node tests, the browser
 * and the saved drawings all give the same pixels: the canvas on screen only shows the strokes.
 */
export const PAD_SIZE = 256;
/** Pen diameter in pad units: a drawing that fills the pad ends up with strokes ~2 px wide in MNIST's 20 px box. */
export const PEN_WIDTH = 18;

export type Point = readonly [number, number];
export type Stroke = readonly Point[];
export type Drawing = readonly Stroke[];

/**
 * Ink coverage in [0, 1] of a `size`×`size` raster (row-major) of the pad, with a pen `width` pad units wide.
 * Coverage only grows (max), so passing the previous raster as `out` adds new segments without redrawing the rest.
 */
export function rasterise(drawing: Drawing, size = PAD_SIZE, width = PEN_WIDTH, out: Float32Array = new Float32Array(size * size)): Float32Array {
  const k = size / PAD_SIZE;
  const r = (width * k) / 2;
  for (const stroke of drawing) {
    if (stroke.length === 0) continue;
    const pts = stroke.map(([x, y]) => [x * k, y * k] as const);
    if (pts.length === 1) segment(out, size, pts[0]!, pts[0]!, r);
    for (let i = 1; i < pts.length; i++) segment(out, size, pts[i - 1]!, pts[i]!, r);
  }
  return out;
}

/** Coverage of pixel centres by a capsule (segment a–b of radius r), with a one-pixel anti-aliased edge. */
function segment(out: Float32Array, size: number, a: Point, b: Point, r: number): void {
  const [ax, ay] = a, [bx, by] = b;
  const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - r - 1)), x1 = Math.min(size - 1, Math.ceil(Math.max(ax, bx) + r + 1));
  const y0 = Math.max(0, Math.floor(Math.min(ay, by) - r - 1)), y1 = Math.min(size - 1, Math.ceil(Math.max(ay, by) + r + 1));
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  // Pixels clearly farther than r + ½ get no ink: skipped before Math.hypot (slow in V8), which the rest keep, so
  // the coverage is bit for bit what it was (the margin covers the squared distance's rounding).
  const reach2 = (r + 0.5) ** 2 * (1 + 1e-9);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5 - ax, py = y + 0.5 - ay;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
      const ex = px - t * dx, ey = py - t * dy;
      const d2 = ex * ex + ey * ey;
      if (d2 > reach2) continue;
      const c = Math.min(1, Math.max(0, r + 0.5 - Math.hypot(ex, ey)));
      const i = y * size + x;
      if (c > out[i]!) out[i] = c;
    }
  }
}

/** Points of a drawing, clamped to the pad and rounded to 0.1 unit (what is stored). */
export function cleanPoint(x: number, y: number): Point {
  const c = (v: number) => Math.round(Math.min(PAD_SIZE, Math.max(0, v)) * 10) / 10;
  return [c(x), c(y)];
}

/** True when a drawing has no point at all (an empty pad). */
export function isBlank(drawing: Drawing): boolean {
  return drawing.every((s) => s.length === 0);
}
