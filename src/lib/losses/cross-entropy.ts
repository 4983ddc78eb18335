/**
 * Cross-entropy between a target distribution q and softmax(z / T), and its gradient with respect to the
 * logits z. With q one-hot on class y the loss is −log p_y; the gradient is (p − q) / T for any q that
 * sums to 1 — the derivation is in Chapter 4.
 */
import { logSoftmax, softmax } from './softmax.ts';
import { smoothedTarget } from './targets.ts';

export interface SoftmaxLossOptions { temperature?: number; smoothing?: number }

/** H(q, p) = −Σ q_i log p_i, from log-softmax (never log of an underflowed 0). */
export function crossEntropyWith(logits: readonly number[], q: readonly number[], temperature = 1): number {
  const lp = logSoftmax(logits, temperature);
  let loss = 0;
  for (let i = 0; i < lp.length; i++) if (q[i]! !== 0) loss -= q[i]! * lp[i]!;
  return loss;
}

/** ∂H(q, softmax(z/T))/∂z_i = (p_i − q_i) / T. */
export function crossEntropyGradWith(logits: readonly number[], q: readonly number[], temperature = 1): number[] {
  const p = softmax(logits, temperature);
  return p.map((pi, i) => (pi - q[i]!) / temperature);
}

/** Categorical cross-entropy for true class `target`, optionally label-smoothed by α. */
export function crossEntropy(logits: readonly number[], target: number, o: SoftmaxLossOptions = {}): number {
  return crossEntropyWith(logits, smoothedTarget(logits.length, target, o.smoothing ?? 0), o.temperature ?? 1);
}

export function crossEntropyGrad(logits: readonly number[], target: number, o: SoftmaxLossOptions = {}): number[] {
  return crossEntropyGradWith(logits, smoothedTarget(logits.length, target, o.smoothing ?? 0), o.temperature ?? 1);
}

/** σ(z) = 1 / (1 + e^{−z}), written so that neither branch overflows. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Binary cross-entropy of one logit z against a label y ∈ [0, 1]: −y log σ(z) − (1 − y) log(1 − σ(z)),
 * in the stable form max(z, 0) − z·y + log(1 + e^{−|z|}).
 */
export function binaryCrossEntropy(z: number, y: number): number {
  return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
}

/** ∂BCE/∂z = σ(z) − y: the same "prediction minus target" as the categorical case. */
export function binaryCrossEntropyGrad(z: number, y: number): number {
  return sigmoid(z) - y;
}
