/**
 * The static markup of `<fm-loss-race>` (no values from attributes: those are set as properties), and the state
 * of its inputs and buttons in each phase of a race.
 */
import { ATTR_KEY, BATCH_SIZE, LIMITS, RACE_MODEL, raceSteps, TEST_PER_CLASS, VALIDATION_PER_CLASS, type RaceAttr, type RaceConfig } from '@lib/race/config.ts';
import { count, fixed, raceSummary } from '@lib/race/summary.ts';
import { t, type Lang, type MessageKey } from '@lib/i18n/index.ts';
import type { RacePhase, RaceState } from '@lib/race/types.ts';

const swatch = (cls: string) =>
  `<svg class="swatch" viewBox="0 0 28 10" width="28" height="10" aria-hidden="true"><line class="line ${cls}" x1="1" y1="5" x2="27" y2="5"/></svg>`;

/** The three panels, in the shell so that they hold their places before d3 draws into them (race-view.ts). */
const PANELS = `
<div class="panels">
  <figure class="panel" data-panel="ce">
    <figcaption data-i18n="lossRace.panel.ce"></figcaption>
    <div data-chart="ce"></div>
    <ul class="legend"><li>${swatch('ce train')}<span data-i18n="lossRace.legend.train"></span></li><li>${swatch('ce val')}<span data-i18n="lossRace.legend.validation"></span></li></ul>
  </figure>
  <figure class="panel" data-panel="mse">
    <figcaption data-i18n="lossRace.panel.mse"></figcaption>
    <div data-chart="mse"></div>
    <ul class="legend"><li>${swatch('mse train')}<span data-i18n="lossRace.legend.train"></span></li><li>${swatch('mse val')}<span data-i18n="lossRace.legend.validation"></span></li></ul>
  </figure>
  <figure class="panel" data-panel="acc">
    <figcaption data-i18n="lossRace.panel.acc"></figcaption>
    <div data-chart="acc"></div>
    <ul class="legend"><li>${swatch('ce acc')}<span data-i18n="lossRace.loss.ce"></span></li><li>${swatch('mse acc')}<span data-i18n="lossRace.loss.mse"></span></li></ul>
  </figure>
</div>`;

export const SHELL = `
<div class="controls">
  <label><span data-i18n="lossRace.perClass"></span> <input type="number" data-attr="per-class" step="1"></label>
  <label><span data-i18n="lossRace.epochs"></span> <input type="number" data-attr="epochs" step="1"></label>
  <label><span data-i18n="lossRace.seed"></span> <input type="number" data-attr="seed" step="1"></label>
  <label><span data-i18n="lossRace.learningRate"></span> <input type="number" data-attr="learning-rate" step="any"></label>
</div>
<div class="buttons">
  <button type="button" data-role="start" class="primary" data-i18n="lossRace.start" disabled></button>
  <button type="button" data-role="pause" disabled></button>
  <button type="button" data-role="cancel" data-i18n="lossRace.cancel" disabled></button>
</div>
<p class="status" data-role="status" role="status"></p>
<p class="progress"><progress data-role="progress" max="1" value="0" data-i18n-label="lossRace.progress"></progress> <span data-role="steps"></span></p>
<p data-role="message" role="alert" hidden></p>
<div class="charts" data-role="charts" role="img">${PANELS}</div>
<p class="summary" data-role="summary"></p>
<p class="engine"><span data-role="engine"></span> <fm-device-badge></fm-device-badge></p>`;

/** Says the shell's fixed texts in `lang` (labels, buttons, captions, legends, the network line). */
export function sayShell(root: ShadowRoot, lang: Lang): void {
  for (const e of root.querySelectorAll<HTMLElement>('[data-i18n]')) e.textContent = t(lang, e.dataset.i18n as MessageKey);
  for (const e of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) e.setAttribute('aria-label', t(lang, e.dataset.i18nLabel as MessageKey));
  root.querySelector('[data-role="engine"]')!.textContent = t(lang, 'lossRace.engine', {
    conv1: RACE_MODEL.filters[0], conv2: RACE_MODEL.filters[1], hidden: RACE_MODEL.hidden, classes: RACE_MODEL.classes,
    batch: BATCH_SIZE, validation: VALIDATION_PER_CLASS * RACE_MODEL.classes, test: TEST_PER_CLASS * RACE_MODEL.classes,
  });
}


/** Gives each setting input its limits and sends its changes to `set` (the attribute's name, the value typed). */
export function bindInputs(root: ShadowRoot, set: (attr: RaceAttr, value: string) => void): void {
  for (const c of root.querySelectorAll<HTMLInputElement>('[data-attr]')) {
    const [min, max] = LIMITS[ATTR_KEY[c.dataset.attr as RaceAttr]];
    c.min = String(min);
    c.max = String(max);
    c.addEventListener('change', () => set(c.dataset.attr as RaceAttr, c.value));
  }
}

/** Buttons and inputs follow the phase: settings are locked while a race runs (`racing`); `holds`: paused or pausing. */
export function syncControls(root: ShadowRoot, s: { racing: boolean; phase: RacePhase | 'idle'; ready: boolean; holds: boolean }, lang: Lang): void {
  const q = (role: string) => root.querySelector<HTMLButtonElement>(`[data-role="${role}"]`)!;
  for (const c of root.querySelectorAll<HTMLInputElement>('[data-attr]')) c.disabled = s.racing;
  q('start').disabled = s.racing || !s.ready;
  const pause = q('pause');
  const cancel = q('cancel');
  cancel.disabled = !s.racing || s.phase === 'cancelled';
  // Nothing to pause while the test images are measured; focus on Pause moves to Cancel rather than being lost.
  const noPause = !s.racing || s.phase === 'cancelled' || s.phase === 'testing';
  if (noPause && !pause.disabled && root.activeElement === pause && !cancel.disabled) cancel.focus();
  pause.disabled = noPause;
  pause.textContent = t(lang, s.holds ? 'lossRace.resume' : 'lossRace.pause');
}

/** The status line once the starting point is measured (`accuracy` in [0, 1]). */
export const readyWords = (accuracy: number) => (lang: Lang) => t(lang, 'lossRace.ready', { accuracy: fixed(lang, accuracy * 100, 1) });

/** The step line before a race. */
export const stepsWords = (lang: Lang, total: number, perEpoch: number) => t(lang, 'lossRace.steps', { total: count(lang, total), perEpoch: count(lang, perEpoch) });

/**
 * Room for what the starting point will show for `config`, so nothing moves when it arrives: the step line (known
 * from the settings alone) unless a race state is on screen (`shown`), and room (data-reserve) for the status line
 * and the summary, typical starting numbers standing in for the measured ones (never shown).
 */
export function holdLayout(root: ShadowRoot, config: RaceConfig, shown: boolean, lang: Lang): void {
  const q = (role: string) => root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
  const { perEpoch, total } = raceSteps(config);
  if (!shown) q('steps').textContent = stepsWords(lang, total, perEpoch);
  q('status').dataset.reserve = readyWords(0.123)(lang);
  const start = { step: 0, ce: 2.303, mse: 0.9, accuracy: 0.123 };
  const state: RaceState = {
    config: { ...config }, perEpoch, totalSteps: total, phase: 'ready', elapsedMs: 0, imagesPerSecond: 0,
    runs: (['ce', 'mse'] as const).map((kind) => ({ kind, train: [], validation: [start], test: null, steps: 0 })),
  };
  q('summary').dataset.reserve = raceSummary(state, lang);
}
