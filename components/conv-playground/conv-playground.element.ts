/**
 * @summary `<fm-conv-playground>`: a photo, the reader's own picture or a drawing, convolved live with a kernel
 * the reader picks or types, by TensorFlow.js `conv2d` / `depthwiseConv2d` on the engine's backend (WebGPU
 * where the browser has it). The output is a heat map (sequential or diverging scale) with a legend; the output-size
 * formula, compute time and backend are shown. Contract (attributes, events, getters): README.md beside this file.
 * @event fm-result `{ backend, ms, op, inputShape, kernelShape, outputShape, min, max, settings }` after each run.
 * @event fm-error `{ message }` for a bad attribute, cell, file or setting; the widget keeps its last valid set-up.
 */
import '@lib/engine/global.ts';
import '@components/device-badge/device-badge.element.ts';
import { define } from '@lib/widget/fm-element.ts';
import { yieldToPage, type Sliced } from '@lib/schedule/slices.ts';
import { EngineElement } from '@lib/widget/engine-element.ts';
import { getEngine, type Engine } from '@lib/engine/index.ts';
import { convOutput } from '@lib/conv/geometry.ts';
import { formatKernel } from '@lib/conv/kernels.ts';
import type { PlainTensor } from '@lib/conv/tensor.ts';
import type { Tensor4D } from '@tensorflow/tfjs-core';
import { ParamError, formatPadding } from '@lib/params/index.ts';
import { saySentences, msg, ReaderError, whyOf, type Msg } from '@lib/i18n/index.ts';
import { ImageFileError, MAX_INPUT_SIDE } from '@lib/image/index.ts';
import { OnBackend, type Last, type Uploaded } from './on-backend.ts';
import { gpuCanvas } from '@lib/charts/gpu-canvas.ts';
import css from './conv-playground.css?inline';
import { SPEC } from './attributes.ts';
import { attributeNames, reflect, type Reflected } from '@lib/widget/attribute-spec.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import { labelShell, sampleText, shellHtml, syncControls } from './controls.ts';
import { ATTRIBUTES, SAMPLES, convOp, defaultSettings, kernelTensor, presetOf, resizedKernelText, sizeApplies, withAttribute, type AttributeName } from './settings.ts';
import { KernelGrid } from './kernel-grid.ts';
import { StrokePad, STROKE_PAD_CSS } from '@lib/widget/stroke-pad/stroke-pad.ts';
import { filledSquare } from '@lib/stroke-pad/model.ts';
import { loadFile, loadSample, type Pixels } from './image-source.ts';
import { labelInput, showInput, showResult, type ResultText } from './result-view.ts';
import type { ConvPlaygroundResult } from './result.ts';
import { ViewDisplay } from './view-display.ts';
import { importAgain } from '@lib/widget/import-again.ts';

type Heavy = { engine: Engine; conv: typeof import('@lib/conv/tf-conv.ts'); view: import('./heatmap-view.ts').HeatmapView };
/** The page's query as it was loaded (an embed page rewrites its URL with the widget's state later). */
const PAGE_QUERY = location.search;
const copy = (t: PlainTensor) => ({ data: new Float32Array(t.data), shape: [...t.shape] });

export class ConvPlaygroundElement extends EngineElement<Heavy, ConvPlaygroundResult> {
  static observedAttributes = attributeNames(SPEC);
  private s = defaultSettings();
  private grid!: KernelGrid;
  private pad!: StrokePad;
  private display!: ViewDisplay;
  private upload: Pixels | null = null;
  private useUpload = false;
  private kept = new OnBackend();
  private shownInput: Uploaded | null = null;
  private padPx: Pixels | null = null;
  private rendered = false;
  /** The last result's numbers and the input's description, kept to be re-worded when the language changes. */
  private lastText: ResultText | null = null;
  private inputWhat: string | Msg = '';
  /** The refused attributes' messages while the message line shows them joined (said again on a language change). */
  private problems: (string | Msg)[] | null = null;
  // An edit costs one small dispatch on the picture already uploaded: run it at once (a burst of attribute changes
  // in one task still runs once), so each kernel-cell edit reaches the canvas in the next frames.
  protected debounceMs = 0;

  // Every attribute reflected from SPEC: the settings in force (a rejected value leaves the previous one in force);
  // `kernel` reads as the text the reader typed or the preset's name.
  static { reflect(this, SPEC, (el) => ({ ...el.s, kernel: el.s.kernelText })); }

