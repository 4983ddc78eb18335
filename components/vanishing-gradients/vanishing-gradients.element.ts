/**
 * @summary `<fm-vanishing-gradients>`: a deep plain fully connected network (src/lib/nets/plain-net.ts) whose
 * per-layer gradient norms ‖∂L/∂W_l‖ are computed by real backprop (tf.valueAndGrads) on the engine's backend,
 * plotted on a log scale, with the first/last ratio in the caption. Contract: README.md beside this file.
 *
 * @attr depth 1–50 · @attr width 4–128 · @attr activation sigmoid|tanh|relu · @attr init naive|glorot|he
 * @attr seed integer · @attr layer the read-out layer, 1…depth (default: 1)
 * @event fm-result `{ backend, ms, depth, width, activation, init, seed, loss, gradNorms, ratio, layer, fallbackReason }`
 * @event fm-error `{ message }`; the widget keeps the last valid network and keeps working
 */
import '@lib/engine/global.ts';
import '@components/device-badge/device-badge.element.ts';
import { define } from '@lib/widget/fm-element.ts';
import { EngineElement } from '@lib/widget/engine-element.ts';
import { getEngine, type Engine } from '@lib/engine/index.ts';
import { ParamError } from '@lib/params/index.ts';
import { formatValue } from '@lib/charts/format.ts';
import { INITS, INIT_LABELS, MAX_DEPTH, MAX_WIDTH, MIN_DEPTH, MIN_WIDTH, NET_ACTIVATIONS, netData, parseLayer } from '@lib/nets/plain-net.ts';
import { DEFAULT_NET, NET_ATTRS, withNetAttribute, type NetAttr, type NetSpec } from './net-settings.ts';
import css from './vanishing-gradients.css?inline';

type Heavy = { engine: Engine; lib: typeof import('@lib/nets/tf-grad-norms.ts'); chart: import('./gradient-chart.ts').GradientChart };
const opts = (values: readonly string[], label: (v: string) => string = (v) => v) => values.map((v) => `<option value="${v}">${label(v)}</option>`).join('');

const SHELL = `
<div class="controls">
  <label>Depth (layers) <input type="number" data-attr="depth" min="${MIN_DEPTH}" max="${MAX_DEPTH}" step="1"></label>
  <label>Width (units) <input type="number" data-attr="width" min="${MIN_WIDTH}" max="${MAX_WIDTH}" step="1"></label>
  <label>Activation <select data-attr="activation">${opts(NET_ACTIVATIONS)}</select></label>
  <label>Initialisation <select data-attr="init">${opts(INITS, (v) => INIT_LABELS[v as 'he'])}</select></label>
  <label>Seed <input type="number" data-attr="seed" min="0" step="1"></label>
  <label>Read-out layer <input type="number" data-attr="layer" min="1" step="1"></label>
</div>
<div data-role="chart" role="img" aria-label="Gradient norm per layer, log scale"></div>
<p class="summary" data-role="summary" aria-live="polite">Waiting to compute…</p>
<p data-role="message" role="alert" hidden></p>
<p class="engine"><span data-role="timing"></span> <fm-device-badge></fm-device-badge></p>`;

export class VanishingGradientsElement extends EngineElement<Heavy> {
  protected debounceMs = 60;
  static observedAttributes = [...NET_ATTRS, 'layer'];
  private spec: NetSpec = DEFAULT_NET;
  private sel = 1;
  private norms: Float32Array | null = null;
  private errors = new Map<string, string>();

  get depth(): number { return this.spec.depth; }
  set depth(v: number) { this.setAttribute('depth', String(v)); }
  get width(): number { return this.spec.width; }
  set width(v: number) { this.setAttribute('width', String(v)); }
  get activation(): string { return this.spec.activation; }
  set activation(v: string) { this.setAttribute('activation', v); }
  get init(): string { return this.spec.init; }
  set init(v: string) { this.setAttribute('init', v); }
  get seed(): number { return this.spec.seed; }
  set seed(v: number) { this.setAttribute('seed', String(v)); }
  get layer(): number { return this.sel; }
  set layer(v: number) { this.setAttribute('layer', String(v)); }
  /** ‖∂L/∂W_l‖ for l = 1…depth from the last run on the engine (float32). */
  async getGradientNorms(): Promise<{ data: Float32Array; shape: number[] }> {
    await this.ready;
    return { data: new Float32Array(this.norms!), shape: [this.norms!.length] };
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (!this.isConnected || !this.root.firstChild) return;
    this.apply(name, value);
    if (name === 'layer') this.draw(); else this.schedule();
  }

