/**
 * One card per run: its set-up, progress, the test accuracy (measured once, after the last epoch), per-class
 * accuracy and a confusion matrix on the same test images, of buttons — pressing a cell (mouse or keyboard) lists
 * the test images behind it. Built with DOM calls and textContent only.
 */
import { runLabel } from '@lib/transfer/config.ts';
import { greyInto } from '@lib/image/pixels.ts';
import { cellImages, count, describeConfig, describeResult, pct } from '@lib/transfer/summary.ts';
import type { RunConfig } from '@lib/transfer/config.ts';
import type { EpochPoint, RunResult } from '@lib/transfer/run.ts';
import type { TaskData } from '@lib/transfer/targets.ts';
import { say, t, type Lang, type Msg } from '@lib/i18n/index.ts';

/** A text kept to be said in the language of the moment: a catalogue message, or a sentence built from kept figures. */
export type Said = Msg | ((lang: Lang) => string);
export const sayIn = (lang: Lang, said: Said): string => (typeof said === 'function' ? said(lang) : say(lang, said));

export type SlotState = 'queued' | 'running' | 'done' | 'cancelled' | 'error';
export interface Slot { config: RunConfig; state: SlotState; progress: number; note: Said; curve: EpochPoint[]; result?: RunResult; data?: TaskData; stale?: boolean }

/**
 * A run as plain data: what `getResults()` and `fm-result` give embedding pages and tests. `curve`: per epoch, on
 * the validation images; `accuracy`, `perClass`, `confusion`: on the test images, measured once after the last
 * epoch (null / empty for a run that did not finish); `counts`: images in each set.
 */
export interface RunSummary {
  run: string; state: Slot['state']; config: RunConfig; cancelled: boolean; accuracy: number | null; perClass: number[]; confusion: number[][];
  curve: EpochPoint[]; counts: RunResult['counts'] | null; path: string | null; steps: number; batchSize: number | null; msPerEpoch: number | null;
  featureMs: number | null; totalMs: number | null;
}

export function summary(i: number, s: Slot): RunSummary {
  const r = s.result;
  return {
    run: runLabel(i), state: s.state, config: { ...s.config }, cancelled: s.state === 'cancelled', accuracy: r && r.pred.length ? r.accuracy : null,
    perClass: r?.perClass ?? [], confusion: r?.confusion ?? [], curve: [...s.curve], counts: r ? { ...r.counts } : null, path: r?.path ?? null, steps: r?.losses.length ?? 0,
    batchSize: r?.batchSize ?? null, msPerEpoch: r?.msPerEpoch ?? null, featureMs: r?.featureMs ?? null, totalMs: r?.totalMs ?? null,
  };
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};

/** Card skeleton for run `i` (reused while the run progresses); `level`, its heading's (src/lib/widget/heading-level.ts). */
export function slotCard(i: number, level: number): HTMLElement {
  const card = el('section', `card run-${i}`);
  card.dataset.run = String(i);
  const h = el(`h${level}` as 'h3', 'title');
  const swatch = el('span', `swatch run-${i}`);
  swatch.setAttribute('aria-hidden', 'true');
  h.append(swatch, el('span', 'name'));
  card.append(h, el('p', 'config'), el('progress'), el('p', 'note'), el('p', 'accuracy'), el('div', 'detail'));
  return card;
}

/** Updates the parts that change during a run; rebuilds the details when a result arrives. */
export function showSlot(card: HTMLElement, i: number, slot: Slot, withDetail: boolean, lang: Lang): void {
  const q = <T extends HTMLElement>(s: string) => card.querySelector<T>(s)!;
  const run = runLabel(i);
  card.setAttribute('aria-label', t(lang, 'finetuneLab.run', { run }));
  q('.title .name').textContent = t(lang, 'finetuneLab.run', { run });
  const config = describeConfig(slot.config, lang);
  q('.config').textContent = slot.stale ? t(lang, 'finetuneLab.stale', { config }) : config;
  const bar = q<HTMLProgressElement>('progress');
  bar.hidden = slot.state !== 'running' && slot.state !== 'queued';
  bar.value = slot.progress;
  bar.setAttribute('aria-label', t(lang, 'finetuneLab.progressLabel', { run }));
  q('.note').textContent = sayIn(lang, slot.note);
  q('.note').dataset.kind = slot.state;
  const r = slot.result;
  q('.accuracy').textContent = r && r.pred.length ? t(lang, 'finetuneLab.testAccuracy', { accuracy: pct(r.accuracy, lang) }) : '';
  if (withDetail) q('.detail').replaceChildren(...(r && slot.data && r.pred.length ? detail(i, r, slot.data, lang) : []));
}

