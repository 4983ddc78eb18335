/**
 * The charts of `<fm-loss-race>`: one loss panel per network (training loss of each batch, solid; validation
 * loss after each epoch, dashed with dots) side by side, and one panel of both networks' validation accuracy.
 * Draws into the panels of the element's shell (race-shell.ts) and redraws from a race state, with the progress bar, the step
 * line and the summary (the charts' text alternative); the numbers come from src/lib/race/series.ts and
 * summary.ts. Loaded with d3 when the element starts.
 */
import { accuracySeries, lossPanel } from '@lib/race/series.ts';
import { raceSummary } from '@lib/race/summary.ts';
import type { RaceState } from '@lib/race/loss-race.ts';
import { DEFAULT_RACE } from '@lib/race/config.ts';
import { RaceChart } from './race-chart.ts';
import { stepsWords } from './race-shell.ts';

export class RaceView {
  private readonly charts: Record<'ce' | 'mse' | 'acc', RaceChart>;
  private readonly q: (role: string) => HTMLElement;

  /** `q` finds the element's parts by data-role (charts, progress, steps, summary). */
  constructor(q: (role: string) => HTMLElement) {
    this.q = q;
    const host = q('charts');
    this.charts = {
      ce: new RaceChart('cross-entropy (nats)'),
      mse: new RaceChart('squared error Σ(p − y)²'),
      acc: new RaceChart('accuracy (%)', (v) => String(Math.round(v))),
    };
    for (const [key, chart] of Object.entries(this.charts)) host.querySelector(`[data-chart="${key}"]`)!.append(chart.el);
    // Before the starting point is measured: axes at the default length and typical starting losses (ln 10 ≈ 2.3, 0.9).
    this.charts.ce.draw([], DEFAULT_RACE.epochs, [0, 2.5]);
    this.charts.mse.draw([], DEFAULT_RACE.epochs, [0, 1]);
    this.charts.acc.draw([], DEFAULT_RACE.epochs, [0, 100]);
  }

  /** The progress line at every update; the charts and the summary too when `redraw`. */
  show(s: RaceState, redraw: boolean): void {
    const step = Math.min(...s.runs.map((r) => r.steps));
    (this.q('progress') as HTMLProgressElement).value = s.totalSteps ? step / s.totalSteps : 0;
    this.q('steps').textContent = s.phase === 'ready' ? stepsWords(s.totalSteps, s.perEpoch)
      : `Step ${step} of ${s.totalSteps} · ${s.imagesPerSecond.toFixed(1)} images/s over both networks.`;
    if (!redraw) return;
    this.draw(s);
    const summary = raceSummary(s);
    this.q('summary').textContent = summary;
    this.q('charts').setAttribute('aria-label', `Loss and accuracy curves. ${summary}`);
  }

  draw(s: RaceState): void {
    const epochs = s.config.epochs;
    for (const run of s.runs) {
      const chart = this.charts[run.kind];
      const panel = lossPanel(s, run);
      chart.draw(panel.series, epochs, panel.domain);
    }
    this.charts.acc.draw(accuracySeries(s), epochs, [0, 100]);
  }
}
