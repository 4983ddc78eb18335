/**
 * The one drawing input of the book's widgets (`<fm-doodle-classes>`, `<fm-network-explorer>`, `<fm-conv-playground>`):
 * strokes from mouse, pen or touch (Pointer Events), or from the keyboard (arrow keys move a pen cursor, Shift for
 * bigger steps, Space or Enter puts it down or lifts it, Escape lifts it, Ctrl/Cmd+Z undoes), an Undo and a Clear
 * button, and a status line that says what is drawn (the canvas's text alternative). The strokes live in a
 * StrokeModel and the screen shows the one rasteriser's raster, so what the reader sees is what the model reads.
 * `onChange` fires when a stroke ends, on undo and on clear. Every text comes from the catalogue (strokePad.*) in
 * the language the host gives (`lang`, then `setLang()` from its `onLangChange()`); the status is kept as a message
 * so a change of language says it again.
 */
import { PAD_SIZE, rasterise, type Drawing } from '@lib/doodle/strokes.ts';
import { coverage, mnistOf, parseRgb, toRgba, type Raster, type Rgb } from '@lib/stroke-pad/image.ts';
import { keyStep, StrokeModel, type KeyResult } from '@lib/stroke-pad/model.ts';
import { msg, resolveLang, say, type Lang, type Msg } from '@lib/i18n/index.ts';
import css from './stroke-pad.css?inline';

/** The pad's CSS: a widget that holds a pad adopts it with its own (`adoptStyles(root, css + STROKE_PAD_CSS)`), so no `<style>` sits in the shadow root (strict CSP). */
export const STROKE_PAD_CSS: string = css;

export interface StrokePadOptions {
  /** The canvas's raster (the screen and `image()` / `mnist()` read it). */
  raster: Raster;
  /** Ink and paper: the page's text colour on its background, white on black (MNIST), or black on white. */
  look: 'theme' | 'mnist' | 'paper';
  /** The accessible name: what the drawing is for (a catalogue message, said in the pad's language). */
  label: Msg | string;
  /** The language the pad speaks (the host's `this.language`); without it, the document's. */
  lang?: Lang;
  onChange: () => void;
  /** CSS width of the pad on screen. */
  width?: string;
  /** A drawing to start from (Clear empties the pad). */
  initial?: Drawing;
}

const LOOKS: Record<StrokePadOptions['look'], [Rgb | null, Rgb | null]> = { theme: [null, null], mnist: [[255, 255, 255], [0, 0, 0]], paper: [[0, 0, 0], [255, 255, 255]] };
let count = 0;

export class StrokePad {
  readonly el: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  private readonly model: StrokeModel;
  /** Something has been painted on the canvas (a theme pad is left clear until then: paint()). */
  private painted = false;
  private readonly cursorEl: HTMLElement;
  private readonly statusEl: HTMLElement;
  /** The ink coverage at the raster's size; made on first use (a pad on a page may never be shown). */
  private covCache: Float32Array | null = null;
  private keyboard = false;
  private lang: Lang;
  private label: Msg | string;
  /** What the status line says, kept as a message so that `setLang()` can say it again. */
  private status: Msg = msg('strokePad.isEmpty');

