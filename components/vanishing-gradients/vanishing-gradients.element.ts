/**
 * @summary `<fm-vanishing-gradients>`: a deep fully connected network, plain or residual (src/lib/nets/plain-net.ts),
 * whose per-layer gradient norms ‖∂L/∂W_l‖ are computed by real backprop (the chain rule in tfjs ops) on the engine's
 * backend, plotted on a log scale, with the first/last ratio in the caption. A residual network is drawn over
 * the plain network with the same weights (dashed), so the skip's effect shows at a glance.
 * Contract: README.md beside this file.
 *
 * @attr depth 1–50 · @attr width 4–128 · @attr activation sigmoid|tanh|relu · @attr init naive|glorot|he
 * @attr seed integer · @attr architecture plain|residual (default: plain) · @attr layer the read-out layer, 1…depth (default: 1)
 * @event fm-result `{ backend, ms, depth, width, activation, init, seed, architecture, loss, gradNorms, ratio,
 *   plainGradNorms, plainRatio, layer, fallbackReason }` (plainGradNorms/plainRatio: null for a plain network)
 * @event fm-error `{ message }`; the widget keeps the last valid network and keeps working
 */
import '@lib/engine/global.ts';
import '@components/device-badge/device-badge.element.ts';
import { define, describeError } from '@lib/widget/fm-element.ts';
import { saySentences, formatNumber, msg, t, type MessageKey, type Msg } from '@lib/i18n/index.ts';
import { EngineElement } from '@lib/widget/engine-element.ts';
import { getEngine, type Engine } from '@lib/engine/index.ts';
import { ParamError } from '@lib/params/index.ts';
import { runSliced } from '@lib/schedule/slices.ts';
import { ARCHITECTURES, INITS, MAX_DEPTH, MAX_WIDTH, MIN_DEPTH, MIN_WIDTH, NET_ACTIVATIONS, netDataSliced, parseLayer } from '@lib/nets/plain-net.ts';
import { gradientCaption } from './gradient-caption.ts';
import { DEFAULT_NET, NET_ATTRS, withNetAttribute, type NetAttr, type NetSpec } from './net-settings.ts';
import css from './vanishing-gradients.css?inline';
import { SPEC } from './attributes.ts';
import { attributeNames, reflect, type Reflected } from '@lib/widget/attribute-spec.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import type { VanishingGradientsResult } from './result.ts';
import { importAgain } from '@lib/widget/import-again.ts';

type Heavy = { engine: Engine; lib: typeof import('@lib/nets/tf-grad-norms.ts'); chart: import('./gradient-chart.ts').GradientChart };
/** Options whose label is the value itself (activations), or a catalogue text (`key` + value) said by sayShell. */
const opts = (values: readonly string[], key?: string) => values.map((v) => `<option value="${v}"${key ? ` data-i18n="${key}.${v}">` : `>${v}`}</option>`).join('');

const SHELL = `
<div class="controls">
  <label><span data-i18n="vanishingGradients.depth"></span> <input type="number" data-attr="depth" min="${MIN_DEPTH}" max="${MAX_DEPTH}" step="1"></label>
  <label><span data-i18n="vanishingGradients.width"></span> <input type="number" data-attr="width" min="${MIN_WIDTH}" max="${MAX_WIDTH}" step="1"></label>
  <label><span data-i18n="vanishingGradients.activation"></span> <select data-attr="activation">${opts(NET_ACTIVATIONS)}</select></label>
  <label><span data-i18n="vanishingGradients.init"></span> <select data-attr="init">${opts(INITS, 'vanishingGradients.init')}</select></label>
  <label><span data-i18n="vanishingGradients.seed"></span> <input type="number" data-attr="seed" min="0" step="1"></label>
  <label><span data-i18n="vanishingGradients.architecture"></span> <select data-attr="architecture">${opts(ARCHITECTURES, 'vanishingGradients.architecture')}</select></label>
  <label><span data-i18n="vanishingGradients.layer"></span> <input type="number" data-attr="layer" min="1" step="1"></label>
</div>
<div data-role="chart" role="img"></div>
<ul class="legend" data-role="legend" hidden>
  <li><svg aria-hidden="true" viewBox="0 0 30 10"><line class="swatch-series" x1="0" y1="5" x2="30" y2="5"/><circle class="swatch-series" cx="15" cy="5" r="3"/></svg><span data-i18n="vanishingGradients.legend.residual"></span></li>
  <li><svg aria-hidden="true" viewBox="0 0 30 10"><line class="swatch-comparison" x1="0" y1="5" x2="30" y2="5"/><circle class="swatch-comparison" cx="15" cy="5" r="3"/></svg><span data-i18n="vanishingGradients.legend.plain"></span></li>
</ul>
<p class="summary" data-role="summary" aria-live="polite"></p>
<p data-role="message" role="alert" hidden></p>
<p class="engine"><fm-device-badge></fm-device-badge> <span data-role="timing">&nbsp;</span></p>`;

