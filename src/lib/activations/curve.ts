/** Sampled curves for plotting: f and f′ at evenly spaced x, in float64 from functions.ts. */
import { activation, type ActivationName } from './functions.ts';

export const X_MIN = -4;
export const X_MAX = 4;
export const SAMPLES = 321; // step 0.025: the kinks of ReLU and Leaky ReLU fall exactly on a sample

export interface Curve { name: ActivationName; label: string; x: Float64Array; f: Float64Array; df: Float64Array }

export function sampleCurve(name: ActivationName, slope: number, lo = X_MIN, hi = X_MAX, n = SAMPLES): Curve {
  const a = activation(name, slope);
  const x = Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
  return { name, label: a.label, x, f: x.map(a.f), df: x.map(a.df) };
}

/** The read-out at one x: value and derivative for each function. */
export function readout(names: readonly ActivationName[], slope: number, x: number): { name: ActivationName; label: string; f: number; df: number }[] {
  return names.map((name) => {
    const a = activation(name, slope);
    return { name, label: a.label, f: a.f(x), df: a.df(x) };
  });
}

/** Parses the read-out position: a finite number within the plotted range. */
export function clampX(x: number): number {
  return Math.min(X_MAX, Math.max(X_MIN, Math.round(x * 1000) / 1000));
}
