/**
 * The reader's 28×28 drawing, shown white on black like the training images: mouse, touch and pen through
 * pointer events; from the keyboard, arrow keys move a cursor, Space paints under it, Shift+arrow paints while
 * moving. `onChange` fires when a stroke ends, a key paints, or the pad is cleared. Arithmetic: src/lib/nets/drawing.ts.
 */
import { GRID, blankGrid, gridToPixels, isBlank, moveCursor, stamp, strokeLine } from '@lib/nets/drawing.ts';

export class DrawPad {
  readonly el: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly ring: HTMLElement;
  private grid = blankGrid();
  private last: { x: number; y: number } | null = null;
  private cursor = { x: 13, y: 13 };
  private readonly onChange: () => void;

  constructor(onChange: () => void) {
    this.onChange = onChange;
    this.el = document.createElement('div');
    this.el.className = 'pad';
    this.el.innerHTML = `<div class="pad-area"><canvas width="${GRID}" height="${GRID}" tabindex="0" role="application"
      aria-label="Drawing pad, 28 by 28 pixels. Draw with a mouse, finger or pen; or move the cursor with the arrow keys, press Space to paint, Shift and an arrow to paint while moving."
      aria-keyshortcuts="ArrowUp ArrowDown ArrowLeft ArrowRight Space"></canvas><div class="ring" hidden></div></div>
      <button type="button" data-role="clear">Clear drawing</button>`;
    this.canvas = this.el.querySelector('canvas')!;
    this.ring = this.el.querySelector('.ring')!;
    this.canvas.addEventListener('pointerdown', (e) => {
      e.preventDefault();
      this.canvas.setPointerCapture(e.pointerId);
      this.last = this.point(e);
      stamp(this.grid, this.last.x, this.last.y);
      this.paint();
    });
    this.canvas.addEventListener('pointermove', (e) => {
      if (!this.last) return;
      const p = this.point(e);
      strokeLine(this.grid, this.last, p);
      this.last = p;
      this.paint();
    });
    const end = () => {
      if (!this.last) return;
      this.last = null;
      this.onChange();
    };
    this.canvas.addEventListener('pointerup', end);
    this.canvas.addEventListener('pointercancel', end);
    this.canvas.addEventListener('keydown', (e) => this.key(e));
    this.canvas.addEventListener('focus', () => this.showCursor(true));
    this.canvas.addEventListener('blur', () => this.showCursor(false));
    this.el.querySelector('[data-role="clear"]')!.addEventListener('click', () => this.clear());
    this.paint();
  }

  get blank(): boolean {
    return isBlank(this.grid);
  }

  /** The drawing as 8-bit pixels, row-major, 0 = background. */
  pixels(): Uint8Array {
    return gridToPixels(this.grid);
  }

  clear(): void {
    this.grid = blankGrid();
    this.paint();
    this.onChange();
  }

  private key(e: KeyboardEvent): void {
    const paint = () => stamp(this.grid, this.cursor.x + 0.5, this.cursor.y + 0.5);
    if (e.key === ' ' || e.key === 'Enter') paint();
    else {
      const next = moveCursor(this.cursor, e.key);
      if (!next) return;
      this.cursor = next;
      if (e.shiftKey) paint();
    }
    e.preventDefault();
    this.paint();
    this.showCursor(true);
    if (e.key === ' ' || e.key === 'Enter' || e.shiftKey) this.onChange();
  }

  private showCursor(on: boolean): void {
    this.ring.hidden = !on;
    Object.assign(this.ring.style, { left: `${(this.cursor.x / GRID) * 100}%`, top: `${(this.cursor.y / GRID) * 100}%`, width: `${100 / GRID}%`, height: `${100 / GRID}%` });
  }

  private point(e: PointerEvent): { x: number; y: number } {
    const r = this.canvas.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * GRID, y: ((e.clientY - r.top) / r.height) * GRID };
  }

  private paint(): void {
    const px = new Uint8ClampedArray(GRID * GRID * 4);
    this.pixels().forEach((v, i) => px.set([v, v, v, 255], i * 4));
    this.canvas.getContext('2d')!.putImageData(new ImageData(px, GRID, GRID), 0, 0);
  }
}
