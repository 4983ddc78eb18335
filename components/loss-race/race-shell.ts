/**
 * The static markup of `<fm-loss-race>` (no values from attributes: those are set as properties), and the state
 * of its inputs and buttons in each phase of a race.
 */
import { ATTR_KEY, BATCH_SIZE, LIMITS, RACE_MODEL, TEST_PER_CLASS, VALIDATION_PER_CLASS, type RaceAttr } from '@lib/race/config.ts';
import type { RacePhase } from '@lib/race/types.ts';

export const SHELL = `
<div class="controls">
  <label>Examples per class <input type="number" data-attr="per-class" step="1"></label>
  <label>Epochs <input type="number" data-attr="epochs" step="1"></label>
  <label>Seed <input type="number" data-attr="seed" step="1"></label>
  <label>Learning rate <input type="number" data-attr="learning-rate" step="any"></label>
</div>
<div class="buttons">
  <button type="button" data-role="start" class="primary" disabled>Start</button>
  <button type="button" data-role="pause" disabled>Pause</button>
  <button type="button" data-role="cancel" disabled>Cancel</button>
</div>
<p class="status" data-role="status" role="status">Waiting to start…</p>
<p class="progress"><progress data-role="progress" max="1" value="0" aria-label="Training progress"></progress> <span data-role="steps"></span></p>
<p data-role="message" role="alert" hidden></p>
<div class="charts" data-role="charts" role="img" aria-label="Loss and accuracy curves; they appear once the engine has started."></div>
<p class="summary" data-role="summary"></p>
<p class="engine">Both networks: conv ${RACE_MODEL.filters[0]} → conv ${RACE_MODEL.filters[1]} → dense ${RACE_MODEL.hidden} → ${RACE_MODEL.classes} classes, batch ${BATCH_SIZE}, Adam; validation on ${VALIDATION_PER_CLASS * RACE_MODEL.classes} images held back from the training split (never trained on); test accuracy on ${TEST_PER_CLASS * RACE_MODEL.classes} test images, measured once after the last epoch. <fm-device-badge></fm-device-badge></p>`;


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
export function syncControls(root: ShadowRoot, s: { racing: boolean; phase: RacePhase | 'idle'; ready: boolean; holds: boolean }): void {
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
  pause.textContent = s.holds ? 'Resume' : 'Pause';
}
