/**
 * The receptive-field formula against the brute-force oracle (a one-hot map propagated down through every
 * layer's real taps), on the presets and on random stacks from a seeded LCG.
 */
import { describe, expect, it } from 'vitest';
import { parseLayers, PRESETS, type Layer } from '../../../src/lib/receptive-field/layers.ts';
import { planLayers, sizeAt, type Plan } from '../../../src/lib/receptive-field/plan.ts';
import { fieldAlong, fieldSteps, formulaText } from '../../../src/lib/receptive-field/formula.ts';
import { dependencyCounts, maskBounds } from '../../../src/lib/receptive-field/mask.ts';
import { say, type Msg } from '../../../src/lib/i18n/index.ts';
import { lcg } from '../../../src/lib/random/lcg.ts';

function plan(layers: string | Layer[], input: number): Plan {
  const p = planLayers(typeof layers === 'string' ? parseLayers(layers) : layers, input);
  if ('error' in p) throw new Error(say('en', p.error));
  return p;
}

/**
 * Checks the units of layer `index` (all of them on maps up to 16 wide, a regular sample including both
 * borders on larger ones): the oracle's field lies inside the formula's, and equals it when not clipped.
 */
function agree(p: Plan, index: number): number {
  const steps = fieldSteps(p);
  const n = sizeAt(p, index);
  const step = Math.max(1, Math.floor(n / 16));
  const units = [...new Set([...Array.from({ length: Math.ceil(n / step) }, (_, i) => i * step), n - 1])];
  let exact = 0;
  for (const uy of units)
    for (const ux of units) {
      const b = maskBounds(dependencyCounts(p, index, [uy, ux])[0]!, p.input)!;
      const fy = fieldAlong(p, steps, index, uy), fx = fieldAlong(p, steps, index, ux);
      expect(b.rows[0]).toBeGreaterThanOrEqual(fy.inImage.first);
      expect(b.rows[1]).toBeLessThanOrEqual(fy.inImage.last);
      expect(b.cols[0]).toBeGreaterThanOrEqual(fx.inImage.first);
      expect(b.cols[1]).toBeLessThanOrEqual(fx.inImage.last);
      const inside = (f: { first: number; last: number }) => f.first >= 0 && f.last < p.input;
      if (inside(fy.formula) && inside(fx.formula)) {
        expect([b.rows, b.cols]).toEqual([[fy.formula.first, fy.formula.last], [fx.formula.first, fx.formula.last]]);
        exact++;
      }
    }
  return exact;
}

describe('fieldSteps', () => {
  it('the book CNN: 3, 4, 8, 10 pixels, jumps 1, 2, 2, 4 — and the oracle sees a 10×10 square at the centre', () => {
    const p = plan('conv 3, pool 2, conv 3, pool 2', 28);
    const steps = fieldSteps(p);
    expect(steps.map((s) => s.r)).toEqual([1, 3, 4, 8, 10]);
    expect(steps.map((s) => s.j)).toEqual([1, 1, 2, 2, 4]);
    const b = maskBounds(dependencyCounts(p, 4, [3, 3])[0]!, 28)!;
    expect([b.rows[1] - b.rows[0] + 1, b.cols[1] - b.cols[0] + 1, b.cells]).toEqual([10, 10, 100]);
    expect(formulaText(p, steps, 3).r).toBe('r3 = r2 + (k3 − 1)·d3·j2 = 4 + (3 − 1)·1·2 = 8');
    expect(formulaText(p, steps, 4).j).toBe('j4 = j3·s4 = 2·2 = 4');
  });

  it.each(PRESETS.map((p) => [p.name, p] as const))('preset %s: formula and oracle agree across the units of every layer', (_, preset) => {
    const p = plan(preset.layers, preset.input);
    let exact = 0;
    for (let l = 1; l <= p.layers.length; l++) exact += agree(p, l);
    expect(exact).toBeGreaterThan(0); // some fields lie wholly inside the image, where the match must be exact
  });

  it('random stacks of convs and pools with strides, dilations and both paddings agree with the oracle', () => {
    const next = lcg(2024);
    const pick = (n: number) => Math.floor(next() * n);
    let stacks = 0;
    for (let trial = 0; trial < 60; trial++) {
      const layers: Layer[] = Array.from({ length: 1 + pick(4) }, () => {
        const kind = next() < 0.5 ? 'conv' : 'pool';
        return { kind, k: 1 + pick(4), s: 1 + pick(3), d: 1 + pick(3), padding: next() < 0.5 ? 'same' : 'valid' } as Layer;
      });
      const p = planLayers(layers, 12 + pick(20));
      if ('error' in p) continue;
      stacks++;
      agree(p, p.layers.length);
    }
    expect(stacks).toBeGreaterThan(30);
  });
});

describe('dependencyCounts', () => {
  it('without dilation the field has no holes; dilation 2 throughout leaves every other pixel out', () => {
    const dense = plan('conv 3, conv 3, conv 3', 21);
    const b = maskBounds(dependencyCounts(dense, 3, [10, 10])[0]!, 21)!;
    expect(b.cells).toBe((b.rows[1] - b.rows[0] + 1) * (b.cols[1] - b.cols[0] + 1));
    const holes = plan('conv 3 d2, conv 3 d2, conv 3 d2', 21);
    const h = maskBounds(dependencyCounts(holes, 3, [10, 10])[0]!, 21)!;
    expect(h.rows[1] - h.rows[0] + 1).toBe(13); // r = 1 + 3·(2·2) = 13
    expect(h.cells).toBe(7 * 7); // only even offsets: 7 of the 13 rows and of the 13 columns
    const grown = plan('conv 3, conv 3 d2, conv 3 d4', 21);
    const g = maskBounds(dependencyCounts(grown, 3, [10, 10])[0]!, 21)!;
    expect(g.cells).toBe(15 * 15); // dilations 1, 2, 4 fill the 15×15 field (Yu & Koltun)
  });

  it('counts paths: the centre of two stacked 3×3 convs is reached 9 ways, a corner of the 5×5 field once', () => {
    const p = plan('conv 3, conv 3', 9);
    const c = dependencyCounts(p, 2, [4, 4])[0]!;
    expect(c[4 * 9 + 4]).toBe(9);
    expect(c[2 * 9 + 2]).toBe(1);
    expect(c.reduce((a, b) => a + b, 0)).toBe(81);
  });
});

describe('planLayers', () => {
  it('sizes the book CNN 28 → 28 → 14 → 14 → 7 and refuses a stack that runs out of pixels', () => {
    const p = plan('conv 3, pool 2, conv 3, pool 2', 28);
    expect(p.layers.map((l) => l.outSize)).toEqual([28, 14, 14, 7]);
    const refused = planLayers(parseLayers('pool 2, pool 2, pool 2'), 4) as { error: Msg };
    expect(say('en', refused.error)).toContain('Layer 3 (pool 2) spans 2 pixels but gets a 1×1 input');
    expect(say('zh-CN', refused.error)).toBe("第3层（pool 2）覆盖2个像素，但得到的是1×1的无填充输入，因此没有输出。请增大输入、改用'same'填充，或减少层数。");
    const dilated = planLayers(parseLayers('conv 3 d4 valid'), 8) as { error: Msg };
    expect(say('en', dilated.error)).toBe("Layer 1 (conv 3, dilation 4) spans 9 pixels but gets a 8×8 input with no padding: there is no output. Use a larger input, 'same' padding, or fewer layers.");
    expect(say('zh-CN', dilated.error)).toContain('第1层（conv 3，膨胀4）覆盖9个像素');
  });
});
