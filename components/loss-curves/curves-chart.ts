/**
 * One d3 line chart of the loss curves against p: labelled axes, a clip region (values beyond the axis are
 * cut, the read-out has them exactly), a cursor at the read-out's p with a dot on each curve, and pointer
 * hover that reports the p under the pointer.
 */
import { select, pointer, type Selection } from 'd3-selection';
import { scaleLinear } from 'd3-scale';
import { axisBottom, axisLeft } from 'd3-axis';
import { polylinePath } from '@lib/charts/polyline.ts';
import type { CurveLoss } from '@lib/losses/curves.ts';
import { t, type Lang, type MessageKey } from '@lib/i18n/index.ts';

const W = 420, H = 230, M = { top: 10, right: 12, bottom: 38, left: 50 };
let clipCount = 0;

export interface Series { loss: CurveLoss; points: [number, number][]; at: number }

export class CurveChart {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly x = scaleLinear().domain([0, 1]).range([M.left, W - M.right]);
  private y = scaleLinear().range([H - M.bottom, M.top]);
  private readonly lines: Selection<SVGGElement, unknown, null, undefined>;
  private readonly yAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly yLabel: Selection<SVGTextElement, unknown, null, undefined>;
  private readonly cursor: Selection<SVGLineElement, unknown, null, undefined>;
  private readonly xLabel: Selection<SVGTextElement, unknown, null, undefined>;
  private readonly label: MessageKey;
  private yKey: MessageKey | null = null;

  /** `label`: the catalogue key of the chart's accessible name; texts in `lang`. */
  constructor(host: HTMLElement, label: MessageKey, lang: Lang, onHover: (p: number) => void) {
    const clip = `fm-loss-clip-${++clipCount}`;
    this.label = label;
    this.svg = select(host).append('svg').attr('viewBox', `0 0 ${W} ${H}`).attr('role', 'img');
    this.svg.append('clipPath').attr('id', clip).append('rect').attr('x', M.left).attr('y', M.top).attr('width', W - M.left - M.right).attr('height', H - M.top - M.bottom);
    this.svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - M.bottom})`).call(axisBottom(this.x).ticks(10));
    this.yAxis = this.svg.append('g').attr('class', 'axis').attr('transform', `translate(${M.left},0)`);
    this.xLabel = this.svg.append('text').attr('class', 'axis-label').attr('x', (M.left + W - M.right) / 2).attr('y', H - 4).attr('text-anchor', 'middle');
    this.yLabel = this.svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle').attr('transform', `translate(13,${(M.top + H - M.bottom) / 2}) rotate(-90)`);
    this.svg.append('line').attr('class', 'zero');
    this.lines = this.svg.append('g').attr('clip-path', `url(#${clip})`);
    this.cursor = this.svg.append('line').attr('class', 'cursor').attr('y1', M.top).attr('y2', H - M.bottom);
    this.svg.append('rect').attr('class', 'overlay').attr('x', M.left).attr('y', M.top).attr('width', W - M.left - M.right).attr('height', H - M.top - M.bottom)
      .on('pointermove', (e: PointerEvent) => onHover(this.x.invert(pointer(e)[0])));
    this.sayLabels(lang);
  }

  /** The chart's name and axis titles in `lang` (the curves are not redrawn). */
  sayLabels(lang: Lang): void {
    this.svg.attr('aria-label', t(lang, this.label));
    this.xLabel.text(t(lang, 'lossCurves.axis.p'));
    if (this.yKey) this.yLabel.text(t(lang, this.yKey));
  }

  /** Redraws the curves (points [p, value]), the y axis and the cursor at `p`; `at` is each curve's value there. */
  update(series: Series[], domain: [number, number], yLabel: MessageKey, p: number, lang: Lang): void {
    this.y.domain(domain);
    this.yAxis.call(axisLeft(this.y).ticks(6));
    this.yKey = yLabel;
    this.sayLabels(lang); // the language may have changed while the chart was loading
    this.svg.select('line.zero').attr('x1', M.left).attr('x2', W - M.right).attr('y1', this.y(0)).attr('y2', this.y(0)).attr('hidden', domain[0] < 0 && domain[1] > 0 ? null : '');
    // Values beyond the axis are drawn just past it (the clip region hides them), so an infinite loss stays a line.
    const clamp = (v: number) => Math.max(domain[0] - 1, Math.min(domain[1] + 1, v));
    const path = (points: [number, number][]) => polylinePath(points.map((d) => d[0]), points.map((d) => clamp(d[1])), this.x, this.y);
    this.lines.selectAll<SVGPathElement, Series>('path').data(series, (d) => d.loss).join('path')
      .attr('class', (d) => `curve ${d.loss}`).attr('data-loss', (d) => d.loss).attr('d', (d) => path(d.points));
    const inside = series.filter((s) => s.at >= domain[0] && s.at <= domain[1]);
    this.lines.selectAll<SVGCircleElement, Series>('circle').data(inside, (d) => d.loss).join('circle')
      .attr('class', (d) => `dot ${d.loss}`).attr('r', 4).attr('cx', this.x(p)).attr('cy', (d) => this.y(d.at));
    this.cursor.attr('x1', this.x(p)).attr('x2', this.x(p));
  }
}
