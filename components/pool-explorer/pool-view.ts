/**
 * `<fm-pool-explorer>`'s static shell and drawing helpers: the two maps on one diverging scale, the boxes that
 * mark the window (on the feature map) and the chosen cell (on the pooled map), and the table of the window's
 * values with the max's winner marked. No tfjs; the numbers come from the element.
 */
import { divergingLut, paintChannel, divergingScale, formatValue } from '@lib/charts/diverging.ts';
import type { PoolWindow } from '@lib/pool/window.ts';
import type { PoolOp } from '@lib/pool/tf-pool.ts';
import { SAMPLES } from '@components/conv-playground/settings.ts';
import { explorerMapSize, poolOutput, unreadCells } from '@lib/pool/geometry.ts';
import { DRAW_SIZE } from '@lib/pool/drawing.ts';
import { MODES, POOL_KERNELS, MAX_POOL, type PoolSettings } from './pool-settings.ts';
import { msg, say, t, type Lang, type MessageKey, type Msg } from '@lib/i18n/index.ts';

/** How the summary names each kernel: Sobel's are names, the others words in the reader's language. */
const KERNEL_NAMES: Record<string, Msg | string> = { 'sobel-x': 'Sobel x', 'sobel-y': 'Sobel y', laplacian: msg('poolExplorer.kernelName.laplacian'), identity: msg('poolExplorer.kernelName.identity') };
const modeLabel = (m: PoolOp) => msg(`poolExplorer.mode.${m}`);

/** The words are filled in by `sayShell()`, and again on a change of language: `data-say` a text, `data-say-label` an aria-label. */
export const SHELL = `
<div class="controls">
  <label><span data-say="poolExplorer.input"></span> <select data-attr="image">${SAMPLES.map((s) => `<option value="${s.name}" data-say="photos.${s.name}"></option>`).join('')}<option value="draw" data-say="poolExplorer.yourDrawing"></option></select></label>
  <label><span data-say="poolExplorer.edgeKernel"></span> <select data-attr="kernel">${POOL_KERNELS.map((k) => `<option value="${k}" data-say="poolExplorer.kernel.${k}"></option>`).join('')}</select></label>
  <label class="check"><input type="checkbox" data-attr="relu"> <span data-say="poolExplorer.reluBefore"></span></label>
  <label><span data-say="poolExplorer.pooling"></span> <select data-attr="mode">${MODES.map((m) => `<option value="${m}" data-say="poolExplorer.mode.${m}"></option>`).join('')}</select></label>
  <label><span data-say="poolExplorer.poolSize"></span> <input type="number" data-attr="size" min="1" max="${MAX_POOL}" step="1"></label>
  <label><span data-say="poolExplorer.stride"></span> <input type="number" data-attr="stride" min="1" max="${MAX_POOL}" step="1"></label>
</div>
<p data-role="message" role="alert" hidden></p>
<div class="draw" data-role="draw" hidden></div>
<div class="maps">
  <figure>
    <div class="stage"><canvas data-role="fm" role="img" data-say-label="poolExplorer.fmEmpty"></canvas><div class="box window" data-role="window" hidden></div><div class="box winner" data-role="winner" hidden></div></div>
    <figcaption data-role="fm-caption" data-say="poolExplorer.featureMap"></figcaption>
  </figure>
  <figure>
    <div class="stage"><canvas data-role="out" tabindex="0" role="slider" data-say-label="poolExplorer.outLabel" aria-valuemin="1" aria-valuemax="1" aria-valuenow="1"></canvas><div class="box cursor" data-role="cursor" hidden></div></div>
    <figcaption data-role="out-caption" data-say="poolExplorer.pooledMap"></figcaption>
  </figure>
</div>
<div class="detail">
  <table data-role="window-table"></table>
  <div class="detail-text"><p data-role="window-title" class="window-title"></p><p data-role="window-text"></p></div>
</div>
<p class="legend"><span data-role="lo">−1</span> <span class="ramp" data-role="ramp"></span> <span data-role="hi">1</span> <span data-say="poolExplorer.legend"></span></p>
<p data-role="summary" class="summary" aria-live="polite" data-say="poolExplorer.waiting"></p>
<p class="engine"><fm-device-badge></fm-device-badge> <span data-role="timing">&nbsp;</span></p>`;

/** Says the shell's fixed words (`data-say`, `data-say-label`) in `lang`. */
export function sayShell(root: ParentNode, lang: Lang): void {
  for (const e of root.querySelectorAll<HTMLElement>('[data-say]')) e.textContent = t(lang, e.dataset.say as MessageKey);
  for (const e of root.querySelectorAll<HTMLElement>('[data-say-label]')) e.setAttribute('aria-label', t(lang, e.dataset.sayLabel as MessageKey));
}

