/**
 * Squared error: the regression loss, and the same loss applied to softmax probabilities (a poor choice
 * for classification, which Chapter 4 explains through the factor p(1 − p) in its gradient).
 */
import { softmax } from './softmax.ts';
import { smoothedTarget } from './targets.ts';

/** Mean squared error (1/n) Σ (ŷ_i − y_i)² between predictions and targets of equal length. */
export function meanSquaredError(predicted: readonly number[], target: readonly number[]): number {
  if (predicted.length !== target.length || predicted.length === 0) throw new Error('meanSquaredError needs two non-empty lists of equal length');
  let s = 0;
  for (let i = 0; i < predicted.length; i++) s += (predicted[i]! - target[i]!) ** 2;
  return s / predicted.length;
}

/** ∂MSE/∂ŷ_i = 2 (ŷ_i − y_i) / n. */
export function meanSquaredErrorGrad(predicted: readonly number[], target: readonly number[]): number[] {
  return predicted.map((v, i) => (2 * (v - target[i]!)) / predicted.length);
}

export interface ProbabilityMseOptions { temperature?: number; smoothing?: number }

/** Σ_i (p_i − q_i)² with p = softmax(z/T): summed over the K classes (the Brier score of one example). */
export function probabilitySquaredError(logits: readonly number[], target: number, o: ProbabilityMseOptions = {}): number {
  const p = softmax(logits, o.temperature ?? 1);
  const q = smoothedTarget(logits.length, target, o.smoothing ?? 0);
  return p.reduce((s, pi, i) => s + (pi - q[i]!) ** 2, 0);
}

/**
 * Its gradient with respect to the logits, through the softmax Jacobian ∂p_i/∂z_j = p_i(δ_ij − p_j)/T:
 * ∂L/∂z_j = Σ_i 2(p_i − q_i) p_i (δ_ij − p_j) / T. Every term carries a p_i, so when the model is
 * confidently wrong (p_y ≈ 0) the push on the true class's logit is tiny.
 */
export function probabilitySquaredErrorGrad(logits: readonly number[], target: number, o: ProbabilityMseOptions = {}): number[] {
  const t = o.temperature ?? 1;
  const p = softmax(logits, t);
  const q = smoothedTarget(logits.length, target, o.smoothing ?? 0);
  const r = p.map((pi, i) => 2 * (pi - q[i]!) * pi);
  const rs = r.reduce((a, b) => a + b, 0);
  return p.map((pj, j) => (r[j]! - rs * pj) / t);
}
