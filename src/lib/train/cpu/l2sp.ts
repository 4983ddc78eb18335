/**
 * L2-SP (Li, Grandvalet & Davoine 2018, "Explicit inductive bias for transfer learning with convolutional
 * networks"): fine-tuning with a penalty that pulls the pretrained weights back toward their starting point w⁰
 * instead of toward zero, plus ordinary weight decay on the new layers:
 *   Ω(w) = α/2 · ‖w_S − w⁰_S‖² + β/2 · ‖w_new‖²
 * added to the training loss. As a gradient term: α·(w − w⁰) on a pretrained array, β·w on a new one.
 */
import type { CpuNet } from './net.ts';

/** Anchors line up with `net.params()`: a copy of the starting values of a pretrained array, null for a new one. */
export interface L2spTerm { alpha: number; beta: number; anchors: (Float32Array | null)[] }

/**
 * The term for `net` as it stands now (call before training): every trainable array of a layer for which
 * `pretrained(name)` holds is anchored at its current values; the others (the new head) get weight decay.
 */
export function l2spTerm(net: CpuNet, alpha: number, beta: number, pretrained: (layer: string) => boolean): L2spTerm {
  return { alpha, beta, anchors: net.paramOps().flatMap(({ name, arrays }) => arrays.map((a) => (pretrained(name) ? a.slice() : null))) };
}

/** Ω(w) for the arrays `params` (in the order of the term's anchors), in float64. */
export function l2spPenalty(params: readonly Float32Array[], t: L2spTerm): number {
  check(params, t);
  let sp = 0, decay = 0;
  params.forEach((p, i) => {
    const a = t.anchors[i];
    for (let j = 0; j < p.length; j++) {
      if (a) sp += (p[j]! - a[j]!) ** 2;
      else decay += p[j]! ** 2;
    }
  });
  return (t.alpha / 2) * sp + (t.beta / 2) * decay;
}

/** Adds ∂Ω/∂w to `grads` in place: α·(w − w⁰) for anchored arrays, β·w for the others. */
export function addL2spGradient(params: readonly Float32Array[], grads: Float32Array[], t: L2spTerm): void {
  check(params, t);
  params.forEach((p, i) => {
    const a = t.anchors[i], g = grads[i]!;
    for (let j = 0; j < p.length; j++) g[j] = g[j]! + (a ? t.alpha * (p[j]! - a[j]!) : t.beta * p[j]!);
  });
}

function check(params: readonly Float32Array[], t: L2spTerm): void {
  if (params.length !== t.anchors.length) throw new Error(`L2-SP: ${params.length} trainable arrays but ${t.anchors.length} anchors (freeze layers before making the term)`);
  t.anchors.forEach((a, i) => {
    if (a && a.length !== params[i]!.length) throw new Error(`L2-SP: array ${i} has ${params[i]!.length} values, its anchor ${a.length}`);
  });
}
