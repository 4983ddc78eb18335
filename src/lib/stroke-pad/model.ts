/**
 * The editable drawing behind every stroke pad: finished strokes, the stroke being drawn, and a keyboard pen
 * (a cursor the arrow keys move; Space or Enter puts it down or lifts it, so down-then-up is a dot). Pure and
 * DOM-free so the browser, Node tests and saved drawings agree on which keys make which strokes. Points are in
 * pad units (0…PAD_SIZE, y down) and stored as `cleanPoint` leaves them.
 */
import { cleanPoint, PAD_SIZE, type Point } from '../doodle/strokes.ts';

/** Caps that keep a drawing small enough to store and re-rasterise on every undo. */
export const MAX_POINTS = 4000;
export const MAX_STROKES = 200;
/** A keyboard step in pad units (Shift moves four steps): 64 steps across the pad. */
export const KEY_STEP = 4;
/** The keyboard step for a pad whose raster is `size` pixels a side: at least one pixel. */
export const keyStep = (size: number): number => Math.max(KEY_STEP, PAD_SIZE / size);

/** What a key did, for the view to redraw, announce and notify; null when the key is not the pad's. */
export type KeyResult =
  | { kind: 'move'; extended: boolean }
  | { kind: 'down' | 'up' | 'undo' | 'full' };

export class StrokeModel {
  strokes: Point[][] = [];
  current: Point[] | null = null;
  cursor: Point;
  private readonly step: number;

  constructor(step = KEY_STEP) {
    this.step = step;
    this.cursor = [PAD_SIZE / 2, PAD_SIZE / 2];
  }

  /** The finished strokes (copies). */
  get drawing(): Point[][] {
    return this.strokes.map((s) => [...s]);
  }

  /** Finished strokes plus the one being drawn, for the screen. */
  get visible(): Point[][] {
    return this.current ? [...this.strokes, this.current] : this.strokes;
  }

  get blank(): boolean {
    return this.strokes.length === 0;
  }

  /** Starts a stroke; false (nothing started) when the drawing is at its caps. */
  begin(x: number, y: number): boolean {
    if (this.count() >= MAX_POINTS || this.strokes.length >= MAX_STROKES) return false;
    this.current = [cleanPoint(x, y)];
    return true;
  }

  /** Adds a point to the stroke being drawn; points closer than one unit add nothing but size. */
  extend(x: number, y: number): boolean {
    if (!this.current) return false;
    const p = cleanPoint(x, y), last = this.current.at(-1)!;
    if (Math.hypot(p[0] - last[0], p[1] - last[1]) < 1 || this.count() >= MAX_POINTS) return false;
    this.current.push(p);
    return true;
  }

  /** Finishes the stroke being drawn; false when there was none. */
  end(): boolean {
    if (!this.current) return false;
    this.strokes.push(this.current);
    this.current = null;
    return true;
  }

  /** Drops the stroke being drawn, else the last finished one. */
  undo(): void {
    if (this.current) this.current = null;
    else this.strokes.pop();
  }

  clear(): void {
    this.strokes = [];
    this.current = null;
  }

  /** Replaces the drawing (e.g. a starting shape); points are cleaned as drawn ones are. */
  load(drawing: readonly (readonly Point[])[]): void {
    this.clear();
    this.strokes = drawing.filter((s) => s.length > 0).map((s) => s.map(([x, y]) => cleanPoint(x, y)));
  }

  /** The keyboard route; `ctrl` is Ctrl or Cmd. */
  key(key: string, shift: boolean, ctrl: boolean): KeyResult | null {
    if (ctrl && key.toLowerCase() === 'z') { this.undo(); return { kind: 'undo' }; }
    if (ctrl) return null;
    if (key === ' ' || key === 'Enter') {
      if (this.end()) return { kind: 'up' };
      return this.begin(...this.cursor) ? { kind: 'down' } : { kind: 'full' };
    }
    if (key === 'Escape') return this.end() ? { kind: 'up' } : null;
    const d = ({ ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] } as Record<string, [number, number]>)[key];
    if (!d) return null;
    const s = shift ? this.step * 4 : this.step;
    const clamp = (v: number) => Math.min(PAD_SIZE, Math.max(0, v)); // unrounded, so steps do not drift
    this.cursor = [clamp(this.cursor[0] + d[0] * s), clamp(this.cursor[1] + d[1] * s)];
    return { kind: 'move', extended: this.extend(...this.cursor) };
  }

  private count(): number {
    return this.strokes.reduce((n, s) => n + s.length, this.current?.length ?? 0);
  }
}

/** A filled square [x0, x1]² as one stroke with a `pen`-wide pen: its outline, then a zigzag (a starting shape with edges). */
export function filledSquare(x0: number, x1: number, pen: number): Point[][] {
  const a = x0 + pen / 2, b = x1 - pen / 2, pts: Point[] = [[a, a], [b, a], [b, b], [a, b]];
  for (let y = a, i = 0; ; y = Math.min(b, y + pen * 0.8), i++) {
    pts.push(i % 2 ? [b, y] : [a, y], i % 2 ? [a, y] : [b, y]);
    if (y >= b) return [pts];
  }
}
