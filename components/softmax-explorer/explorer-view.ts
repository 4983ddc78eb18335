/**
 * The explorer's static shell and its number table. Only fixed markup goes through innerHTML; every
 * value (numbers, messages) is set as text.
 */
import { formatValue } from '@lib/charts/format.ts';
import { EXP_LIMIT } from '@lib/losses/softmax.ts';
import { t, type Lang, type MessageKey } from '@lib/i18n/index.ts';

export const SHELL = `
<div class="controls">
  <label class="wide"><span data-t="softmaxExplorer.logits"></span> <input type="text" data-role="logits" spellcheck="false" autocomplete="off"></label>
  <label><span data-t="softmaxExplorer.trueClass"></span> <select data-role="target"></select></label>
  <label><span data-t="softmaxExplorer.temperature"></span>
    <span class="pair"><input type="range" data-role="temperature-range" min="-2" max="2" step="0.01" data-t-label="softmaxExplorer.temperatureSlider"><input type="number" data-role="temperature" min="0.01" max="100" step="0.01" data-t-label="softmaxExplorer.temperature"></span></label>
  <label><span data-t="softmaxExplorer.smoothing"></span>
    <span class="pair"><input type="range" data-role="smoothing-range" min="0" max="0.5" step="0.01" data-t-label="softmaxExplorer.smoothingSlider"><input type="number" data-role="smoothing" min="0" max="1" step="0.01" data-t-label="softmaxExplorer.smoothing"></span></label>
</div>
<p data-role="message" role="alert" hidden></p>
<div class="charts">
  <figure><div data-role="logit-chart" class="chart"></div><figcaption data-t="softmaxExplorer.logitCaption"></figcaption></figure>
  <figure><div data-role="prob-chart" class="chart"></div><figcaption data-t="softmaxExplorer.probCaption"></figcaption></figure>
  <figure><div data-role="grad-chart" class="chart"></div><figcaption data-t="softmaxExplorer.gradCaption"></figcaption></figure>
</div>
<p class="loss" data-role="loss-line" aria-live="polite"><span data-role="loss" data-t="softmaxExplorer.waiting"></span></p>
<p class="table-title" id="numbers-title" data-t="softmaxExplorer.tableTitle"></p>
<div class="table-scroll" tabindex="0" role="group" aria-labelledby="numbers-title"><table aria-labelledby="numbers-title">
  <thead><tr><th scope="col" data-t="softmaxExplorer.colClass"></th><th scope="col" data-t="softmaxExplorer.colLogit"></th><th scope="col">p</th><th scope="col" data-t="softmaxExplorer.colTarget"></th><th scope="col">∂L/∂z</th></tr></thead>
  <tbody data-role="rows"></tbody>
</table></div>
<p class="check" data-role="check"></p>
<p class="check" data-role="naive"></p>
<p class="timing"><fm-device-badge></fm-device-badge> <span data-role="timing">&nbsp;</span></p>
<p class="why" data-role="why" hidden></p>`;

/**
 * Writes the shell's fixed words in `lang` (`data-t`: text, `data-t-label`: aria-label) and the stand-in sentences
 * the result will replace (`data-reserve`). `pending`: the loss line still says it is waiting.
 */
export function labelShell(root: ShadowRoot, lang: Lang, pending: boolean): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-t]')) if (pending || el.dataset.role !== 'loss') el.textContent = t(lang, el.dataset.t as MessageKey);
  for (const el of root.querySelectorAll<HTMLElement>('[data-t-label]')) el.setAttribute('aria-label', t(lang, el.dataset.tLabel as MessageKey));
  root.querySelector<HTMLElement>('[data-role="check"]')!.dataset.reserve = checkText(lang, 0.4076, 2.98e-8);
  root.querySelector<HTMLElement>('[data-role="naive"]')!.dataset.reserve = naiveText(lang, 2);
}

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

export function fillRows(tbody: HTMLElement, lang: Lang, rows: readonly PendingRow[]): void {
  tbody.replaceChildren(...rows.map((r, i) => {
    const tr = document.createElement('tr');
    if (r.isTarget) tr.dataset.target = '';
    const head = document.createElement('th');
    head.scope = 'row';
    head.textContent = r.isTarget ? t(lang, 'softmaxExplorer.trueRow', { class: String(i) }) : String(i);
    tr.append(head, ...[r.logit, r.p, r.q, r.grad].map((v) => {
      const td = document.createElement('td');
      td.textContent = v === null ? '' : formatCell(v);
      return td;
    }));
    return tr;
  }));
}

/** One sentence with the key numbers (`p`: the true class's probability), for the live region and the charts' text alternative. */
export function summary(lang: Lang, p: number, target: number, loss: number, temperature: number): string {
  return t(lang, 'softmaxExplorer.summary', { loss: formatCell(loss), target: String(target), p: formatCell(p), temperature: formatValue(temperature) });
}

/** The derivation's claim, live: the float64 formula's loss, and how far autodiff's gradient is from (p − q)/T. */
export function checkText(lang: Lang, loss: number, diff: number): string {
  return t(lang, 'softmaxExplorer.check', { loss: formatCell(loss), diff: formatCell(diff) });
}

/** What the naive formula does in float32: `top` the largest z/T; `naive` its outputs when they are not all finite. */
export function naiveText(lang: Lang, top: number, naive?: readonly number[], sum?: number): string {
  return naive === undefined
    ? t(lang, 'softmaxExplorer.naiveWorks', { top: formatCell(top), limit: EXP_LIMIT.float32.toFixed(1) })
    : t(lang, 'softmaxExplorer.naiveFails', { values: naive.map((v) => formatCell(v)).join(t(lang, 'softmaxExplorer.valueSeparator')), sum: formatCell(sum ?? 1) });
}
