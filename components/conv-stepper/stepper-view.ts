/**
 * Drawing helpers for `<fm-conv-stepper>`: the static shell and the number grids. Only fixed markup goes
 * through innerHTML; every value (numbers, messages) is set as text.
 */
import { PRESETS, type Kernel2D } from '@lib/conv/kernels.ts';
import { formatNumber, type Step, type StepperPlan } from '@lib/conv/stepper.ts';
import { t, type Lang, type MessageKey } from '@lib/i18n/index.ts';

const options = (values: readonly (string | number)[]) => values.map((v) => `<option value="${v}">${v}</option>`).join('');

export const SHELL = `
<div class="controls">
  <label><span data-t="convStepper.inputSize"></span> <select data-attr="input-size">${options([3, 4, 5, 6, 7, 8, 9])}</select></label>
  <label><span data-t="convStepper.kernel"></span> <select data-attr="kernel">${PRESETS.map((v) => `<option value="${v}" data-t="convStepper.preset.${v}">${v}</option>`).join('')}<option value="" disabled data-t="convStepper.custom"></option></select></label>
  <label><span data-t="convStepper.stride"></span> <select data-attr="stride">${options([1, 2, 3])}</select></label>
  <label><span data-t="convStepper.padding"></span> <select data-attr="padding">${options(['valid', 'same', 0, 1, 2, 3])}</select></label>
  <label><span data-t="convStepper.dilation"></span> <select data-attr="dilation">${options([1, 2, 3])}</select></label>
</div>
<div class="grids">
  <figure class="scroll"><div class="grid" data-grid="input" role="img" data-t-label="convStepper.inputGrid"></div><figcaption data-role="input-caption"></figcaption></figure>
  <figure><div class="grid" data-grid="kernel" role="img" data-t-label="convStepper.kernelGrid"></div><figcaption data-role="kernel-caption"></figcaption></figure>
  <figure><div class="grid" data-grid="products" role="img" data-t-label="convStepper.productsGrid"></div><figcaption data-t="convStepper.productsCaption"></figcaption></figure>
  <figure class="scroll"><div class="grid" data-grid="output" role="img" data-t-label="convStepper.outputGrid"></div><figcaption data-role="output-caption"></figcaption></figure>
</div>
<p class="equation" data-role="equation"></p>
<div class="transport">
  <button type="button" data-act="prev" data-t="convStepper.previous"></button>
  <button type="button" data-act="play" data-t="convStepper.play"></button>
  <button type="button" data-act="next" data-t="convStepper.next"></button>
  <label><span data-t="convStepper.outputStep"></span> <input type="range" data-role="scrub" min="0" max="0" step="1" value="0" /></label>
</div>
<p class="live" data-role="live" aria-live="polite"></p>
<p data-role="message" role="alert" hidden></p>
<p class="engine" data-t="convStepper.engine"></p>`;

