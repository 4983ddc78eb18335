/** The loss-curves shell (fixed markup only) and the read-out's words. */
import { CURVE_NAMES, type CurveGradient, type CurveLoss } from '@lib/losses/curves.ts';
import { formatCell } from '@components/softmax-explorer/explorer-view.ts';

export const SHELL = `
<div class="controls">
  <fieldset><legend>Losses</legend>
    <label><input type="checkbox" data-loss="ce"> cross-entropy</label>
    <label><input type="checkbox" data-loss="mse"> squared error</label>
    <label><input type="checkbox" data-loss="hinge"> hinge</label>
  </fieldset>
  <label>Gradient with respect to <select data-role="gradient">
    <option value="logit">the true-class logit z_y</option><option value="p">the probability p</option></select></label>
  <label>Classes K <input type="number" data-role="classes" min="2" max="10" step="1"></label>
  <label class="wide">Read-out at p <input type="range" data-role="p" min="0.001" max="0.999" step="0.001"></label>
</div>
<p data-role="message" role="alert" hidden></p>
<ul class="legend" aria-label="Legend">
  <li data-loss="ce"><svg width="34" height="10" aria-hidden="true"><line class="curve ce" x1="0" y1="5" x2="34" y2="5"/></svg> Cross-entropy −log p</li>
  <li data-loss="mse"><svg width="34" height="10" aria-hidden="true"><line class="curve mse" x1="0" y1="5" x2="34" y2="5"/></svg> Squared error Σ(pᵢ − yᵢ)²</li>
  <li data-loss="hinge"><svg width="34" height="10" aria-hidden="true"><line class="curve hinge" x1="0" y1="5" x2="34" y2="5"/></svg> Hinge max(0, 1 − (z_y − max z_j))</li>
</ul>
<div class="charts">
  <figure><div data-role="loss-chart"></div><figcaption>Loss L against p</figcaption></figure>
  <figure><div data-role="grad-chart"></div><figcaption data-role="grad-caption"></figcaption></figure>
</div>
<p class="readout" data-role="readout" aria-live="polite"></p>
<p class="note" data-role="note"></p>
<p class="engine">Computed exactly in JavaScript from the closed forms in the book (float64); no TensorFlow.js needed. Curves beyond an axis are cut off; the read-out gives the exact values.</p>`;

export function gradientLabel(kind: CurveGradient): string {
  return kind === 'logit' ? '∂L/∂z_y, push on the true-class logit' : 'dL/dp, slope against p';
}

export function gradientCaption(kind: CurveGradient, classes: number): string {
  return kind === 'logit'
    ? `Gradient ∂L/∂z_y on the true-class logit (what gradient descent uses; negative means "raise z_y"). ${classes} classes, wrong classes sharing 1 − p equally.`
    : `Slope dL/dp of each loss against p. Multiply by p(1 − p) to get the push on the logit. ${classes} classes, wrong classes sharing 1 − p equally.`;
}

export function readout(p: number, kind: CurveGradient, values: { loss: CurveLoss; value: number; grad: number }[]): string {
  const g = kind === 'logit' ? '∂L/∂z_y' : 'dL/dp';
  return `At p = ${formatCell(p)}: ${values.map((v) => `${CURVE_NAMES[v.loss].toLowerCase()} L = ${formatCell(v.value)}, ${g} = ${formatCell(v.grad)}`).join('; ')}.`;
}
