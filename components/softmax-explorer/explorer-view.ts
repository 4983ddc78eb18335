/**
 * The explorer's static shell and its number table. Only fixed markup goes through innerHTML; every
 * value (numbers, messages) is set as text.
 */
import { formatValue } from '@lib/charts/format.ts';

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
<p class="loss" aria-live="polite"><span data-role="loss">Waiting to compute…</span></p>
<p class="table-title" id="numbers-title">The numbers behind the bars, as the engine computed them</p>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="numbers-title"><table aria-labelledby="numbers-title">
  <thead><tr><th scope="col">Class</th><th scope="col">Logit z</th><th scope="col">p</th><th scope="col">Target q</th><th scope="col">∂L/∂z</th></tr></thead>
  <tbody data-role="rows"></tbody>
</table></div>
<p class="check" data-role="check"></p>
<p class="check" data-role="naive"></p>
<p class="timing"><span data-role="timing"></span> <fm-device-badge></fm-device-badge></p>
<p class="why" data-role="why" hidden></p>`;

/** Numbers in the table: 4 significant digits, a real minus sign. */
export function formatCell(v: number): string {
  if (v === 0 || Object.is(v, -0)) return '0';
  const abs = Math.abs(v);
  const text = abs >= 1e5 || abs < 1e-4 ? abs.toExponential(3) : String(+abs.toPrecision(4));
  return v < 0 ? `\u2212${text}` : text;
}

export interface Row { logit: number; p: number; q: number; grad: number; isTarget: boolean }

export function fillRows(tbody: HTMLElement, rows: readonly Row[]): void {
  tbody.replaceChildren(...rows.map((r, i) => {
    const tr = document.createElement('tr');
    if (r.isTarget) tr.dataset.target = '';
    const head = document.createElement('th');
    head.scope = 'row';
    head.textContent = r.isTarget ? `${i} (true)` : String(i);
    tr.append(head, ...[r.logit, r.p, r.q, r.grad].map((v) => {
      const td = document.createElement('td');
      td.textContent = formatCell(v);
      return td;
    }));
    return tr;
  }));
}

/** One sentence with the key numbers, for the live region and the charts' text alternative. */
export function summary(rows: readonly Row[], target: number, loss: number, temperature: number): string {
  const p = rows[target]!.p;
  return `Cross-entropy L = ${formatCell(loss)} for true class ${target}, whose probability is ${formatCell(p)} at temperature ${formatValue(temperature)}.`;
}