  protected render(): void {
    this.root.innerHTML = `<style>${css}</style>${SHELL}`;
    for (const c of this.root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-attr]')) {
      c.addEventListener('change', () => this.setAttribute(c.dataset.attr!, c.value));
    }
    for (const n of NET_ATTRS) if (this.hasAttribute(n)) this.apply(n, this.getAttribute(n));
    this.apply('layer', this.getAttribute('layer'));
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
      this.errors.set(name, e.message);
    }
    this.showErrors();
    this.sync();
  }

  private showErrors(): void {
    const text = [...this.errors.values()].join(' ');
    if (text) this.emitError(text); else this.clearMessage();
  }

  private sync(): void {
    for (const c of this.root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-attr]')) {
      const a = c.dataset.attr!;
      c.value = a === 'layer' ? String(this.sel) : String(this.spec[a as NetAttr]);
      if (a === 'layer') c.setAttribute('max', String(this.spec.depth));
    }
  }

  protected async load(): Promise<Heavy> {
    const [engine, lib, { GradientChart }] = await Promise.all([getEngine(), import('@lib/nets/tf-grad-norms.ts'), import('./gradient-chart.ts')]);
    const chart = new GradientChart();
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
    try {
      r = await heavy.lib.engineGradNorms(heavy.engine.tf, spec, netData(spec));
    } catch (err) {
      if (gen === this.gen) { this.setStatus('error'); this.emitError(`Backprop failed: ${(err as Error).message}`); }
      return;
    }
    if (gen !== this.gen) return;
    this.norms = r.gradNorms;
    this.draw();
    this.root.querySelector('[data-role="timing"]')!.textContent = `Forward and backward pass in ${r.ms.toFixed(0)} ms.`;
    const g = Array.from(r.gradNorms);
    this.emitResult({
      backend: r.backend, ms: r.ms, ...spec, loss: r.loss, gradNorms: g, ratio: g[0]! / g[g.length - 1]!, layer: this.sel,
      fallbackReason: heavy.engine.fallbackReason ?? null,
    });
  }

  /** Chart and caption from the last norms; non-finite or zero norms are explained, never plotted. */
  private draw(): void {
    if (!this.norms || !this.heavy) return;
    const n = this.norms;
    const layer = Math.min(this.sel, n.length);
    this.heavy.chart.draw(n, layer);
    const bad = Array.from(n).flatMap((v, i) => (Number.isFinite(v) ? [] : [i + 1]));
    const zero = Array.from(n).flatMap((v, i) => (v === 0 ? [i + 1] : []));
    const { activation, init, depth } = this.spec;
    const first = n[0]!, last = n[n.length - 1]!;
    let text = `${activation}, ${INIT_LABELS[init]} initialisation, ${n.length} layers: ‖∂L/∂W‖ is ${formatValue(first)} at layer 1 and ${formatValue(last)} at layer ${n.length}`;
    if (Number.isFinite(first) && Number.isFinite(last) && last > 0 && first > 0) text += `, a ratio first/last of ${formatValue(first / last)}`;
    text += `. Layer ${layer}: ${formatValue(n[layer - 1]!)}.`;
    if (bad.length) text = `The numbers overflowed float32 (larger than about 3.4e38) in ${bad.length} of ${depth} layers: exploding activations and gradients. Only finite norms are plotted; try Glorot or He initialisation or fewer layers.`;
    else if (zero.length) text += ` ${zero.length} layer${zero.length > 1 ? 's have' : ' has'} a gradient of exactly 0 (it underflowed float32 or no unit was active): not plotted on the log scale.`;
    this.root.querySelector('[data-role="summary"]')!.textContent = text;
    this.root.querySelector('[data-role="chart"]')!.setAttribute('aria-label', text);
  }
}

define('fm-vanishing-gradients', VanishingGradientsElement);
