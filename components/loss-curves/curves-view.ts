/** The loss-curves shell (fixed markup only) and the read-out's words. */
import type { CurveGradient, CurveLoss } from '@lib/losses/curves.ts';
import { t, type Lang, type MessageKey } from '@lib/i18n/index.ts';
import { formatCell } from '@components/softmax-explorer/explorer-view.ts';

export const SHELL = `
<div class="controls">
  <fieldset><legend data-i18n="lossCurves.losses"></legend>
    <label><input type="checkbox" data-loss="ce"> <span data-i18n="lossCurves.ce"></span></label>
    <label><input type="checkbox" data-loss="mse"> <span data-i18n="lossCurves.mse"></span></label>
    <label><input type="checkbox" data-loss="hinge"> <span data-i18n="lossCurves.hinge"></span></label>
  </fieldset>
  <label><span data-i18n="lossCurves.gradient"></span> <select data-role="gradient">
    <option value="logit" data-i18n="lossCurves.gradient.logit"></option><option value="p" data-i18n="lossCurves.gradient.p"></option></select></label>
  <label><span data-i18n="lossCurves.classes"></span> <input type="number" data-role="classes" min="2" max="10" step="1"></label>
  <label class="wide"><span data-i18n="lossCurves.p"></span> <input type="range" data-role="p" min="0.001" max="0.999" step="0.001"></label>
</div>
<p data-role="message" role="alert" hidden></p>
<ul class="legend" data-i18n-label="lossCurves.legend">
  <li data-loss="ce"><svg width="34" height="10" aria-hidden="true"><line class="curve ce" x1="0" y1="5" x2="34" y2="5"/></svg> <span data-i18n="lossCurves.legend.ce"></span></li>
  <li data-loss="mse"><svg width="34" height="10" aria-hidden="true"><line class="curve mse" x1="0" y1="5" x2="34" y2="5"/></svg> <span data-i18n="lossCurves.legend.mse"></span></li>
  <li data-loss="hinge"><svg width="34" height="10" aria-hidden="true"><line class="curve hinge" x1="0" y1="5" x2="34" y2="5"/></svg> <span data-i18n="lossCurves.legend.hinge"></span></li>
</ul>
<div class="charts">
  <figure><div data-role="loss-chart"></div><figcaption data-i18n="lossCurves.lossCaption"></figcaption></figure>
  <figure><div data-role="grad-chart"></div><figcaption data-role="grad-caption"></figcaption></figure>
</div>
<p class="readout" data-role="readout" aria-live="polite"></p>
<p class="note" data-role="note"></p>
<p class="engine" data-i18n="lossCurves.engine"></p>`;

/** Says the shell's fixed texts (labels, options, legend, captions) in `lang`. */
export function sayShell(root: ShadowRoot, lang: Lang): void {
  for (const e of root.querySelectorAll<HTMLElement>('[data-i18n]')) e.textContent = t(lang, e.dataset.i18n as MessageKey);
  for (const e of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) e.setAttribute('aria-label', t(lang, e.dataset.i18nLabel as MessageKey));
}

/** The gradient chart's y-axis title (a catalogue key). */
export function gradientLabel(kind: CurveGradient): MessageKey {
  return kind === 'logit' ? 'lossCurves.axis.logit' : 'lossCurves.axis.slope';
}

export function gradientCaption(lang: Lang, kind: CurveGradient, classes: number): string {
  return t(lang, kind === 'logit' ? 'lossCurves.caption.logit' : 'lossCurves.caption.slope', { classes });
}

const READOUT_KEYS = { ce: 'lossCurves.readout.ce', mse: 'lossCurves.readout.mse', hinge: 'lossCurves.readout.hinge' } as const satisfies Record<CurveLoss, MessageKey>;

export function readout(lang: Lang, p: number, kind: CurveGradient, values: { loss: CurveLoss; value: number; grad: number }[]): string {
  const g = kind === 'logit' ? '∂L/∂z_y' : 'dL/dp';
  const each = values.map((v) => t(lang, READOUT_KEYS[v.loss], { value: formatCell(v.value), g, grad: formatCell(v.grad) }));
  return t(lang, 'lossCurves.readout', { p: formatCell(p), values: each.length ? each.reduce((before, after) => t(lang, 'lossCurves.readout.and', { before, after })) : '' });
}
