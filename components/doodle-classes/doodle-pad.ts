/**
 * The drawing pad of `<fm-doodle-classes>`: strokes from mouse, touch or pen (Pointer Events) or from the
 * keyboard (arrow keys move a pen cursor, Space puts the pen down or lifts it, Shift moves faster), with
 * undo (button or Ctrl+Z) and clear. It keeps the strokes (pad units); the canvas only shows them.
 */
import { cleanPoint, PAD_SIZE, PEN_WIDTH, type Point } from '@lib/doodle/strokes.ts';

const MAX_POINTS = 4000;
const KEY_STEP = 4;

export class DoodlePad {
  readonly canvas: HTMLCanvasElement;
  private strokes: Point[][] = [];
  private current: Point[] | null = null;
  private cursor: [number, number] = [PAD_SIZE / 2, PAD_SIZE / 2];
  private keyboard = false;
  private ctx: CanvasRenderingContext2D;
  private onChange: () => void;
  private onStatus: (text: string) => void;

  /** `onChange` fires when a stroke ends, on undo and on clear; `onStatus` gets a sentence for screen readers. */
  constructor(canvas: HTMLCanvasElement, onChange: () => void, onStatus: (text: string) => void) {
    this.canvas = canvas;
    this.onChange = onChange;
    this.onStatus = onStatus;
    canvas.width = canvas.height = PAD_SIZE;
    this.ctx = canvas.getContext('2d')!;
    canvas.addEventListener('pointerdown', (e) => {
      if (e.button !== 0 && e.pointerType === 'mouse') return;
      canvas.setPointerCapture(e.pointerId);
      this.keyboard = false;
      this.begin(this.point(e));
    });
    canvas.addEventListener('pointermove', (e) => {
      if (!this.current) return;
      for (const c of e.getCoalescedEvents?.() ?? [e]) this.extend(this.point(c));
      this.draw();
    });
    canvas.addEventListener('pointerup', () => this.end());
    canvas.addEventListener('pointercancel', () => this.end());
    canvas.addEventListener('keydown', (e) => this.key(e));
    canvas.addEventListener('focus', () => this.draw());
    canvas.addEventListener('blur', () => { if (this.keyboard && this.current) this.end(); this.draw(); });
    this.draw();
  }

  /** The strokes drawn so far (copies, pad units). */
  get drawing(): Point[][] {
    return this.strokes.map((s) => [...s]);
  }

  get blank(): boolean {
    return this.strokes.length === 0;
  }

  undo(): void {
    if (this.current) this.current = null;
    else this.strokes.pop();
    this.draw();
    this.onStatus(this.blank ? 'Pad empty.' : `Last stroke removed; ${this.strokes.length} left.`);
    this.onChange();
  }

  clear(notify = true): void {
    this.strokes = [];
    this.current = null;
    this.draw();
    if (notify) { this.onStatus('Pad cleared.'); this.onChange(); }
  }

  /** Redraws (colours follow the page's theme: ink in the text colour). */
  draw(): void {
    const c = this.ctx;
    const style = getComputedStyle(this.canvas);
    c.clearRect(0, 0, PAD_SIZE, PAD_SIZE);
    c.strokeStyle = c.fillStyle = style.color || '#000';
    c.lineWidth = PEN_WIDTH;
    c.lineCap = c.lineJoin = 'round';
    for (const s of this.current ? [...this.strokes, this.current] : this.strokes) {
      c.beginPath();
      c.moveTo(s[0]![0], s[0]![1]);
      for (const p of s.length === 1 ? [[s[0]![0] + 0.01, s[0]![1]] as const] : s.slice(1)) c.lineTo(p[0], p[1]);
      c.stroke();
    }
    if (this.keyboard && document.activeElement !== null && this.canvas.matches(':focus')) {
      const [x, y] = this.cursor;
      c.lineWidth = 2;
      c.beginPath();
      c.arc(x, y, PEN_WIDTH / 2 + 3, 0, Math.PI * 2);
      if (this.current) c.fill(); else c.stroke();
    }
  }

  private point(e: PointerEvent): Point {
    const r = this.canvas.getBoundingClientRect();
    return cleanPoint(((e.clientX - r.left) / r.width) * PAD_SIZE, ((e.clientY - r.top) / r.height) * PAD_SIZE);
  }

  private count(): number {
    return this.strokes.reduce((n, s) => n + s.length, this.current?.length ?? 0);
  }

  private begin(p: Point): void {
    if (this.count() >= MAX_POINTS || this.strokes.length >= 200) { this.onStatus('This drawing is as detailed as it can get: add it or clear the pad.'); return; }
    this.current = [p];
    this.draw();
  }

  private extend(p: Point): void {
    const last = this.current!.at(-1)!;
    if (Math.hypot(p[0] - last[0], p[1] - last[1]) < 1 || this.count() >= MAX_POINTS) return;
    this.current!.push(p);
  }

  private end(): void {
    if (!this.current) return;
    this.strokes.push(this.current);
    this.current = null;
    this.draw();
    this.onChange();
  }

  private key(e: KeyboardEvent): void {
    const step = e.shiftKey ? KEY_STEP * 4 : KEY_STEP;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') { e.preventDefault(); this.undo(); return; }
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      this.keyboard = true;
      if (this.current) { this.end(); this.onStatus(`Pen up at ${this.where()}; ${this.strokes.length} stroke${this.strokes.length === 1 ? '' : 's'}.`); }
      else { this.begin(cleanPoint(...this.cursor)); this.onStatus(`Pen down at ${this.where()}.`); }
    } else if (e.key === 'Escape' && this.current) {
      this.end();
    } else if (moves[e.key]) {
      e.preventDefault();
      this.keyboard = true;
      const [dx, dy] = moves[e.key]!;
      this.cursor = [Math.min(PAD_SIZE, Math.max(0, this.cursor[0] + dx)), Math.min(PAD_SIZE, Math.max(0, this.cursor[1] + dy))];
      if (this.current) this.extend(cleanPoint(...this.cursor));
      this.draw();
    }
  }

  private where(): string {
    return `${Math.round((this.cursor[0] / PAD_SIZE) * 100)}% across, ${Math.round((this.cursor[1] / PAD_SIZE) * 100)}% down`;
  }
}
