/** The static markup of `<fm-loss-race>` (no values from attributes: those are set as properties). */
import { BATCH_SIZE, RACE_MODEL, TEST_PER_CLASS, VALIDATION_PER_CLASS } from '@lib/race/config.ts';

export const SHELL = `
<div class="controls">
  <label>Examples per class <input type="number" data-attr="per-class" step="1"></label>
  <label>Epochs <input type="number" data-attr="epochs" step="1"></label>
  <label>Seed <input type="number" data-attr="seed" step="1"></label>
  <label>Learning rate <input type="number" data-attr="learning-rate" step="any"></label>
</div>
<div class="buttons">
  <button type="button" data-role="start" disabled>Start</button>
  <button type="button" data-role="pause" disabled>Pause</button>
  <button type="button" data-role="cancel" disabled>Cancel</button>
</div>
<p class="status" data-role="status" role="status">Waiting to start…</p>
<p class="progress"><progress data-role="progress" max="1" value="0" aria-label="Training progress"></progress> <span data-role="steps"></span></p>
<p data-role="message" role="alert" hidden></p>
<div class="charts" data-role="charts" role="img" aria-label="Loss and accuracy curves; they appear once the engine has started."></div>
<p class="summary" data-role="summary"></p>
<p class="engine">Both networks: conv ${RACE_MODEL.filters[0]} → conv ${RACE_MODEL.filters[1]} → dense ${RACE_MODEL.hidden} → ${RACE_MODEL.classes} classes, batch ${BATCH_SIZE}, Adam; validation on ${VALIDATION_PER_CLASS * RACE_MODEL.classes} images held back from the training split (never trained on); test accuracy on ${TEST_PER_CLASS * RACE_MODEL.classes} test images, measured once after the last epoch. <fm-device-badge></fm-device-badge></p>`;