export class VanishingGradientsElement extends EngineElement<Heavy, VanishingGradientsResult> {
  protected debounceMs = 60;
  static observedAttributes = attributeNames(SPEC);
  private spec: NetSpec = DEFAULT_NET;
  // depth, width, activation, init, seed, architecture: reflected from SPEC (the settings in force; setting one sets the attribute).
  static { reflect(this, SPEC, (el) => el.spec, ['layer']); }
  private sel = 1;
  private norms: Float32Array | null = null;
  /** The plain network's norms on the same weights; null when the network in force is plain. */
  private plainNorms: Float32Array | null = null;
  /** The settings the shown norms were computed with (the caption names them, not newer pending ones). */
  private shown: NetSpec = DEFAULT_NET;
  private errors = new Map<string, string | Msg>();
  /** The last run's times (ms; the plain comparison's too, for a residual network), said again in another language. */
  private timing: { ms: number; plainMs: number | null } | null = null;

  get layer(): number { return this.sel; }
  set layer(v: number) { this.setAttribute('layer', String(v)); }
  /** ‖∂L/∂W_l‖ for l = 1…depth from the last run on the engine (float32). */
  async getGradientNorms(): Promise<{ data: Float32Array; shape: number[] }> {
    await this.ready;
    return { data: new Float32Array(this.norms!), shape: [this.norms!.length] };
  }
  /** The plain network's ‖∂L/∂W_l‖ on the same weights (for a plain network, the same as getGradientNorms). */
  async getPlainGradientNorms(): Promise<{ data: Float32Array; shape: number[] }> {
    await this.ready;
    const n = this.plainNorms ?? this.norms!;
    return { data: new Float32Array(n), shape: [n.length] };
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (!this.isConnected || !this.root.firstChild) return;
    this.apply(name, value);
    if (name === 'layer') this.draw(); else this.schedule();
  }

