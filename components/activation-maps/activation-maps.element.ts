/**
 * @summary `<fm-activation-maps>`: the same real feature maps before and after an activation. A sample photo
 * (grayscale) is convolved by four fixed kernels (Sobel x, Sobel y, Laplacian, emboss) with tfjs conv2d on the
 * engine, the activation is applied with tfjs ops on the engine, and the chosen map is shown before/after with
 * its share of exact zeros and its value histogram. Contract: README.md beside this file.
 *
 * @attr image chelsea|astronaut|camera|coins|brick · @attr activation relu|leaky-relu|sigmoid|tanh|gelu
 * @attr slope Leaky ReLU slope 0–1 · @attr channel the map shown, 1–4
 * @event fm-result `{ backend, ms, image, activation, slope, channel, shape, zerosBefore, zerosAfter, fallbackReason }`
 * @event fm-error `{ message }`; the widget keeps the last valid set-up
 */
import '@lib/engine/global.ts';
import '@components/device-badge/device-badge.element.ts';
import { define } from '@lib/widget/fm-element.ts';
import { EngineElement } from '@lib/widget/engine-element.ts';
import { getEngine, type Engine } from '@lib/engine/index.ts';
import { AttributeSettings, bindControls } from '@lib/widget/attribute-settings.ts';
import { formatValue } from '@lib/charts/format.ts';
import { divergingLut, extentOf } from '@lib/charts/diverging.ts';
import { rgbaToTensor } from '@lib/image/index.ts';
import type { PlainTensor } from '@lib/conv/tensor.ts';
import { ACTIVATIONS, activation } from '@lib/activations/functions.ts';
import { channelOf, mapStats } from '@lib/activations/stats.ts';
import { mapScale } from '@lib/activations/map-scale.ts';
import { MAP_KERNELS, mapKernels } from '@lib/activations/feature-maps.ts';
import { SAMPLES } from '@components/conv-playground/settings.ts';
import { loadSample } from '@components/conv-playground/image-source.ts';
import { MAPS_ATTRS, MAPS_DEFAULTS, MAPS_PARSE, type MapsAttr, type MapsSettings } from './maps-settings.ts';
import css from './activation-maps.css?inline';
import { SPEC } from './attributes.ts';
import { attributeNames, reflect, type Reflected } from '@lib/widget/attribute-spec.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import type { ActivationMapsResult } from './result.ts';

type Heavy = { engine: Engine; lib: typeof import('@lib/activations/feature-maps.ts'); view: typeof import('./maps-view.ts') };
type Last = { input: PlainTensor; kernel: PlainTensor; before: PlainTensor; after: PlainTensor };
const opts = (pairs: [string, string][]) => pairs.map(([v, t]) => `<option value="${v}">${t}</option>`).join('');
const copy = (t: PlainTensor) => ({ data: new Float32Array(t.data), shape: [...t.shape] });

/** A map's own colour scale: its end values either side of the ramp (filled by maps-view's showScale). */
const SCALE = (m: string) => `<p class="scale" data-role="${m}-scale" aria-hidden="true"><span class="lo">–</span> <span class="ramp"></span> <span class="hi">–</span></p>`;
const SHELL = `
<div class="controls">
  <label>Image <select data-attr="image">${opts(SAMPLES.map((s) => [s.name, s.title]))}</select></label>
  <label>Feature map <select data-attr="channel">${opts(MAP_KERNELS.map((k, i) => [String(i + 1), `${i + 1}: ${k}`]))}</select></label>
  <label>Activation <select data-attr="activation">${opts(ACTIVATIONS.map((a) => [a, activation(a).label.replace(/ \(.*/, '')]))}</select></label>
  <label>Leaky ReLU slope <input type="number" data-attr="slope" min="0" max="1" step="0.01"></label>
</div>
<p data-role="message" role="alert" hidden></p>
<div class="pair">
  <figure><canvas data-role="before" role="img" aria-label="Feature map before the activation: not computed yet"></canvas>${SCALE('before')}<figcaption data-role="before-caption">Before</figcaption><div class="hist" data-role="before-hist"></div></figure>
  <figure><canvas data-role="after" role="img" aria-label="Feature map after the activation: not computed yet"></canvas>${SCALE('after')}<figcaption data-role="after-caption">After</figcaption><div class="hist" data-role="after-hist"></div></figure>
</div>
<p class="legend"><span>Colour: negative</span> <span class="ramp" data-role="ramp"></span> <span>positive (white = 0). Each map has its own scale, under it, so its structure shows: the brightest 1% of its pixels take the end colour.</span></p>
<p data-role="summary" aria-live="polite">Waiting to compute…</p>
<p class="engine"><fm-device-badge></fm-device-badge> <span data-role="timing">&nbsp;</span></p>`;

