/**
 * The receptive-field recurrence (Dumoulin & Visin 2016; Araujo, Norris & Sim 2019), per axis, from the input
 * (layer 0: r₀ = 1, j₀ = 1, start₀ = 0) up:
 *   r_l = r_{l−1} + (k_l − 1)·d_l·j_{l−1}   the field's side in input pixels
 *   j_l = j_{l−1}·s_l                       the jump: input pixels between neighbouring units of layer l
 *   start_l = start_{l−1} − p_l·j_{l−1}      input position of unit 0's first pixel (negative: in the padding)
 * Unit u of layer l sees input pixels start_l + u·j_l … start_l + u·j_l + r_l − 1 (clipped to the image).
 * The brute-force check is mask.ts.
 */
import type { Plan } from './plan.ts';

export interface FieldStep { r: number; j: number; start: number }

/** Steps 0 (the input) to L. */
export function fieldSteps(plan: Plan): FieldStep[] {
  const steps: FieldStep[] = [{ r: 1, j: 1, start: 0 }];
  for (const l of plan.layers) {
    const prev = steps.at(-1)!;
    steps.push({ r: prev.r + (l.k - 1) * l.d * prev.j, j: prev.j * l.s, start: prev.start - l.padBefore * prev.j });
  }
  return steps;
}

export interface Span { first: number; last: number }

/** Input pixels along one axis that unit `u` of layer `index` can see: as the formula says, and inside the image. */
export function fieldAlong(plan: Plan, steps: FieldStep[], index: number, u: number): { formula: Span; inImage: Span } {
  const { r, j, start } = steps[index]!;
  const first = start + u * j;
  const formula = { first, last: first + r - 1 };
  return { formula, inImage: { first: Math.max(0, formula.first), last: Math.min(plan.input - 1, formula.last) } };
}

/** The formula's numbers for layer l, written out: "r₂ = 3 + (2 − 1)·1·1 = 4" in plain text. */
export function formulaText(plan: Plan, steps: FieldStep[], l: number): { r: string; j: string } {
  const layer = plan.layers[l - 1]!, prev = steps[l - 1]!, cur = steps[l]!;
  return {
    r: `r${l} = r${l - 1} + (k${l} − 1)·d${l}·j${l - 1} = ${prev.r} + (${layer.k} − 1)·${layer.d}·${prev.j} = ${cur.r}`,
    j: `j${l} = j${l - 1}·s${l} = ${prev.j}·${layer.s} = ${cur.j}`,
  };
}
