/**
 * Each loss as a function of p, the predicted probability of the true class, for K classes whose K − 1
 * wrong classes share the rest equally (equal wrong logits). Moving the true-class logit z_y keeps them
 * equal, so along this path dp/dz_y = p(1 − p) and ∂L/∂z_y = (dL/dp)·p(1 − p). Closed forms, checked in the
 * unit tests against the general K-class losses evaluated at `logitsFor(p, K)`.
 */
export type CurveLoss = 'ce' | 'mse' | 'hinge';
export type CurveGradient = 'logit' | 'p';
export const CURVE_LOSSES: readonly CurveLoss[] = ['ce', 'mse', 'hinge'];
export const CURVE_NAMES: Record<CurveLoss, string> = {
  ce: 'Cross-entropy',
  mse: 'Squared error on probabilities',
  hinge: 'Multiclass hinge (margin 1)',
};

/** Logits with the true class first at z_y = log(p(K − 1)/(1 − p)) and every wrong logit 0. */
export function logitsFor(p: number, classes: number): number[] {
  return [Math.log((p * (classes - 1)) / (1 - p)), ...Array.from({ length: classes - 1 }, () => 0)];
}

/** The true class's lead over each wrong class, z_y − z_j, at probability p. */
export function logitGap(p: number, classes: number): number {
  return Math.log((p * (classes - 1)) / (1 - p));
}

/** L(p): −log p; (1 − p)² + (K − 1)((1 − p)/(K − 1))² = (1 − p)²·K/(K − 1); max(0, 1 − gap). */
export function curveLoss(loss: CurveLoss, p: number, classes: number): number {
  switch (loss) {
    case 'ce': return -Math.log(p);
    case 'mse': return ((1 - p) ** 2 * classes) / (classes - 1);
    case 'hinge': return Math.max(0, 1 - logitGap(p, classes));
  }
}

/** dL/dp along the path: −1/p; −2(1 − p)·K/(K − 1); −1/(p(1 − p)) while the margin is violated, else 0. */
export function curveGradP(loss: CurveLoss, p: number, classes: number): number {
  switch (loss) {
    case 'ce': return -1 / p;
    case 'mse': return (-2 * (1 - p) * classes) / (classes - 1);
    case 'hinge': return logitGap(p, classes) < 1 ? -1 / (p * (1 - p)) : 0;
  }
}

/** ∂L/∂z_y = dL/dp · p(1 − p): p − 1 for cross-entropy, −2p(1 − p)²·K/(K − 1) for squared error, −1 or 0 for hinge. */
export function curveGradLogit(loss: CurveLoss, p: number, classes: number): number {
  switch (loss) {
    case 'ce': return p - 1;
    case 'mse': return (-2 * p * (1 - p) ** 2 * classes) / (classes - 1);
    case 'hinge': return logitGap(p, classes) < 1 ? -1 : 0;
  }
}

export function curveGradient(loss: CurveLoss, kind: CurveGradient, p: number, classes: number): number {
  return kind === 'logit' ? curveGradLogit(loss, p, classes) : curveGradP(loss, p, classes);
}

/** n + 1 points p from lo to hi, denser near 0 and 1 where the curves bend (a logistic spacing). */
export function curveGrid(n = 400, lo = 0.001, hi = 0.999): number[] {
  const a = Math.log(lo / (1 - lo));
  const b = Math.log(hi / (1 - hi));
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = a + ((b - a) * i) / n;
    return 1 / (1 + Math.exp(-t));
  });
}
