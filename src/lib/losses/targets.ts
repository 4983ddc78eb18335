/**
 * Target distributions for K classes: one-hot, or label-smoothed (Szegedy et al., 2016):
 * q_i = (1 − α)·[i = y] + α/K, so the true class gets 1 − α + α/K and every other class α/K.
 */
export function oneHot(classes: number, target: number): number[] {
  return Array.from({ length: classes }, (_, i) => (i === target ? 1 : 0));
}

export function smoothedTarget(classes: number, target: number, smoothing = 0): number[] {
  return oneHot(classes, target).map((y) => (1 - smoothing) * y + smoothing / classes);
}