  /** The input exactly as the last computation used it: [1, h, w, 1 | 3], values in [0, 1]. */
  async getInput() { return copy((await this.lastRun()).input); }
  /** The kernel of the last computation: [kh, kw, cin, 1] (conv2d), or [kh, kw, 3, 1] for depthwise RGB. */
  async getKernel() { return copy((await this.lastRun()).kernel); }
  /** The output of the last computation: [1, outH, outW, 1 | 3], read from the backend on the first ask (`await data()`). */
  async getOutput() { return copy(await this.kept.output(await this.lastRun())); }

  private async lastRun(): Promise<Last> {
    await this.ready;
    if (!this.kept.last) throw new ReaderError(msg('convPlayground.noResult'));
    return this.kept.last;
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (!this.rendered) return;
    const problem = this.apply(name as AttributeName, value);
    if (problem) this.emitError(problem);
    else this.clearMessage();
    this.sync();
    this.schedule();
  }

  /** Applies one attribute; returns the reason it was refused, if it was. */
  private apply(name: AttributeName, value: string | null): string | Msg | null {
    try {
      this.s = withAttribute(this.s, name, value);
      if (name === 'image') this.useUpload = false;
      return null;
    } catch (err) {
      if (err instanceof ParamError) return err.said;
      throw err;
    }
  }

  /** A control's change: reflected to the attribute only when valid, so the embed URL reproduces it. */
  private reflect(name: AttributeName, raw: string): void {
    const problem = this.apply(name, raw);
    if (problem) {
      this.emitError(problem);
      this.sync();
    } else {
      this.setAttribute(name, raw);
    }
  }

