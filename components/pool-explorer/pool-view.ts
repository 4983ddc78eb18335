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
import { MODES, MODE_LABELS, POOL_KERNELS, MAX_POOL, type PoolSettings } from './pool-settings.ts';

const KERNEL_NAMES: Record<string, string> = { 'sobel-x': 'Sobel x', 'sobel-y': 'Sobel y', laplacian: 'the Laplacian', identity: 'the identity kernel' };
const KERNEL_LABELS: Record<string, string> = { 'sobel-x': 'Sobel x (vertical edges)', 'sobel-y': 'Sobel y (horizontal edges)', laplacian: 'Laplacian (spots, both sides of edges)', identity: 'None (the input itself)' };
const opts = (pairs: [string, string][]) => pairs.map(([v, t]) => `<option value="${v}">${t}</option>`).join('');

export const SHELL = `
<div class="controls">
  <label>Input <select data-attr="image">${opts([...SAMPLES.map((s): [string, string] => [s.name, s.title]), ['draw', 'Your drawing']])}</select></label>
  <label>Edge kernel <select data-attr="kernel">${opts(POOL_KERNELS.map((k) => [k, KERNEL_LABELS[k]!]))}</select></label>
  <label class="check"><input type="checkbox" data-attr="relu"> ReLU before pooling</label>
  <label>Pooling <select data-attr="mode">${opts(MODES.map((m) => [m, MODE_LABELS[m]]))}</select></label>
  <label>Pool size <input type="number" data-attr="size" min="1" max="${MAX_POOL}" step="1"></label>
  <label>Stride <input type="number" data-attr="stride" min="1" max="${MAX_POOL}" step="1"></label>
</div>
<p data-role="message" role="alert" hidden></p>
<div class="draw" data-role="draw" hidden></div>
<div class="maps">
  <figure>
    <div class="stage"><canvas data-role="fm" role="img" aria-label="Feature map: not computed yet"></canvas><div class="box window" data-role="window" hidden></div><div class="box winner" data-role="winner" hidden></div></div>
    <figcaption data-role="fm-caption">Feature map</figcaption>
  </figure>
  <figure>
    <div class="stage"><canvas data-role="out" tabindex="0" role="slider" aria-label="Pooled map: choose a cell with the arrow keys or a click" aria-valuemin="1" aria-valuemax="1" aria-valuenow="1" aria-valuetext="not computed yet"></canvas><div class="box cursor" data-role="cursor" hidden></div></div>
    <figcaption data-role="out-caption">Pooled map</figcaption>
  </figure>
</div>
<div class="detail">
  <table data-role="window-table"></table>
  <div class="detail-text"><p data-role="window-title" class="window-title"></p><p data-role="window-text"></p></div>
</div>
<p class="legend"><span data-role="lo">−1</span> <span class="ramp" data-role="ramp"></span> <span data-role="hi">1</span> <span>Colour: negative ← 0 (white) → positive, one scale for both maps. Outlined: the window, and inside it the max's winner.</span></p>
<p data-role="summary" class="summary" aria-live="polite">Waiting to compute…</p>
<p class="engine"><fm-device-badge></fm-device-badge> <span data-role="timing">&nbsp;</span></p>`;

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
export function holdLayout(root: ShadowRoot, s: PoolSettings, shell: boolean): void {
  const $ = <T extends HTMLElement = HTMLElement>(role: string) => root.querySelector<T>(`[data-role="${role}"]`)!;
  const [h, w] = mapSize(s.image);
  const geo = poolOutput(h, w, s.size, s.stride);
  if ('error' in geo) return;
  const [oh, ow] = s.mode === 'global' ? [1, 1] : [geo.outH, geo.outW];
  const words = mapCaptions(s, [h, w], [oh, ow], [-1.23, 1.23]);
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
    fillWindowTable(table, win, s.mode);
    if (table.caption) { table.caption.dataset.reserve = table.caption.textContent!; table.caption.textContent = 'Window values'; }
    for (const td of table.querySelectorAll('td')) { td.textContent = '\u00a0'; td.className = ''; td.removeAttribute('title'); }
  }
  const say = windowWords(win, s.mode, 1.23);
  $('window-title').dataset.reserve = `Cell row ${r + 1}, column ${c + 1}: ${say.title}`;
  $('window-text').dataset.reserve = say.text;
  $('summary').dataset.reserve = summaryWords(s, h, w, oh, ow, `${say.title} at row ${r + 1}, column ${c + 1}.`);
}

/** Places an outline over cells [top, top + rows) × [left, left + cols) of an h×w map, in percent (scales with the canvas). */
export function placeBox(box: HTMLElement, top: number, left: number, rows: number, cols: number, h: number, w: number): void {
  Object.assign(box.style, { top: `${(100 * top) / h}%`, left: `${(100 * left) / w}%`, height: `${(100 * rows) / h}%`, width: `${(100 * cols) / w}%` });
}

