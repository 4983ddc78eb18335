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
import { FmElement, define } from '@lib/widget/fm-element.ts';
import { ParamError, parseInteger, parseKeyword } from '@lib/params/index.ts';
import { loadSlice, type DataSlice, type Progress } from '@lib/data/index.ts';
import { DATA_BASE } from '@lib/widget/assets.ts';
import css from './dataset-preview.css?inline';
import { SPEC } from './attributes.ts';
import { attributeNames } from '@lib/widget/attribute-spec.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import type { DatasetPreviewResult } from './result.ts';

export const DATASETS = ['fashion', 'digits'] as const;
export const SPLITS = ['train', 'test'] as const;
const TITLES: Record<string, string> = { fashion: 'Fashion-MNIST', digits: 'MNIST digits' };


interface Settings { dataset: (typeof DATASETS)[number]; split: (typeof SPLITS)[number]; perClass: number }

export class DatasetPreviewElement extends FmElement<DatasetPreviewResult> {
  static observedAttributes = attributeNames(SPEC);
  private good: Settings = { dataset: 'fashion', split: 'test', perClass: 8 };
  private slice: DataSlice | null = null;
  private abort: AbortController | null = null;
  private begun = false;

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
      if (errors.length) this.emitError(errors.join(' '));
      else this.clearMessage();
    }
  }

  protected render(): void {
    this.root.innerHTML = `
      <div class="wrap">
        <p class="head"><span data-role="title"></span></p>
        <div class="progress" data-role="progress-row">
          <progress data-role="progress" max="1" value="0" aria-label="Loading images"></progress>
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
  private readSettings(): string[] {
    const errors: string[] = [];
    const next = { ...this.good };
    const read = (attr: string, parse: (raw: string) => void) => {
      const raw = this.getAttribute(attr);
      if (raw === null) return;
      try {
        parse(raw);
      } catch (err) {
        if (!(err instanceof ParamError)) throw err;
        errors.push(err.message);
      }
    };
    read('dataset', (r) => (next.dataset = parseKeyword('dataset', r, DATASETS)));
    read('split', (r) => (next.split = parseKeyword('split', r, SPLITS)));
    read('per-class', (r) => (next.perClass = parseInteger('per-class', r, 1, 50)));
    this.good = next;
    this.q('title').textContent = `${TITLES[next.dataset]}, ${next.split} split: the first ${next.perClass} image${next.perClass > 1 ? 's' : ''} of each class`;
    return errors;
  }

  private async load(): Promise<void> {
    const errors = this.readSettings();
    if (errors.length) this.emitError(errors.join(' '));
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
      this.q('progress-text').textContent = `${kb(p.loaded)} of ${kb(p.total)}`;
      this.dispatchEvent(new CustomEvent('fm-progress', { detail: { ...p }, bubbles: true, composed: true }));
    };
    let bytes = 0;
    try {
      const slice = await loadSlice({ base: DATA_BASE, dataset, split, perClass, signal: abort.signal, onProgress: (p) => ((bytes = p.total), onProgress(p)) });
      if (abort.signal.aborted) return;
      this.slice = slice;
      this.draw(slice, perClass);
      this.q('progress-row').hidden = true;
      this.q('caption').textContent =
        `${TITLES[dataset]} (${split} split): ${slice.count} images, up to ${perClass} per class, one row per class: ` +
        `${slice.classNames.join(', ')}. ${kb(bytes)} loaded.`;
      if (errors.length === 0) this.clearMessage();
      this.emitResult({ backend: 'none', ms: performance.now() - t0, dataset, split, count: slice.count, bytes });
    } catch (err) {
      if (abort.signal.aborted) return;
      this.q('progress-row').hidden = true;
      this.setStatus('error');
      this.emitError((err as Error).message);
      this.offerRetry(() => void this.load());
    }
  }

  /** One canvas row per class, images left to right in packed (source) order; pixels as the model sees them. */
  private draw(slice: DataSlice, perClass: number): void {
    const grid = this.q('grid');
    grid.replaceChildren();
    const [, h, w] = slice.shape;
    slice.classNames.forEach((name, c) => {
      const idx = Array.from(slice.labels.keys()).filter((i) => slice.labels[i] === c);
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = name;
      const canvas = document.createElement('canvas');
      canvas.width = perClass * w;
      canvas.height = h;
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `${idx.length} images of class ${name}`);
      const ctx = canvas.getContext('2d')!;
      const img = ctx.createImageData(canvas.width, h);
      idx.forEach((i, k) => {
        for (let y = 0; y < h; y++) {
          for (let x = 0; x < w; x++) {
            const v = slice.images[i * h * w + y * w + x]!;
            const o = (y * canvas.width + k * w + x) * 4;
            img.data[o] = img.data[o + 1] = img.data[o + 2] = v;
            img.data[o + 3] = 255;
          }
        }
      });
      ctx.putImageData(img, 0, 0);
      grid.append(label, canvas);
    });
  }

  private q(role: string): HTMLElement {
    return this.root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(n < 10_240 ? 1 : 0)} KB`;

define('fm-dataset-preview', DatasetPreviewElement);
declare global { interface HTMLElementTagNameMap { 'fm-dataset-preview': DatasetPreviewElement } }
