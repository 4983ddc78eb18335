import { ParamError } from '../params/param-error.ts';
import type { Padding } from '../params/padding.ts';
import { lcg } from '../random/lcg.ts';
import { msg } from '../i18n/t.ts';
import type { Msg } from '../i18n/types.ts';
import { convOutput, type Pads } from './geometry.ts';
import type { Kernel2D } from './kernels.ts';
import { conv2dReference } from './reference.ts';

/**
 * The step-by-step view of one single-channel convolution: every position of the sliding window in the
 * order the output is written (row-major), the input cells each tap reads — padding cells included, as
 * zeros — and the products that add up to each output. Output values come from `conv2dReference`, the
 * book's oracle; the products are the same arithmetic unrolled so a reader can follow it.
 */

/** Kernels larger than this are unreadable as numbers in a small grid. */
export const MAX_STEPPER_KERNEL = 5;

export interface StepperSettings { stride: number; padding: Padding; dilation: number }

/** One multiply: kernel tap (ky, kx) reads input cell (iy, ix), which lies in the padding when `padded`. */
export interface Tap { ky: number; kx: number; iy: number; ix: number; padded: boolean; x: number; w: number; product: number }

/** One output value: where it is written and the taps whose products sum to it. */
export interface Step { index: number; oy: number; ox: number; taps: Tap[]; value: number }

export interface StepperPlan {
  inH: number; inW: number; outH: number; outW: number; pads: Pads;
  /** Size of the padded grid the window slides over. */
  gridH: number; gridW: number;
  steps: Step[];
  /** The reference output (row-major, outH × outW). */
  output: Float64Array;
}

/** A readable input: small whole numbers 0–9 from the seeded LCG, row-major. */
export function stepperInput(seed: number, size: number): number[] {
  const next = lcg(seed);
  return Array.from({ length: size * size }, () => Math.floor(next() * 10));
}

/** Refuses kernels too large to read cell by cell (the shared parser allows up to 7×7). */
export function checkStepperKernel(name: string, k: Kernel2D): Kernel2D {
  if (k.rows > MAX_STEPPER_KERNEL || k.cols > MAX_STEPPER_KERNEL) {
    throw new ParamError(name, msg('convStepper.kernelTooLarge', { name, max: MAX_STEPPER_KERNEL, rows: k.rows, cols: k.cols }));
  }
  return k;
}

/** The input cells (row, column; negative or ≥ size in the padding) that output (oy, ox) reads, in kernel order. */
export function windowTaps(oy: number, ox: number, k: Kernel2D, s: StepperSettings, pads: Pads): { ky: number; kx: number; iy: number; ix: number }[] {
  const taps = [];
  for (let ky = 0; ky < k.rows; ky++)
    for (let kx = 0; kx < k.cols; kx++)
      taps.push({ ky, kx, iy: oy * s.stride + ky * s.dilation - pads.top, ix: ox * s.stride + kx * s.dilation - pads.left });
  return taps;
}

/** The whole walk for a square `size` input, or the geometry's sentence when the settings give no output. */
export function planSteps(input: readonly number[], size: number, k: Kernel2D, s: StepperSettings): StepperPlan | { error: Msg } {
  const geo = convOutput({ inH: size, inW: size, kH: k.rows, kW: k.cols, ...s });
  if ('error' in geo) return geo;
  const { outH, outW, pads } = geo;
  const ref = conv2dReference(
    { data: input, shape: [1, size, size, 1] },
    { data: k.values, shape: [k.rows, k.cols, 1, 1] },
    s,
  );
  const steps: Step[] = [];
  for (let oy = 0; oy < outH; oy++)
    for (let ox = 0; ox < outW; ox++) {
      const taps = windowTaps(oy, ox, k, s, pads).map((t) => {
        const padded = t.iy < 0 || t.iy >= size || t.ix < 0 || t.ix >= size;
        const x = padded ? 0 : input[t.iy * size + t.ix]!;
        const w = k.values[t.ky * k.cols + t.kx]!;
        return { ...t, padded, x, w, product: x * w };
      });
      const index = oy * outW + ox;
      steps.push({ index, oy, ox, taps, value: ref.data[index]! });
    }
  return { inH: size, inW: size, outH, outW, pads, gridH: size + pads.top + pads.bottom, gridW: size + pads.left + pads.right, steps, output: ref.data };
}

/** A number as the equation shows it: whole numbers exactly, others to at most three decimals; a true minus sign. */
export function formatNumber(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  const text = String(Object.is(r, -0) ? 0 : r);
  return text.replace('-', '−');
}

/** "3×(−1) + 0×0 + … = 7": the multiply-adds of one step, padding zeros included. */
export function equation(step: Step): string {
  const terms = step.taps.map((t) => `${formatNumber(t.x)}×${t.w < 0 ? `(${formatNumber(t.w)})` : formatNumber(t.w)}`);
  return `${terms.join(' + ')} = ${formatNumber(step.value)}`;
}
