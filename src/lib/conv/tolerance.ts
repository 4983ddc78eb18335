import type { ReferenceResult } from './reference.ts';

export interface Agreement { ok: boolean; worstIndex: number; maxAbsErr: number; relToMax: number; detail: string }

/**
 * GUIDE §4: each element within 1e-6 + 1e-5·Σ|x·w| of the float64 reference, and max|err| / max|ref| ≤ 1e-4.
 * `scale` widens both bounds (×10 for real GPUs, whose FMA and summation order differ).
 */
export function compareToReference(got: ArrayLike<number>, ref: ReferenceResult, scale = 1): Agreement {
  if (got.length !== ref.data.length) {
    return { ok: false, worstIndex: -1, maxAbsErr: Infinity, relToMax: Infinity, detail: `length ${got.length} ≠ ${ref.data.length}` };
  }
  let maxAbsErr = 0;
  let maxRef = 0;
  let worstIndex = -1;
  let worstRatio = 0;
  for (let i = 0; i < got.length; i++) {
    const err = Math.abs(got[i]! - ref.data[i]!);
    if (!(err <= Infinity)) return { ok: false, worstIndex: i, maxAbsErr: NaN, relToMax: NaN, detail: `NaN at ${i}` };
    const bound = scale * (1e-6 + 1e-5 * ref.absSum[i]!);
    const ratio = err / bound;
    if (ratio > worstRatio) { worstRatio = ratio; worstIndex = i; }
    maxAbsErr = Math.max(maxAbsErr, err);
    maxRef = Math.max(maxRef, Math.abs(ref.data[i]!));
  }
  const relToMax = maxRef === 0 ? maxAbsErr : maxAbsErr / maxRef;
  const ok = worstRatio <= 1 && relToMax <= 1e-4 * scale;
  const detail = `max|err| ${maxAbsErr.toExponential(2)}, max|err|/max|ref| ${relToMax.toExponential(2)}, worst element ${worstIndex} at ${worstRatio.toFixed(2)}× its bound`;
  return { ok, worstIndex, maxAbsErr, relToMax, detail };
}
