/**
 * The kernel editor: a preset menu, a size control (1–7) and one labelled text box per weight, in a grid that is
 * one Tab stop (kernel-keys.ts). Every cell is written in the kernel's one format (weight-format.ts). A cell that
 * does not parse is marked and reported; the last valid kernel stays in force until every cell is valid.
 */
import { MAX_KERNEL, MIN_KERNEL, PRESETS, formatKernel, parseKernelSize, type Kernel2D } from '@lib/conv/kernels.ts';
import { formatWeights } from '@lib/conv/weight-format.ts';
import { parseWeight, ParamError } from '@lib/params/index.ts';
import { kernelLabel } from './formula.ts';
import { RovingCells } from './kernel-keys.ts';

export interface KernelGridEvents {
  preset(name: string): void;
  rows(text: string): void;
  size(n: number): void;
  invalid(message: string): void;
}

export class KernelGrid {
  readonly el: HTMLElement;
  private grid: HTMLElement;
  private presetSelect: HTMLSelectElement;
  private sizeInput: HTMLInputElement;
  private shown = '';
  private cols = 3;
  private keys: RovingCells;

  constructor(private events: KernelGridEvents) {
    this.el = document.createElement('fieldset');
    this.el.className = 'kernel';
    this.el.innerHTML = `<legend>Kernel</legend>
      <div class="row"><label>Preset <select data-role="preset"><option value="">custom</option></select></label>
      <label>Size <input data-role="size" type="number" min="${MIN_KERNEL}" max="${MAX_KERNEL}" step="1" inputmode="numeric"></label></div>
      <div class="grid" data-role="grid" role="grid" aria-label="Kernel weights" aria-describedby="fm-cp-grid-keys"></div>
      <p class="keys fm-screen-only" id="fm-cp-grid-keys">Arrow keys move between weights; type to replace one, Enter to apply.</p>`;
    this.presetSelect = this.el.querySelector('[data-role="preset"]')!;
    for (const p of PRESETS) this.presetSelect.append(new Option(kernelLabel(p, 0, 0).replace(/ 0×0$/, ''), p));
    this.sizeInput = this.el.querySelector('[data-role="size"]')!;
    this.grid = this.el.querySelector('[data-role="grid"]')!;
    this.presetSelect.addEventListener('change', () => this.presetSelect.value && this.events.preset(this.presetSelect.value));
    this.sizeInput.addEventListener('change', () => {
      try {
        this.events.size(parseKernelSize('kernel size', this.sizeInput.value));
      } catch (err) {
        if (err instanceof ParamError) this.events.invalid(err.message);
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
          cell.setAttribute('aria-label', `kernel row ${y + 1}, column ${x + 1}`);
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

  private cells(): HTMLInputElement[] {
    return this.keys.cells();
  }

  private readCells(): void {
    const cells = this.cells();
    const n = this.cols;
    const values: number[] = [];
    let problem: string | null = null;
    cells.forEach((cell, i) => {
      try {
        values.push(parseWeight(`Kernel row ${Math.floor(i / n) + 1}, column ${(i % n) + 1}`, cell.value));
        cell.removeAttribute('aria-invalid');
      } catch (err) {
        if (!(err instanceof ParamError)) throw err;
        cell.setAttribute('aria-invalid', 'true');
        problem ??= `${err.message} The last valid kernel is still in use.`;
      }
    });
    if (problem) this.events.invalid(problem);
    else this.events.rows(formatKernel({ rows: cells.length / n, cols: n, values }));
  }
}