  protected render(): void {
    this.root.innerHTML = SHELL;
    adoptStyles(this.root, css);
    this.sayShell();
    this.root.querySelector('[data-role="summary"]')!.textContent = this.t('vanishingGradients.waiting');
    for (const c of this.root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-attr]')) {
      c.addEventListener('change', () => this.setAttribute(c.dataset.attr!, c.value));
    }
    for (const n of NET_ATTRS) if (this.hasAttribute(n)) this.apply(n, this.getAttribute(n));
    this.apply('layer', this.getAttribute('layer'));
    // The legend belongs to a residual network from the start (the settings say so before any run).
    this.root.querySelector<HTMLElement>('[data-role="legend"]')!.hidden = this.spec.architecture !== 'residual';
  }

  /** Applies one attribute; a refused value leaves the last good one in force and is named in the message. */
  private apply(name: string, raw: string | null): void {
    try {
      if (name === 'layer') this.sel = raw === null ? 1 : parseLayer(raw, this.spec.depth);
      else this.spec = withNetAttribute(this.spec, name as NetAttr, raw);
      this.errors.delete(name);
      // A shallower network may leave the read-out layer out of range: keep the reader's place, clamped.
      if (name === 'depth' && this.sel > this.spec.depth) this.sel = this.spec.depth;
      if (name === 'depth' && this.hasAttribute('layer') && this.errors.has('layer')) this.apply('layer', this.getAttribute('layer'));
    } catch (e) {
      if (!(e instanceof ParamError)) throw e;
      this.errors.set(name, e.said);
    }
    this.showErrors();
    this.sync();
  }

  private showErrors(): void {
    const text = this.errorText();
    if (text) this.emitError(text); else this.clearMessage();
  }

  private errorText(): string {
    return saySentences(this.language, [...this.errors.values()]);
  }

  /** The shell's fixed texts (labels, options, legend, the chart's name until a caption replaces it) in the element's language. */
  private sayShell(): void {
    for (const e of this.root.querySelectorAll<HTMLElement>('[data-i18n]')) e.textContent = this.t(e.dataset.i18n as MessageKey);
    if (!this.norms) this.root.querySelector('[data-role="chart"]')!.setAttribute('aria-label', this.t('vanishingGradients.chart'));
  }

  /** Every text again in the new language, from the norms on screen: nothing is computed again. */
  protected onLangChange(): void {
    this.sayShell();
    this.sync();
    if (this.errors.size && this.status !== 'error') this.showMessage(this.errorText(), 'error');
    this.heavy?.chart.sayLabels(this.language);
    if (this.norms) this.draw(false);
    else this.root.querySelector('[data-role="summary"]')!.textContent = this.t('vanishingGradients.waiting');
    this.sayTiming();
  }

  private sayTiming(): void {
    if (!this.timing) return;
    const lang = this.language, ms = (v: number) => formatNumber(lang, v, { maximumFractionDigits: 0, useGrouping: false });
    const { ms: m, plainMs } = this.timing;
    this.root.querySelector('[data-role="timing"]')!.textContent = plainMs !== null
      ? t(lang, 'vanishingGradients.timingBoth', { ms: ms(m), plainMs: ms(plainMs) })
      : t(lang, 'vanishingGradients.timing', { ms: ms(m) });
  }

  private sync(): void {
    for (const c of this.root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-attr]')) {
      const a = c.dataset.attr!;
      c.value = a === 'layer' ? String(this.sel) : String(this.spec[a as NetAttr]);
      if (a === 'layer') c.setAttribute('max', String(this.spec.depth));
    }
    // Room for the caption the run will write for these settings (typical norms stand in for the real ones).
    const norms = Array.from({ length: this.spec.depth }, (_, i) => (i === 0 ? 0.0123 : 1.23e-5));
    const plain = this.spec.architecture === 'residual' ? norms : null;
    this.root.querySelector<HTMLElement>('[data-role="summary"]')!.dataset.reserve = gradientCaption({ spec: this.spec, norms, plain, layer: Math.min(this.sel, this.spec.depth) }, this.language);
  }

  protected async load(): Promise<Heavy> {
    const [engine, lib, { GradientChart }] = await Promise.all([getEngine(), importAgain(() => import('@lib/nets/tf-grad-norms.ts')), importAgain(() => import('./gradient-chart.ts'))]);
    const chart = new GradientChart(this.language);
    this.root.querySelector('[data-role="chart"]')!.replaceChildren(chart.el);
    return { engine, lib, chart };
  }

  protected async compute(): Promise<void> {
    const gen = ++this.gen;
    const heavy = this.heavy;
    if (!heavy) return;
    const spec = { ...this.spec };
    this.setStatus('running');
    let r: Awaited<ReturnType<Heavy['lib']['engineGradNorms']>>;
    let plain: typeof r | null = null;
    try {
      const data = await runSliced(netDataSliced(spec));
      r = await heavy.lib.engineGradNorms(heavy.engine.tf, spec, data);
      // The comparison: the same weights without the skip. Its time is not added to the read-out's.
      if (spec.architecture === 'residual' && gen === this.gen) plain = await heavy.lib.engineGradNorms(heavy.engine.tf, { ...spec, architecture: 'plain' }, data);
    } catch (err) {
      if (gen === this.gen) { this.setStatus('error'); this.emitError(msg('vanishingGradients.failed', { error: describeError(err) })); }
      return;
    }
    if (gen !== this.gen) return;
    this.norms = r.gradNorms;
    this.plainNorms = plain?.gradNorms ?? null;
    this.shown = spec;
    this.draw();
    this.timing = { ms: r.ms, plainMs: plain ? plain.ms : null };
    this.sayTiming();
    const g = Array.from(r.gradNorms);
    const p = plain ? Array.from(plain.gradNorms) : null;
    this.emitResult({
      backend: r.backend, ms: r.ms, ...spec, loss: r.loss, gradNorms: g, ratio: g[0]! / g[g.length - 1]!,
      plainGradNorms: p, plainRatio: p ? p[0]! / p[p.length - 1]! : null, layer: this.sel,
      fallbackReason: heavy.engine.fallbackReason ?? null,
    });
  }

  /** Chart and caption from the last norms; non-finite or zero norms are explained, never plotted. */
  private draw(plot = true): void {
    if (!this.norms || !this.heavy) return;
    const layer = Math.min(this.sel, this.norms.length);
    if (plot) this.heavy.chart.draw(this.norms, layer, this.plainNorms);
    this.heavy.chart.sayLabels(this.language); // the language may have changed while the chart was loading
    this.root.querySelector<HTMLElement>('[data-role="legend"]')!.hidden = !this.plainNorms;
    const text = gradientCaption({ spec: this.shown, norms: this.norms, plain: this.plainNorms, layer }, this.language);
    this.root.querySelector('[data-role="summary"]')!.textContent = text;
    this.root.querySelector('[data-role="chart"]')!.setAttribute('aria-label', text);
  }
}

// The reflected properties' types, merged into the class (they are defined by `reflect` above).
export interface VanishingGradientsElement extends Reflected<typeof SPEC> {}
define('fm-vanishing-gradients', VanishingGradientsElement);
declare global { interface HTMLElementTagNameMap { 'fm-vanishing-gradients': VanishingGradientsElement } }
