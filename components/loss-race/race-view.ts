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
import { count, fixed } from '@lib/race/summary.ts';
import { t, type Lang } from '@lib/i18n/index.ts';
import { yieldToPage } from '@lib/schedule/slices.ts';

export class RaceView {
  private readonly charts: Record<'ce' | 'mse' | 'acc', RaceChart>;
  private readonly q: (role: string) => HTMLElement;

  /** `q` finds the element's parts by data-role (charts, progress, steps, summary). */
  /** The element's language now (it may change while the view loads). */
  private readonly language: () => Lang;
  /** The language the charts' labels are in. */
  private labelled: Lang;
  private shown: { s: RaceState; redrawn: RaceState } | null = null;

  constructor(q: (role: string) => HTMLElement, language: () => Lang) {
    this.q = q;
    this.language = language;
    const lang = (this.labelled = language());
    const host = q('charts');
    this.charts = {
      ce: new RaceChart('lossRace.axis.ce', lang),
      mse: new RaceChart('lossRace.axis.mse', lang),
      acc: new RaceChart('lossRace.axis.accuracy', lang, (v) => String(Math.round(v))),
    };
    for (const [key, chart] of Object.entries(this.charts)) host.querySelector(`[data-chart="${key}"]`)!.append(chart.el);
  }

  /**
   * The view with its three charts drawn empty, each in a task of its own (d3's axis code runs for the first time
   * there: the three were one task of 9-11 ms on the embed page here). Before the starting point is measured: axes
   * at the default length and typical starting losses (ln 10 ≈ 2.3, 0.9).
   */
  static async create(q: (role: string) => HTMLElement, language: () => Lang): Promise<RaceView> {
    const view = new RaceView(q, language);
    const empty: [keyof RaceView['charts'], [number, number]][] = [['ce', [0, 2.5]], ['mse', [0, 1]], ['acc', [0, 100]]];
    for (const [key, domain] of empty) {
      await yieldToPage();
      view.charts[key].draw([], DEFAULT_RACE.epochs, domain);
    }
    return view;
  }

  /** The progress line at every update; the charts and the summary too when `redraw`. */
  show(s: RaceState, redraw: boolean): void {
    const lang = this.language();
    if (lang !== this.labelled) this.sayIn(lang);
    const step = Math.min(...s.runs.map((r) => r.steps));
    (this.q('progress') as HTMLProgressElement).value = s.totalSteps ? step / s.totalSteps : 0;
    this.q('steps').textContent = s.phase === 'ready' ? stepsWords(lang, s.totalSteps, s.perEpoch)
      : t(lang, 'lossRace.stepOf', { step: count(lang, step), total: count(lang, s.totalSteps), rate: fixed(lang, s.imagesPerSecond, 1) });
    // What the texts say again in another language: the state last shown, and the one the charts last drew (each a
    // snapshot the race never changes afterwards).
    this.shown = { s, redrawn: redraw || !this.shown ? s : this.shown.redrawn };
    if (!redraw) return;
    this.draw(s);
    this.saySummary(s);
  }

  /** Every text in `lang`, from the states last shown: no chart is redrawn, nothing recomputed. */
  sayIn(lang: Lang): void {
    this.labelled = lang;
    for (const chart of Object.values(this.charts)) chart.sayLabels(lang);
    if (!this.shown) {
      this.q('charts').setAttribute('aria-label', t(lang, 'lossRace.chartsEmpty'));
      return;
    }
    const { s, redrawn } = this.shown;
    this.show(s, false);
    this.saySummary(redrawn);
  }

  private saySummary(s: RaceState): void {
    const lang = this.language();
    const summary = raceSummary(s, lang);
    this.q('summary').textContent = summary;
    this.q('charts').setAttribute('aria-label', t(lang, 'lossRace.charts', { summary }));
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