const rc = (r: number, c: number) => `row ${r + 1}, column ${c + 1}`;

/** The window's values (small windows only), the winner marked by weight and outline, not by colour alone. */
export function fillWindowTable(table: HTMLTableElement, win: PoolWindow, mode: PoolOp): void {
  table.replaceChildren();
  if (mode === 'global') { table.hidden = true; return; }
  table.hidden = false;
  const caption = table.createCaption();
  caption.textContent = `Window values, rows ${win.top + 1}–${win.top + win.rows}, columns ${win.left + 1}–${win.left + win.cols}`;
  const body = table.createTBody();
  for (let r = 0; r < win.rows; r++) {
    const tr = body.insertRow();
    for (let c = 0; c < win.cols; c++) {
      const td = tr.insertCell();
      const v = win.values[r * win.cols + c]!;
      td.textContent = formatValue(v);
      const won = v === win.max;
      td.classList.toggle('won', mode === 'max' && won);
      if (mode === 'max' && won) td.title = win.ties > 1 ? 'ties for the max' : 'the max';
    }
  }
}

/** Words for the chosen cell: what the pooling took from its window, with the arithmetic of the average. */
export function windowWords(win: PoolWindow, mode: PoolOp, value: number): { title: string; text: string } {
  const n = win.values.length;
  const avg = `sum ÷ ${n} = ${formatValue(win.sum)} ÷ ${n} = ${formatValue(win.mean)}`;
  if (mode === 'global') {
    return { title: `Global average = ${formatValue(value)}`, text: `The mean of all ${n.toLocaleString('en')} values of the feature map: ${avg}. Max pooling over the whole map would keep only ${formatValue(win.max)}.` };
  }
  if (mode === 'avg') {
    return { title: `Average = ${formatValue(value)}`, text: `The mean of the window's ${n} values: ${avg}. Max pooling would keep ${formatValue(win.max)}.` };
  }
  const rest = n - win.ties;
  const who = win.ties > 1
    ? `${win.ties} inputs tie at ${formatValue(win.max)}; the first in reading order, at ${rc(...win.argmax)}, is marked.`
    : `The winner is the input at ${rc(...win.argmax)} of the feature map.`;
  const dropped = rest === 0 ? '' : ` The other ${rest} ${rest === 1 ? 'value is' : 'values are'} dropped.`;
  return { title: `Max = ${formatValue(value)}`, text: `${who}${dropped} Average pooling would give ${formatValue(win.mean)}.` };
}

/** The cell with the largest pooled value (the first on ties), [row, col]. */
export function strongest(values: ArrayLike<number>, w: number): [number, number] {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return [Math.floor(best / w), best % w];
}

/** The live summary: how much smaller the map got, the chosen cell, and any rows or columns no window reads. */
export function summaryWords(s: PoolSettings, h: number, w: number, oh: number, ow: number, cell: string): string {
  const unread = s.mode === 'global' ? 0 : unreadCells(h, s.size, s.stride) + unreadCells(w, s.size, s.stride);
  const size = s.mode === 'global' ? 'one number' : `${oh}×${ow}`;
  const fewer = (h * w) / (oh * ow);
  return `${MODE_LABELS[s.mode]}: the ${h}×${w} feature map becomes ${size}, ${fewer.toFixed(fewer < 10 ? 1 : 0)} times fewer values. ${cell}` +
    (unread ? ` With size ${s.size} and stride ${s.stride}, ${unread} ${unread === 1 ? 'row or column' : 'rows and columns'} of the feature map ${unread === 1 ? 'is' : 'are'} never read.` : '');
}

/** The two maps' captions (also the feature map's text alternative), with sizes and the value range. */
export function mapCaptions(s: PoolSettings, [h, w]: readonly number[], [oh, ow]: readonly number[], [lo, hi]: readonly number[]): { featureMap: string; pooled: string } {
  const source = s.image === 'draw' ? 'your drawing' : SAMPLES.find((x) => x.name === s.image)!.title;
  const how = s.mode === 'global' ? 'one number, the mean of the whole map' : `${s.size}×${s.size} windows, stride ${s.stride}`;
  return {
    featureMap: `Feature map, ${h}×${w}: ${source} convolved with ${KERNEL_NAMES[s.kernel]}${s.relu ? ', then ReLU' : ''}. Values ${formatValue(lo!)} to ${formatValue(hi!)}.`,
    pooled: `${MODE_LABELS[s.mode]}, ${oh}×${ow}: ${how}. Click a cell or use the arrow keys.`,
  };
}
