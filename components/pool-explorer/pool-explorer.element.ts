/**
 * @summary `<fm-pool-explorer>`: a real feature map — a sample photo (shrunk to 64 pixels) or the reader's
 * 16×16 drawing, convolved with an edge kernel and optionally passed through ReLU — pooled live on the engine
 * (tfjs maxPool / avgPool, or tf.mean for global average pooling). The reader picks a pooled cell (click or
 * arrow keys); its window is outlined on the feature map, its values listed, and the max's winner marked.
 * Contract: README.md beside this file.
 *
 * @attr image chelsea|astronaut|camera|coins|brick|draw · @attr kernel sobel-x|sobel-y|laplacian|identity
 * @attr relu on|off · @attr mode max|avg|global · @attr size 1–8 · @attr stride 1–8
 * @attr cell "row,column" of the pooled cell shown, from 1 (default: the strongest output); reflected
 * @event fm-result `{ backend, ms, image, kernel, relu, mode, size, stride, mapShape, outShape, cell, value, window, fallbackReason }`
 * @event fm-error `{ message }`; the widget keeps the last valid set-up
 */
import '@lib/engine/global.ts';
import '@components/device-badge/device-badge.element.ts';
import { define, describeError } from '@lib/widget/fm-element.ts';
import { sentenceGap, msg, say, type Msg } from '@lib/i18n/index.ts';
import { EngineElement } from '@lib/widget/engine-element.ts';
import { getEngine, type Engine } from '@lib/engine/index.ts';
import { keywordText, ParamError } from '@lib/params/index.ts';
import { AttributeSettings } from '@lib/widget/attribute-settings.ts';
import { formatValue, extentOf, symmetricExtent } from '@lib/charts/diverging.ts';
import type { PlainTensor } from '@lib/conv/tensor.ts';
import { poolOutput } from '@lib/pool/geometry.ts';
import { globalWindow, poolWindow, type PoolWindow } from '@lib/pool/window.ts';
import { drawingTensor, isEmptyDrawing } from '@lib/pool/drawing.ts';
import { SAMPLES } from '@components/conv-playground/settings.ts';
import { attrText, kernelTensor, POOL_ATTRS, POOL_DEFAULTS, POOL_PARSE, type PoolAttr, type PoolSettings } from './pool-settings.ts';
import type { Sliced } from '@lib/schedule/slices.ts';
import { fillWindowTable, holdLayout, mapCaptions, paintMap, placeBox, rampCss, sayShell, SHELL, strongest, summaryWords, windowWords } from './pool-view.ts';
import { DrawGrid } from './draw-grid.ts';
import { loadSmallSample } from './small-sample.ts';
import { arrowTarget, cellAt } from '@lib/charts/grid-cursor.ts';
import css from './pool-explorer.css?inline';
import { SPEC } from './attributes.ts';
import { attributeNames, reflect, type Reflected } from '@lib/widget/attribute-spec.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import type { PoolExplorerResult } from './result.ts';
import { importAgain } from '@lib/widget/import-again.ts';

type Heavy = { engine: Engine; lib: typeof import('@lib/pool/tf-pool.ts') };
type Last = { s: PoolSettings; input: PlainTensor; kernel: PlainTensor; featureMap: PlainTensor; output: PlainTensor; ms: number; backend: string };
const copy = (t: PlainTensor) => ({ data: new Float32Array(t.data), shape: [...t.shape] });
const dims = (t: PlainTensor) => [t.shape[1]!, t.shape[2]!] as const;

export class PoolExplorerElement extends EngineElement<Heavy, PoolExplorerResult> {
  static observedAttributes = attributeNames(SPEC);
  /** The settings in force, and every error shown: the attributes' and the pooling's. */
  private settings = new AttributeSettings<PoolSettings, PoolAttr>(POOL_DEFAULTS, POOL_PARSE);
  private get s(): PoolSettings { return this.settings.values; }
  // image, kernel, relu, mode, size, stride: reflected from SPEC (the settings in force; setting one sets the attribute).
  static { reflect(this, SPEC, (el) => el.s, ['cell']); }
  private last: Last | null = null;
  /** The note on the message line beside any refusal (an empty drawing), kept to say in any language. */
  private info: Msg | '' = '';
  /** The chosen cell and its window as last shown, kept so that a change of language says them again. */
  private cellShown: { r: number; c: number; value: number; win: PoolWindow } | null = null;
  private grid: DrawGrid | null = null;
  private shown: [number, number] = [0, 0];
  /** Set while the element writes `cell` itself, so the write does not redraw twice. */
  private reflecting = false;
  /** Set when the reader changes the pool: a cell that no longer exists is then clamped silently. */
  private clampCell = false;

