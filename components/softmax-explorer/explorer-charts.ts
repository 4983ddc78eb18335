/**
 * The explorer's three bar charts, drawn with d3 into SVG: logits (draggable, each bar a keyboard slider),
 * probabilities with target marks, and the gradient on a diverging colour pair. Loaded with the engine.
 */
import { select, type Selection } from 'd3-selection';
import { scaleBand, scaleLinear, type ScaleLinear } from 'd3-scale';
import { axisBottom, axisLeft } from 'd3-axis';
import { drag } from 'd3-drag';
import { formatCell } from './explorer-view.ts';
import { t, type Lang, type MessageKey } from '@lib/i18n/index.ts';

const W = 300, H = 200, M = { top: 12, right: 8, bottom: 34, left: 52 };
type G = Selection<SVGGElement, unknown, null, undefined>;
type Handle = { v: number; i: number };

/** Rounds a dragged or stepped logit to 2 decimals, so the attribute stays readable. */
export const round = (v: number) => Math.round(v * 100) / 100;

export interface ChartValues { values: number[]; target: number; marks?: number[] }

class BarChart {
  readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  protected y: ScaleLinear<number, number> = scaleLinear();
  protected x = scaleBand<number>().range([M.left, W - M.right]).padding(0.2);
  protected readonly plot: G;
  private readonly xAxis: G;
  private readonly yAxis: G;
  private readonly xTitle: Selection<SVGTextElement, unknown, null, undefined>;
  private readonly yTitle: Selection<SVGTextElement, unknown, null, undefined>;
  protected lang: Lang = 'en';