/** The words under the maps (shared by the result and the room the shell keeps for it). */
const pct = (f: number) => `${(100 * f).toFixed(1)}%`;
const statWords = (zeros: number, min: number, max: number) => `${pct(zeros)} exact zeros, values ${formatValue(min)} to ${formatValue(max)}`;
const beforeCaption = (ch: number, words: string) => `Before: ${MAP_KERNELS[ch]} map, ${words}`;
const afterCaption = (name: string, words: string) => `After ${name}: ${words}`;
const summaryText = (s: MapsSettings, h: number, w: number, name: string, before: number, after: number) =>
  `Map ${s.channel} (${MAP_KERNELS[s.channel - 1]}) of ${s.image}, ${h}×${w} pixels (height × width): ${pct(before)} of values are exactly 0 before ${name} and ${pct(after)} after.`;

export class ActivationMapsElement extends EngineElement<Heavy, ActivationMapsResult> {
  static observedAttributes = attributeNames(SPEC);
  private settings = new AttributeSettings<MapsSettings, MapsAttr>(MAPS_DEFAULTS, MAPS_PARSE);
  private get s(): MapsSettings { return this.settings.values; }
  // image, activation, slope, channel: reflected from SPEC (the settings in force; setting one sets the attribute).
  static { reflect(this, SPEC, (el) => el.s); }
  private last: Last | null = null;