  /** The pooled cell shown, 0-based [row, col]. */
  get cell(): [number, number] { return [...this.shown]; }
  set cell(v: [number, number]) { this.setAttribute('cell', `${v[0] + 1},${v[1] + 1}`); }
  /** Input [1, h, w, 1] in [0, 1]; kernel [3, 3, 1, 1]; feature map [1, h, w, 1] (after ReLU if on); pooled [1, oh, ow, 1]. */
  async getInput() { await this.ready; return copy(this.last!.input); }
  async getKernel() { await this.ready; return copy(this.last!.kernel); }
  async getFeatureMap() { await this.ready; return copy(this.last!.featureMap); }
  async getOutput() { await this.ready; return copy(this.last!.output); }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    // Until the shell's last part, which reads every attribute.
    if (!this.shellDrawn) return;
    this.apply(name as PoolAttr, value);
    if (name !== 'cell') this.schedule();
    else if (this.last && !this.reflecting) this.showCell();
  }

  /** Whether render() has run to its end (the shell is drawn in three parts: FmElement, drawn in idle time). */
  private shellDrawn = false;

  protected *render(): Sliced<void> {
    this.shellDrawn = false;
    this.root.innerHTML = SHELL;
    this.grid = null; // went with the old shell; made again when the drawing is shown (sync)
    adoptStyles(this.root, css);
    sayShell(this.root, this.language);
    this.$('out').setAttribute('aria-valuetext', this.t('poolExplorer.notComputed'));
    this.$('ramp').style.background = rampCss();
    for (const c of this.root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-attr]')) {
      c.addEventListener('change', () => {
        const v = c instanceof HTMLInputElement && c.type === 'checkbox' ? (c.checked ? 'on' : 'off') : c.value;
        // A new picture starts at its strongest cell; a new pool keeps the reader's place where it can.
        if (c.dataset.attr === 'image') this.reflectCell(null);
        this.clampCell = ['size', 'stride', 'mode'].includes(c.dataset.attr!);
        this.setAttribute(c.dataset.attr!, v);
      });
    }
    yield;
    // Where the drawing is asked for, its grid is made in this part, not with the attributes in the last one (a
    // shell drawn in idle time keeps each part short); sync() makes it wherever the drawing is shown.
    if (keywordText(this.getAttribute('image') ?? '') === 'draw') this.drawGrid();
    const out = this.$('out');
    out.addEventListener('keydown', (e) => this.key(e));
    out.addEventListener('click', (e) => {
      if (!this.last) return;
      const [oh, ow] = dims(this.last.output);
      const r = out.getBoundingClientRect();
      this.pick(...cellAt(e.clientX - r.left, e.clientY - r.top, r.width, r.height, oh, ow));
    });
    yield;
    // Every attribute, then the controls and the layout once (each apply() did both: five layouts per shell).
    for (const n of POOL_ATTRS) if (this.hasAttribute(n)) this.apply(n, this.getAttribute(n), false);
    this.sync();
    this.shellDrawn = true;
  }

  private $<T extends HTMLElement = HTMLElement>(role: string): T {
    return this.root.querySelector<T>(`[data-role="${role}"]`)!;
  }

  private apply(name: PoolAttr, raw: string | null, sync = true): void {
    // An unreadable cell: show the strongest.
    if (!this.settings.apply(name, raw) && name === 'cell') this.settings.values = { ...this.s, cell: null };
    this.updateMessage();
    if (sync) this.sync();
  }

  /** Shows the refusals in force and the note; `report` false (a change of language) only says them again. */
  private updateMessage(report = true): void {
    const lang = this.language;
    const errors = this.settings.messageIn(lang);
    const info = this.info ? say(lang, this.info) : '';
    const text = [errors, info].filter(Boolean).join(sentenceGap(lang));
    if (errors && report) this.emitError(text);
    else if (errors) this.showMessage(text, 'error');
    else if (report || this.info) this.showMessage(this.info, 'info');
  }

  /** Every text again in the new language, from the last result kept as data: nothing is recomputed or reported. */
  protected override onLangChange(): void {
    sayShell(this.root, this.language);
    this.grid?.say(this.language);
    const line = this.root.querySelector<HTMLElement>('[data-role="message"]')!;
    if (!line.hidden && (this.info || this.settings.message)) this.updateMessage(false);
    holdLayout(this.root, this.s, !this.last, this.language);
    if (this.last) this.sayMaps();
    if (this.last && this.cellShown) this.sayCell();
    else this.$('out').setAttribute('aria-valuetext', this.t('poolExplorer.notComputed'));
  }

  private sync(): void {
    for (const c of this.root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-attr]')) {
      if (c instanceof HTMLInputElement && c.type === 'checkbox') c.checked = this.s.relu;
      else c.value = attrText(this.s, c.dataset.attr as PoolAttr);
    }
    const pooled = this.s.mode !== 'global';
    for (const n of ['size', 'stride']) this.root.querySelector<HTMLInputElement>(`[data-attr="${n}"]`)!.disabled = !pooled;
    if (this.s.image === 'draw') this.drawGrid();
    this.$('draw').hidden = this.s.image !== 'draw';
    holdLayout(this.root, this.s, !this.last, this.language);
  }

  /**
   * The reader's drawing grid, made when the drawing is first the input: its 256 labelled cells were 8-9 ms of the
   * 15-16 ms shell an embed page draws before its first paint, for a grid most pages never show.
   */
  private drawGrid(): DrawGrid {
    if (!this.grid) {
      this.grid = new DrawGrid(() => this.schedule(), (off) => this.onDisconnect(off));
      this.$('draw').append(this.grid.el);
      this.grid.say(this.language);
    }
    return this.grid;
  }

  protected async load(): Promise<Heavy> {
    const [engine, lib] = await Promise.all([getEngine(), importAgain(() => import('@lib/pool/tf-pool.ts'))]);
    return { engine, lib };
  }

  protected async compute(): Promise<void> {
    const gen = ++this.gen;
    const heavy = this.heavy;
    if (!heavy) return;
    const s = { ...this.s };
    this.setStatus('running');
    try {
      const drawing = s.image === 'draw' ? Uint8Array.from(this.drawGrid().cells) : null;
      const input = drawing ? drawingTensor(drawing) : await loadSmallSample(SAMPLES.find((x) => x.name === s.image)!);
      if (gen !== this.gen) return;
      const [h, w] = dims(input);
      const geo = poolOutput(h, w, s.size, s.stride);
      if ('error' in geo) throw new ParamError('geometry', geo.error);
      const kernel = kernelTensor(s.kernel);
      const r = await heavy.lib.runPool(heavy.engine.tf, input, kernel, s.relu, s.mode, s.size, s.stride);
      if (gen !== this.gen) return;
      this.last = { s, input, kernel, featureMap: r.featureMap, output: r.output, ms: r.ms, backend: r.backend };
      this.info = drawing && isEmptyDrawing(drawing) ? msg('poolExplorer.emptyDrawing') : '';
      this.settings.setMessage('geometry', null);
      this.updateMessage();
      this.drawMaps();
      this.showCell();
    } catch (err) {
      if (gen !== this.gen) return;
      if (err instanceof ParamError) { this.settings.setMessage(err.param, err.said); this.updateMessage(); this.setStatus(this.last ? 'ready' : 'error'); return; }
      this.setStatus('error');
      this.emitError(msg('poolExplorer.failed', { error: describeError(err) }));
    }
  }

  private drawMaps(): void {
    const { featureMap, output, s } = this.last!;
    const [h, w] = dims(featureMap), [oh, ow] = dims(output);
    const [lo, hi] = extentOf(featureMap.data);
    const extent = symmetricExtent(lo, hi);
    paintMap(this.$('fm'), featureMap.data, h, w, extent);
    paintMap(this.$('out'), output.data, oh, ow, extent);
    this.$('lo').textContent = formatValue(-extent);
    this.$('hi').textContent = formatValue(extent);
    this.sayMaps();
  }

  /** The maps' captions, text alternative and timing in the element's language. */
  private sayMaps(): void {
    const { featureMap, output, s } = this.last!;
    const [h, w] = dims(featureMap), [oh, ow] = dims(output);
    const words = mapCaptions(s, [h, w], [oh, ow], extentOf(featureMap.data), this.language);
    this.$('fm-caption').textContent = words.featureMap;
    this.$('fm').setAttribute('aria-label', words.featureMap);
    this.$('out-caption').textContent = words.pooled;
    this.$('timing').textContent = this.t('poolExplorer.timing', { ms: this.last!.ms.toFixed(0) });
  }

  /** Shows the cell asked for (or the strongest), its window and its words, and reports them. */
  private showCell(): void {
    const last = this.last!;
    const { s } = last;
    const [h, w] = dims(last.featureMap), [oh, ow] = dims(last.output);
    let cell = s.mode === 'global' ? [0, 0] as [number, number] : this.s.cell;
    const outside = cell !== null && (cell[0] >= oh || cell[1] >= ow);
    this.settings.setMessage('cell-range', null);
    if (outside && this.clampCell) {
      cell = [Math.min(cell![0], oh - 1), Math.min(cell![1], ow - 1)];
      this.reflectCell(cell);
    } else if (outside) {
      this.settings.setMessage('cell-range', msg('poolExplorer.cellOutside', { row: String(cell![0] + 1), col: String(cell![1] + 1), oh: String(oh), ow: String(ow) }));
      cell = null;
    }
    this.clampCell = false;
    this.updateMessage();
    cell ??= strongest(last.output.data, ow);
    this.shown = cell;
    const [r, c] = cell;
    const value = last.output.data[r * ow + c]!;
    const win: PoolWindow = s.mode === 'global' ? globalWindow(last.featureMap.data, h, w) : poolWindow(last.featureMap.data, w, r, c, s.size, s.stride);
    placeBox(this.$('window'), win.top, win.left, win.rows, win.cols, h, w);
    placeBox(this.$('winner'), win.argmax[0], win.argmax[1], 1, 1, h, w);
    this.$('window').hidden = false;
    this.$('winner').hidden = s.mode !== 'max';
    placeBox(this.$('cursor'), r, c, 1, 1, oh, ow);
    this.$('cursor').hidden = false;
    this.cellShown = { r, c, value, win };
    this.sayCell();
    const out = this.$('out');
    out.setAttribute('aria-valuemax', String(oh * ow));
    out.setAttribute('aria-valuenow', String(r * ow + c + 1));
    this.emitResult({
      backend: last.backend, ms: last.ms, image: s.image, kernel: s.kernel, relu: s.relu, mode: s.mode, size: s.size, stride: s.stride,
      mapShape: [...last.featureMap.shape], outShape: [...last.output.shape], cell: [r, c], value,
      window: { top: win.top, left: win.left, rows: win.rows, cols: win.cols, max: win.max, argmax: win.argmax, ties: win.ties, mean: win.mean },
      fallbackReason: this.heavy?.engine.fallbackReason ?? null,
    });
  }

  /** The chosen cell's table, words, slider text and the summary, in the element's language. */
  private sayCell(): void {
    const { s, featureMap, output } = this.last!;
    const { r, c, value, win } = this.cellShown!;
    const [h, w] = dims(featureMap), [oh, ow] = dims(output);
    const lang = this.language;
    fillWindowTable(this.$<HTMLTableElement>('window-table'), win, s.mode, lang);
    const words = windowWords(win, s.mode, value, lang);
    const at = { row: String(r + 1), col: String(c + 1), title: words.title };
    this.$('window-title').textContent = this.t('poolExplorer.cellTitle', at);
    this.$('window-text').textContent = words.text;
    this.$('out').setAttribute('aria-valuetext', this.t('poolExplorer.cellValueText', { ...at, oh: String(oh), ow: String(ow) }));
    this.$('summary').textContent = summaryWords(s, h, w, oh, ow, this.t('poolExplorer.cellSummary', at), lang);
  }

  private reflectCell(cell: [number, number] | null): void {
    this.reflecting = true;
    if (cell) this.cell = cell; else this.removeAttribute('cell');
    this.reflecting = false;
  }

  private pick(r: number, c: number): void {
    if (!this.last) return;
    const [oh, ow] = dims(this.last.output);
    this.cell = [Math.max(0, Math.min(oh - 1, r)), Math.max(0, Math.min(ow - 1, c))];
  }

  private key(e: KeyboardEvent): void {
    const to = this.last && arrowTarget(e.key, this.shown, dims(this.last.output)[1]);
    if (!to) return;
    e.preventDefault();
    this.pick(...to);
  }
}

// The reflected properties' types, merged into the class (they are defined by `reflect` above).
export interface PoolExplorerElement extends Reflected<typeof SPEC> {}
define('fm-pool-explorer', PoolExplorerElement);
declare global { interface HTMLElementTagNameMap { 'fm-pool-explorer': PoolExplorerElement } }