function detail(i: number, r: RunResult, data: TaskData, lang: Lang): HTMLElement[] {
  const names = data.classNames;
  const summary = el('p', 'summary', describeResult(r, names, lang));
  const per = el('ul', 'per-class');
  per.setAttribute('aria-label', t(lang, 'finetuneLab.perClassLabel', { run: runLabel(i) }));
  r.perClass.forEach((a, c) => {
    const li = el('li');
    const bar = el('span', 'bar');
    bar.style.width = `${Math.round(100 * (Number.isFinite(a) ? a : 0))}%`;
    li.append(el('span', 'name', names[c]), el('span', 'track'), el('span', 'value', pct(a, lang)));
    li.querySelector('.track')!.append(bar);
    per.append(li);
  });
  const viewer = el('div', 'viewer');
  viewer.hidden = true;
  return [summary, per, matrix(i, r, data, viewer, lang), viewer];
}

function matrix(i: number, r: RunResult, data: TaskData, viewer: HTMLElement, lang: Lang): HTMLElement {
  const names = data.classNames;
  const table = el('table', 'confusion');
  table.append(el('caption', undefined, t(lang, 'finetuneLab.confusion', { images: count(lang, r.pred.length), run: runLabel(i) })));
  const head = el('tr');
  head.append(el('th', 'corner', t(lang, 'finetuneLab.corner')), ...names.map((n) => Object.assign(el('th', undefined, n), { scope: 'col' })));
  table.append(head);
  r.confusion.forEach((row, t) => {
    const tr = el('tr');
    tr.append(Object.assign(el('th', undefined, names[t]), { scope: 'row' }));
    const total = row.reduce((a, b) => a + b, 0) || 1;
    row.forEach((n, p) => {
      const td = el('td', t === p ? 'diag' : undefined);
      const b = el('button', undefined, String(n));
      b.type = 'button';
      b.style.setProperty('--share', `${Math.round(40 * (n / total))}%`);
      b.setAttribute('aria-label', say(lang, { key: 'finetuneLab.cell', params: { truth: String(names[t]), predicted: String(names[p]), count: n } }));
      b.disabled = n === 0;
      b.addEventListener('click', () => showImages(viewer, r, data, t, p, lang));
      td.append(b);
      tr.append(td);
    });
    table.append(tr);
  });
  return table;
}

function showImages(viewer: HTMLElement, r: RunResult, data: TaskData, t: number, p: number, lang: Lang): void {
  const names = data.classNames;
  const idx = cellImages(r.pred, data.test.labels, t, p);
  const who = { truth: String(names[t]), predicted: String(names[p]) };
  const heading = el('p', 'viewer-title', say(lang, { key: t === p ? 'finetuneLab.right' : 'finetuneLab.mistaken', params: { ...who, count: idx.length } }));
  heading.tabIndex = -1;
  const list = el('div', 'thumbs');
  for (const k of idx.slice(0, 48)) {
    const c = el('canvas');
    c.width = 28;
    c.height = 28;
    c.setAttribute('role', 'img');
    c.setAttribute('aria-label', say(lang, { key: 'finetuneLab.thumb', params: { ...who, n: count(lang, k + 1) } }));
    const img = new ImageData(28, 28);
    greyInto(img.data, 28, 0, data.test.images, 28, 28, k * 784, true);
    c.getContext('2d')!.putImageData(img, 0, 0);
    list.append(c);
  }
  const close = el('button', 'close', say(lang, { key: 'finetuneLab.close' }));
  close.type = 'button';
  close.addEventListener('click', () => { viewer.hidden = true; });
  viewer.replaceChildren(heading, list, ...(idx.length > 48 ? [el('p', undefined, say(lang, { key: 'finetuneLab.firstShown', params: { total: count(lang, idx.length) } }))] : []), close);
  viewer.hidden = false;
  heading.focus();
}
