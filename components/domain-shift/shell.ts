/** The domain-shift widget's markup: its controls (from the limits in src/lib/shift/settings.ts) and empty panels. */
import { SHIFTS } from '@lib/shift/transforms.ts';
import { LIMITS } from '@lib/shift/settings.ts';

const num = (attr: string, label: string, [min, max]: readonly [number, number]) =>
  `<label>${label} <input type="number" data-attr="${attr}" min="${min}" max="${max}" step="1"></label>`;

export const SHELL = `
<div class="controls">
  <label>Shift <select data-attr="shift">${SHIFTS.map((s) => `<option value="${s}">${s}</option>`).join('')}</select></label>
  <span class="group" role="group" aria-labelledby="strength-label"><span id="strength-label">Strength</span> <input type="range" data-attr="strength" data-role="strength-range"> <input type="number" data-attr="strength" data-role="strength-number"></span>
  ${num('images', 'Unlabelled target images', LIMITS.images)} ${num('labels', 'Labelled per digit', LIMITS.labels)} ${num('seed', 'Seed', LIMITS.seed)}
</div>
<p data-role="message" role="alert" hidden></p>
<div class="examples"><canvas data-role="clean" width="238" height="28" role="img" aria-label="Clean test digits"></canvas><span>clean</span>
  <canvas data-role="shifted" width="238" height="28" role="img" aria-label="The same digits shifted"></canvas><span data-role="shifted-label">shifted</span></div>
<div class="bars" data-role="bars"></div>
<div class="progress" data-role="progress-row" hidden><progress data-role="progress" max="1" value="0" aria-label="Fine-tuning progress"></progress>
  <span data-role="progress-text"></span> <button type="button" data-role="stop">Stop fine-tuning</button></div>
<fieldset class="after"><legend>Second panel shows the features after</legend>
  <label><input type="radio" name="after" value="adabn"> AdaBN</label> <label><input type="radio" name="after" value="finetuned"> fine-tuning</label></fieldset>
<div class="pca"><div data-role="pca-before"></div><div data-role="pca-after"></div></div>
<div class="legend" data-role="legend"></div>
<p data-role="summary" class="summary" aria-live="polite">Waiting to compute…</p>
<p class="engine"><span data-role="timing"></span> <fm-device-badge></fm-device-badge></p>`;
