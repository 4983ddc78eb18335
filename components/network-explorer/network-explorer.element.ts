/**
 * @summary `<fm-network-explorer>`: a shipped CNN (public/models/) run forward on the engine, on a test image or
 * the reader's drawing: every layer's feature maps, the selected map's kernels and the arithmetic behind a
 * pixel, the class probabilities, the first layer's filters and a table of shapes, parameters and multiply-adds.
 * Contract: README.md beside this file; arithmetic in src/lib/nets/.
 *
 * @attr model fashion-cnn|digits04-cnn · @attr image test image number (0-based) · @attr layer a map layer
 * (conv1 … pool2) · @attr map 1-based map number within that layer
 * @event fm-result `{ backend, ms, model, source, image, label, predicted, probabilities, fallbackReason }`
 * @event fm-error `{ message }`; the widget keeps the last valid set-up
 */
import '@lib/engine/global.ts';
import '@components/device-badge/device-badge.element.ts';
import { define, describeError } from '@lib/widget/fm-element.ts';
import { runSliced, yieldToPage } from '@lib/schedule/slices.ts';
import { EngineElement } from '@lib/widget/engine-element.ts';
import { getEngine, type Engine } from '@lib/engine/index.ts';
import type { EngineScope } from '@lib/engine/scope.ts';
import { ParamError } from '@lib/params/index.ts';
import { AttributeSettings, bindControls } from '@lib/widget/attribute-settings.ts';
import type { ExplorerModel } from '@lib/nets/explorer-model.ts';
import { EXPLORER_ATTRS, EXPLORER_DEFAULTS, EXPLORER_PARSE, type ExplorerAttr, type ExplorerSettings } from './explorer-settings.ts';
import { relabelShell, shell } from './shell.ts';
import { buildSheets, holdLayout, reserveWords } from './shell-layout.ts';
import type { Sliced } from '@lib/schedule/slices.ts';
import { renderProbs } from './probs-view.ts';
import { MODELS } from '@lib/models/shipped.ts';
import { msg } from '@lib/i18n/index.ts';
import { MapsView } from './maps-view.ts';
import css from './network-explorer.css?inline';
import { SPEC } from './attributes.ts';
import { attributeNames, reflect, type Reflected } from '@lib/widget/attribute-spec.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import type { NetworkExplorerResult } from './result.ts';
import { importAgain } from '@lib/widget/import-again.ts';

type Heavy = {
  engine: Engine; nets: typeof import('@lib/nets/explorer.ts'); session: import('@lib/nets/explorer.ts').ExplorerSession; views: typeof import('./side-views.ts');
  diverging: typeof import('@lib/charts/diverging.ts'); detail: import('./detail-view.ts').DetailView; pad: import('@lib/widget/stroke-pad/stroke-pad.ts').StrokePad;
};
const copy = (t: { data: Float32Array; shape: number[] }) => ({ data: new Float32Array(t.data), shape: [...t.shape] });

export class NetworkExplorerElement extends EngineElement<Heavy, NetworkExplorerResult> {
  static observedAttributes = attributeNames(SPEC);
  /** The settings in force, and every message shown: the attributes' and the run's. */
  private settings = new AttributeSettings<ExplorerSettings, ExplorerAttr>(EXPLORER_DEFAULTS, EXPLORER_PARSE);
  private get s(): ExplorerSettings { return this.settings.values; }
  // model, image, layer, map: reflected from SPEC (the settings in force; setting one sets the attribute).
  static { reflect(this, SPEC, (el) => el.s); }
  private source: 'test' | 'draw' = 'test';
  private last: import('./side-views.ts').Shown | null = null;
  private built: ExplorerModel | null = null;
  private validImage = 0;
  private sel = { layer: EXPLORER_DEFAULTS.layer, map: EXPLORER_DEFAULTS.map };
  /** Every layer's maps: laid out with each shell from the model's known layers, painted by each result. */
  private maps!: MapsView;
  /** The selected pixel as a fraction of the map's height and width, so it survives a change of layer. */
  private pixel: { fy: number; fx: number } | null = null;
  /** The drawing pad, once loaded (before `heavy` is set, so a change of language while the engine starts reaches it). */
  private pad: import('@lib/widget/stroke-pad/stroke-pad.ts').StrokePad | null = null;

