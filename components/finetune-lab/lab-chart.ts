/**
 * The lab's live curves in d3, redrawn after every epoch: loss (training solid, validation dashed) and validation
 * accuracy against the epoch, one colour per run plus a marker shape and a letter at the line's end, so the
 * runs stay apart without colour. No transitions: nothing moves that the reader did not ask for.
 */
import { select, type Selection } from 'd3-selection';
import { scaleLinear } from 'd3-scale';
import { axisBottom, axisLeft } from 'd3-axis';
import { line, symbol, symbolCircle, symbolSquare, symbolTriangle } from 'd3-shape';
import type { EpochPoint } from '@lib/transfer/run.ts';
import { RUN_DEFAULTS, runLabel } from '@lib/transfer/config.ts';
import { emptyHint, type EmptyHint } from '@lib/charts/empty-hint.ts';
import { t, type Lang, type MessageKey } from '@lib/i18n/index.ts';
import { yieldToPage } from '@lib/schedule/slices.ts';

const W = 360, H = 220, M = { top: 12, right: 26, bottom: 36, left: 46 };
const SYMBOLS = [symbolCircle, symbolSquare, symbolTriangle];

export interface CurveSeries { run: number; points: EpochPoint[] }

class Chart {
  readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  readonly x = scaleLinear().range([M.left, W - M.right]);
  readonly y = scaleLinear().range([H - M.bottom, M.top]);
  private readonly xAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly yAxis: Selection<SVGGElement, unknown, null, undefined>;
  readonly plot: Selection<SVGGElement, unknown, null, undefined>;
  readonly hint: EmptyHint;

  private readonly label: MessageKey;
  private readonly yLabel: MessageKey;

  constructor(host: HTMLElement, label: MessageKey, yLabel: MessageKey, lang: Lang) {
    this.label = label;
    this.yLabel = yLabel;
    this.svg = select(host).append('svg').attr('viewBox', `0 0 ${W} ${H}`).attr('role', 'img');
    this.xAxis = this.svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - M.bottom})`);
    this.yAxis = this.svg.append('g').attr('class', 'axis').attr('transform', `translate(${M.left},0)`);
    this.svg.append('text').attr('class', 'axis-label').attr('x', (M.left + W - M.right) / 2).attr('y', H - 4).attr('text-anchor', 'middle').attr('data-axis', 'x');
    this.svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle').attr('transform', `translate(12,${(M.top + H - M.bottom) / 2}) rotate(-90)`).attr('data-axis', 'y');
    this.plot = this.svg.append('g');
    this.hint = emptyHint(this.svg, (M.left + W - M.right) / 2, (M.top + H - M.bottom) / 2, '');
    this.sayLabels(lang);
  }

  /** The chart's name, axis titles and hint in `lang`. */
  sayLabels(lang: Lang): void {
    this.svg.attr('aria-label', t(lang, this.label));
    this.svg.select('[data-axis="x"]').text(t(lang, 'finetuneLab.axis.epoch'));
    this.svg.select('[data-axis="y"]').text(t(lang, this.yLabel));
    this.svg.select('text.empty-hint').text(t(lang, 'finetuneLab.hint'));
  }

  axes(maxEpoch: number, y: [number, number], percent: boolean): void {
    this.x.domain([0, Math.max(1, maxEpoch)]);
    this.y.domain(y);
    this.xAxis.call(axisBottom(this.x).ticks(Math.min(10, Math.max(1, maxEpoch))).tickFormat((d) => String(d)));
    this.yAxis.call(axisLeft(this.y).ticks(5).tickFormat((d) => (percent ? `${Math.round(100 * Number(d))}%` : String(d))));
  }

  /** One line per run for `value`, with markers and the run's letter after the last point. */
  lines(series: CurveSeries[], key: string, value: (p: EpochPoint) => number | null, dashed: boolean): void {
    const top = this.y.domain()[1]!; // values past the axis sit on its edge (the text summary has them exactly)
    const pts = (s: CurveSeries) => s.points.filter((p) => value(p) !== null).map((p) => [this.x(p.epoch), this.y(Math.min(top, value(p)!))] as [number, number]);
    const g = this.plot.selectAll<SVGGElement, CurveSeries>(`g.${key}`).data(series, (s) => String(s.run)).join('g').attr('class', (s) => `${key} run-${s.run}`);
    g.selectAll('path.curve').data((s) => [s]).join('path').attr('class', `curve${dashed ? ' dashed' : ''}`).attr('d', (s) => line()(pts(s)));
    g.selectAll<SVGPathElement, [number, number]>('path.mark').data((s) => pts(s).map((p) => [p, s.run] as const)).join('path').attr('class', 'mark')
      .attr('transform', ([p]) => `translate(${p[0]},${p[1]})`).attr('d', ([, run]) => symbol(SYMBOLS[run]!, 28)());
    if (!dashed) {
      g.selectAll('text.end').data((s) => (pts(s).length ? [s] : [])).join('text').attr('class', 'end')
        .attr('x', (s) => pts(s).at(-1)![0] + 6).attr('y', (s) => pts(s).at(-1)![1] + 4).text((s) => runLabel(s.run));
    }
  }
}

export class LabCharts {
  private loss: Chart;
  private acc: Chart;

  /**
   * Both charts with their axes before the first run, and the hint: the frames, the loss axes and the accuracy axes
   * each in a task of its own (together, with d3's code run for the first time, one task of 48 ms on the lab's embed
   * page here, half of it the axes).
   */
  static async create(lossHost: HTMLElement, accHost: HTMLElement, lang: () => Lang): Promise<LabCharts> {
    const charts = new LabCharts(lossHost, accHost, lang);
    await yieldToPage();
    charts.updateLoss([], RUN_DEFAULTS.epochs);
    await yieldToPage();
    charts.updateAccuracy([], RUN_DEFAULTS.epochs);
    return charts;
  }

  private constructor(lossHost: HTMLElement, accHost: HTMLElement, lang: () => Lang) {
    this.loss = new Chart(lossHost, 'finetuneLab.chart.loss', 'finetuneLab.axis.loss', lang());
    this.acc = new Chart(accHost, 'finetuneLab.chart.accuracy', 'finetuneLab.axis.accuracy', lang());
  }

  sayLabels(lang: Lang): void {
    this.loss.sayLabels(lang);
    this.acc.sayLabels(lang);
  }

  update(series: CurveSeries[], maxEpoch: number): void {
    this.updateLoss(series, maxEpoch);
    this.updateAccuracy(series, maxEpoch);
  }

  private updateLoss(series: CurveSeries[], maxEpoch: number): void {
    this.loss.hint(series.every((s) => s.points.length === 0));
    const losses = series.flatMap((s) => s.points.flatMap((p) => [p.trainLoss ?? 0, p.valLoss ?? 0]));
    this.loss.axes(maxEpoch, [0, Math.max(0.5, Math.min(10, ...losses.length ? [Math.max(...losses) * 1.05] : [1]))], false);
    this.loss.lines(series, 'train', (p) => p.trainLoss, false);
    this.loss.lines(series, 'val', (p) => p.valLoss, true);
  }

  private updateAccuracy(series: CurveSeries[], maxEpoch: number): void {
    this.acc.hint(series.every((s) => s.points.length === 0));
    this.acc.axes(maxEpoch, [0, 1], true);
    this.acc.lines(series, 'val', (p) => p.valAccuracy, false);
  }
}
