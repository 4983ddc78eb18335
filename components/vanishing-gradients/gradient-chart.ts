/**
 * The d3 chart of `<fm-vanishing-gradients>`: ‖∂L/∂W_l‖ per layer on a log scale, layer 1 (next to the input)
 * on the left, the selected layer marked; optionally a comparison series (the plain network beside the
 * residual one), drawn faint and dashed with hollow markers so it differs by more than colour. Values that are
 * not finite and positive are left out (the element explains them). Loaded on demand (d3).
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { axisBottom, axisLeft } from 'd3-axis';
import { select, type Selection } from 'd3-selection';
import { t, type Lang } from '@lib/i18n/index.ts';

const W = 560, H = 260, M = { top: 14, right: 14, bottom: 40, left: 62 };

export class GradientChart {
  readonly el: SVGSVGElement;
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;

  constructor(lang: Lang) {
    this.svg = select(document.createElementNS('http://www.w3.org/2000/svg', 'svg') as SVGSVGElement)
      .attr('viewBox', `0 0 ${W} ${H}`).attr('class', 'chart').attr('aria-hidden', 'true');
    this.el = this.svg.node()!;
    for (const cls of ['x-axis', 'y-axis', 'grid', 'comparison', 'series', 'selected']) this.svg.append('g').attr('class', cls);
    this.svg.append('text').attr('class', 'axis-label').attr('x', (W + M.left) / 2).attr('y', H - 4).attr('text-anchor', 'middle')
      .attr('data-axis', 'x');
    this.svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${(H - M.bottom + M.top) / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle').attr('data-axis', 'y');
    this.sayLabels(lang);
  }

  /** The axis titles in `lang` (the plot is not redrawn). */
  sayLabels(lang: Lang): void {
    this.svg.select('[data-axis="x"]').text(t(lang, 'vanishingGradients.axis.layer'));
    this.svg.select('[data-axis="y"]').text(t(lang, 'vanishingGradients.axis.norm'));
  }

  draw(norms: ArrayLike<number>, selected: number, comparison: ArrayLike<number> | null = null): void {
    const n = norms.length;
    const plottable = (s: ArrayLike<number>) => Array.from(s, (v, i) => ({ layer: i + 1, v })).filter((p) => Number.isFinite(p.v) && p.v > 0);
    const pts = plottable(norms);
    const cmp = comparison ? plottable(comparison) : [];
    const vals = [...pts, ...cmp].map((p) => p.v);
    let lo = vals.length ? Math.min(...vals) : 1e-3;
    let hi = vals.length ? Math.max(...vals) : 1;
    if (hi / lo < 100) { const mid = Math.sqrt(hi * lo); lo = mid / 10; hi = mid * 10; }
    const x = scaleLinear().domain([0.5, n + 0.5]).range([M.left, W - M.right]);
    const y = scaleLog().domain([lo / 2, hi * 2]).range([H - M.bottom, M.top]).nice();
    const ticks = Math.min(n, 10);
    this.svg.select<SVGGElement>('g.x-axis').attr('transform', `translate(0,${H - M.bottom})`)
      .call(axisBottom(x).ticks(ticks).tickFormat((d) => (Number.isInteger(d) ? String(d) : '')));
    const decades = Math.log10(y.domain()[1]! / y.domain()[0]!);
    this.svg.select<SVGGElement>('g.y-axis').attr('transform', `translate(${M.left},0)`)
      .call(axisLeft(y).ticks(Math.min(8, Math.max(2, Math.round(decades))), '.0e'));
    const path = line<{ layer: number; v: number }>().x((p) => x(p.layer)).y((p) => y(p.v));
    this.svg.select('g.comparison').selectAll('path').data(cmp.length ? [cmp] : []).join('path').attr('d', path);
    this.svg.select('g.comparison').selectAll('circle').data(cmp).join('circle')
      .attr('cx', (p) => x(p.layer)).attr('cy', (p) => y(p.v)).attr('r', n > 30 ? 2 : 3);
    this.svg.select('g.series').selectAll('path').data([pts]).join('path').attr('d', path);
    this.svg.select('g.series').selectAll('circle').data(pts).join('circle')
      .attr('cx', (p) => x(p.layer)).attr('cy', (p) => y(p.v)).attr('r', n > 30 ? 2.5 : 3.5);
    const sel = pts.filter((p) => p.layer === selected);
    this.svg.select('g.selected').selectAll('circle').data(sel).join('circle').attr('cx', (p) => x(p.layer)).attr('cy', (p) => y(p.v)).attr('r', 7);
  }
}
