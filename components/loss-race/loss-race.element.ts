/**
 * @summary `<fm-loss-race>`: the same small CNN trained live on a Fashion-MNIST subset twice, side by side —
 * with cross-entropy and with squared error on probabilities; same seed (same initial weights), same data, same
 * batches (src/lib/race/loss-race.ts on the shared trainer). Training and validation loss per network and both
 * validation accuracies (validation images held back from the training split), drawn with d3; both networks' test
 * accuracy measured once, after the last epoch; Start, Pause/Resume, Cancel. Contract: README.md beside this file.
 *
 * @attr per-class training images per class, 2–160 (default 20) · @attr epochs 1–50 (default 5)
 * @attr seed 0–2147483647 (default 1) · @attr learning-rate Adam's step, 0.00001–1 (default 0.003)
 * @event fm-result `{ backend, ms, phase: 'ready' | 'done', config, runs, fallbackReason }`; at 'done' each run's
 *   `test` holds its test figures
 * @event fm-progress `{ phase, step, totalSteps }` after every step and every change of phase
 * @event fm-error `{ message }`; a refused attribute keeps the last good value and the widget keeps working
 */
import '@lib/engine/global.ts';
import '@components/device-badge/device-badge.element.ts';
import { define, describeError } from '@lib/widget/fm-element.ts';
import { msg, say as sayMessage, t, type Lang, type Msg } from '@lib/i18n/index.ts';
import { count, type Said } from '@lib/race/summary.ts';
import { EngineElement } from '@lib/widget/engine-element.ts';
import { prefersReducedMotion } from '@lib/widget/reduced-motion.ts';
import { getEngine, type Engine } from '@lib/engine/index.ts';
import { DATA_BASE } from '@lib/widget/assets.ts';
import { ParamError } from '@lib/params/index.ts';
import { DEFAULT_RACE, RACE_ATTRS, ATTR_KEY, withRaceAttribute, type RaceAttr, type RaceConfig } from '@lib/race/config.ts';
import type { LossRace, RaceState, RaceData } from '@lib/race/loss-race.ts';
import type { RaceSources } from '@lib/race/data.ts';
import { SHELL, bindInputs, holdLayout, readyWords, sayShell, syncControls } from './race-shell.ts';
import css from './loss-race.css?inline';
import { SPEC } from './attributes.ts';
import { attributeNames, reflect, type Reflected } from '@lib/widget/attribute-spec.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import type { LossRaceResult } from './result.ts';
import { importAgain } from '@lib/widget/import-again.ts';

type Lib = typeof import('@lib/race/loss-race.ts') & typeof import('@lib/race/start.ts') & typeof import('@lib/race/data.ts') & typeof import('@lib/race/summary.ts');
type Heavy = { engine: Engine; lib: Lib; view: import('./race-view.ts').RaceView };
export type Phase = 'idle' | RaceState['phase'];

export class LossRaceElement extends EngineElement<Heavy, LossRaceResult> {
  static observedAttributes = attributeNames(SPEC);
  protected debounceMs = 150;
  private config: RaceConfig = DEFAULT_RACE;
  /** Each refused attribute's message (the value still in force included), said in the language of the moment. */
  private errors = new Map<string, { error: string | Msg; value: string }>();
  /** What the status line says, kept so that a change of language says it again. */
  private said: Said | '' = msg('lossRace.waiting');
  private data: { perClass: number; data: RaceData & { sources: RaceSources } } | null = null;
  private race: LossRace | null = null;
  private state: RaceState | null = null;
  private lastEpochSaid = -1;

  // perClass, epochs, seed, learningRate: reflected from SPEC (the settings in force; setting one sets the attribute).
  static { reflect(this, SPEC, (el) => el.config); }
  get phase(): Phase { return this.state?.phase ?? 'idle'; }

  /** The histories on screen (plain arrays): before a race, the starting point; during and after, every step. */
  async getHistory(): Promise<RaceState> {
    await this.ready;
    return structuredClone(this.state!);
  }

  /**
   * Where the images of the race on screen come from: packed positions in the shipped Fashion-MNIST training
   * split (`train`, `validation`) and test split (`test`), so a host or a test can check the sets are disjoint.
   */
  async getSources(): Promise<RaceSources> {
    await this.ready;
    return structuredClone(this.data!.data.sources);
  }