export function rampCss(): string {
  const lut = divergingLut();
  const stops = [0, 64, 128, 191, 255].map((i) => `rgb(${lut[i * 3]},${lut[i * 3 + 1]},${lut[i * 3 + 2]})`);
  return `linear-gradient(90deg, ${stops.join(', ')})`;
}

export function paintMap(canvas: HTMLCanvasElement, values: ArrayLike<number>, h: number, w: number, extent: number): void {
  canvas.width = w;
  canvas.height = h;
  const rgba = paintChannel(values, h * w, 1, 0, divergingScale(-extent, extent));
  canvas.getContext('2d')!.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, w, h), 0, 0);
}

/** The feature map's [h, w] for an input (a sample photo shrunk, or the drawing), known before anything is computed. */
export function mapSize(image: string): [number, number] {
  const sample = SAMPLES.find((x) => x.name === image);
  if (!sample) return [DRAW_SIZE - 2, DRAW_SIZE - 2];
  const { h, w } = explorerMapSize(sample.width, sample.height);
  return [h, w];
}

/**
 * Room (data-reserve) for the captions and words a result for settings `s` will write, and with `shell` (before the
 * first result) both canvases at the maps' sizes and the window table with blank cells, so nothing moves when the
 * numbers arrive. Typical numbers stand in for the real ones in the reserved room; nothing made up is shown.
 */
export function holdLayout(root: ShadowRoot, s: PoolSettings, shell: boolean, lang: Lang): void {
  const $ = <T extends HTMLElement = HTMLElement>(role: string) => root.querySelector<T>(`[data-role="${role}"]`)!;
  const [h, w] = mapSize(s.image);
  const geo = poolOutput(h, w, s.size, s.stride);
  if ('error' in geo) return;
  const [oh, ow] = s.mode === 'global' ? [1, 1] : [geo.outH, geo.outW];
  const words = mapCaptions(s, [h, w], [oh, ow], [-1.23, 1.23], lang);
  $('fm-caption').dataset.reserve = words.featureMap;
  const [r, c] = [Math.floor(oh / 2), Math.floor(ow / 2)];
  const n = s.mode === 'global' ? h * w : s.size * s.size;
  const side = s.mode === 'global' ? [h, w] : [s.size, s.size];
  const win: PoolWindow = { top: r * s.stride, left: c * s.stride, rows: side[0]!, cols: side[1]!, values: new Array<number>(n).fill(0), max: 1.23, argmax: [r * s.stride, c * s.stride], ties: 1, sum: 0.456 * n, mean: 0.456 };
  if (shell) {
    for (const [role, cw, ch] of [['fm', w, h], ['out', ow, oh]] as const) {
      const canvas = $<HTMLCanvasElement>(role);
      canvas.width = cw;
      canvas.height = ch;
    }
    $('out-caption').textContent = words.pooled;
    const table = $<HTMLTableElement>('window-table');
    fillWindowTable(table, win, s.mode, lang);
    if (table.caption) { table.caption.dataset.reserve = table.caption.textContent!; table.caption.textContent = t(lang, 'poolExplorer.windowValues'); }
    for (const td of table.querySelectorAll('td')) { td.textContent = '\u00a0'; td.className = ''; td.removeAttribute('title'); }
  }
  const words2 = windowWords(win, s.mode, 1.23, lang);
  $('window-title').dataset.reserve = t(lang, 'poolExplorer.cellTitle', { row: r + 1, col: c + 1, title: words2.title });
  $('window-text').dataset.reserve = words2.text;
  $('summary').dataset.reserve = summaryWords(s, h, w, oh, ow, t(lang, 'poolExplorer.cellSummary', { title: words2.title, row: r + 1, col: c + 1 }), lang);
}

/** Places an outline over cells [top, top + rows) × [left, left + cols) of an h×w map, in percent (scales with the canvas). */
export function placeBox(box: HTMLElement, top: number, left: number, rows: number, cols: number, h: number, w: number): void {
  Object.assign(box.style, { top: `${(100 * top) / h}%`, left: `${(100 * left) / w}%`, height: `${(100 * rows) / h}%`, width: `${(100 * cols) / w}%` });
}

const rc = (r: number, c: number) => msg('poolExplorer.rowCol', { row: r + 1, col: c + 1 });

