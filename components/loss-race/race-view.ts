/**
 * The charts of `<fm-loss-race>`: one loss panel per network (training loss of each batch, solid; validation
 * loss after each epoch, dashed with dots) side by side, and one panel of both networks' validation accuracy.
 * Builds its DOM into the element's chart slot and redraws from a race state; the numbers come from
 * src/lib/race/series.ts. Loaded with d3 when the element starts.
 */
import { accuracySeries, lossPanel } from '@lib/race/series.ts';
import type { RaceState } from '@lib/race/loss-race.ts';
import { RaceChart } from './race-chart.ts';

const swatch = (cls: string) =>
  `<svg class="swatch" viewBox="0 0 28 10" width="28" height="10" aria-hidden="true"><line class="line ${cls}" x1="1" y1="5" x2="27" y2="5"/></svg>`;

const PANELS = `
<div class="panels">
  <figure class="panel" data-panel="ce">
    <figcaption>Cross-entropy network: its loss</figcaption>
    <div data-chart="ce"></div>
    <ul class="legend"><li>${swatch('ce train')}training loss (each batch)</li><li>${swatch('ce val')}validation loss</li></ul>
  </figure>
  <figure class="panel" data-panel="mse">
    <figcaption>Squared-error network: its loss</figcaption>
    <div data-chart="mse"></div>
    <ul class="legend"><li>${swatch('mse train')}training loss (each batch)</li><li>${swatch('mse val')}validation loss</li></ul>
  </figure>
  <figure class="panel" data-panel="acc">
    <figcaption>Validation accuracy of both networks</figcaption>
    <div data-chart="acc"></div>
    <ul class="legend"><li>${swatch('ce acc')}cross-entropy</li><li>${swatch('mse acc')}squared error</li></ul>
  </figure>
</div>`;

export class RaceView {
  private readonly charts: Record<'ce' | 'mse' | 'acc', RaceChart>;

  constructor(host: HTMLElement) {
    host.innerHTML = PANELS;
    this.charts = {
      ce: new RaceChart('cross-entropy (nats)'),
      mse: new RaceChart('squared error Σ(p − y)²'),
      acc: new RaceChart('accuracy (%)', (v) => String(Math.round(v))),
    };
    for (const [key, chart] of Object.entries(this.charts)) host.querySelector(`[data-chart="${key}"]`)!.append(chart.el);
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
