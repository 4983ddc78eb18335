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
import type { Sliced } from '@lib/schedule/slices.ts';
import '@lib/engine/global.ts';
import '@components/device-badge/device-badge.element.ts';
import { define, describeError } from '@lib/widget/fm-element.ts';
import { runSliced, yieldToPage } from '@lib/schedule/slices.ts';
import { EngineElement } from '@lib/widget/engine-element.ts';
import { getEngine, type Engine } from '@lib/engine/index.ts';
import { AttributeSettings, bindControls } from '@lib/widget/attribute-settings.ts';
import { formatValue } from '@lib/charts/format.ts';
import { divergingLut, extentOf } from '@lib/charts/diverging.ts';
import { rgbaToTensor } from '@lib/image/index.ts';
import type { PlainTensor } from '@lib/conv/tensor.ts';
import { ACTIVATIONS, activation, activationLabel } from '@lib/activations/functions.ts';
import { msg, say, type MessageKey, type Msg } from '@lib/i18n/index.ts';
import { channelOf, mapStats, zeroShares } from '@lib/activations/stats.ts';
type MapStats = ReturnType<typeof mapStats>;
import { mapScaleSliced, type MapScale } from '@lib/activations/map-scale.ts';
import { MAP_KERNELS, mapKernels } from '@lib/activations/feature-maps.ts';
import { SAMPLES } from '@components/conv-playground/settings.ts';
import { loadSample } from '@components/conv-playground/image-source.ts';
import { MAPS_ATTRS, MAPS_DEFAULTS, MAPS_PARSE, type MapsAttr, type MapsSettings } from './maps-settings.ts';
import css from './activation-maps.css?inline';
import { SPEC } from './attributes.ts';
import { attributeNames, reflect, type Reflected } from '@lib/widget/attribute-spec.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import type { ActivationMapsResult } from './result.ts';
import { importAgain } from '@lib/widget/import-again.ts';

type Heavy = { engine: Engine; lib: typeof import('@lib/activations/feature-maps.ts'); view: typeof import('./maps-view.ts') };
type Last = { input: PlainTensor; kernel: PlainTensor; before: PlainTensor; after: PlainTensor };
const opts = (pairs: [string, string][]) => pairs.map(([v, t]) => `<option value="${v}">${t}</option>`).join('');
const copy = (t: PlainTensor) => ({ data: new Float32Array(t.data), shape: [...t.shape] });

/** A map's own colour scale: its end values either side of the ramp (filled by maps-view's showScale). */
const SCALE = (m: string) => `<p class="scale" data-role="${m}-scale" aria-hidden="true"><span class="lo">–</span> <span class="ramp"></span> <span class="hi">–</span></p>`;
/** The words are filled in by `sayShell()`, and again on a change of language: `data-say` a text, `data-say-label` an aria-label. */
const SHELL = `
<div class="controls">
  <label><span data-say="activationMaps.image"></span> <select data-attr="image">${SAMPLES.map((s) => `<option value="${s.name}" data-say="photos.${s.name}"></option>`).join('')}</select></label>
  <label><span data-say="activationMaps.featureMap"></span> <select data-attr="channel">${MAP_KERNELS.map((k, i) => `<option value="${i + 1}" data-say-kernel="${k}">${i + 1}: ${k}</option>`).join('')}</select></label>
  <label><span data-say="activationMaps.activation"></span> <select data-attr="activation">${opts(ACTIVATIONS.map((a) => [a, activation(a).label.replace(/ \(.*/, '')]))}</select></label>
  <label><span data-role="slope-label"></span> <input type="number" data-attr="slope" min="0" max="1" step="0.01"></label>
</div>
<p data-role="message" role="alert" hidden></p>
<div class="pair">
  <figure><canvas data-role="before" role="img" data-say-label="activationMaps.beforeEmpty"></canvas>${SCALE('before')}<figcaption data-role="before-caption" data-say="activationMaps.before"></figcaption><div class="hist" data-role="before-hist"></div></figure>
  <figure><canvas data-role="after" role="img" data-say-label="activationMaps.afterEmpty"></canvas>${SCALE('after')}<figcaption data-role="after-caption" data-say="activationMaps.after"></figcaption><div class="hist" data-role="after-hist"></div></figure>
</div>
<p class="legend"><span data-say="activationMaps.legendNegative"></span> <span class="ramp" data-role="ramp"></span> <span data-say="activationMaps.legendPositive"></span></p>
<p data-role="summary" aria-live="polite" data-say="activationMaps.waiting"></p>
<p class="engine"><fm-device-badge></fm-device-badge> <span data-role="timing">&nbsp;</span></p>`;

