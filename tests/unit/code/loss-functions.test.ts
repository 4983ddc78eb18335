/**
 * Chapter 4's "In code" snippet (content/code/loss-functions.ts): every printed loss and gradient against
 * float64 arithmetic written out here and the book's float64 losses (src/lib/losses/), and its whole output
 * against the listing's "What it prints" file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { softmax } from '../../../src/lib/losses/softmax.ts';
import { crossEntropyWith } from '../../../src/lib/losses/cross-entropy.ts';
import { lineStarting, numbersIn, runSnippet, snippetPath } from './run-snippet.ts';

let out = '';
beforeAll(async () => {
  out = await runSnippet('loss-functions');
}, 60_000);

/** Values printed after a label (the label's own digits, such as "4.51", are skipped). */
const printed = (label: string) => numbersIn(lineStarting(out, label).slice(label.length));
/** 4 decimals round by at most 5e-5; float32 adds far less than the remaining 1e-5. */
const close = (got: number[], want: number[]) => {
  expect(got).toHaveLength(want.length);
  got.forEach((g, i) => expect(Math.abs(g - want[i]!), `entry ${i}: ${g} vs ${want[i]}`).toBeLessThan(6e-5));
};
/** ∂/∂z_j Σ_i (p_i − y_i)² = Σ_i 2 (p_i − y_i) · p_i (δ_ij − p_j): the chain rule through softmax. */
const squaredErrorGrad = (z: number[], y: number[]) => {
  const p = softmax(z);
  return z.map((_, j) => p.reduce((s, pi, i) => s + 2 * (pi - y[i]!) * pi * ((i === j ? 1 : 0) - p[j]!), 0));
};
const oneHot = (k: number, c: number) => Array.from({ length: k }, (_, i) => (i === c ? 1 : 0));

describe('content/code/loss-functions.ts', () => {
  const z = [2, 1, 0.1];
  const y = oneHot(3, 0);
  const p = softmax(z);

  it('prints softmax, cross-entropy −log p_y and its gradient p − y', () => {
    close(printed('p = softmax(z):'), p);
    close(printed('cross-entropy:'), [-Math.log(p[0]!)]);
    close(printed('∂L/∂z:'), p.map((pi, i) => pi - y[i]!));
  });

  it('prints squared error on probabilities and its gradient by the chain rule', () => {
    close(printed('squared error:'), [p.reduce((s, pi, i) => s + (pi - y[i]!) ** 2, 0)]);
    close(printed('∂L/∂z, squared error:'), squaredErrorGrad(z, y));
  });

  it('shows the confidently wrong case: −(1 − p) against −(2K/(K − 1)) p (1 − p)² at p = 0.01', () => {
    const wrong = [Math.log(1 / 11), ...Array(9).fill(0)];
    const pw = softmax(wrong)[0]!;
    expect(Math.abs(pw - 0.01)).toBeLessThan(1e-12); // (1/11) / (1/11 + 9) = 1/100
    close(printed('p of the true class:'), [pw]);
    const [ce, se] = printed('push on the true logit: cross-entropy');
    close([ce!], [pw - 1]);
    close([se!], [squaredErrorGrad(wrong, oneHot(10, 0))[0]!]);
    close([se!], [-(2 * 10 / 9) * pw * (1 - pw) ** 2]); // the chapter's closed form agrees
  });

  it('smooths the labels to q = 0.9·y + 0.01: gradient p − q, optimum at a lead of log(91)', () => {
    const q = oneHot(10, 0).map((v) => 0.9 * v + 0.1 / 10);
    const lead10 = [10, ...Array(9).fill(0)];
    close(printed('smoothed, lead 10:    gradient on the true logit'), [softmax(lead10)[0]! - q[0]!]);
    const best = [Math.log(0.91 / 0.01), ...Array(9).fill(0)];
    const [loss, largest] = printed('smoothed, lead 4.51:  loss');
    close([loss!], [crossEntropyWith(best, q)]);
    close([loss!], [-q.reduce((s, qi) => s + qi * Math.log(qi), 0)]); // the entropy of q: p = q there
    expect(largest!).toBeLessThan(1e-6); // zero up to float32 rounding
  });

  it('shows the naive softmax overflowing to NaN and the stable one equal to softmax(2, 1, 0)', () => {
    expect(printed('naive softmax:').map(String)).toEqual(['NaN', 'NaN', 'NaN']);
    close(printed('tf.softmax:'), softmax([2, 1, 0]));
  });

  it('prints exactly what the page shows under the listing', async () => {
    await expect(out).toMatchFileSnapshot(snippetPath('loss-functions', '.out.txt'));
  });
});
