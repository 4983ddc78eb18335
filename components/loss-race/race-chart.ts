/**
 * One d3 line chart of the loss race against epochs: labelled axes, solid lines for one series kind, dashed
 * (with dots) for another, so the legend never relies on colour alone. Loaded on demand with the race.
 * Decorative for assistive technology: the element states the same numbers in its summary text.
 */
import { select, type Selection } from 'd3-selection';
import { scaleLinear } from 'd3-scale';
import { axisBottom, axisLeft } from 'd3-axis';
import { line } from 'd3-shape';
import { emptyHint, type EmptyHint } from '@lib/charts/empty-hint.ts';
import { t, type Lang, type MessageKey } from '@lib/i18n/index.ts';

const W = 340, H = 210, M = { top: 10, right: 10, bottom: 36, left: 48 };

export interface Series {
  /** CSS classes: the run (`ce` | `mse`) and the style (`train` solid, `val` dashed with dots). */
  cls: string;
  points: [number, number][];
  dots?: boolean;
}

export class RaceChart {
  readonly el: SVGSVGElement;
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly x = scaleLinear().range([M.left, W - M.right]);
  private readonly y = scaleLinear().range([H - M.bottom, M.top]);
  private readonly format: (v: number) => string;
  private readonly hint: EmptyHint;

  private readonly yLabel: MessageKey;

  /** `yLabel`: the catalogue key of the y axis's title; `format` writes a tick value. Texts in `lang`. */
  constructor(yLabel: MessageKey, lang: Lang, format: (v: number) => string = (v) => String(+v.toPrecision(3))) {
    this.format = format;
    this.yLabel = yLabel;
    this.svg = select(document.createElementNS('http://www.w3.org/2000/svg', 'svg') as SVGSVGElement)
      .attr('viewBox', `0 0 ${W} ${H}`).attr('class', 'chart').attr('aria-hidden', 'true');
    this.el = this.svg.node()!;
    for (const cls of ['x-axis', 'y-axis', 'series']) this.svg.append('g').attr('class', cls);
    this.svg.append('text').attr('class', 'axis-label').attr('x', (M.left + W - M.right) / 2).attr('y', H - 3).attr('text-anchor', 'middle').attr('data-axis', 'x');
    this.svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle')
      .attr('transform', `translate(12,${(M.top + H - M.bottom) / 2}) rotate(-90)`).attr('data-axis', 'y');
    this.hint = emptyHint(this.svg, (M.left + W - M.right) / 2, (M.top + H - M.bottom) / 2, '');
    this.sayLabels(lang);
  }

  /** The axis titles and the empty chart's hint in `lang` (nothing else on the chart is words). */
  sayLabels(lang: Lang): void {
    this.svg.select('[data-axis="x"]').text(t(lang, 'lossRace.axis.epoch'));
    this.svg.select('[data-axis="y"]').text(t(lang, this.yLabel));
    this.svg.select('text.empty-hint').text(t(lang, 'lossRace.hint'));
  }

  /** Axes at their full range; the hint stays until some series has more than its starting point. */
  draw(series: Series[], epochs: number, yDomain: [number, number]): void {
    this.hint(series.every((s) => s.points.length < 2));
    this.x.domain([0, epochs]);
    this.y.domain(yDomain).nice();
    this.svg.select<SVGGElement>('g.x-axis').attr('transform', `translate(0,${H - M.bottom})`)
      .call(axisBottom(this.x).ticks(Math.min(epochs, 10)).tickFormat((d) => (Number.isInteger(+d) ? String(d) : '')));
    this.svg.select<SVGGElement>('g.y-axis').attr('transform', `translate(${M.left},0)`)
      .call(axisLeft(this.y).ticks(5).tickFormat((d) => this.format(+d)));
    const path = line<[number, number]>().x((d) => this.x(d[0])).y((d) => this.y(d[1]));
    const g = this.svg.select('g.series');
    g.selectAll<SVGPathElement, Series>('path').data(series, (d) => d.cls).join('path')
      .attr('class', (d) => `line ${d.cls}`).attr('d', (d) => (d.points.length ? path(d.points) : null));
    const dots = series.flatMap((s) => (s.dots ? s.points.map((p) => ({ cls: s.cls, p })) : []));
    g.selectAll<SVGCircleElement, (typeof dots)[number]>('circle').data(dots).join('circle')
      .attr('class', (d) => `dot ${d.cls}`).attr('r', 3).attr('cx', (d) => this.x(d.p[0])).attr('cy', (d) => this.y(d.p[1]));
  }
}
