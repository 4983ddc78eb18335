/**
 * The explorer's static shell and its number table. Only fixed markup goes through innerHTML; every
 * value (numbers, messages) is set as text.
 */
import { formatValue } from '@lib/charts/format.ts';
import { EXP_LIMIT } from '@lib/losses/softmax.ts';

export const SHELL = `
<div class="controls">
  <label class="wide">Logits z (3–10, comma-separated) <input type="text" data-role="logits" spellcheck="false" autocomplete="off"></label>
  <label>True class <select data-role="target"></select></label>
  <label>Temperature T
    <span class="pair"><input type="range" data-role="temperature-range" min="-2" max="2" step="0.01" aria-label="Temperature T (slider, logarithmic)"><input type="number" data-role="temperature" min="0.01" max="100" step="0.01" aria-label="Temperature T"></span></label>
  <label>Label smoothing α
    <span class="pair"><input type="range" data-role="smoothing-range" min="0" max="0.5" step="0.01" aria-label="Label smoothing α (slider)"><input type="number" data-role="smoothing" min="0" max="1" step="0.01" aria-label="Label smoothing α"></span></label>
</div>
<p data-role="message" role="alert" hidden></p>
<div class="charts">
  <figure><div data-role="logit-chart" class="chart"></div><figcaption>Logits z — drag a bar, or focus it and use the arrow keys (Shift for steps of 1)</figcaption></figure>
  <figure><div data-role="prob-chart" class="chart"></div><figcaption>Probabilities p = softmax(z / T); the outlined marks are the target q</figcaption></figure>
  <figure><div data-role="grad-chart" class="chart"></div><figcaption>Gradient ∂L/∂z of the cross-entropy (orange: push the logit down; purple: push it up)</figcaption></figure>
</div>
<p class="loss" data-role="loss-line" aria-live="polite"><span data-role="loss">Waiting to compute…</span></p>
<p class="table-title" id="numbers-title">The numbers behind the bars, as the engine computed them</p>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="numbers-title"><table aria-labelledby="numbers-title">
  <thead><tr><th scope="col">Class</th><th scope="col">Logit z</th><th scope="col">p</th><th scope="col">Target q</th><th scope="col">∂L/∂z</th></tr></thead>
  <tbody data-role="rows"></tbody>
</table></div>
<p class="check" data-role="check" data-reserve="${checkText(0.4076, 2.98e-8)}"></p>
<p class="check" data-role="naive" data-reserve="${naiveText(2)}"></p>
<p class="timing"><fm-device-badge></fm-device-badge> <span data-role="timing">&nbsp;</span></p>
<p class="why" data-role="why" hidden></p>`;

/** Numbers in the table: 4 significant digits, a real minus sign. */
export function formatCell(v: number): string {
  if (v === 0 || Object.is(v, -0)) return '0';
  const abs = Math.abs(v);
  const text = abs >= 1e5 || abs < 1e-4 ? abs.toExponential(3) : String(+abs.toPrecision(4));
  return v < 0 ? `\u2212${text}` : text;
}

export interface Row { logit: number; p: number; q: number; grad: number; isTarget: boolean }
/** A row before the engine has computed p and ∂L/∂z (the shell's table: its cells left blank). */
export type PendingRow = Omit<Row, 'p' | 'grad'> & { p: number | null; grad: number | null };

export function fillRows(tbody: HTMLElement, rows: readonly PendingRow[]): void {
  tbody.replaceChildren(...rows.map((r, i) => {
    const tr = document.createElement('tr');
    if (r.isTarget) tr.dataset.target = '';
    const head = document.createElement('th');
    head.scope = 'row';
    head.textContent = r.isTarget ? `${i} (true)` : String(i);
    tr.append(head, ...[r.logit, r.p, r.q, r.grad].map((v) => {
      const td = document.createElement('td');
      td.textContent = v === null ? '' : formatCell(v);
      return td;
    }));
    return tr;
  }));
}

/** One sentence with the key numbers (`p`: the true class's probability), for the live region and the charts' text alternative. */
export function summary(p: number, target: number, loss: number, temperature: number): string {
  return `Cross-entropy L = ${formatCell(loss)} for true class ${target}, whose probability is ${formatCell(p)} at temperature ${formatValue(temperature)}.`;
}

/** The derivation's claim, live: the float64 formula's loss, and how far autodiff's gradient is from (p − q)/T. */
export function checkText(loss: number, diff: number): string {
  return `Check: the exact float64 formula (p − q)/T and loss ${formatCell(loss)} agree with the engine's autodiff to within ${formatCell(diff)} on every logit.`;
}

/** What the naive formula does in float32: `top` the largest z/T; `naive` its outputs when they are not all finite. */
export function naiveText(top: number, naive?: readonly number[], sum?: number): string {
  return naive === undefined
    ? `The naive formula exp(zᵢ/T) / Σ exp(zⱼ/T) would also work here in float32 (largest z/T = ${formatCell(top)}, below ${EXP_LIMIT.float32.toFixed(1)}).`
    : `The naive formula exp(zᵢ/T) / Σ exp(zⱼ/T) fails here in float32: it gives ${naive.map((v) => formatCell(v)).join(', ')}. Subtracting the largest z/T first (log-sum-exp) keeps every number finite; p still sums to ${formatCell(sum ?? 1)}.`;
}
