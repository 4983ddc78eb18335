/**
 * Which colour scale an output gets. A convolution's output is a sum of weight × input; when every weight and
 * every input is ≥ 0, no output can be negative, and a diverging scale would spend half its colours on values
 * that cannot occur (and draw a blur like a photo negative). Then the scale is sequential (0 … max);
 * otherwise diverging (−m … 0 … +m). The reader may override either way.
 */
export type ScaleKind = 'sequential' | 'diverging';
export type ScaleMode = 'auto' | ScaleKind;
export const SCALE_MODES: readonly ScaleMode[] = ['auto', 'sequential', 'diverging'];

export interface ScaleChoice { kind: ScaleKind; auto: boolean }

/** True when Σ w·x cannot be negative: all weights ≥ 0 and all inputs ≥ 0 (zero padding is ≥ 0 too). */
export function outputNonNegative(weights: ArrayLike<number>, inputMin: number): boolean {
  if (!(inputMin >= 0)) return false;
  for (let i = 0; i < weights.length; i++) if (!(weights[i]! >= 0)) return false;
  return true;
}

export function chooseScale(weights: ArrayLike<number>, inputMin: number, mode: ScaleMode = 'auto'): ScaleChoice {
  if (mode !== 'auto') return { kind: mode, auto: false };
  return { kind: outputNonNegative(weights, inputMin) ? 'sequential' : 'diverging', auto: true };
}
