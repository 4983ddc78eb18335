/**
 * A drawing pad: black strokes on white, from mouse, touch or pen (pointer events), and a Clear button.
 * `onChange` fires when a stroke ends or the pad is cleared.
 */
export const PAD_SIZE = 256;

export class DrawPad {
  readonly el: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  private ctx: CanvasRenderingContext2D;
  private last: { x: number; y: number } | null = null;

  constructor(private onChange: () => void) {
    this.el = document.createElement('div');
    this.el.className = 'draw-pad';
    this.el.innerHTML = `<canvas width="${PAD_SIZE}" height="${PAD_SIZE}" role="img" aria-label="Drawing pad: draw with a mouse, finger or pen; the drawing is the input image"></canvas>
      <button type="button" data-role="clear">Clear drawing</button>`;
    this.canvas = this.el.querySelector('canvas')!;
    this.ctx = this.canvas.getContext('2d', { willReadFrequently: true })!;
    this.clear(false);
    this.canvas.addEventListener('pointerdown', (e) => {
      this.canvas.setPointerCapture(e.pointerId);
      this.last = this.point(e);
      this.stroke(this.last);
    });
    this.canvas.addEventListener('pointermove', (e) => this.last && this.stroke(this.point(e)));
    const end = () => {
      if (!this.last) return;
      this.last = null;
      this.onChange();
    };
    this.canvas.addEventListener('pointerup', end);
    this.canvas.addEventListener('pointercancel', end);
    this.el.querySelector('[data-role="clear"]')!.addEventListener('click', () => this.clear(true));
  }

  /** Starts with a simple shape so the first output already shows edges. */
  clear(notify: boolean): void {
    const c = this.ctx;
    c.fillStyle = '#fff';
    c.fillRect(0, 0, PAD_SIZE, PAD_SIZE);
    if (!notify) {
      c.fillStyle = '#000';
      c.fillRect(64, 64, 128, 128);
    }
    if (notify) this.onChange();
  }

  pixels(): { rgba: Uint8ClampedArray; width: number; height: number } {
    return { rgba: this.ctx.getImageData(0, 0, PAD_SIZE, PAD_SIZE).data, width: PAD_SIZE, height: PAD_SIZE };
  }

  private point(e: PointerEvent) {
    const r = this.canvas.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * PAD_SIZE, y: ((e.clientY - r.top) / r.height) * PAD_SIZE };
  }

  private stroke(p: { x: number; y: number }) {
    const c = this.ctx;
    c.strokeStyle = '#000';
    c.lineWidth = 10;
    c.lineCap = 'round';
    c.beginPath();
    c.moveTo(this.last!.x, this.last!.y);
    c.lineTo(p.x + 0.01, p.y);
    c.stroke();
    this.last = p;
  }
}
