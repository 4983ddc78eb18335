/**
 * The kernel editor: a preset menu, a size control (1–7) and one labelled text box per weight, in a grid that is
 * one Tab stop (kernel-keys.ts). Every cell is written in the kernel's one format (weight-format.ts). A cell that
 * does not parse is marked and reported; the last valid kernel stays in force until every cell is valid.
 */
import { MAX_KERNEL, MIN_KERNEL, PRESETS, formatKernel, parseKernelSize, parseWeightSaid, type Kernel2D } from '@lib/conv/kernels.ts';
import { formatWeights } from '@lib/conv/weight-format.ts';
import { ParamError } from '@lib/params/index.ts';
import { msg, t, type Lang, type Msg } from '@lib/i18n/index.ts';
import { RovingCells } from './kernel-keys.ts';
import { renamed } from './settings.ts';

export interface KernelGridEvents {
  preset(name: string): void;
  rows(text: string): void;
  size(n: number): void;
  invalid(message: string | Msg): void;
}

export class KernelGrid {
  readonly el: HTMLElement;
  private grid: HTMLElement;
  private presetSelect: HTMLSelectElement;
  private sizeInput: HTMLInputElement;
  private shown = '';
  private cols = 3;
  private keys: RovingCells;
  private lang: Lang = 'en';

  constructor(private events: KernelGridEvents) {
    this.el = document.createElement('fieldset');
    this.el.className = 'kernel';
    // The words are filled by the shell's labelShell (data-t, data-t-label) and, for the cells, by relabel().
    this.el.innerHTML = `<legend data-t="convPlayground.kernel"></legend>
      <div class="row"><label><span data-t="convPlayground.preset"></span> <select data-role="preset"><option value="" data-t="convPlayground.custom"></option>${PRESETS.map((p) => `<option value="${p}" data-t="convPlayground.preset.${p}"></option>`).join('')}</select></label>
      <label><span data-t="convPlayground.size"></span> <input data-role="size" type="number" min="${MIN_KERNEL}" max="${MAX_KERNEL}" step="1" inputmode="numeric"></label></div>
      <div class="grid" data-role="grid" role="grid" data-t-label="convPlayground.kernelWeights" aria-describedby="fm-cp-grid-keys"></div>
      <p class="keys fm-screen-only" id="fm-cp-grid-keys" data-t="convPlayground.gridKeys"></p>`;
    this.presetSelect = this.el.querySelector('[data-role="preset"]')!;
    this.sizeInput = this.el.querySelector('[data-role="size"]')!;
    this.grid = this.el.querySelector('[data-role="grid"]')!;
    this.presetSelect.addEventListener('change', () => this.presetSelect.value && this.events.preset(this.presetSelect.value));
    this.sizeInput.addEventListener('change', () => {
      try {
        this.events.size(parseKernelSize('kernel size', this.sizeInput.value));
      } catch (err) {
        if (err instanceof ParamError) this.events.invalid(renamed(err.said, msg('convPlayground.attr.kernelSize')));
        else throw err;
      }
    });
    this.grid.addEventListener('change', () => this.readCells());
    this.keys = new RovingCells(this.grid, () => this.cols, () => this.readCells());
  }

  /** Shows a kernel (rebuilding the cells only when its size changed, so focus stays put while typing). */
  show(k: Kernel2D, preset: string | null, size: number): void {
    this.presetSelect.value = preset ?? '';
    this.sizeInput.value = String(preset ? size : k.rows);
    this.cols = k.cols;
    if (this.shown !== `${k.rows}x${k.cols}`) {
      this.shown = `${k.rows}x${k.cols}`;
      this.grid.replaceChildren();
      this.grid.style.setProperty('--cols', String(k.cols));
      for (let y = 0; y < k.rows; y++) {
        const row = document.createElement('div');
        row.setAttribute('role', 'row');
        for (let x = 0; x < k.cols; x++) {
          const gridcell = document.createElement('div');
          gridcell.setAttribute('role', 'gridcell');
          const cell = document.createElement('input');
          cell.type = 'text';
          cell.inputMode = 'decimal';
          cell.spellcheck = false;
          cell.setAttribute('aria-label', t(this.lang, 'convPlayground.cellLabel', { row: y + 1, col: x + 1 }));
          gridcell.append(cell);
          row.append(gridcell);
        }
        this.grid.append(row);
      }
      this.keys.reset();
    }
    const text = formatWeights(k.values);
    this.cells().forEach((cell, i) => {
      cell.value = text[i]!;
      cell.removeAttribute('aria-invalid');
    });
  }

  /** Re-labels the cells in `lang` (the rest of the editor's words are the shell's `data-t`). */
  relabel(lang: Lang): void {
    this.lang = lang;
    this.cells().forEach((cell, i) => cell.setAttribute('aria-label', t(lang, 'convPlayground.cellLabel', { row: Math.floor(i / this.cols) + 1, col: (i % this.cols) + 1 })));
  }

  private cells(): HTMLInputElement[] {
    return this.keys.cells();
  }

  private readCells(): void {
    const cells = this.cells();
    const n = this.cols;
    const values: number[] = [];
    let problem: Msg | null = null;
    cells.forEach((cell, i) => {
      try {
        values.push(parseWeightSaid(msg('convPlayground.cellName', { row: Math.floor(i / n) + 1, col: (i % n) + 1 }), cell.value));
        cell.removeAttribute('aria-invalid');
      } catch (err) {
        if (!(err instanceof ParamError)) throw err;
        cell.setAttribute('aria-invalid', 'true');
        problem ??= msg('convPlayground.lastKernel', { error: err.said });
      }
    });
    if (problem) this.events.invalid(problem);
    else this.events.rows(formatKernel({ rows: cells.length / n, cols: n, values }));
  }
}
