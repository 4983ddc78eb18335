/**
 * The multiclass hinge loss of Crammer and Singer (2001) on raw scores (logits, no softmax):
 * max(0, m + max_{j≠y} z_j − z_y). It is zero once the true class leads every other by the margin m, and
 * then it stops pushing at all — unlike cross-entropy, which always pushes a little.
 */

/** The strongest wrong class (the first one on a tie). */
function rival(logits: readonly number[], target: number): number {
  let best = -1;
  for (let j = 0; j < logits.length; j++) if (j !== target && (best < 0 || logits[j]! > logits[best]!)) best = j;
  return best;
}

export function multiclassHinge(logits: readonly number[], target: number, margin = 1): number {
  const j = rival(logits, target);
  return Math.max(0, margin + logits[j]! - logits[target]!);
}

/** A subgradient: −1 on the true class and +1 on the rival while the margin is violated, else all 0. */
export function multiclassHingeGrad(logits: readonly number[], target: number, margin = 1): number[] {
  const g = logits.map(() => 0);
  const j = rival(logits, target);
  if (margin + logits[j]! - logits[target]! > 0) {
    g[target] = -1;
    g[j] = 1;
  }
  return g;
}
