/**
 * @summary `<fm-dataset-preview>`: the first images of each class of a packed dataset split, one row per class,
 * with a progress bar while the files load. It reads only the chunks it needs (src/lib/data/loader.ts), checks
 * their sizes and SHA-256, and names the file that failed. No tfjs: it shows the data as the models receive it.
 *
 * @attr dataset `fashion` | `digits` (default `fashion`) · @attr split `train` | `test` (default `test`)
 * @attr per-class images per class, 1–50 (default 8)
 * @event fm-progress `{ loaded, total }` bytes, while loading
 * @event fm-result `{ backend: 'none', ms, dataset, split, count, bytes }` once a slice is shown
 * @event fm-error `{ message }` for an unusable attribute (the last good value stays) or a missing/corrupt file
 */
import { FmElement, define, describeError } from '@lib/widget/fm-element.ts';
import { ParamError, parseInteger, parseKeyword } from '@lib/params/index.ts';
import { loadSlice, type DataSlice, type Progress } from '@lib/data/index.ts';
import { className, classList } from '@lib/data/class-names.ts';
import { saySentences, formatNumber, msg, type Lang, type Msg } from '@lib/i18n/index.ts';
import { DATA_BASE } from '@lib/widget/assets.ts';
import css from './dataset-preview.css?inline';
import { SPEC } from './attributes.ts';
import { attributeNames } from '@lib/widget/attribute-spec.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import type { DatasetPreviewResult } from './result.ts';
import { runSliced, type Sliced } from '@lib/schedule/slices.ts';
import { greyInto } from '@lib/image/pixels.ts';

export const DATASETS = ['fashion', 'digits'] as const;
export const SPLITS = ['train', 'test'] as const;
/** The dataset's name: Fashion-MNIST is a name in every language. */
const TITLES: Record<string, string | Msg> = { fashion: 'Fashion-MNIST', digits: msg('datasets.digits') };
const SPLIT_WORDS: Record<string, Msg> = { train: msg('datasets.split.train'), test: msg('datasets.split.test') };


interface Settings { dataset: (typeof DATASETS)[number]; split: (typeof SPLITS)[number]; perClass: number }

export class DatasetPreviewElement extends FmElement<DatasetPreviewResult> {
  static observedAttributes = attributeNames(SPEC);
  private good: Settings = { dataset: 'fashion', split: 'test', perClass: 8 };
  private slice: DataSlice | null = null;
  private abort: AbortController | null = null;
  private begun = false;
  /** The refused attributes' messages, said again when the language changes. */
  private errors: (string | Msg)[] = [];
  /** What the progress line and caption show, kept as data so a change of language re-says them. */
  private progress: Progress | null = null;
  private shown: { dataset: string; split: string; perClass: number; bytes: number } | null = null;

  /** The `dataset` attribute (`HTMLElement.dataset` is the data-* map, so the property has another name). */
  get datasetId(): string { return this.good.dataset; }
  set datasetId(v: string) { this.setAttribute('dataset', v); }
  get split(): string { return this.good.split; }
  set split(v: string) { this.setAttribute('split', v); }
  get perClass(): number { return this.good.perClass; }
  set perClass(v: number) { this.setAttribute('per-class', String(v)); }

  /** The slice on screen: uint8 pixels [count, 28, 28] row-major, labels, class names. */
  async getImages(): Promise<DataSlice> {
    await this.ready;
    return this.slice!;
  }

  attributeChangedCallback(): void {
    if (this.begun) void this.load();
    else if (this.root.childElementCount) {
      const errors = this.readSettings();
      if (errors.length) this.emitError(this.joined(errors));
      else this.clearMessage();
    }
  }

  /** The refused attributes' messages as one text in the element's language. */
  private joined(errors: readonly (string | Msg)[]): string {
    return saySentences(this.language, errors);
  }

  protected onLangChange(): void {
    this.q('progress').setAttribute('aria-label', this.t('datasetPreview.loading'));
    this.sayTitle();
    const line = this.q('message');
    if (this.errors.length && !line.hidden && line.dataset.kind === 'error' && this.status !== 'error') this.showMessage(this.joined(this.errors), 'error');
    if (this.progress) this.sayProgress(this.progress);
    if (this.slice && this.shown) {
      this.labelRows(this.slice);
      this.sayCaption(this.slice);
    }
  }

  protected render(): void {
    this.root.innerHTML = `
      <div class="wrap">
        <p class="head"><span data-role="title"></span></p>
        <div class="progress" data-role="progress-row">
          <progress data-role="progress" max="1" value="0" aria-label="${this.t('datasetPreview.loading')}"></progress>
          <span data-role="progress-text" aria-live="polite"></span>
        </div>
        <p data-role="message" role="alert" hidden></p>
        <div class="grid" data-role="grid"></div>
        <p class="caption" data-role="caption" aria-live="polite"></p>
      </div>`;
    adoptStyles(this.root, css);
    this.readSettings();
  }

  protected async start(): Promise<void> {
    this.begun = true;
    await this.load();
  }

  protected teardown(): void {
    this.abort?.abort();
    this.abort = null;
  }

  /** Validates each attribute; a bad one is named in the message and the last good value stays in force. */
  private readSettings(): (string | Msg)[] {
    const errors: (string | Msg)[] = [];
    const next = { ...this.good };
    const read = (attr: string, parse: (raw: string) => void) => {
      const raw = this.getAttribute(attr);
      if (raw === null) return;
      try {
        parse(raw);
      } catch (err) {
        if (!(err instanceof ParamError)) throw err;
        errors.push(err.said);
      }
    };
    read('dataset', (r) => (next.dataset = parseKeyword('dataset', r, DATASETS)));
    read('split', (r) => (next.split = parseKeyword('split', r, SPLITS)));
    read('per-class', (r) => (next.perClass = parseInteger('per-class', r, 1, 50)));
    this.good = next;
    this.errors = errors;
    this.sayTitle();
    return errors;
  }