/** The words under the maps (shared by the result and the room the shell keeps for it), as messages for any language. */
const pct = (f: number) => `${(100 * f).toFixed(1)}%`;
const statWords = (zeros: number, min: number, max: number): Msg => msg('activationMaps.stats', { zeros: pct(zeros), min: formatValue(min), max: formatValue(max) });
/** A map's kernel by name: its id in English (as the attribute reads), its name in Chinese. */
const kernelName = (k: string): Msg => msg(`convStepper.preset.${k}` as 'convStepper.preset.identity');
/**
 * A photo by name: its id in English, its title in Chinese. The image attribute accepts only the shipped samples
 * (parseImage), each with a `convPlayground.name.*` key (a unit test holds those keys to the samples' manifest).
 */
const imageName = (id: string): Msg => msg(`convPlayground.name.${id}` as 'convPlayground.name.chelsea');
const beforeCaption = (ch: number, stats: Msg): Msg => msg('activationMaps.beforeCaption', { kernel: kernelName(MAP_KERNELS[ch]!), stats });
const afterCaption = (name: Msg | string, stats: Msg): Msg => msg('activationMaps.afterCaption', { name, stats });
const summaryText = (s: MapsSettings, h: number, w: number, name: Msg | string, before: number, after: number): Msg =>
  msg('activationMaps.summary', { channel: String(s.channel), kernel: kernelName(MAP_KERNELS[s.channel - 1]!), image: imageName(s.image), h: String(h), w: String(w), before: pct(before), name, after: pct(after) });

/** What the last result showed, kept as data so that a change of language says it again without recomputing. */
type Shown = { s: MapsSettings; h: number; w: number; ms: number; before: MapStats; after: MapStats; kb: MapScale; ka: MapScale };

export class ActivationMapsElement extends EngineElement<Heavy, ActivationMapsResult> {
  static observedAttributes = attributeNames(SPEC);
  private settings = new AttributeSettings<MapsSettings, MapsAttr>(MAPS_DEFAULTS, MAPS_PARSE);
  private get s(): MapsSettings { return this.settings.values; }
  // image, activation, slope, channel: reflected from SPEC (the settings in force; setting one sets the attribute).
  static { reflect(this, SPEC, (el) => el.s); }
  private last: Last | null = null;
  private shown: Shown | null = null;
  /** The refused attributes' messages as last shown (in the language of the moment), to say again on a change of language. */
  private settingsText = '';