/** Writes the shell's fixed words in `lang`: `data-t` names an element's text, `data-t-label` its aria-label. */
export function labelShell(root: ShadowRoot, lang: Lang): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-t]')) el.textContent = t(lang, el.dataset.t as MessageKey);
  for (const el of root.querySelectorAll<HTMLElement>('[data-t-label]')) el.setAttribute('aria-label', t(lang, el.dataset.tLabel as MessageKey));
}

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
export function gridWords(lang: Lang, rows: number, cols: number, value: (r: number, c: number) => string): string {
  const lines: string[] = [];
  const cells = t(lang, 'convStepper.cellSeparator');
  for (let r = 0; r < rows; r++) lines.push(t(lang, 'convStepper.gridRow', { row: r + 1, values: Array.from({ length: cols }, (_, c) => value(r, c)).join(cells) }));
  return lines.join(t(lang, 'convStepper.rowSeparator'));
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
export function describeStep(lang: Lang, plan: StepperPlan, step: Step): { short: string; long: string } {
  const at = { index: step.index + 1, count: plan.steps.length, row: step.oy + 1, col: step.ox + 1 };
  const padded = step.taps.filter((tap) => tap.padded).length;
  const sum = { ...at, taps: step.taps.length, value: formatNumber(step.value) };
  return {
    short: t(lang, 'convStepper.stepShort', at),
    long: padded ? t(lang, 'convStepper.stepLongPadded', { ...sum, padded }) : t(lang, 'convStepper.stepLong', sum),
  };
}

export interface Cells { input: HTMLElement[]; kernel: HTMLElement[]; products: HTMLElement[]; output: HTMLElement[] }

/** Redraws the four grids for a new plan; padding cells are marked (dashed zeros). Their words: `labelGrids`. */
export function drawGrids(root: ShadowRoot, plan: StepperPlan, input: readonly number[], kernel: Kernel2D): Cells {
  const grid = (name: string) => root.querySelector<HTMLElement>(`[data-grid="${name}"]`)!;
  const cells: Cells = {
    input: fillGrid(grid('input'), plan.gridH, plan.gridW, (r, c) => String(inputAt(plan, input, r, c) ?? 0)),
    kernel: fillGrid(grid('kernel'), kernel.rows, kernel.cols, (r, c) => formatNumber(kernel.values[r * kernel.cols + c]!)),
    products: fillGrid(grid('products'), kernel.rows, kernel.cols, () => ''),
    output: fillGrid(grid('output'), plan.outH, plan.outW, () => ''),
  };
  cells.input.forEach((cell, i) => cell.toggleAttribute('data-padding', inputAt(plan, input, Math.floor(i / plan.gridW), i % plan.gridW) === null));
  return cells;
}

/** The input value under padded-grid cell (r, c), or null in the padding. */
function inputAt(plan: StepperPlan, input: readonly number[], r: number, c: number): number | null {
  const iy = r - plan.pads.top;
  const ix = c - plan.pads.left;
  return iy < 0 || iy >= plan.inH || ix < 0 || ix >= plan.inW ? null : input[iy * plan.inW + ix]!;
}

/** The grids' captions and text alternatives in `lang` (with the plan drawn, and again on a change of language). */
export function labelGrids(root: ShadowRoot, lang: Lang, plan: StepperPlan, input: readonly number[], kernel: Kernel2D,
  w: { kernelName: string; seed: number; stride: number; dilation: number }): void {
  const grid = (name: string) => root.querySelector<HTMLElement>(`[data-grid="${name}"]`)!;
  const caption = (name: string, text: string) => (root.querySelector(`[data-role="${name}-caption"]`)!.textContent = text);
  const { pads, inH, inW } = plan;
  const inputText = (r: number, c: number) => String(inputAt(plan, input, r, c) ?? 0);
  const padWords = pads.top + pads.bottom + pads.left + pads.right === 0 ? t(lang, 'convStepper.noPadding')
    : t(lang, 'convStepper.pads', pads);
  // Sizes and the seed as text: a seed is a name, never grouped (2147483647, not 2,147,483,647).
  caption('input', t(lang, 'convStepper.inputCaption', { h: String(inH), w: String(inW), seed: String(w.seed), padding: padWords }));
  caption('kernel', t(lang, 'convStepper.kernelCaption', { rows: String(kernel.rows), cols: String(kernel.cols), name: w.kernelName, stride: w.stride, dilation: w.dilation }));
  caption('output', t(lang, 'convStepper.outputCaption', { h: String(plan.outH), w: String(plan.outW), count: plan.steps.length }));
  grid('input').setAttribute('aria-label', t(lang, 'convStepper.inputLabel', { padding: padWords, grid: gridWords(lang, plan.gridH, plan.gridW, inputText) }));
  grid('kernel').setAttribute('aria-label', t(lang, 'convStepper.kernelLabel', { grid: gridWords(lang, kernel.rows, kernel.cols, (r, c) => formatNumber(kernel.values[r * kernel.cols + c]!)) }));
}
