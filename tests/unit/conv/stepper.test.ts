import { describe, expect, it } from 'vitest';
import { say, whyOf } from '../../../src/lib/i18n/index.ts';
import { parseKernel } from '../../../src/lib/conv/kernels.ts';
import { conv2dReference } from '../../../src/lib/conv/reference.ts';
import { checkStepperKernel, equation, formatNumber, planSteps, stepperInput, windowTaps, type StepperPlan } from '../../../src/lib/conv/stepper.ts';
import { convOutput } from '../../../src/lib/conv/geometry.ts';
import type { Padding } from '../../../src/lib/params/padding.ts';

describe('stepperInput', () => {
  it('is small whole numbers 0–9, the same for the same seed', () => {
    const a = stepperInput(1, 7);
    expect(a).toHaveLength(49);
    expect(a.every((v) => Number.isInteger(v) && v >= 0 && v <= 9)).toBe(true);
    expect(stepperInput(1, 7)).toEqual(a);
    expect(stepperInput(2, 7)).not.toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(5);
  });
});

// Geometries across the widget's range, including even kernels, asymmetric same pads and dilation.
const geometries: [number, string, number, Padding, number][] = [
  [7, 'sobel-x', 1, 'valid', 1], [7, 'sobel-x', 2, 'same', 1], [7, 'laplacian', 1, 1, 2], [9, 'box-blur', 3, 'same', 3],
  [6, '1,2; 3,4', 1, 'same', 1], [6, '1,2; 3,4', 2, 'same', 2], [5, '1,-1,2,0,1; 0,1,0,1,0', 2, 3, 1],
  [4, '2', 1, 'valid', 1], [3, 'sharpen', 3, 'same', 2], [8, 'random', 2, 2, 1], [9, 'gaussian', 1, 'valid', 3],
];

describe.each(geometries)('planSteps: input %i, kernel %s, stride %i, padding %s, dilation %i', (size, kernel, stride, padding, dilation) => {
  const k = parseKernel('kernel', kernel, 3, 5);
  const input = stepperInput(3, size);
  const s = { stride, padding, dilation };
  const plan = planSteps(input, size, k, s) as StepperPlan;
  const ref = conv2dReference({ data: input, shape: [1, size, size, 1] }, { data: k.values, shape: [k.rows, k.cols, 1, 1] }, s);

  it('has one step per reference output, row-major', () => {
    expect('error' in plan).toBe(false);
    expect([1, plan.outH, plan.outW, 1]).toEqual(ref.shape);
    expect(plan.steps).toHaveLength(ref.data.length);
    expect(plan.steps.map((st) => [st.oy, st.ox])).toEqual(Array.from(ref.data, (_, i) => [Math.floor(i / plan.outW), i % plan.outW]));
  });

  it("each step's products sum to the reference output", () => {
    for (const st of plan.steps) {
      expect(st.taps).toHaveLength(k.rows * k.cols);
      expect(st.taps.reduce((a, t) => a + t.product, 0)).toBe(ref.data[st.index]);
      expect(st.value).toBe(ref.data[st.index]);
    }
  });

  it('reads input cells where the window lies, and zeros on padding', () => {
    const geo = convOutput({ inH: size, inW: size, kH: k.rows, kW: k.cols, ...s });
    if ('error' in geo) throw new Error(geo.error.key);
    expect(plan.gridH).toBe(size + geo.pads.top + geo.pads.bottom);
    for (const st of plan.steps)
      for (const t of st.taps) {
        expect(t.iy).toBe(st.oy * stride + t.ky * dilation - geo.pads.top);
        expect(t.ix).toBe(st.ox * stride + t.kx * dilation - geo.pads.left);
        const outside = t.iy < 0 || t.iy >= size || t.ix < 0 || t.ix >= size;
        expect(t.padded).toBe(outside);
        expect(t.x).toBe(outside ? 0 : input[t.iy * size + t.ix]);
        expect(t.w).toBe(k.values[t.ky * k.cols + t.kx]);
        // Every tap lies inside the padded grid the widget draws.
        expect(t.iy + geo.pads.top).toBeLessThan(plan.gridH);
        expect(t.ix + geo.pads.left).toBeLessThan(plan.gridW);
      }
  });
});

