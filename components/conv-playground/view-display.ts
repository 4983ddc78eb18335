/**
 * How the input and output are drawn: one pixel scale for both (the Zoom control: fit, 1×, 2×; pixel-scale.ts)
 * and the output's colour scale (automatic, sequential or diverging; scale-choice.ts). A zoom change only
 * restyles; a colour-scale change asks the element to draw again.
 */
import { pairScale, parseZoom } from '@lib/charts/pixel-scale.ts';
import { chooseScale, type ScaleChoice, type ScaleMode } from '@lib/charts/scale-choice.ts';

/** Gap between figures and between channel maps (CSS `.views`, `.maps`), and the output figure's narrowest width;
 * `available` leaves out each figure's 1 px frame on both sides. */
const GAP = 12;
const OUT_MIN = 256;

export class ViewDisplay {
  private views: HTMLElement;
  private zoom: HTMLSelectElement;
  private mode: HTMLSelectElement;
  private resize: ResizeObserver;

  constructor(private root: ShadowRoot, private pad: HTMLElement, redraw: () => void) {
    const $ = <T extends HTMLElement>(role: string) => root.querySelector<T>(`[data-role="${role}"]`)!;
    this.views = $('views');
    this.zoom = $('zoom');
    this.mode = $('scale-mode');
    this.zoom.addEventListener('change', () => this.layout());
    this.mode.addEventListener('change', redraw);
    // Fit follows the column's width (a phone turned sideways). The observer lets go once the element leaves the page.
    this.resize = new ResizeObserver(() => (root.host.isConnected ? this.layout() : this.resize.disconnect()));
    this.resize.observe(this.views);
  }

  /** The colour scale for an output of this kernel on an input whose smallest value is `inputMin`. */
  scale(weights: ArrayLike<number>, inputMin: number): ScaleChoice {
    return chooseScale(weights, inputMin, this.mode.value as ScaleMode);
  }

  /** Sizes both figures at one scale (after every draw, zoom change or resize). */
  layout(): void {
    const input = this.root.querySelector<HTMLCanvasElement>('[data-role="input"]')!;
    const drawing = input.hidden;
    const inW = drawing ? 256 : input.width;
    const inH = drawing ? 256 : input.height;
    const maps = [...this.root.querySelectorAll<HTMLCanvasElement>('.maps canvas')];
    const outW = maps[0]?.width ?? inW;
    const outH = maps[0]?.height ?? inH;
    // Before the first output, room for one map the input's size: counted as none, the input took the whole width
    // until the output came and halved it (at 1280 px, a layout shift of 0.13 on the embed page).
    const count = Math.max(1, maps.length);
    const s = pairScale({ zoom: parseZoom(this.zoom.value), available: this.views.clientWidth - 4, inW, outW: outW * count, gap: GAP, maps: count, outMin: OUT_MIN });
    const px = (n: number) => `${Math.round(n * s * 100) / 100}px`;
    for (const [c, w, h] of [[input, inW, inH] as const, ...maps.map((m) => [m, outW, outH] as const)]) {
      c.style.width = px(w);
      c.style.height = px(h);
    }
    // And its height, until it comes: the output's caption and what follows keep their places.
    const box = this.root.querySelector<HTMLElement>('.maps, [data-role="maps"]');
    if (box) box.style.minHeight = maps.length ? '' : px(outH);
    this.pad.style.setProperty('--fm-pad-width', px(256));
    this.views.style.setProperty('--in-w', px(inW));
    this.views.style.setProperty('--out-w', `${Math.round((outW * s * count + GAP * (count - 1)) * 100) / 100}px`);
    this.views.dataset.scale = String(Math.round(s * 1000) / 1000);
    this.views.toggleAttribute('data-smooth', s < 1);
    // At 1× or 2× on a narrow screen a figure scrolls inside itself; then it must be reachable by keyboard too.
    // Checked at the next frame, when the browser has laid out the sizes just written: reading them here forced a
    // second layout of the whole page for every draw and resize (the chapter has four playgrounds).
    if (this.scrollCheck === 0) this.scrollCheck = requestAnimationFrame(() => this.markScrolling());
  }

  private scrollCheck = 0;

  private markScrolling(): void {
    this.scrollCheck = 0;
    for (const box of this.root.querySelectorAll<HTMLElement>('figure.input, .maps')) {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls) box.tabIndex = 0;
      else box.removeAttribute('tabindex');
    }
  }
}