  /** Input [1, h, w, 1] in [0, 1]; kernels [3, 3, 1, 4]; maps before and after the activation [1, h, w, 4]. */
  async getInput() { await this.ready; return copy(this.last!.input); }
  async getKernel() { await this.ready; return copy(this.last!.kernel); }
  async getBefore() { await this.ready; return copy(this.last!.before); }
  async getAfter() { await this.ready; return copy(this.last!.after); }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (!this.root.firstChild) return;
    this.apply(name as MapsAttr, value);
    this.schedule();
  }

  protected render(): void {
    this.root.innerHTML = SHELL;
    adoptStyles(this.root, css);
    const lut = divergingLut();
    const stops = [0, 64, 128, 191, 255].map((i) => `rgb(${lut[i * 3]},${lut[i * 3 + 1]},${lut[i * 3 + 2]})`);
    this.root.querySelector<HTMLElement>('[data-role="ramp"]')!.style.background = `linear-gradient(90deg, ${stops.join(', ')})`;
    bindControls(this.root, (n, v) => this.setAttribute(n, v));
    for (const n of MAPS_ATTRS) if (this.hasAttribute(n)) this.apply(n, this.getAttribute(n));
    this.settings.syncControls(this.root);
    this.holdLayout();
  }

  private apply(name: MapsAttr, raw: string | null): void {
    this.settings.apply(name, raw);
    const text = this.settings.message;
    if (text) this.emitError(text); else this.clearMessage();
    this.settings.syncControls(this.root);
    this.holdLayout();
  }

  /**
   * Room for what a result for these settings will show, so nothing moves when it arrives: before the first result
   * the canvases take the photo's size (from the samples' manifest), and the captions and summary keep room for
   * their words (typical numbers stand in; they are never shown).
   */
  private holdLayout(): void {
    const s = this.s;
    const sample = SAMPLES.find((x) => x.name === s.image)!;
    const $ = (role: string) => this.root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
    if (!this.last) {
      for (const role of ['before', 'after']) {
        const canvas = $(role) as HTMLCanvasElement;
        canvas.width = sample.width;
        canvas.height = sample.height;
      }
    }
    const name = activation(s.activation, s.slope).label;
    const words = statWords(0.123, -1.23, 1.23);
    $('before-caption').dataset.reserve = beforeCaption(s.channel - 1, words);
    $('after-caption').dataset.reserve = afterCaption(name, words);
    $('summary').dataset.reserve = summaryText(s, sample.height, sample.width, name, 0.123, 0.456);
  }

  protected async load(): Promise<Heavy> {
    const [engine, lib, view] = await Promise.all([getEngine(), import('@lib/activations/feature-maps.ts'), import('./maps-view.ts')]);
    return { engine, lib, view };
  }



  protected async compute(): Promise<void> {
    const gen = ++this.gen;
    const heavy = this.heavy;
    if (!heavy) return;
    const s = { ...this.s };
    const sample = SAMPLES.find((x) => x.name === s.image)!;
    this.setStatus('running');
    try {
      const px = await loadSample(sample);
      if (gen !== this.gen) return;
      const input = rgbaToTensor(px.rgba, px.width, px.height, 'gray');
      const kernel = mapKernels();
      const r = await heavy.lib.runMaps(heavy.engine.tf, input, kernel, s.activation, s.slope);
      if (gen !== this.gen) return;
      this.last = { input, kernel, before: r.before, after: r.after };
      const stats = this.draw(s, heavy, px.height, px.width);
      this.root.querySelector('[data-role="timing"]')!.textContent = `Convolution and activation in ${r.ms.toFixed(0)} ms.`;
      this.emitResult({ backend: r.backend, ms: r.ms, ...s, shape: r.before.shape, ...stats, fallbackReason: heavy.engine.fallbackReason ?? null });
    } catch (err) {
      if (gen === this.gen) { this.setStatus('error'); this.emitError(`The feature maps could not be computed: ${(err as Error).message}`); }
    }
  }

  /** Draws the chosen channel; returns the share of exact zeros of every channel, before and after. */
  private draw(s: MapsSettings, heavy: Heavy, h: number, w: number): { zerosBefore: number[]; zerosAfter: number[] } {
    const { before, after } = this.last!;
    const c = MAP_KERNELS.length;
    const ch = s.channel - 1;
    const b = channelOf(before.data, c, ch);
    const a = channelOf(after.data, c, ch);
    const sb = mapStats(b), sa = mapStats(a);
    const [lo, hi] = extentOf([sb.min, sb.max, sa.min, sa.max]);
    const $ = (role: string) => this.root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
    // Each map on its own scale (a shared one left the ReLU map nearly white); the scale is shown under each.
    const kb = mapScale(b), ka = mapScale(a);
    heavy.view.paintMap($('before') as HTMLCanvasElement, b, h, w, kb.extent);
    heavy.view.paintMap($('after') as HTMLCanvasElement, a, h, w, ka.extent);
    heavy.view.showScale($('before-scale'), kb);
    heavy.view.showScale($('after-scale'), ka);
    const name = activation(s.activation, s.slope).label;
    heavy.view.drawHistogram($('before-hist'), b, lo, hi, 'Before');
    heavy.view.drawHistogram($('after-hist'), a, lo, hi, `After ${name}`);
    const words = (st: typeof sb) => statWords(st.zeroFraction, st.min, st.max);
    $('before-caption').textContent = beforeCaption(ch, words(sb));
    $('after-caption').textContent = afterCaption(name, words(sa));
    $('summary').textContent = summaryText(s, h, w, name, sb.zeroFraction, sa.zeroFraction);
    const scale = (k: typeof kb) => `; colours scaled to ${heavy.view.scaleWords(k)}`;
    $('before').setAttribute('aria-label', `Feature map ${MAP_KERNELS[ch]} before the activation: ${words(sb)}${scale(kb)}`);
    $('after').setAttribute('aria-label', `The same map after ${name}: ${words(sa)}${scale(ka)}`);
    const all = (t: PlainTensor) => Array.from({ length: c }, (_, k) => mapStats(channelOf(t.data, c, k)).zeroFraction);
    return { zerosBefore: all(before), zerosAfter: all(after) };
  }
}

// The reflected properties' types, merged into the class (they are defined by `reflect` above).
export interface ActivationMapsElement extends Reflected<typeof SPEC> {}
define('fm-activation-maps', ActivationMapsElement);
declare global { interface HTMLElementTagNameMap { 'fm-activation-maps': ActivationMapsElement } }