/** The window's values (small windows only), the winner marked by weight and outline, not by colour alone. */
export function fillWindowTable(table: HTMLTableElement, win: PoolWindow, mode: PoolOp, lang: Lang): void {
  table.replaceChildren();
  if (mode === 'global') { table.hidden = true; return; }
  table.hidden = false;
  const caption = table.createCaption();
  caption.textContent = t(lang, 'poolExplorer.windowCaption', { top: win.top + 1, bottom: win.top + win.rows, left: win.left + 1, right: win.left + win.cols });
  const body = table.createTBody();
  for (let r = 0; r < win.rows; r++) {
    const tr = body.insertRow();
    for (let c = 0; c < win.cols; c++) {
      const td = tr.insertCell();
      const v = win.values[r * win.cols + c]!;
      td.textContent = formatValue(v);
      const won = v === win.max;
      td.classList.toggle('won', mode === 'max' && won);
      if (mode === 'max' && won) td.title = t(lang, win.ties > 1 ? 'poolExplorer.tiesMax' : 'poolExplorer.theMax');
    }
  }
}

/** Words for the chosen cell: what the pooling took from its window, with the arithmetic of the average. */
export function windowWords(win: PoolWindow, mode: PoolOp, value: number, lang: Lang): { title: string; text: string } {
  const n = win.values.length;
  const avg = msg('poolExplorer.avgSum', { n: String(n), sum: formatValue(win.sum), mean: formatValue(win.mean) });
  if (mode === 'global') {
    return { title: t(lang, 'poolExplorer.globalTitle', { value: formatValue(value) }), text: t(lang, 'poolExplorer.globalText', { n, avg, max: formatValue(win.max) }) };
  }
  if (mode === 'avg') {
    return { title: t(lang, 'poolExplorer.avgTitle', { value: formatValue(value) }), text: t(lang, 'poolExplorer.avgText', { n: String(n), avg, max: formatValue(win.max) }) };
  }
  const rest = n - win.ties;
  const who = win.ties > 1
    ? msg('poolExplorer.maxTies', { ties: win.ties, max: formatValue(win.max), at: rc(...win.argmax) })
    : msg('poolExplorer.maxWinner', { at: rc(...win.argmax) });
  const mean = formatValue(win.mean);
  const text = rest === 0 ? t(lang, 'poolExplorer.maxText', { who, mean })
    : t(lang, 'poolExplorer.maxTextDropped', { who, dropped: msg('poolExplorer.dropped', { count: rest }), mean });
  return { title: t(lang, 'poolExplorer.maxTitle', { value: formatValue(value) }), text };
}

/** The cell with the largest pooled value (the first on ties), [row, col]. */
export function strongest(values: ArrayLike<number>, w: number): [number, number] {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return [Math.floor(best / w), best % w];
}

/** The live summary: how much smaller the map got, the chosen cell, and any rows or columns no window reads. */
export function summaryWords(s: PoolSettings, h: number, w: number, oh: number, ow: number, cell: string, lang: Lang): string {
  const unread = s.mode === 'global' ? 0 : unreadCells(h, s.size, s.stride) + unreadCells(w, s.size, s.stride);
  const size = s.mode === 'global' ? msg('poolExplorer.oneNumber') : `${oh}×${ow}`;
  const fewer = (h * w) / (oh * ow);
  const params = { mode: modeLabel(s.mode), h: String(h), w: String(w), size, fewer: fewer.toFixed(fewer < 10 ? 1 : 0), cell };
  return unread
    ? t(lang, 'poolExplorer.summaryUnread', { ...params, unread: msg('poolExplorer.unread', { count: unread, size: String(s.size), stride: String(s.stride) }) })
    : t(lang, 'poolExplorer.summary', params);
}

/** The two maps' captions (also the feature map's text alternative), with sizes and the value range. */
export function mapCaptions(s: PoolSettings, [h, w]: readonly number[], [oh, ow]: readonly number[], [lo, hi]: readonly number[], lang: Lang): { featureMap: string; pooled: string } {
  const source = s.image === 'draw' ? msg('poolExplorer.yourDrawingSource') : msg(`photos.${s.image}` as 'photos.chelsea');
  const fm = { h: String(h), w: String(w), source, kernel: KERNEL_NAMES[s.kernel]!, lo: formatValue(lo!), hi: formatValue(hi!) };
  const pooled = { mode: modeLabel(s.mode), oh: String(oh), ow: String(ow) };
  return {
    featureMap: t(lang, s.relu ? 'poolExplorer.fmCaptionRelu' : 'poolExplorer.fmCaption', fm),
    pooled: s.mode === 'global' ? t(lang, 'poolExplorer.pooledGlobal', pooled) : t(lang, 'poolExplorer.pooledWindows', { ...pooled, size: String(s.size), stride: String(s.stride) }),
  };
}
