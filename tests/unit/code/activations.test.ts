/**
 * Chapter 3's "In code" snippet (content/code/activations.ts): its table of activations and derivatives against
 * the book's float64 functions (src/lib/activations/functions.ts), its per-layer gradient norms against the
 * float64 backpropagation of the vanishing-gradients widget (src/lib/nets/oracle.ts) on the same seeded
 * numbers, and its whole output against the listing's "What it prints" file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { activation, type ActivationName } from '../../../src/lib/activations/functions.ts';
import { oracleGradNorms } from '../../../src/lib/nets/oracle.ts';
import { BATCH, initStd, type NetActivation, type InitName } from '../../../src/lib/nets/plain-net.ts';
import { cpu } from '../train/helpers.ts';
import { lineStarting, numbersIn, runSnippet, snippetPath } from './run-snippet.ts';

let out = '';
beforeAll(async () => {
  out = await runSnippet('activations');
}, 60_000);

const ROWS: [string, ActivationName][] = [['relu', 'relu'], ['leaky relu', 'leaky-relu'], ['sigmoid', 'sigmoid'], ['tanh', 'tanh'], ['gelu', 'gelu']];

describe('content/code/activations.ts', () => {
  it('prints f(z) and f\'(z) (by tf.grad) as the float64 formulas give them, to 4 decimals', () => {
    const z = numbersIn(lineStarting(out, 'z '));
    expect(z.length).toBeGreaterThan(3);
    for (const [printed, name] of ROWS) {
      const a = activation(name, 0.1); // the snippet's leaky slope
      const f = numbersIn(lineStarting(out, `${printed}(z)`).slice(printed.length + 3));
      const df = numbersIn(lineStarting(out, `${printed}'(z)`).slice(printed.length + 4));
      // 4 decimals round by at most 5e-5; float32 arithmetic adds far less than the remaining 1e-5.
      z.forEach((v, i) => {
        expect(Math.abs(f[i]! - a.f(v)), `${name}(${v})`).toBeLessThan(6e-5);
        expect(Math.abs(df[i]! - a.df(v)), `${name}'(${v})`).toBeLessThan(6e-5);
      });
    }
  });

  it('prints each layer\'s gradient norm as float64 backpropagation on the same seeded weights gives it', async () => {
    // The snippet's draws, repeated here: x and t ~ N(0, 1) with seeds 1 and 2, W_l ~ N(0, std²) with seed 100 + l.
    const tf = await cpu();
    const depth = 20, width = 64;
    const draw = async (shape: number[], std: number, seed: number) => {
      const r = tf.randomNormal(shape, 0, std, 'float32', seed);
      const values = Float32Array.from(await r.data());
      r.dispose();
      return values;
    };
    const x = await draw([BATCH, width], 1, 1);
    const t = await draw([BATCH, width], 1, 2);
    const runs: [string, NetActivation, InitName][] = [['sigmoid, Glorot', 'sigmoid', 'glorot'], ['tanh, Glorot', 'tanh', 'glorot'], ['relu, He', 'relu', 'he']];
    for (const [label, act, init] of runs) {
      const std = initStd(init, width);
      const weights = await Promise.all(Array.from({ length: depth }, (_, l) => draw([width, width], std, 100 + l)));
      const ref = oracleGradNorms({ depth, width, activation: act, init, seed: 0, architecture: 'plain' }, { x, t, weights });
      const [, ...printed] = /‖∇W1‖ = (\S+)\s+‖∇W20‖ = (\S+)\s+ratio (\S+)$/.exec(lineStarting(out, label))!;
      const [first, last, ratio] = printed.map(Number);
      const want = [ref.gradNorms[0]!, ref.gradNorms[depth - 1]!, ref.gradNorms[0]! / ref.gradNorms[depth - 1]!];
      // Printed with 3 significant digits: within 0.5% of the value, plus float32 rounding through 20 layers.
      [first, last, ratio].forEach((v, i) => expect(Math.abs(v! / want[i]! - 1), `${label} #${i}`).toBeLessThan(0.01));
    }
  });

  it('prints exactly what the page shows under the listing', async () => {
    await expect(out).toMatchFileSnapshot(snippetPath('activations', '.out.txt'));
  });
});