  /** Starts a race with the settings in force (as the Start button does); resolves when it ends. */
  async startRace(): Promise<RaceState> {
    await this.ready;
    await this.run();
    return structuredClone(this.state!);
  }
  pause(): void { this.race?.pause(); }
  resume(): void { this.race?.resume(); }
  cancel(): void { this.race?.cancel(); }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (!this.root.firstChild) return;
    const before = this.config;
    this.apply(name as RaceAttr, value);
    if (JSON.stringify(this.config) === JSON.stringify(before)) return; // refused or unchanged: nothing to redo
    // A new setting makes the race on screen stale: stop it and show the new starting point.
    this.race?.cancel();
    this.schedule();
  }

  protected render(): void {
    this.root.innerHTML = SHELL;
    adoptStyles(this.root, css);
    sayShell(this.root, this.language);
    this.say(this.said);
    this.q('charts').setAttribute('aria-label', this.t('lossRace.chartsEmpty'));
    bindInputs(this.root, (attr, value) => this.setAttribute(attr, value));
    this.q('start').addEventListener('click', () => void this.run());
    this.q('pause').addEventListener('click', () => (this.holds() ? this.resume() : this.pause()));
    this.q('cancel').addEventListener('click', () => this.cancel());
    for (const n of RACE_ATTRS) if (this.hasAttribute(n)) this.apply(n, this.getAttribute(n));
    for (const n of RACE_ATTRS) this.showValue(n);
    this.sync();
    holdLayout(this.root, this.config, false, this.language);
  }

  /** Every text again in the new language, from what is on screen: the race is not touched. */
  protected onLangChange(): void {
    const lang = this.language;
    sayShell(this.root, lang);
    this.sync();
    this.say(this.said);
    holdLayout(this.root, this.config, this.state !== null, lang);
    if (this.heavy) this.heavy.view.sayIn(lang);
    else this.q('charts').setAttribute('aria-label', this.t('lossRace.chartsEmpty'));
  }

  private apply(name: RaceAttr, raw: string | null): void {
    try {
      this.config = withRaceAttribute(this.config, name, raw);
      this.errors.delete(name);
    } catch (e) {
      if (!(e instanceof ParamError)) throw e;
      this.errors.set(name, { error: e.said, value: String(this.config[ATTR_KEY[name]]) });
    }
    // One message, so that the message line says it again when the language changes.
    const said = [...this.errors.values()].reduce<Msg | null>((before, { error, value }) =>
      before ? msg('lossRace.stillUsingAfter', { before, error, value }) : msg('lossRace.stillUsing', { error, value }), null);
    if (said) this.emitError(said); else this.clearMessage();
    this.showValue(name);
    holdLayout(this.root, this.config, this.state !== null, this.language);
  }

  /** Puts the value in force into one input — never into the field the reader is typing in, unless refused. */
  private showValue(name: RaceAttr): void {
    const c = this.root.querySelector<HTMLInputElement>(`[data-attr="${name}"]`)!;
    if (this.root.activeElement === c && !this.errors.has(name)) return;
    c.value = String(this.config[ATTR_KEY[name]]);
  }

  protected async load(): Promise<Heavy> {
    const [engine, race, start, data, summary, { RaceView }] = await Promise.all([
      getEngine(), importAgain(() => import('@lib/race/loss-race.ts')), importAgain(() => import('@lib/race/start.ts')), importAgain(() => import('@lib/race/data.ts')), importAgain(() => import('@lib/race/summary.ts')), importAgain(() => import('./race-view.ts')),
    ]);
    return { engine, lib: { ...race, ...start, ...data, ...summary }, view: await RaceView.create((role) => this.q(role), () => this.language) };
  }

  /** Loads the images the settings need and measures the shared starting point; the race waits for Start. */
  protected async compute(): Promise<void> {
    const gen = ++this.gen;
    const heavy = this.heavy;
    if (!heavy) return;
    const config = { ...this.config };
    const t0 = performance.now();
    // A race on screen belongs to the old settings (or the old backend): stop it.
    this.race?.cancel();
    this.race = null;
    this.setStatus('loading');
    this.sync();
    try {
      if (this.data?.perClass !== config.perClass) {
        const images = config.perClass * 10;
        this.say((lang) => t(lang, 'lossRace.loading', { images: count(lang, images) }));
        const data = await heavy.lib.loadRaceData({ base: DATA_BASE, perClass: config.perClass });
        if (gen !== this.gen) return;
        this.data = { perClass: config.perClass, data };
      }
      this.say(msg('lossRace.measuring'));
      const start = await heavy.lib.startingPoint(heavy.engine.tf, this.data.data.validation, config.seed);
      if (gen !== this.gen) return;
      this.show(heavy.lib.readyState(config, start), true);
      this.say(readyWords(start.accuracy));
      this.emitResult({ backend: heavy.engine.backend, ms: performance.now() - t0, phase: 'ready', config, runs: this.state!.runs, fallbackReason: heavy.engine.fallbackReason ?? null });
    } catch (err) {
      if (gen !== this.gen) return;
      this.setStatus('error');
      this.say('');
      this.emitError(msg('lossRace.prepareFailed', { error: describeError(err) }));
      this.offerRetry(() => this.recompute());
    }
    this.sync();
  }

  /** One race from the starting point on screen; a second Start while one runs does nothing. */
  private async run(): Promise<void> {
    const heavy = this.heavy;
    if (!heavy || !this.data || this.race || this.status !== 'ready') return;
    const { lib, engine } = heavy;
    const race = new lib.LossRace(engine.tf, this.data.data, { ...this.config }, (s) => this.race === race && this.onUpdate(s));
    this.race = race;
    this.lastEpochSaid = 0;
    this.setStatus('running');
    this.sync();
    this.q('pause').focus();
    this.say(msg('lossRace.training'));
    try {
      // Run as the element's job: paused out of view; a failure ends in status="error" with Retry (a fresh start).
      const end = (await this.jobs.run(race.job, () => race.run(), () => this.schedule())) ?? race.snapshot();
      if (this.race !== race || race.job.state === 'error') return;
      this.show(end, true);
      if (end.phase === 'done') {
        this.say((lang) => t(lang, 'lossRace.finished', { summary: lib.raceSummary(end, lang) }));
        this.emitResult({ backend: engine.backend, ms: end.elapsedMs, phase: 'done', config: end.config, runs: end.runs, fallbackReason: engine.fallbackReason ?? null });
      } else {
        const step = Math.min(...end.runs.map((r) => r.steps));
        this.say((lang) => t(lang, 'lossRace.cancelled', { step: count(lang, step), total: count(lang, end.totalSteps) }));
        this.setStatus('ready');
      }
    } finally {
      if (this.race === race) {
        this.race = null;
        const focusInside = this.root.activeElement !== null;
        this.sync();
        if (focusInside) this.q('start').focus();
      }
    }
  }

  private onUpdate(s: RaceState): void {
    const epochs = Math.min(...s.runs.map((r) => r.validation.length)) - 1;
    const previous = this.state?.phase, phaseChanged = s.phase !== previous;
    // Reduced motion: the charts move only at each epoch's validation point and when the race stops.
    this.show(s, !prefersReducedMotion() || phaseChanged || epochs !== this.lastEpochSaid);
    const line = this.heavy!.lib.raceNews(s, { previous, epochs, epochsSaid: this.lastEpochSaid, outOfView: this.race!.job.pauseReason === 'view', tests: this.data!.data.test.count });
    if (line) this.say(line);
    this.lastEpochSaid = Math.max(this.lastEpochSaid, epochs);
    this.sync();
    const step = Math.min(...s.runs.map((r) => r.steps));
    this.dispatchEvent(new CustomEvent('fm-progress', { detail: { phase: s.phase, step, totalSteps: s.totalSteps }, bubbles: true, composed: true }));
  }

  private show(s: RaceState, redraw: boolean): void {
    this.state = s;
    this.heavy!.view.show(s, redraw);
  }

  /** Buttons and inputs follow the phase (race-shell.ts). */
  private sync(): void {
    syncControls(this.root, { racing: this.race !== null, phase: this.phase, ready: this.status === 'ready', holds: this.holds() }, this.language);
  }

  private holds(): boolean {
    return this.race !== null && (this.phase === 'paused' || this.phase === 'pausing');
  }

  /** Puts a line on the status line, in the element's language; kept, to be said again in another. */
  private say(said: Said | ''): void {
    this.said = said;
    this.q('status').textContent = sayIn(this.language, said);
  }

  private q(role: string): HTMLElement {
    return this.root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
  }
}

const sayIn = (lang: Lang, said: Said | ''): string => (said === '' ? '' : typeof said === 'function' ? said(lang) : sayMessage(lang, said));

// The reflected properties' types, merged into the class (they are defined by `reflect` above).
export interface LossRaceElement extends Reflected<typeof SPEC> {}
define('fm-loss-race', LossRaceElement);
declare global { interface HTMLElementTagNameMap { 'fm-loss-race': LossRaceElement } }
