/**
 * The two d3 panels of `<fm-activation-plot>`: f(x) above, f′(x) below, one curve per function (colour and
 * dash from the book's palette), labelled axes, and the read-out rule at x. Loaded on demand (d3).
 */
import { scaleLinear } from 'd3-scale';
import { polylinePath } from '@lib/charts/polyline.ts';
import { axisBottom, axisLeft } from 'd3-axis';
import { select } from 'd3-selection';
import { ACTIVATION_STYLE, activationColor } from '@lib/charts/palette.ts';
import { X_MAX, X_MIN, type Curve } from '@lib/activations/curve.ts';

const W = 340, H = 220, M = { top: 24, right: 12, bottom: 36, left: 44 };
const PANELS = [
  { key: 'f', title: 'f(x)', y: [-1.5, 4] as const },
  { key: 'df', title: 'f′(x)', y: [-0.25, 1.25] as const },
] as const;

export class PlotView {
  readonly el: HTMLElement;
  private readonly x = scaleLinear().domain([X_MIN, X_MAX]).range([M.left, W - M.right]);

  /** `xTitle`: the x axis's title in the element's language (`setXTitle` says it again in another). */
  constructor(clipPrefix: string, xTitle: string) {
    this.el = document.createElement('div');
    this.el.className = 'panels';
    for (const p of PANELS) {
      const y = scaleLinear().domain(p.y).range([H - M.bottom, M.top]);
      const svg = select(this.el).append('svg').attr('viewBox', `0 0 ${W} ${H}`).attr('data-panel', p.key).attr('aria-hidden', 'true');
      svg.append('clipPath').attr('id', `${clipPrefix}-${p.key}`).append('rect')
        .attr('x', M.left).attr('y', M.top).attr('width', W - M.left - M.right).attr('height', H - M.top - M.bottom);
      svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${y(0)})`).call(axisBottom(this.x).ticks(8).tickSizeOuter(0));
      svg.append('g').attr('class', 'axis').attr('transform', `translate(${M.left},0)`).call(axisLeft(y).ticks(6).tickSizeOuter(0));
      svg.append('text').attr('class', 'axis-label').attr('x', W - M.right).attr('y', H - 6).attr('text-anchor', 'end').attr('data-role', 'x-title').text(xTitle);
      svg.append('text').attr('class', 'axis-label').attr('x', 4).attr('y', 4).attr('dominant-baseline', 'hanging').text(p.title);
      svg.append('g').attr('class', 'curves').attr('clip-path', `url(#${clipPrefix}-${p.key})`).attr('data-y0', p.y[0]).attr('data-y1', p.y[1]);
      svg.append('line').attr('class', 'rule').attr('y1', M.top).attr('y2', H - M.bottom);
      svg.append('g').attr('class', 'dots');
    }
  }

  setXTitle(text: string): void {
    select(this.el).selectAll('text[data-role="x-title"]').text(text);
  }

  /** Maps a pointer's clientX over a panel to an x value. */
  xAt(svg: SVGSVGElement, clientX: number): number {
    const box = svg.getBoundingClientRect();
    return this.x.invert(((clientX - box.left) / box.width) * W);
  }

  draw(curves: Curve[], at: { x: number; values: { name: string; f: number; df: number }[] }): void {
    for (const p of PANELS) {
      const svg = select(this.el).select(`svg[data-panel="${p.key}"]`);
      const y = scaleLinear().domain(p.y).range([H - M.bottom, M.top]);
      svg.select('g.curves').selectAll('path').data(curves, (c) => (c as Curve).name).join('path')
        .attr('data-name', (c) => c.name)
        .attr('d', (c) => polylinePath(c.x, c[p.key], this.x, y))
        .attr('stroke', (c) => activationColor(c.name))
        .attr('stroke-dasharray', (c) => ACTIVATION_STYLE[c.name]!.dash);
      svg.select('line.rule').attr('x1', this.x(at.x)).attr('x2', this.x(at.x));
      svg.select('g.dots').selectAll('circle').data(at.values.filter((v) => v[p.key] >= p.y[0] && v[p.key] <= p.y[1])).join('circle')
        .attr('r', 4).attr('cx', this.x(at.x)).attr('cy', (v) => y(v[p.key])).attr('fill', (v) => activationColor(v.name));
    }
  }
}
