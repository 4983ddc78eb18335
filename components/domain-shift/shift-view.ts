/**
 * The views of `<fm-domain-shift>` (d3, loaded on demand): accuracy bars, the PCA scatter of source vs target
 * features (colour = domain, shape = digit, so neither relies on colour alone) and a strip of example digits.
 * Pure drawing: the numbers come from src/lib/shift.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { axisBottom, axisLeft } from 'd3-axis';
import { select } from 'd3-selection';
import { t, type Lang } from '@lib/i18n/index.ts';
import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolTriangle } from 'd3-shape';

const SHAPES = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolCross];
const svgIn = (host: HTMLElement, w: number, h: number) => {
  host.replaceChildren();
  return select(host).append('svg').attr('viewBox', `0 0 ${w} ${h}`).attr('aria-hidden', 'true');
};

export interface Bar { label: string; value: number | null; kind: 'source' | 'target' | 'adapted' }

/** Horizontal bars of accuracy (0–100 %), a dashed line at chance; a null value is drawn as "running…". */
export function drawBars(host: HTMLElement, bars: Bar[], chance: number, lang: Lang): void {
  const W = 560, row = 30, M = { top: 8, right: 56, bottom: 34, left: 214 };
  const H = M.top + M.bottom + row * bars.length;
  const svg = svgIn(host, W, H);
  const x = scaleLinear().domain([0, 1]).range([M.left, W - M.right]);
  const y = scaleBand().domain(bars.map((b) => b.label)).range([M.top, H - M.bottom]).padding(0.25);
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - M.bottom})`).call(axisBottom(x).ticks(5, '.0%'));
  svg.append('g').attr('class', 'axis labels').attr('transform', `translate(${M.left},0)`).call(axisLeft(y).tickSize(0).tickPadding(6));
  const g = svg.append('g').selectAll('g').data(bars).join('g');
  g.append('rect').attr('class', (b) => `bar ${b.kind}`).attr('x', x(0)).attr('y', (b) => y(b.label)!)
    .attr('height', y.bandwidth()).attr('width', (b) => x(b.value ?? 0) - x(0));
  g.append('text').attr('class', 'value').attr('x', (b) => x(b.value ?? 0) + 4).attr('y', (b) => y(b.label)! + y.bandwidth() / 2)
    .attr('dy', '0.35em').text((b) => (b.value === null ? t(lang, 'domainShift.running') : `${(100 * b.value).toFixed(1)}%`));
  svg.append('line').attr('class', 'chance').attr('x1', x(chance)).attr('x2', x(chance)).attr('y1', M.top).attr('y2', H - M.bottom);
  svg.append('text').attr('class', 'axis-label').attr('x', (M.left + W - M.right) / 2).attr('y', H - 4).attr('text-anchor', 'middle')
    .text(t(lang, 'domainShift.accuracyAxis', { chance: String(Math.round(chance * 100)) }));
}

export interface ScatterPoint { x: number; y: number; domain: 'source' | 'target'; digit: number }

/** One PCA panel; both panels of a pair share no scale (each has its own PCA), so axes are labelled per panel. */
export function drawScatter(host: HTMLElement, pts: ScatterPoint[], title: string, explained: [number, number], lang: Lang): void {
  const W = 280, H = 250, M = { top: 22, right: 8, bottom: 34, left: 40 };
  const svg = svgIn(host, W, H);
  const ext = (k: 'x' | 'y') => { const v = pts.map((p) => p[k]); const lo = Math.min(...v), hi = Math.max(...v), pad = (hi - lo) * 0.05 || 1; return [lo - pad, hi + pad]; };
  const x = scaleLinear().domain(ext('x')).range([M.left, W - M.right]);
  const y = scaleLinear().domain(ext('y')).range([H - M.bottom, M.top]);
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - M.bottom})`).call(axisBottom(x).ticks(4));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${M.left},0)`).call(axisLeft(y).ticks(4));
  const shape = symbol().size(26);
  svg.append('g').selectAll('path').data(pts).join('path').attr('class', (p) => `pt ${p.domain}`)
    .attr('transform', (p) => `translate(${x(p.x)},${y(p.y)})`).attr('d', (p) => shape.type(SHAPES[p.digit % SHAPES.length]!)()!);
  svg.append('text').attr('class', 'panel-title').attr('x', M.left).attr('y', 14).text(title);
  svg.append('text').attr('class', 'axis-label').attr('x', W - M.right).attr('y', H - 4).attr('text-anchor', 'end')
    .text(t(lang, 'domainShift.pc1', { pct: String(Math.round(100 * explained[0])) }));
  svg.append('text').attr('class', 'axis-label').attr('transform', `translate(10,${H - M.bottom}) rotate(-90)`)
    .text(t(lang, 'domainShift.pc2', { pct: String(Math.round(100 * explained[1])) }));
}

/** The legend: domains by colour, digits by shape. */
export function drawLegend(host: HTMLElement, classNames: string[], lang: Lang): void {
  const W = 560, H = 24;
  const svg = svgIn(host, W, H);
  const shape = symbol().size(40);
  let at = 8;
  for (const [cls, text] of [['source', t(lang, 'domainShift.bar.source')], ['target', t(lang, 'domainShift.legendTarget')]] as const) {
    svg.append('path').attr('class', `pt ${cls}`).attr('transform', `translate(${at},12)`).attr('d', shape.type(symbolCircle)()!);
    svg.append('text').attr('class', 'legend-text').attr('x', at + 9).attr('y', 16).text(text);
    at += 170;
  }
  classNames.forEach((name, d) => {
    svg.append('path').attr('class', 'pt shape').attr('transform', `translate(${at},12)`).attr('d', shape.type(SHAPES[d % SHAPES.length]!)()!);
    svg.append('text').attr('class', 'legend-text').attr('x', at + 8).attr('y', 16).text(name);
    at += 26;
  });
}

/** Example digits: the first `n` of `images` (0–255, 28×28) side by side, as the model sees them (0 = black). */
export function paintDigits(canvas: HTMLCanvasElement, images: ArrayLike<number>, n: number): void {
  canvas.width = 28 * n + (n - 1) * 2;
  canvas.height = 28;
  // Drawn 1.5× (42 px tall) where the column allows; the stylesheet's max-width scales it down on a phone, height following.
  canvas.style.width = `${canvas.width * 1.5}px`;
  const ctx = canvas.getContext('2d')!;
  const width = canvas.width;
  const img = ctx.createImageData(width, 28);
  // The bytes and the width read once: canvas.width and img.data are the browser's getters, and four of them per
  // pixel made this loop 23 ms of one task on the embed page here.
  const px = img.data;
  px.fill(255);
  for (let k = 0; k < n; k++) {
    for (let p = 0; p < 784; p++) {
      const v = Math.max(0, Math.min(255, images[k * 784 + p]!));
      const o = ((p / 28 | 0) * width + k * 30 + (p % 28)) * 4;
      px[o] = px[o + 1] = px[o + 2] = v;
    }
  }
  ctx.putImageData(img, 0, 0);
}
