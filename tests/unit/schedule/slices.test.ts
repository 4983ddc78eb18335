import { describe, expect, it } from 'vitest';
import { runSliced, runSync, type Sliced } from '../../../src/lib/schedule/slices.ts';
import { trainProbe, trainProbeSliced } from '../../../src/lib/transfer/probe.ts';
import { fitPca, fitPcaSliced } from '../../../src/lib/shift/pca.ts';
import { pcaPanel, pcaPanelSliced } from '../../../src/lib/shift/panels.ts';
import { lcg } from '../../../src/lib/random/lcg.ts';

function rows(n: number, d: number, seed: number): Float32Array {
  const next = lcg(seed);
  return Float32Array.from({ length: n * d }, (_, i) => next() + (i % d === i % 3 ? 2 : 0));
}

/** Counts how often a sliced run gives the event loop back (a macrotask queued before it runs in between). */
async function yieldsDuring<T>(work: Sliced<T>, budgetMs: number): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let live = true;
  const tick = () => { if (!live) return; turns++; setImmediate(tick); };
  setImmediate(tick);
  const value = await runSliced(work, budgetMs);
  live = false;
  return { value, turns };
}

describe('sliced computations', () => {
  it('runSync and runSliced return the same value, and a sliced run gives the event loop back between slices', async () => {
    function* count(n: number): Sliced<number> { let s = 0; for (let i = 0; i < n; i++) { s += i; yield; } return s; }
    expect(runSync(count(1000))).toBe(499500);
    const { value, turns } = await yieldsDuring(count(3_000_000), 1);
    expect(value).toBe(runSync(count(3_000_000)));
    expect(turns).toBeGreaterThan(10);
  });

  it('a slice ends before a step that would take it past the budget, judged by the last step (a clock the steps move)', async () => {
    // Steps of 3 ms on an 8 ms budget: two per slice (a third would end at 9 ms). Steps of 10 ms: one each.
    for (const [stepMs, perSlice] of [[3, 2], [10, 1], [1, 8]] as const) {
      let clock = 0;
      const slices: number[] = [0];
      function* steps(n: number): Sliced<number> {
        for (let i = 0; i < n; i++) { clock += stepMs; slices[slices.length - 1]!++; yield; }
        return n;
      }
      // Each turn of the event loop between steps starts a new slice (the clock is not moved by the pause).
      let live = true;
      const tick = () => { if (!live) return; slices.push(0); setImmediate(tick); };
      setImmediate(tick);
      await runSliced(steps(24), 8, () => clock);
      live = false;
      expect(Math.max(...slices), `${stepMs} ms steps`).toBe(perSlice);
    }
  });

  it('the sliced linear probe is the synchronous probe, bit for bit (weights, bias, predictions), and it yields', async () => {
    const n = 60, d = 300, k = 3;
    const x = rows(n, d, 7);
    const labels = Int32Array.from({ length: n }, (_, i) => i % k);
    const sync = trainProbe(x, n, d, labels, { classes: k, steps: 80 });
    const { value: sliced, turns } = await yieldsDuring(trainProbeSliced(x, n, d, labels, { classes: k, steps: 80 }), 0);
    expect(turns).toBeGreaterThan(50);
    expect(Array.from(sliced.weights)).toEqual(Array.from(sync.weights));
    expect(Array.from(sliced.bias)).toEqual(Array.from(sync.bias));
    expect(sliced.finalLoss).toBe(sync.finalLoss);
    const test = rows(40, d, 8);
    expect(Array.from(await runSliced(sliced.predictSliced(test, 40)))).toEqual(Array.from(sync.predict(test, 40)));
  });

  it('the sliced PCA and PCA panel equal the synchronous ones, bit for bit', async () => {
    const n = 50, d = 24;
    const a = rows(n, d, 3), b = rows(n, d, 4);
    const sync = fitPca(a, n, d, 2);
    const { value: sliced, turns } = await yieldsDuring(fitPcaSliced(a, n, d, 2), 0);
    expect(turns).toBeGreaterThan(5);
    expect(sliced.variances).toEqual(sync.variances);
    expect(sliced.components.map((c) => Array.from(c))).toEqual(sync.components.map((c) => Array.from(c)));
    const digits = Array.from({ length: n }, (_, i) => i % 10);
    expect(await runSliced(pcaPanelSliced(a, b, n, d, digits))).toEqual(pcaPanel(a, b, n, d, digits));
  });
});