  private sayTitle(): void {
    const { dataset, split, perClass } = this.good;
    this.q('title').textContent = this.t('datasetPreview.title', { dataset: TITLES[dataset]!, split: SPLIT_WORDS[split]!, count: perClass });
  }

  private sayProgress(p: Progress): void {
    this.q('progress-text').textContent = this.t('datasetPreview.progress', { loaded: kb(this.language, p.loaded), total: kb(this.language, p.total) });
  }

  private sayCaption(slice: DataSlice): void {
    const { dataset, split, perClass, bytes } = this.shown!;
    this.q('caption').textContent = this.t('datasetPreview.caption', {
      dataset: TITLES[dataset]!, split: SPLIT_WORDS[split]!, count: slice.count, perClass,
      classes: classList(this.language, slice.classNames), size: kb(this.language, bytes),
    });
  }

  private async load(): Promise<void> {
    const errors = this.readSettings();
    if (errors.length) this.emitError(this.joined(errors));
    else this.clearMessage();
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    const { dataset, split, perClass } = this.good;
    const bar = this.q('progress') as HTMLProgressElement;
    const t0 = performance.now();
    this.setStatus('loading');
    this.q('progress-row').hidden = false;
    const onProgress = (p: Progress) => {
      if (abort.signal.aborted) return;
      bar.value = p.total ? p.loaded / p.total : 0;
      this.progress = p;
      this.sayProgress(p);
      this.dispatchEvent(new CustomEvent('fm-progress', { detail: { ...p }, bubbles: true, composed: true }));
    };
    let bytes = 0;
    try {
      const slice = await loadSlice({ base: DATA_BASE, dataset, split, perClass, signal: abort.signal, onProgress: (p) => ((bytes = p.total), onProgress(p)) });
      if (abort.signal.aborted) return;
      const rows: Node[] = [];
      await runSliced(this.rows(slice, perClass, rows));
      if (abort.signal.aborted) return;
      this.q('grid').replaceChildren(...rows);
      // The slice shown is the one on the page: while its rows were drawn, a change of language re-said the old ones.
      this.slice = slice;
      this.shown = { dataset, split, perClass, bytes };
      this.labelRows(slice);
      this.q('progress-row').hidden = true;
      // The progress line goes with its row (an aria-live region left holding it would keep the old language).
      this.progress = null;
      this.q('progress-text').textContent = '';
      this.sayCaption(slice);
      if (errors.length === 0) this.clearMessage();
      this.emitResult({ backend: 'none', ms: performance.now() - t0, dataset, split, count: slice.count, bytes });
    } catch (err) {
      if (abort.signal.aborted) return;
      this.q('progress-row').hidden = true;
      this.setStatus('error');
      this.emitError(describeError(err) as string | Msg);
      this.offerRetry(() => void this.load());
    }
  }

  /**
   * One canvas row per class, images left to right in packed (source) order; pixels as the model sees them. A row
   * per slice of the main thread (10 rows of up to 100 digits were one task of 30–50 ms on a phone-sized page here),
   * put on the page together so the grid never shows part-drawn; labelRows() names them once they are there.
   */
  private *rows(slice: DataSlice, perClass: number, out: Node[]): Sliced<void> {
    const [, h, w] = slice.shape;
    const byClass = slice.classNames.map((): number[] => []);
    for (let i = 0; i < slice.labels.length; i++) byClass[slice.labels[i]!]?.push(i);
    for (const c of slice.classNames.keys()) {
      const idx = byClass[c]!;
      const label = document.createElement('span');
      label.className = 'label';
      const canvas = document.createElement('canvas');
      canvas.width = perClass * w;
      canvas.height = h;
      canvas.style.setProperty('--cells', String(perClass));
      canvas.setAttribute('role', 'img');
      const ctx = canvas.getContext('2d')!;
      const img = ctx.createImageData(canvas.width, h);
      for (let k = 0; k < idx.length; k++) greyInto(img.data, canvas.width, k * w, slice.images, w, h, idx[k]! * h * w);
      ctx.putImageData(img, 0, 0);
      const row = document.createElement('div');
      row.className = 'row';
      row.append(label, canvas);
      out.push(row);
      yield;
    }
  }

  /** Says each row's class name and text alternative (once the rows are shown, and again when the language changes). */
  private labelRows(slice: DataSlice): void {
    const labels = this.q('grid').querySelectorAll('.label');
    const canvases = this.q('grid').querySelectorAll('canvas');
    slice.classNames.forEach((name, c) => {
      const count = slice.labels.filter((l) => l === c).length;
      labels[c]!.textContent = className(this.language, name);
      canvases[c]!.setAttribute('aria-label', this.t('datasetPreview.row', { count, name: className(this.language, name) }));
    });
  }

  private q(role: string): HTMLElement {
    return this.root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
  }
}

/** Bytes in KB, one decimal below 10 KB; no grouping (as toFixed wrote it), the decimal sign of `lang`. */
const kb = (lang: Lang, n: number) => {
  const digits = n < 10_240 ? 1 : 0;
  return `${formatNumber(lang, n / 1024, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false })} KB`;
};

define('fm-dataset-preview', DatasetPreviewElement);
declare global { interface HTMLElementTagNameMap { 'fm-dataset-preview': DatasetPreviewElement } }