  /** The input [1, 28, 28, 1] (pixel / 255) and every layer's output (batch axis kept), as computed. */
  async getInput() { await this.ready; return copy(this.last!.fwd.input); }
  async getActivations() { await this.ready; return this.last!.fwd.layers.map((l) => ({ name: l.name, ...copy(l) })); }
  async getProbabilities() { await this.ready; return new Float32Array(this.last!.fwd.layers.at(-1)!.data); }
  async getLayerTable() { await this.ready; return structuredClone(this.last!.model.table); }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    // Until the shell's last part, which reads every attribute.
    if (!this.shellDrawn) return;
    this.apply(name as ExplorerAttr, value);
    if (name === 'layer' || name === 'map') this.renderSelection();
    else this.schedule();
  }

  /** Whether render() has run to its end (the shell is drawn in three parts: FmElement, drawn in idle time). */
  private shellDrawn = false;

  protected *render(): Sliced<void> {
    this.shellDrawn = false;
    this.root.innerHTML = shell(this.language);
    adoptStyles(this.root, css);
    bindControls(this.root, (n, v) => this.setAttribute(n, v));
    for (const r of this.root.querySelectorAll<HTMLInputElement>('input[name="source"]')) r.addEventListener('change', () => this.setSource(r.value as 'test' | 'draw'));
    const step = (d: number) => {
      const count = this.last?.model.testSet.count;
      if (count) this.setAttribute('image', String((this.validImage + d + count) % count));
    };
    this.$('prev').addEventListener('click', () => step(-1));
    this.$('next').addEventListener('click', () => step(1));
    this.maps = new MapsView((index, map, y, x) => this.pick(index, map, y, x));
    this.maps.lang = this.language;
    this.$('maps').replaceWith(this.maps.el);
    yield;
    // The sheets of the model the attribute names (if it names one), else the default's: holdLayout keeps them.
    const named = this.getAttribute('model')?.trim() ?? '';
    buildSheets(this.maps, { ...this.s, model: MODELS[named] ? named : this.s.model });
    yield;
    for (const n of EXPLORER_ATTRS) if (this.hasAttribute(n)) this.apply(n, this.getAttribute(n));
    this.sync();
    holdLayout(this.root, this.maps, this.s, this.language);
    this.shellDrawn = true;
  }

  /** Every word again in the new language, from what is on screen (the model, the last forward pass): nothing is recomputed. */
  protected onLangChange(): void {
    const lang = this.language;
    relabelShell(this.root, lang);
    this.maps.lang = lang;
    this.maps.relabel();
    reserveWords(this.root, this.s, lang);
    const h = this.heavy;
    this.pad?.setLang(lang);
    if (h) h.detail.lang = lang;
    if (h && this.built) h.views.renderModel(this.root, this.built, lang);
    if (h && this.last) {
      h.views.renderForward(this.root, this.last, lang);
      h.detail.relabel();
    } else {
      renderProbs(this.$('probs'), MODELS[this.s.model]!.classNames, null, null, lang);
      this.$('input-caption').textContent = this.t('networkExplorer.input');
      if (this.status !== 'error') this.$('summary').textContent = this.t('networkExplorer.loading');
    }
    const line = this.$('message');
    if (this.shownErrors && !line.hidden && line.textContent === this.shownErrors) this.showErrors();
  }

  private $(role: string): HTMLElement {
    return this.root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
  }

  private apply(name: ExplorerAttr, raw: string | null): void {
    // A refused layer or map: the one shown stays the last one the model accepted (not a name it never had).
    if (!this.settings.apply(name, raw) && (name === 'layer' || name === 'map')) this.settings.values = { ...this.s, [name]: this.sel[name] };
    if (name === 'layer' || name === 'map') { this.settings.setMessage('layer-choice', null); this.settings.setMessage('map-choice', null); }
    this.showErrors();
    this.sync();
  }

  /** The settings' messages as last shown, to say them again in another language while they are on the line. */
  private shownErrors = '';

  private showErrors(): void {
    const text = this.settings.messageIn(this.language);
    this.shownErrors = text;
    if (text) this.emitError(text); else this.clearMessage();
  }

  private sync(): void {
    this.settings.syncControls(this.root);
  }

  private setSource(source: 'test' | 'draw'): void {
    this.source = source;
    (this.root.querySelector('.test-only') as HTMLElement).hidden = source !== 'test';
    this.$('input').hidden = source !== 'test';
    this.$('pad-slot').hidden = source !== 'draw';
    if (source === 'test') this.settings.setMessage('drawing', null);
    this.schedule();
  }

  protected async load(): Promise<Heavy> {
    const [engine, nets, views, diverging, { DetailView }, { StrokePad, STROKE_PAD_CSS }, { GRID28_RASTER }, { MODELS_BASE, DATA_BASE }] = await Promise.all([
      getEngine(), importAgain(() => import('@lib/nets/explorer.ts')), importAgain(() => import('./side-views.ts')), importAgain(() => import('@lib/charts/diverging.ts')), importAgain(() => import('./detail-view.ts')), importAgain(() => import('@lib/widget/stroke-pad/stroke-pad.ts')), importAgain(() => import('@lib/stroke-pad/image.ts')), importAgain(() => import('@lib/widget/assets.ts')),
    ]);
    const detail = new DetailView(this.$('detail'), (y, x) => this.pick(null, null, y, x));
    detail.lang = this.language;
    const pad = new StrokePad({ raster: GRID28_RASTER, look: 'mnist', width: '11rem', label: msg('networkExplorer.padLabel'), lang: this.language, onChange: () => this.source === 'draw' && this.schedule() });
    this.$('pad-slot').append(pad.el);
    this.pad = pad;
    adoptStyles(this.root, css + STROKE_PAD_CSS); // the pad's look arrives with its code
    const session = new nets.ExplorerSession(MODELS_BASE, DATA_BASE);
    return { engine, nets, session, views, diverging, detail, pad };
  }

  /** The open model lives on one backend: the scope releases it (the session reopens it on the next one). */
  protected async acquire(heavy: Heavy, scope: EngineScope): Promise<void> {
    heavy.session.dispose();
    this.own(scope, { dispose: () => heavy.session.dispose() });
  }

  protected teardown(): void {
    super.teardown();
    this.heavy?.session.dispose();
    this.heavy = null;
    this.built = null;
  }

  protected async compute(): Promise<void> {
    const gen = ++this.gen;
    const h = this.heavy;
    if (!h) return;
    this.setStatus('running');
    try {
      let m: ExplorerModel;
      try {
        m = await h.session.useModel(h.engine.tf, this.s.model);
        this.settings.setMessage('load', null);
      } catch (err) {
        if (gen !== this.gen) return;
        this.settings.setMessage('load', err instanceof ParamError ? err.said : msg('networkExplorer.loadFailed', { model: this.s.model, error: describeError(err) }));
        // A model that did not arrive (the network) may arrive on a second try: say so, rather than show the old one.
        if (!(err instanceof ParamError)) { this.fail(); return this.offerRetry(() => this.recompute()); }
        if (!h.session.model) return this.fail();
        m = h.session.model;
      }
      if (gen !== this.gen) return;
      // The page gets the main thread back between the pieces of work (each a task of its own: docs in slices.ts).
      if (this.built !== m) { await yieldToPage(); if (gen !== this.gen) return; this.build(h, m); }
      let pixels: Uint8Array, label: number | null = null, image: number | null = null;
      if (this.source === 'draw') {
        if (h.pad.blank) {
          this.settings.setMessage('drawing', msg(m.spec.dataset === 'digits' ? 'networkExplorer.emptyDigits' : 'networkExplorer.emptyClothing'));
          this.showErrors();
          this.setStatus(this.last ? 'ready' : 'idle');
          return;
        }
        this.settings.setMessage('drawing', null);
        // Like MNIST and Fashion-MNIST: the ink scaled into a 20-pixel box and centred by mass in 28×28.
        pixels = h.pad.mnist() ?? new Uint8Array(28 * 28);
      } else {
        image = this.s.image;
        try { h.nets.checkImageIndex(m.testSet, m.name, image); this.settings.setMessage('image-range', null); } catch (e) {
          this.settings.setMessage('image-range', e instanceof ParamError ? e.said : (e as Error).message);
          image = this.validImage < m.testSet.count ? this.validImage : 0;
        }
        const img = await h.session.testImage(image);
        if (gen !== this.gen) return;
        ({ pixels, label } = img);
        this.validImage = image;
      }
      // A model's first pass compiles each GPU program as it first runs (seconds on a software GPU): its first
      // block runs, is read and drawn first (the widget's first picture), then the rest runs.
      const first = this.last?.model !== m;
      let firstPaint: Promise<void> | null = null;
      const fwd = await h.session.run(h.engine.tf, pixels, first ? (part) => {
        if (gen !== this.gen) return;
        h.views.paintInput(this.$('input') as HTMLCanvasElement, pixels);
        firstPaint = runSliced(this.maps.paintSteps(part, h.diverging.divergingScale)).then(() => { if (gen === this.gen) this.markPicture(); });
      } : undefined);
      await firstPaint;
      await yieldToPage();
      if (gen !== this.gen) return;
      this.last = { fwd, pixels, label, image, model: m };
      const predicted = await this.draw(h);
      if (gen !== this.gen) return;
      this.showErrors();
      this.emitResult({ backend: fwd.backend, ms: fwd.ms, model: m.name, source: this.source, image, label, predicted, probabilities: Array.from(fwd.layers.at(-1)!.data), fallbackReason: h.engine.fallbackReason ?? null });
    } catch (err) {
      if (gen !== this.gen) return;
      this.settings.setMessage('run', msg('networkExplorer.runFailed', { error: describeError(err) }));
      this.fail();
      this.settings.setMessage('run', null);
      this.offerRetry(() => this.recompute());
    }
  }

  private fail(): void {
    this.setStatus('error');
    this.showErrors();
  }

  /** Per model: the map canvases, the layer list, the table and the first layer's filters. */
  private build(h: Heavy, m: ExplorerModel): void {
    this.maps.build(m.layers, m.table.rows);
    h.views.renderModel(this.root, m, this.language);
    this.built = m;
    this.sync();
  }

  /** Draws one result (its maps painted in slices); returns the predicted class. */
  private async draw(h: Heavy): Promise<number> {
    const last = this.last!;
    const predicted = h.views.renderForward(this.root, last, this.language);
    await yieldToPage();
    await runSliced(this.maps.paintSteps(last.fwd.layers, h.diverging.divergingScale));
    await yieldToPage();
    if (this.last === last) this.renderSelection();
    return predicted;
  }

  /** A click on a map (index, map given) or a pixel move in the enlarged map (nulls: same map). */
  private pick(index: number | null, map: number | null, y: number, x: number): void {
    const h = this.heavy, m = this.last?.model;
    if (!h || !m) return;
    const [hh, ww] = m.table.rows[index ?? m.layers.findIndex((l) => l.name === this.sel.layer)]!.outShape as [number, number];
    this.pixel = h.nets.pixelFraction(y, x, hh, ww);
    if (index === null || map === null) return this.renderSelection();
    this.setAttribute('layer', m.layers[index]!.name);
    this.setAttribute('map', String(map + 1));
  }

  private renderSelection(): void {
    const h = this.heavy, last = this.last;
    if (!h || !last) return;
    const r = h.nets.resolveSelection(last.model.layers, last.model.table.rows, last.fwd.layers, { layer: this.s.layer, map: this.s.map }, this.sel, this.pixel);
    this.sel = r.choice;
    if (r.error) this.settings.setMessage(`${r.error.param}-choice`, r.error.said);
    this.showErrors();
    const shown = h.detail.showSelection(last.model, last.fwd, r);
    this.maps.select(r.index, r.map)?.after(this.$('detail'));
    const mapInput = this.root.querySelector<HTMLInputElement>('input[data-attr="map"]')!;
    mapInput.max = String(shown.channels);
    mapInput.value = String(r.choice.map);
    this.root.querySelector<HTMLSelectElement>('select[data-attr="layer"]')!.value = r.choice.layer;
  }
}

// The reflected properties' types, merged into the class (they are defined by `reflect` above).
export interface NetworkExplorerElement extends Reflected<typeof SPEC> {}
define('fm-network-explorer', NetworkExplorerElement);
declare global { interface HTMLElementTagNameMap { 'fm-network-explorer': NetworkExplorerElement } }