  /** Input [1, h, w, 1] in [0, 1]; kernels [3, 3, 1, 4]; maps before and after the activation [1, h, w, 4]. */
  async getInput() { await this.ready; return copy(this.last!.input); }
  async getKernel() { await this.ready; return copy(this.last!.kernel); }
  async getBefore() { await this.ready; return copy(this.last!.before); }
  async getAfter() { await this.ready; return copy(this.last!.after); }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    // Until the shell's last part, which reads every attribute.
    if (!this.shellDrawn) return;
    this.apply(name as MapsAttr, value);
    this.schedule();
  }

  /** Whether render() has run to its end (the shell is drawn in two parts: FmElement, drawn in idle time). */
  private shellDrawn = false;

  protected *render(): Sliced<void> {
    this.shellDrawn = false;
    this.root.innerHTML = SHELL;
    adoptStyles(this.root, css);
    this.sayShell();
    const lut = divergingLut();
    const stops = [0, 64, 128, 191, 255].map((i) => `rgb(${lut[i * 3]},${lut[i * 3 + 1]},${lut[i * 3 + 2]})`);
    this.root.querySelector<HTMLElement>('[data-role="ramp"]')!.style.background = `linear-gradient(90deg, ${stops.join(', ')})`;
    bindControls(this.root, (n, v) => this.setAttribute(n, v));
    yield;
    // Every attribute, then the controls and the layout once (each apply() did both).
    for (const n of MAPS_ATTRS) if (this.hasAttribute(n)) this.apply(n, this.getAttribute(n), false);
    this.settings.syncControls(this.root);
    this.holdLayout();
    this.shellDrawn = true;
  }

  private apply(name: MapsAttr, raw: string | null, sync = true): void {
    this.settings.apply(name, raw);
    const text = this.settings.messageIn(this.language);
    this.settingsText = text;
    if (text) this.emitError(text); else this.clearMessage();
    if (!sync) return;
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
    const name = activationLabel(s.activation, s.slope);
    const words = statWords(0.123, -1.23, 1.23);
    const lang = this.language;
    $('before-caption').dataset.reserve = say(lang, beforeCaption(s.channel - 1, words));
    $('after-caption').dataset.reserve = say(lang, afterCaption(name, words));
    $('summary').dataset.reserve = say(lang, summaryText(s, sample.height, sample.width, name, 0.123, 0.456));
  }

  /** Every text again in the new language, from the last result kept as data: nothing is recomputed. */
  protected override onLangChange(): void {
    this.sayShell();
    const line = this.root.querySelector<HTMLElement>('[data-role="message"]')!;
    if (this.settingsText && !line.hidden && line.textContent === this.settingsText) {
      this.settingsText = this.settings.messageIn(this.language);
      this.showMessage(this.settingsText, 'error');
    }
    this.holdLayout();
    if (this.shown && this.heavy) this.sayResult(this.shown, this.heavy);
  }

  private sayShell(): void {
    for (const e of this.root.querySelectorAll<HTMLElement>('[data-say]')) e.textContent = this.t(e.dataset.say as MessageKey);
    for (const e of this.root.querySelectorAll<HTMLOptionElement>('[data-say-kernel]')) e.textContent = `${e.value}: ${say(this.language, kernelName(e.dataset.sayKernel!))}`;
    for (const e of this.root.querySelectorAll<HTMLElement>('[data-say-label]')) e.setAttribute('aria-label', this.t(e.dataset.sayLabel as MessageKey));
    this.root.querySelector('[data-role="slope-label"]')!.textContent = this.t('activationMaps.slope', { name: 'Leaky ReLU' });
  }

  protected async load(): Promise<Heavy> {
    const [engine, lib, view] = await Promise.all([getEngine(), importAgain(() => import('@lib/activations/feature-maps.ts')), importAgain(() => import('./maps-view.ts'))]);
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
      // The page gets the main thread back between the pieces of work (each a task of its own: docs in slices.ts).
      await yieldToPage();
      const input = rgbaToTensor(px.rgba, px.width, px.height, 'gray');
      const kernel = mapKernels();
      const r = await heavy.lib.runMaps(heavy.engine.tf, input, kernel, s.activation, s.slope);
      await yieldToPage();
      if (gen !== this.gen) return;
      this.last = { input, kernel, before: r.before, after: r.after };
      await runSliced(this.draw(s, heavy, px.height, px.width, r.ms, gen));
      await yieldToPage();
      if (gen !== this.gen) return;
      this.emitResult({ backend: r.backend, ms: r.ms, ...s, shape: r.before.shape, ...this.zeros(), fallbackReason: heavy.engine.fallbackReason ?? null });
    } catch (err) {
      if (gen === this.gen) { this.setStatus('error'); this.emitError(msg('activationMaps.failed', { error: describeError(err) })); }
    }
  }

  /** The share of exact zeros of every channel, before and after the activation. */
  private zeros(): { zerosBefore: number[]; zerosAfter: number[] } {
    const { before, after } = this.last!;
    const c = MAP_KERNELS.length;
    return { zerosBefore: zeroShares(before.data, c), zerosAfter: zeroShares(after.data, c) };
  }

  /**
   * Draws the chosen channel: its statistics, scales, pixels and histograms are prepared in steps (a sliced
   * computation: together they were 40–55 ms of one task on the embed page here), then put on the page together, so
   * the maps, legends and histograms never show two different results. Stops, drawing nothing, once `gen` is old.
   */
  private *draw(s: MapsSettings, heavy: Heavy, h: number, w: number, ms: number, gen: number): Sliced<void> {
    const { before, after } = this.last!;
    const c = MAP_KERNELS.length;
    const ch = s.channel - 1;
    const b = channelOf(before.data, c, ch);
    const a = channelOf(after.data, c, ch);
    const sb = mapStats(b), sa = mapStats(a);
    const [lo, hi] = extentOf([sb.min, sb.max, sa.min, sa.max]);
    yield;
    // Each map on its own scale (a shared one left the ReLU map nearly white); the scale is shown under each.
    const kb = yield* mapScaleSliced(b);
    yield;
    const ka = yield* mapScaleSliced(a);
    yield;
    const imageB = heavy.view.mapImage(b, h, w, kb.extent);
    yield;
    const imageA = heavy.view.mapImage(a, h, w, ka.extent);
    yield;
    const histB = heavy.view.drawHistogram(b, lo, hi);
    yield;
    const histA = heavy.view.drawHistogram(a, lo, hi);
    yield;
    if (gen !== this.gen) return;
    const $ = (role: string) => this.root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
    heavy.view.putMap($('before') as HTMLCanvasElement, imageB);
    heavy.view.putMap($('after') as HTMLCanvasElement, imageA);
    heavy.view.showScale($('before-scale'), kb);
    heavy.view.showScale($('after-scale'), ka);
    $('before-hist').replaceChildren(histB);
    $('after-hist').replaceChildren(histA);
    this.shown = { s, h, w, ms, before: sb, after: sa, kb, ka };
    this.sayResult(this.shown, heavy);
  }

  /** The result's words (captions, summary, labels, legends, histogram titles, timing) in the element's language. */
  private sayResult({ s, h, w, ms, before: sb, after: sa, kb, ka }: Shown, heavy: Heavy): void {
    const lang = this.language;
    const $ = (role: string) => this.root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
    const ch = s.channel - 1;
    const name = activationLabel(s.activation, s.slope);
    heavy.view.titleScale($('before-scale'), kb, lang);
    heavy.view.titleScale($('after-scale'), ka, lang);
    heavy.view.titleHistogram($('before-hist'), this.t('activationMaps.histValue'), this.t('activationMaps.histBefore'));
    heavy.view.titleHistogram($('after-hist'), this.t('activationMaps.histValue'), this.t('activationMaps.histAfter', { name }));
    const words = (st: MapStats) => statWords(st.zeroFraction, st.min, st.max);
    $('before-caption').textContent = say(lang, beforeCaption(ch, words(sb)));
    $('after-caption').textContent = say(lang, afterCaption(name, words(sa)));
    $('summary').textContent = say(lang, summaryText(s, h, w, name, sb.zeroFraction, sa.zeroFraction));
    $('before').setAttribute('aria-label', this.t('activationMaps.beforeLabel', { kernel: MAP_KERNELS[ch]!, stats: words(sb), range: heavy.view.scaleWords(kb) }));
    $('after').setAttribute('aria-label', this.t('activationMaps.afterLabel', { name, stats: words(sa), range: heavy.view.scaleWords(ka) }));
    $('timing').textContent = this.t('activationMaps.timing', { ms: ms.toFixed(0) });
  }
}

// The reflected properties' types, merged into the class (they are defined by `reflect` above).
export interface ActivationMapsElement extends Reflected<typeof SPEC> {}
define('fm-activation-maps', ActivationMapsElement);
declare global { interface HTMLElementTagNameMap { 'fm-activation-maps': ActivationMapsElement } }