  constructor(private readonly o: StrokePadOptions) {
    const id = `fm-pad-${++count}`, size = o.raster.size;
    this.model = new StrokeModel(keyStep(size));
    this.el = document.createElement('div');
    this.el.className = 'stroke-pad';
    this.el.innerHTML = `<div class="pad-area"><canvas data-role="pad" width="${size}" height="${size}" tabindex="0" role="application"
      aria-describedby="${id}-help ${id}-status"></canvas><div class="pad-cursor" hidden></div></div>
      <div class="pad-tools"><button type="button" data-role="undo"></button><button type="button" data-role="clear"></button></div>
      <p class="pad-help" id="${id}-help"></p><p class="pad-status" id="${id}-status" data-role="pad-status" aria-live="polite"></p>`;
    if (o.width) this.el.style.setProperty('--fm-pad-width', o.width);
    this.canvas = this.el.querySelector('canvas')!;
    this.lang = o.lang ?? resolveLang(this.el);
    this.label = o.label;
    this.canvas.classList.toggle('small', size < 128);
    this.cursorEl = this.el.querySelector('.pad-cursor')!;
    this.statusEl = this.el.querySelector('[data-role="pad-status"]')!;
    if (o.initial) this.model.load(o.initial);
    this.listen();
    // The first paint waits until the pad is on screen: painting reads the page's computed style, which during a
    // chapter's load forces a style pass over the whole page, once per pad (four on Chapter 1), for pads that are
    // hidden or far below.
    const shown = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      shown.disconnect();
      this.paint();
    });
    shown.observe(this.canvas);
    this.status = this.summary();
    this.setLang(this.lang);
  }

  /** Says every text again in `lang` (the host calls it from its `onLangChange()`): buttons, help, name, status. */
  setLang(lang: Lang): void {
    this.lang = lang;
    this.canvas.setAttribute('aria-roledescription', this.t(msg('strokePad.roleDescription')));
    this.el.querySelector('[data-role="undo"]')!.textContent = this.t(msg('strokePad.undo'));
    this.el.querySelector('[data-role="clear"]')!.textContent = this.t(msg('strokePad.clear'));
    withKeys(this.el.querySelector('.pad-help')!, this.t(msg('strokePad.help')));
    this.relabel(this.label);
    this.say(this.status);
  }

  /** A new accessible name (what the drawing is for), said in the pad's language. */
  relabel(label: Msg | string): void {
    this.label = label;
    this.canvas.setAttribute('aria-label', this.t(msg('strokePad.label', { label })));
  }

  /** The finished strokes (copies, pad units 0–256). */
  get drawing(): Drawing { return this.model.drawing; }
  get blank(): boolean { return this.model.blank; }

  /** The drawing as the screen shows it, RGBA at the raster's size. */
  image(): { rgba: Uint8ClampedArray<ArrayBuffer>; width: number; height: number } {
    return { rgba: this.rgba(), width: this.o.raster.size, height: this.o.raster.size };
  }

  /** MNIST's preparation of the drawing (28×28, 0–255), or null when the pad is empty. */
  mnist(): Uint8Array | null { return mnistOf(this.model.drawing, this.o.raster); }

  undo(): void {
    this.model.undo();
    this.undone();
  }

  private undone(): void {
    this.refresh(this.blank ? msg('strokePad.emptied') : msg('strokePad.undone', { strokes: this.strokes() }), true);
  }

  clear(notify = true): void {
    this.model.clear();
    this.refresh(notify ? msg('strokePad.cleared') : this.summary(), notify);
  }

  /** Repaints (after a theme change: the 'theme' look follows the page's text colour). */
  paint(): void {
    const { size } = this.o.raster;
    const paper = LOOKS[this.o.look][1];
    if (this.model.visible.length === 0) {
      // Nothing drawn: the paper alone (or nothing, on the theme's), the same pixels as the image of an empty drawing,
      // without rasterising and colouring the pad's 65,536 pixels one by one (7 ms of the doodle widget's start here).
      // A theme pad never drawn on is clear already: its drawing context, whose making and first clear were 2.5-5.6 ms
      // of the doodle widget's start here (the page's first 2D context), is made with the first stroke.
      if (!paper && !this.painted) return this.placeCursor();
      const ctx = this.canvas.getContext('2d')!;
      if (!paper) ctx.clearRect(0, 0, size, size);
      else { ctx.fillStyle = `rgb(${paper.join(' ')})`; ctx.fillRect(0, 0, size, size); }
    } else this.canvas.getContext('2d')!.putImageData(new ImageData(this.rgba(), size, size), 0, 0);
    this.painted = true;
    this.placeCursor();
  }

  /** The keyboard's cursor, where the model has it. */
  private placeCursor(): void {
    const [x, y] = this.model.cursor, pen = (this.o.raster.penWidth / PAD_SIZE) * 100;
    this.cursorEl.hidden = !(this.keyboard && this.canvas.matches(':focus'));
    this.cursorEl.classList.toggle('down', this.model.current !== null);
    Object.assign(this.cursorEl.style, { left: `${(x / PAD_SIZE) * 100}%`, top: `${(y / PAD_SIZE) * 100}%`, width: `${pen}%`, height: `${pen}%` });
  }

  private cov(): Float32Array {
    return (this.covCache ??= coverage(this.model.visible, this.o.raster));
  }

  private rgba(): Uint8ClampedArray<ArrayBuffer> {
    const [ink, paper] = LOOKS[this.o.look];
    return toRgba(this.cov(), ink ?? parseRgb(getComputedStyle(this.canvas).color, [0, 0, 0]), paper);
  }

  private listen(): void {
    const c = this.canvas;
    c.addEventListener('pointerdown', (e) => {
      if (e.button !== 0 && e.pointerType === 'mouse') return;
      c.setPointerCapture(e.pointerId);
      this.keyboard = false;
      if (!this.model.begin(...this.point(e))) return this.say(msg('strokePad.full'));
      this.add(0);
    });
    c.addEventListener('pointermove', (e) => {
      if (!this.model.current) return;
      const from = this.model.current.length;
      for (const p of e.getCoalescedEvents?.() ?? [e]) this.model.extend(...this.point(p));
      this.add(from);
    });
    const end = () => { if (this.model.end()) this.refresh(this.summary(), true); };
    c.addEventListener('pointerup', end);
    c.addEventListener('pointercancel', end);
    c.addEventListener('keydown', (e) => this.key(e));
    c.addEventListener('focus', () => { this.keyboard = c.matches(':focus-visible'); this.paint(); });
    c.addEventListener('blur', () => { if (this.keyboard) end(); this.paint(); });
    this.el.querySelector('[data-role="undo"]')!.addEventListener('click', () => this.undo());
    this.el.querySelector('[data-role="clear"]')!.addEventListener('click', () => this.clear());
  }

  private key(e: KeyboardEvent): void {
    const r: KeyResult | null = this.model.key(e.key, e.shiftKey, e.ctrlKey || e.metaKey);
    if (!r) return;
    e.preventDefault();
    this.keyboard = true;
    if (r.kind === 'undo') return this.undone(); // the model has undone it
    if (r.kind === 'full') return this.say(msg('strokePad.full'));
    if (r.kind === 'move') return r.extended ? this.add(this.model.current!.length - 1) : this.paint();
    if (r.kind === 'down') { this.add(0); return this.say(msg('strokePad.penDown', { where: this.where() })); }
    this.refresh(msg('strokePad.penUp', { where: this.where(), strokes: this.strokes() }), true);
  }

  /** Rasterises the current stroke's points from index `from` on (and the segment into them) onto the screen. */
  private add(from: number): void {
    const s = this.model.current!;
    rasterise([s.slice(Math.max(0, from - 1))], this.o.raster.size, this.o.raster.penWidth, this.cov());
    this.paint();
  }

  private refresh(status: Msg, notify: boolean): void {
    this.covCache = coverage(this.model.visible, this.o.raster);
    this.paint();
    this.say(status);
    if (notify) this.o.onChange();
  }

  private point(e: PointerEvent): [number, number] {
    const r = this.canvas.getBoundingClientRect();
    return [((e.clientX - r.left) / r.width) * PAD_SIZE, ((e.clientY - r.top) / r.height) * PAD_SIZE];
  }

  private t(m: Msg): string { return say(this.lang, m); }
  private say(status: Msg): void { this.status = status; this.statusEl.textContent = this.t(status); }
  private strokes(): Msg { return msg('strokePad.strokes', { count: this.model.strokes.length }); }
  private summary(): Msg { return this.blank ? msg('strokePad.isEmpty') : msg('strokePad.holds', { strokes: this.strokes() }); }
  private where(): Msg { const [x, y] = this.model.cursor; return msg('strokePad.where', { x: Math.round((x / PAD_SIZE) * 100), y: Math.round((y / PAD_SIZE) * 100) }); }
}

/** Key names as the keyboard labels them (kept in Latin letters in every language). */
const KEYS = /(Ctrl\+Z|Shift|Space|Enter)/;

/** `text` in `p`, each key name in a `<kbd>` (a key, not a word to translate; styled as the text around it). */
function withKeys(p: Element, text: string): void {
  p.replaceChildren(...text.split(KEYS).map((part, i) => (i % 2 ? Object.assign(document.createElement('kbd'), { textContent: part }) : part)));
}
