/**
 * The domain-shift widget's markup: its controls (from the limits in src/lib/shift/settings.ts) and empty panels.
 * Its words are filled in by `sayShell()`, and again on a change of language: `data-say` a text, `data-say-label` an aria-label.
 */
import { SHIFTS } from '@lib/shift/transforms.ts';
import { LIMITS } from '@lib/shift/settings.ts';
import { t, type Lang, type MessageKey } from '@lib/i18n/index.ts';

const num = (attr: string, label: string, [min, max]: readonly [number, number]) =>
  `<label><span data-say="${label}"></span> <input type="number" data-attr="${attr}" min="${min}" max="${max}" step="1"></label>`;

export const SHELL = `
<div class="controls">
  <label><span data-say="domainShift.shift"></span> <select data-attr="shift">${SHIFTS.map((s) => `<option value="${s}" data-say="domainShift.shiftName.${s}"></option>`).join('')}</select></label>
  <span class="group" role="group" aria-labelledby="strength-label"><span id="strength-label" data-say="domainShift.strength"></span> <input type="range" data-attr="strength" data-role="strength-range"> <input type="number" data-attr="strength" data-role="strength-number"></span>
  ${num('images', 'domainShift.images', LIMITS.images)} ${num('labels', 'domainShift.labels', LIMITS.labels)} ${num('seed', 'domainShift.seed', LIMITS.seed)}
</div>
<p data-role="message" role="alert" hidden></p>
<div class="examples"><canvas data-role="clean" width="238" height="28" role="img" data-say-label="domainShift.cleanDigits"></canvas><span data-say="domainShift.clean"></span>
  <canvas data-role="shifted" width="238" height="28" role="img" data-say-label="domainShift.shiftedDigits"></canvas><span data-role="shifted-label" data-say="domainShift.shifted"></span></div>
<div class="bars" data-role="bars"></div>
<div class="progress" data-role="progress-row" hidden><progress data-role="progress" max="1" value="0" data-say-label="domainShift.progressLabel"></progress>
  <span data-role="progress-text"></span> <button type="button" data-role="stop" data-say="domainShift.stop"></button></div>
<fieldset class="after"><legend data-say="domainShift.afterLegend"></legend>
  <label><input type="radio" name="after" value="adabn"> AdaBN</label> <label><input type="radio" name="after" value="finetuned"> <span data-say="domainShift.afterFinetuning"></span></label></fieldset>
<div class="pca"><div data-role="pca-before"></div><div data-role="pca-after"></div></div>
<div class="legend" data-role="legend"></div>
<p data-role="summary" class="summary" aria-live="polite" data-say="domainShift.waiting"></p>
<p class="engine"><span data-role="timing"></span> <fm-device-badge></fm-device-badge></p>`;

/** Says the shell's fixed words in `lang` (texts the result has written since are said again by the element). */
export function sayShell(root: ParentNode, lang: Lang): void {
  for (const e of root.querySelectorAll<HTMLElement>('[data-say]')) e.textContent = t(lang, e.dataset.say as MessageKey);
  for (const e of root.querySelectorAll<HTMLElement>('[data-say-label]')) e.setAttribute('aria-label', t(lang, e.dataset.sayLabel as MessageKey));
}