  /** `label`: the chart's text alternative; `yLabel`: its y-axis title (a catalogue key, or a symbol kept as is). */
  constructor(host: HTMLElement, private readonly label: MessageKey, private readonly yLabel: MessageKey | { symbol: string }) {
    this.svg = select(host).append('svg').attr('viewBox', `0 0 ${W} ${H}`).attr('role', 'img');
    this.xAxis = this.svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - M.bottom})`);
    this.yAxis = this.svg.append('g').attr('class', 'axis').attr('transform', `translate(${M.left},0)`);
    this.xTitle = this.svg.append('text').attr('class', 'axis-label').attr('x', (M.left + W - M.right) / 2).attr('y', H - 3).attr('text-anchor', 'middle');
    this.yTitle = this.svg.append('text').attr('class', 'axis-label').attr('transform', `translate(12,${(M.top + H - M.bottom) / 2}) rotate(-90)`).attr('text-anchor', 'middle');
    this.plot = this.svg.append('g');
    this.relabel('en');
  }

  /** Writes the chart's words (text alternative, axis titles) in `lang`; the bars stay as drawn. */
  relabel(lang: Lang): void {
    this.lang = lang;
    this.svg.attr('aria-label', t(lang, this.label));
    this.xTitle.text(t(lang, 'softmaxExplorer.axisClass'));
    this.yTitle.text(typeof this.yLabel === 'string' ? t(lang, this.yLabel) : this.yLabel.symbol);
  }

  protected axes(n: number, domain: [number, number], target: number): void {
    this.x.domain([...Array(n).keys()]);
    this.y = scaleLinear().domain(domain).range([H - M.bottom, M.top]).nice();
    this.xAxis.call(axisBottom(this.x).tickFormat((i) => (i === target ? `${i}★` : String(i))));
    this.yAxis.call(axisLeft(this.y).ticks(5).tickFormat((v) => formatCell(Number(v))));
  }

  protected bars(values: number[], cls: (v: number, i: number) => string): Selection<SVGRectElement, number, SVGGElement, unknown> {
    const y0 = this.y(Math.max(this.y.domain()[0]!, Math.min(0, this.y.domain()[1]!)));
    return this.plot.selectAll<SVGRectElement, number>('rect.bar').data(values).join('rect')
      .attr('class', (v, i) => `bar ${cls(v, i)}`)
      .attr('x', (_, i) => this.x(i)!).attr('width', this.x.bandwidth())
      .attr('y', (v) => Math.min(y0, this.y(v))).attr('height', (v) => Math.abs(this.y(v) - y0));
  }
}

/** Logits: each bar is a focusable slider (role="slider"); drags and keys call `onChange(i, value)`. */
export class LogitChart extends BarChart {
  private handles: G;
  /** `onChange(i, v)` sets logit i; `onStep(i, delta)` moves it from the value in force (which may be newer than the drawing). */
  constructor(host: HTMLElement, private readonly onChange: (i: number, v: number) => void, private readonly onStep: (i: number, delta: number) => void) {
    super(host, 'softmaxExplorer.logitBars', 'softmaxExplorer.axisLogit');
    this.svg.attr('role', 'group');
    this.handles = this.svg.append('g');
  }
  private target = -1;
  relabel(lang: Lang): void {
    super.relabel(lang);
    this.handles?.selectAll<SVGRectElement, Handle>('rect').attr('aria-label', (d) => this.handleLabel(d.i));
  }
  private handleLabel(i: number): string {
    return t(this.lang, i === this.target ? 'softmaxExplorer.logitOfTrue' : 'softmaxExplorer.logitOf', { class: String(i) });
  }
  update({ values, target }: ChartValues): void {
    this.target = target;
    const lo = Math.min(-5, ...values), hi = Math.max(5, ...values);
    this.axes(values.length, [lo, hi], target);
    this.bars(values, (_, i) => (i === target ? 'logit target' : 'logit'));
    const [d0, d1] = this.y.domain() as [number, number];
    const toValue = (py: number) => round(Math.max(d0, Math.min(d1, this.y.invert(py))));
    this.handles.selectAll<SVGRectElement, Handle>('rect').data(values.map((v, i) => ({ v, i })))
      .join((enter) => enter.append('rect').attr('class', 'handle').attr('tabindex', 0).attr('role', 'slider')
        .on('keydown', (e: KeyboardEvent, d) => this.key(e, d.i))
        .call(drag<SVGRectElement, Handle>().on('start drag', (e, d) => this.onChange(d.i, toValue(e.y)))))
      .attr('x', (d) => this.x(d.i)!).attr('width', this.x.bandwidth()).attr('y', M.top).attr('height', H - M.top - M.bottom)
      .attr('aria-label', (d) => this.handleLabel(d.i))
      .attr('aria-orientation', 'vertical')
      .attr('aria-valuemin', d0).attr('aria-valuemax', d1).attr('aria-valuenow', (d) => d.v)
      .attr('aria-valuetext', (d) => formatCell(d.v));
  }
  private key(e: KeyboardEvent, i: number): void {
    const step = e.shiftKey ? 1 : 0.1;
    const delta = ({ ArrowUp: step, ArrowRight: step, ArrowDown: -step, ArrowLeft: -step, PageUp: 1, PageDown: -1 } as Record<string, number>)[e.key];
    if (delta === undefined || i < 0) return;
    e.preventDefault();
    this.onStep(i, delta);
  }
}

export class ProbabilityChart extends BarChart {
  constructor(host: HTMLElement) { super(host, 'softmaxExplorer.probBars', 'softmaxExplorer.axisProbability'); }
  update({ values, target, marks = [] }: ChartValues): void {
    this.axes(values.length, [0, 1], target);
    this.bars(values, (_, i) => (i === target ? 'prob target' : 'prob'));
    this.plot.selectAll<SVGLineElement, number>('line.mark').data(marks).join('line').attr('class', 'mark')
      .attr('x1', (_, i) => this.x(i)! - 2).attr('x2', (_, i) => this.x(i)! + this.x.bandwidth() + 2)
      .attr('y1', (q) => this.y(q)).attr('y2', (q) => this.y(q));
  }
}

export class GradientChart extends BarChart {
  constructor(host: HTMLElement) { super(host, 'softmaxExplorer.gradBars', { symbol: '∂L/∂z' }); }
  update({ values, target }: ChartValues): void {
    const m = Math.max(1e-9, ...values.map(Math.abs));
    this.axes(values.length, [-m, m], target);
    this.bars(values, (v) => (v >= 0 ? 'grad pos' : 'grad neg'));
    this.plot.selectAll('line.zero').data([0]).join('line').attr('class', 'zero')
      .attr('x1', M.left).attr('x2', W - M.right).attr('y1', this.y(0)).attr('y2', this.y(0));
  }
}
