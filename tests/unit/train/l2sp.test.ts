import { describe, expect, it } from 'vitest';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { cpuNetFromModel } from '../../../src/lib/train/cpu/convert.ts';
import { addL2spGradient, l2spPenalty, l2spTerm } from '../../../src/lib/train/cpu/l2sp.ts';
import { uniform } from '../../../src/lib/random/lcg.ts';
import { cloneNet, fit } from '../../../src/lib/experiments/finetune.ts';
import { gatherScaled } from '../../../src/lib/experiments/picks.ts';
import { pretrainedDrift } from '../../../src/lib/experiments/forgetting.ts';
import { cpu, synthetic } from './helpers.ts';

describe('l2spPenalty', () => {
  it('is α/2·‖w − w⁰‖² over anchored arrays plus β/2·‖w‖² over the others', () => {
    const params = [Float32Array.of(1, 2), Float32Array.of(-3), Float32Array.of(0.5, 0.5, 1)];
    const anchors = [Float32Array.of(0, 4), null, Float32Array.of(0.5, 1.5, 1)];
    // anchored: (1 − 0)² + (2 − 4)² + 0 + (0.5 − 1.5)² + 0 = 6; new: 9
    expect(l2spPenalty(params, { alpha: 0.1, beta: 0.01, anchors })).toBeCloseTo(0.05 * 6 + 0.005 * 9, 12);
  });

  it('refuses anchors that do not line up with the arrays', () => {
    expect(() => l2spPenalty([new Float32Array(2)], { alpha: 1, beta: 1, anchors: [] })).toThrow(/1 trainable arrays but 0 anchors/);
    expect(() => l2spPenalty([new Float32Array(2)], { alpha: 1, beta: 1, anchors: [new Float32Array(3)] })).toThrow(/has 2 values, its anchor 3/);
  });
});

describe('addL2spGradient', () => {
  it('adds exactly the gradient of the penalty: central finite differences agree', () => {
    const params = [uniform(1, 7, -1, 1), uniform(2, 5, -2, 2)];
    const term = { alpha: 0.3, beta: 0.07, anchors: [uniform(3, 7, -1, 1), null] };
    const base = [uniform(4, 7), uniform(5, 5)];
    const grads = base.map((g) => g.slice());
    addL2spGradient(params, grads, term);
    params.forEach((p, i) => {
      for (let j = 0; j < p.length; j++) {
        const v = p[j]!;
        p[j] = v + 1 / 64;
        const up = l2spPenalty(params, term), hi = p[j]!;
        p[j] = v - 1 / 64;
        const down = l2spPenalty(params, term), lo = p[j]!;
        p[j] = v;
        // Ω is quadratic: a central difference is its exact derivative (up to float64 rounding).
        expect(grads[i]![j]! - base[i]![j]!, `array ${i}, value ${j}`).toBeCloseTo((up - down) / (hi - lo), 6);
      }
    });
  });
});

describe('l2spTerm and fit', { timeout: 120_000 }, () => {
  it('anchors copies of the pretrained arrays in params() order, none for the new head', async () => {
    await cpu();
    const net = await cpuNetFromModel(buildSmallCnn({ classes: 3, seed: 4, filters: [3, 4], hidden: 6 }));
    const term = l2spTerm(net, 1, 0.1, (layer) => layer !== 'logits');
    const params = net.params();
    expect(term.anchors).toHaveLength(params.length);
    const names = net.paramOps().flatMap(({ name, arrays }) => arrays.map(() => name));
    term.anchors.forEach((a, i) => {
      if (names[i] === 'logits') expect(a).toBeNull();
      else {
        expect(a).toEqual(params[i]);
        expect(a).not.toBe(params[i]);
      }
    });
  });

  it('α = β = 0 trains bit-identically to plain fit; a strong α keeps the pretrained weights closer to their start', async () => {
    await cpu();
    const start = await cpuNetFromModel(buildSmallCnn({ classes: 3, seed: 5, filters: [3, 4], hidden: 6 }));
    const set = synthetic(24, 3, 6);
    const data = { ...gatherScaled({ images: set.images as Uint8Array, labels: set.labels, count: 24 }, Int32Array.from({ length: 24 }, (_, i) => i)), h: 28, w: 28 };
    const o = { steps: 8, batch: 8, seed: 2, learningRate: 0.01 };
    const [plain, zero, strong] = [cloneNet(start), cloneNet(start), cloneNet(start)];
    const pretrained = (layer: string) => layer !== 'logits';
    fit(plain, data, o);
    fit(zero, data, { ...o, l2sp: l2spTerm(zero, 0, 0, pretrained) });
    expect(zero.params()).toEqual(plain.params());
    const term = l2spTerm(strong, 50, 0, pretrained);
    fit(strong, data, { ...o, l2sp: term });
    // How far the pretrained layers moved: the one measure of drift the forgetting experiment reports.
    expect(pretrainedDrift(strong, start)).toBeLessThan(0.5 * pretrainedDrift(plain, start));
  });
});