  /** In four parts (FmElement: a shell drawn in idle time is drawn a part per idle moment). */
  protected *render(): Sliced<void> {
    if (this.rendered) return;
    this.root.innerHTML = shellHtml();
    labelShell(this.root, this.language);
    adoptStyles(this.root, css + STROKE_PAD_CSS);
    const $ = <T extends HTMLElement>(role: string) => this.root.querySelector<T>(`[data-role="${role}"]`)!;
    yield;
    this.grid = new KernelGrid({
      preset: (name) => this.reflect('kernel', name),
      rows: (text) => this.reflect('kernel', text),
      size: (n) => sizeApplies(this.s) ? this.reflect('kernel-size', String(n)) : this.reflect('kernel', resizedKernelText(this.s.kernel, n)),
      invalid: (message) => this.emitError(message),
    });
    $('kernel-slot').replaceWith(this.grid.el);
    labelShell(this.root, this.language);
    this.grid.relabel(this.language);
    yield;
    // Starts with a filled square so the first output already shows edges; Clear empties the pad.
    this.pad = new StrokePad({ raster: { size: 256, penWidth: 10 }, look: 'paper', width: '256px', initial: filledSquare(64, 192, 10), label: msg('convPlayground.padLabel'), lang: this.language, onChange: () => { this.padPx = null; this.schedule(); } });
    $('pad-slot').replaceWith(this.pad.el);
    this.display = new ViewDisplay(this.root, this.pad.el, () => this.schedule());
    $<HTMLSelectElement>('image').addEventListener('change', (e) => {
      const v = (e.target as HTMLSelectElement).value;
      if (v === 'upload') { this.useUpload = true; this.sync(); this.schedule(); } else this.reflect('image', v);
    });
    for (const name of ['color', 'rgb-mode', 'stride', 'dilation'] as const) {
      $<HTMLInputElement>(name).addEventListener('change', (e) => this.reflect(name, (e.target as HTMLInputElement).value));
    }
    const kind = $<HTMLSelectElement>('padding-kind');
    const amount = $<HTMLInputElement>('padding-amount');
    kind.addEventListener('change', () => this.reflect('padding', kind.value === 'explicit' ? amount.value || '1' : kind.value));
    amount.addEventListener('change', () => this.reflect('padding', amount.value));
    $<HTMLInputElement>('file').addEventListener('change', (e) => {
      const file = (e.target as HTMLInputElement).files?.[0];
      if (file) void this.openFile(file);
    });
    const drop = $('drop');
    drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.dataset.drag = 'over'; });
    drop.addEventListener('dragleave', () => delete drop.dataset.drag);
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      delete drop.dataset.drag;
      const file = e.dataTransfer?.files[0];
      if (file) void this.openFile(file);
    });
    yield;
    this.rendered = true;
    const problems = ATTRIBUTES.flatMap((n) => (this.hasAttribute(n) ? [this.apply(n, this.getAttribute(n))] : [])).filter((p) => p !== null);
    if (problems.length) this.emitProblems(problems);
    this.sync();
  }

  protected async load(): Promise<Heavy> {
    const [engine, conv, { HeatmapView }] = await Promise.all([getEngine(), importAgain(() => import('@lib/conv/tf-conv.ts')), importAgain(() => import('./heatmap-view.ts'))]);
    const view = new HeatmapView(this.language);
    this.root.querySelector('[data-role="maps"]')!.replaceWith(view.maps);
    this.root.querySelector('[data-role="legend"]')!.replaceWith(view.legend);
    this.display.layout(); // the maps' place keeps its height until they come
    return { engine, conv, view };
  }

  private async openFile(file: File): Promise<void> {
    try {
      const px = await loadFile(file);
      this.upload = px;
      this.useUpload = true;
      const { width: ow, height: oh } = px.original;
      const size = (n: number) => String(n);
      if (ow !== px.width || oh !== px.height) this.showMessage(msg('convPlayground.scaledDown', { oh: size(oh), ow: size(ow), h: size(px.height), w: size(px.width), max: size(MAX_INPUT_SIDE) }));
      else this.clearMessage();
      this.sync();
      this.schedule();
    } catch (err) {
      if (!(err instanceof ImageFileError)) throw err;
      this.emitError(msg('convPlayground.fileError', { file: file.name, error: whyOf(err) ?? err.message }));
    }
  }

  /** The picture to convolve; `name` as the result event gives it (English), `label` as the caption says it. */
  private async source(): Promise<{ px: Pixels; name: string; label: string | Msg }> {
    if (this.useUpload && this.upload) return { px: this.upload, name: 'your picture', label: msg('convPlayground.yourPictureName') };
    if (this.s.image === 'draw') return { px: (this.padPx ??= { ...this.pad.image(), original: { width: 0, height: 0 } }), name: 'your drawing', label: msg('convPlayground.yourDrawingName') };
    const sample = SAMPLES.find((x) => x.name === this.s.image)!;
    return { px: await loadSample(sample), name: sample.name, label: sampleText('name', sample) };
  }

  /** Shows refused attributes' messages (one is said again by the base class on a language change; several, here). */
  private emitProblems(problems: (string | Msg)[]): void {
    if (problems.length === 1) return this.emitError(problems[0]!);
    this.emitError(this.joined(problems));
    this.problems = problems;
  }

  private joined(problems: (string | Msg)[]): string {
    const lang = this.language;
    return saySentences(lang, problems);
  }

  protected showMessage(message: string | Msg, kind: 'error' | 'info' = 'info'): void {
    this.problems = null;
    super.showMessage(message, kind);
  }

  /** Re-words the shell, the kernel editor, the legend and the last result in the new language; nothing is recomputed. */
  protected onLangChange(): void {
    this.pad?.setLang(this.language);
    const lang = this.language;
    labelShell(this.root, lang);
    this.grid.relabel(lang);
    this.heavy?.view.relabel(lang);
    if (this.shownInput) labelInput(this.root, lang, this.shownInput.plain, this.inputWhat);
    if (this.lastText) showResult(this.root, lang, this.lastText);
    if (this.problems) {
      const problems = this.problems;
      super.showMessage(this.joined(problems), 'error');
      this.problems = problems;
    }
  }

  private fail(message: string | Msg): void {
    this.setStatus('error');
    this.emitError(message);
  }

  protected async compute(): Promise<void> {
    const gen = ++this.gen;
    const heavy = this.heavy;
    if (!heavy) return;
    const s = this.s;
    const conflict = heavy.conv.stridesDilationConflict(s);
    if (conflict) return this.fail(conflict);
    let src: { px: Pixels; name: string; label: string | Msg };
    try {
      src = await this.source();
    } catch (err) {
      // A sample that did not arrive (the network) may arrive on a second try; a bad upload would not, but Retry is harmless.
      this.fail(whyOf(err) ?? (err as Error).message);
      return this.offerRetry(() => this.recompute());
    }
    if (gen !== this.gen) return;
    const { px } = src;
    const geo = convOutput({ inH: px.height, inW: px.width, kH: s.kernel.rows, kW: s.kernel.cols, stride: s.stride, dilation: s.dilation, padding: s.padding });
    if ('error' in geo) return this.fail(geo.error);
    const kernel = kernelTensor(s.kernel, s.color);
    const op = convOp(s);
    const { tf, backend } = heavy.engine;
    this.setStatus('running');
    const t0 = performance.now();
    let input: Uploaded, y: Tensor4D, range: [number, number] | null;
    try {
      const fresh = !this.kept.holds(this.scope!, px, s.color);
      input = this.kept.input(tf, this.scope!, px, s.color);
      // A new picture's conversion and upload (8-10 ms here for the default one) in a task of its own, not with the
      // convolution's dispatch; an edit of the kernel reuses the upload and goes straight on.
      if (fresh) {
        await yieldToPage();
        if (gen !== this.gen) return;
      }
      y = heavy.conv.convOn(tf, input.t, kernel, s, op);
      const last = this.kept.keep(input, kernel, y);
      const choice = this.display.scale(s.kernel.values, input.min);
      // A new input is painted while the engine computes, in a task of its own: not after the output in the same
      // task (the two were 23-26 ms of one task on the embed page here), nor with its upload and the dispatch.
      if (this.shownInput !== input) {
        await yieldToPage();
        if (gen === this.gen) this.showInput(input);
      }
      range = await heavy.view.show(tf, y, gpuCanvas(backend, heavy.engine.adapter, PAGE_QUERY), choice, () => this.kept.output(last), () => this.display.layout(), () => gen !== this.gen);
    } catch (err) {
      if (gen === this.gen) {
        this.fail(msg('convPlayground.convFailed', { error: whyOf(err) ?? (err as Error).message }));
        this.offerRetry(() => this.recompute());
      }
      return;
    }
    if (!range) return;
    const [min, max] = range;
    const ms = performance.now() - t0;
    this.lastText = { s, preset: presetOf(s), imageName: src.label, op, inH: px.height, inW: px.width, shape: y.shape, min, max, ms, engine: heavy.engine };
    showResult(this.root, this.language, this.lastText);
    this.emitResult({
      backend, ms, op, inputShape: input.plain.shape, kernelShape: kernel.shape, outputShape: y.shape, min, max,
      fallbackReason: heavy.engine.fallbackReason ?? null,
      settings: { image: src.name, kernel: formatKernel(s.kernel), stride: s.stride, padding: formatPadding(s.padding), dilation: s.dilation, color: s.color, rgbMode: s.rgbMode },
    });
  }

  /** A new scope (device lost, backend changed) took what the old one held: upload again on the next run. */
  protected async acquire(): Promise<void> { this.kept.drop(); }
  protected teardown(): void { super.teardown(); this.kept.drop(); }

  /** Shows the input as computed, once per upload: an edit of the kernel leaves it as it is. */
  private showInput(u: Uploaded): void {
    if (this.shownInput === u) return;
    this.shownInput = u;
    const sample = SAMPLES.find((x) => x.name === this.s.image);
    showInput(this.root, u.plain);
    this.inputWhat = this.useUpload ? msg('convPlayground.yourPictureName') : sample ? sampleText('alt', sample) : msg('convPlayground.yourDrawingName');
    labelInput(this.root, this.language, u.plain, this.inputWhat);
    this.display.layout();
  }

  private sync(): void {
    syncControls(this.root, this.s, { useUpload: this.useUpload, hasUpload: this.upload !== null, pad: this.pad.el, grid: this.grid });
  }
}

for (const [prop, attr] of [['image', 'image'], ['kernel', 'kernel'], ['kernelSize', 'kernel-size'], ['color', 'color'], ['rgbMode', 'rgb-mode'], ['seed', 'seed']]) {
  Object.defineProperty(ConvPlaygroundElement.prototype, prop!, {
    get(this: HTMLElement) { return this.getAttribute(attr!); },
    set(this: HTMLElement, v: unknown) { this.setAttribute(attr!, String(v)); },
  });
}

// The reflected properties' types, merged into the class (they are defined by `reflect` above).
export interface ConvPlaygroundElement extends Reflected<typeof SPEC> {}
define('fm-conv-playground', ConvPlaygroundElement);
declare global { interface HTMLElementTagNameMap { 'fm-conv-playground': ConvPlaygroundElement } }