describe('planSteps by hand', () => {
  // Input 1…9 as 3×3, kernel [1,2;3,4], padding 1 → output 4×4. Step 0 reads (−1,−1) (−1,0) (0,−1) (0,0):
  // three padding zeros and 1×4 = 4. Step 5 (row 1, col 1) reads 1,2,4,5: 1 + 4 + 12 + 20 = 37.
  const plan = planSteps([1, 2, 3, 4, 5, 6, 7, 8, 9], 3, parseKernel('k', '1,2;3,4'), { stride: 1, padding: 1, dilation: 1 }) as StepperPlan;
  it('walks the padded grid', () => {
    expect([plan.outH, plan.outW, plan.gridH, plan.gridW]).toEqual([4, 4, 5, 5]);
    expect(plan.steps[0]!.taps.map((t) => t.padded)).toEqual([true, true, true, false]);
    expect(equation(plan.steps[0]!)).toBe('0×1 + 0×2 + 0×3 + 1×4 = 4');
    expect(equation(plan.steps[5]!)).toBe('1×1 + 2×2 + 4×3 + 5×4 = 37');
  });

  it('writes negative weights in brackets with a true minus sign', () => {
    const p = planSteps([3, 0, 5, 7], 2, parseKernel('k', '-1,0; 0.5,-2'), { stride: 1, padding: 'valid', dilation: 1 }) as StepperPlan;
    expect(equation(p.steps[0]!)).toBe('3×(−1) + 0×0 + 5×0.5 + 7×(−2) = −14.5');
  });

  it('returns the geometry sentence when nothing fits', () => {
    expect(planSteps(stepperInput(1, 3), 3, parseKernel('k', 'sobel-x'), { stride: 1, padding: 'valid', dilation: 2 })).toHaveProperty('error');
  });

  it('windowTaps lists kernel taps in row-major order with the dilation', () => {
    expect(windowTaps(1, 2, parseKernel('k', '1,1;1,1'), { stride: 2, padding: 'valid', dilation: 3 }, { top: 0, bottom: 0, left: 1, right: 0 }))
      .toEqual([{ ky: 0, kx: 0, iy: 2, ix: 3 }, { ky: 0, kx: 1, iy: 2, ix: 6 }, { ky: 1, kx: 0, iy: 5, ix: 3 }, { ky: 1, kx: 1, iy: 5, ix: 6 }]);
  });
});

describe('formatNumber', () => {
  it.each([[7, '7'], [-2, '−2'], [1 / 9, '0.111'], [-0, '0'], [-1e-9, '0'], [2.5, '2.5'], [-12.3456, '−12.346']])('%d → %s', (v, s) => {
    expect(formatNumber(v)).toBe(s);
  });
});

describe('checkStepperKernel', () => {
  it('accepts up to 5×5 and refuses larger kernels with a message', () => {
    expect(checkStepperKernel('kernel', parseKernel('kernel', 'gaussian', 5))).toMatchObject({ rows: 5 });
    expect(() => checkStepperKernel('kernel', parseKernel('kernel', 'gaussian', 7))).toThrow(/at most 5×5 here.*got 7×7/);
    expect(() => checkStepperKernel('kernel', parseKernel('kernel', '1,2,3,4,5,6'))).toThrow(/got 1×6/);
  });

  it('says why in either language', () => {
    let why = null;
    try { checkStepperKernel('kernel', parseKernel('kernel', 'gaussian', 7)); } catch (e) { why = whyOf(e); }
    expect(say('en', why!)).toBe('kernel must be at most 5×5 here, so its numbers stay readable; got 7×7.');
    expect(say('zh-CN', why!)).toBe('这里的kernel最大为5×5，以便看清每个数，现为7×7。');
  });
});
