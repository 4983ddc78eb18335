/**
 * Drawing helpers for `<fm-conv-stepper>`: the static shell and the number grids. Only fixed markup goes
 * through innerHTML; every value (numbers, messages) is set as text.
 */
import { PRESETS, type Kernel2D } from '@lib/conv/kernels.ts';
import { formatNumber, type Step, type StepperPlan } from '@lib/conv/stepper.ts';

const options = (values: readonly (string | number)[]) => values.map((v) => `<option value="${v}">${v}</option>`).join('');

export const SHELL = `
<div class="controls">
  <label>Input size <select data-attr="input-size">${options([3, 4, 5, 6, 7, 8, 9])}</select></label>
  <label>Kernel <select data-attr="kernel">${options(PRESETS)}<option value="" disabled>custom</option></select></label>
  <label>Stride <select data-attr="stride">${options([1, 2, 3])}</select></label>
  <label>Padding <select data-attr="padding">${options(['valid', 'same', 0, 1, 2, 3])}</select></label>
  <label>Dilation <select data-attr="dilation">${options([1, 2, 3])}</select></label>
</div>
<div class="grids">
  <figure class="scroll"><div class="grid" data-grid="input" role="img" aria-label="Input grid"></div><figcaption data-role="input-caption"></figcaption></figure>
  <figure><div class="grid" data-grid="kernel" role="img" aria-label="Kernel"></div><figcaption data-role="kernel-caption"></figcaption></figure>
  <figure><div class="grid" data-grid="products" role="img" aria-label="Products"></div><figcaption>Products: input × kernel, tap by tap</figcaption></figure>
  <figure class="scroll"><div class="grid" data-grid="output" role="img" aria-label="Output grid"></div><figcaption data-role="output-caption"></figcaption></figure>
</div>
<p class="equation" data-role="equation"></p>
<div class="transport">
  <button type="button" data-act="prev">◀ Previous</button>
  <button type="button" data-act="play">Play</button>
  <button type="button" data-act="next">Next ▶</button>
  <label>Output step <input type="range" data-role="scrub" min="0" max="0" step="1" value="0" /></label>
</div>
<p class="live" data-role="live" aria-live="polite"></p>
<p data-role="message" role="alert" hidden></p>
<p class="engine">Computed exactly in JavaScript (the book's float64 reference convolution); no GPU needed.</p>`;

/** Fills a grid with rows × cols text cells and returns them, row-major. */
export function fillGrid(grid: HTMLElement, rows: number, cols: number, text: (r: number, c: number) => string): HTMLElement[] {
  grid.style.setProperty('--cols', String(cols));
  const cells: HTMLElement[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const cell = document.createElement('div');
      cell.className = 'cell';
      cell.textContent = text(r, c);
      cells.push(cell);
    }
  grid.replaceChildren(...cells);
  return cells;
}

/** Rows of numbers as words for a grid's text alternative. */
export function gridWords(rows: number, cols: number, value: (r: number, c: number) => string): string {
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) lines.push(`row ${r + 1}: ${Array.from({ length: cols }, (_, c) => value(r, c)).join(', ')}`);
  return lines.join('; ');
}

/** Marks the window of `step` on the padded input grid: tapped cells and the span between them. */
export function markWindow(cells: HTMLElement[], plan: StepperPlan, step: Step): void {
  const { pads, gridW } = plan;
  const at = (iy: number, ix: number) => cells[(iy + pads.top) * gridW + ix + pads.left];
  for (const cell of cells) { delete cell.dataset.tap; delete cell.dataset.span; }
  const first = step.taps[0]!;
  const last = step.taps[step.taps.length - 1]!;
  for (let iy = first.iy; iy <= last.iy; iy++) for (let ix = first.ix; ix <= last.ix; ix++) at(iy, ix)?.setAttribute('data-span', '');
  for (const t of step.taps) at(t.iy, t.ix)?.setAttribute('data-tap', '');
}

/** Output cells written so far show their values; the current one is marked. */
export function markOutput(cells: HTMLElement[], plan: StepperPlan, current: number): void {
  cells.forEach((cell, i) => {
    cell.textContent = i <= current ? formatNumber(plan.output[i]!) : '';
    cell.toggleAttribute('data-filled', i < current);
    cell.toggleAttribute('data-current', i === current);
  });
}

/** Words for the live region and the slider: 1-based rows and columns, as a reader counts. */
export function describeStep(plan: StepperPlan, step: Step): { short: string; long: string } {
  const n = plan.steps.length;
  const short = `output ${step.index + 1} of ${n}, row ${step.oy + 1} column ${step.ox + 1}`;
  const padded = step.taps.filter((t) => t.padded).length;
  const pad = padded ? `, ${padded} of them on padding zeros` : '';
  return { short, long: `Output ${step.index + 1} of ${n} (row ${step.oy + 1}, column ${step.ox + 1}): ${step.taps.length} products${pad}, adding up to ${formatNumber(step.value)}.` };
}

export interface Cells { input: HTMLElement[]; kernel: HTMLElement[]; products: HTMLElement[]; output: HTMLElement[] }

/** Redraws the four grids and their captions for a new plan; padding cells are marked (dashed zeros). */
export function drawGrids(root: ShadowRoot, plan: StepperPlan, input: readonly number[], kernel: Kernel2D,
  w: { kernelName: string; seed: number; stride: number; dilation: number }): Cells {
  const grid = (name: string) => root.querySelector<HTMLElement>(`[data-grid="${name}"]`)!;
  const caption = (name: string, text: string) => (root.querySelector(`[data-role="${name}-caption"]`)!.textContent = text);
  const { pads, inH, inW } = plan;
  const inputAt = (r: number, c: number) => {
    const iy = r - pads.top;
    const ix = c - pads.left;
    return iy < 0 || iy >= inH || ix < 0 || ix >= inW ? null : input[iy * inW + ix]!;
  };
  const inputText = (r: number, c: number) => String(inputAt(r, c) ?? 0);
  const cells: Cells = {
    input: fillGrid(grid('input'), plan.gridH, plan.gridW, inputText),
    kernel: fillGrid(grid('kernel'), kernel.rows, kernel.cols, (r, c) => formatNumber(kernel.values[r * kernel.cols + c]!)),
    products: fillGrid(grid('products'), kernel.rows, kernel.cols, () => ''),
    output: fillGrid(grid('output'), plan.outH, plan.outW, () => ''),
  };
  cells.input.forEach((cell, i) => cell.toggleAttribute('data-padding', inputAt(Math.floor(i / plan.gridW), i % plan.gridW) === null));
  const padWords = pads.top + pads.bottom + pads.left + pads.right === 0 ? 'no padding'
    : `padding ${pads.top} top, ${pads.bottom} bottom, ${pads.left} left, ${pads.right} right (dashed zeros)`;
  caption('input', `Input ${inH}×${inW}, seed ${w.seed}; ${padWords}`);
  caption('kernel', `Kernel ${kernel.rows}×${kernel.cols} (${w.kernelName}), stride ${w.stride}, dilation ${w.dilation}`);
  caption('output', `Output ${plan.outH}×${plan.outW}: ${plan.steps.length} window positions`);
  grid('input').setAttribute('aria-label', `Input grid, ${padWords}: ${gridWords(plan.gridH, plan.gridW, inputText)}`);
  grid('kernel').setAttribute('aria-label', `Kernel: ${gridWords(kernel.rows, kernel.cols, (r, c) => formatNumber(kernel.values[r * kernel.cols + c]!))}`);
  return cells;
}
