/**
 * Chapter 2's "In code" snippet (content/code/pooling-and-networks.ts): its pooled values against the book's
 * float64 pooling, its layer table against shapes and weight counts worked out here from the chapter's
 * formulas, and its whole output against the listing's "What it prints" file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { globalAvgPoolReference, poolReference } from '../../../src/lib/pool/reference.ts';
import { outputLength } from '../../../src/lib/conv/geometry.ts';
import { lineStarting, numbersIn, runSnippet, snippetPath } from './run-snippet.ts';

let out = '';
beforeAll(async () => {
  out = await runSnippet('pooling-and-networks');
}, 60_000);

// The chapter's 4×4 map (section "Max pooling"), the input the snippet must show.
const MAP = { data: [1, 3, 2, 0, 4, 8, 1, 1, 0, 2, 9, 5, 1, 1, 6, 7], shape: [1, 4, 4, 1] };

describe('content/code/pooling-and-networks.ts', () => {
  it('pools the chapter\'s map as the float64 reference does', () => {
    expect(numbersIn(lineStarting(out, 'max pool:'))).toEqual(Array.from(poolReference(MAP, 'max', 2, 2).data));
    expect(numbersIn(lineStarting(out, 'average pool:'))).toEqual(Array.from(poolReference(MAP, 'avg', 2, 2).data));
    expect(numbersIn(lineStarting(out, 'global average pool:'))).toEqual(Array.from(globalAvgPoolReference(MAP).data));
  });

  it('lists every layer with the output shape and weights the chapter\'s formulas give', () => {
    const conv = (cin: number, cout: number) => 3 * 3 * cin * cout; // no bias
    const bn = (c: number) => 4 * c; // γ, β, moving mean, moving variance
    const dense = (n: number, m: number) => n * m + m;
    const s1 = outputLength(28, 3, 1, 1, 'same'); // 'same' keeps 28
    const p1 = Math.floor((s1 - 2) / 2) + 1; // 2×2 pool, stride 2
    const s2 = outputLength(p1, 3, 1, 1, 'same');
    const p2 = Math.floor((s2 - 2) / 2) + 1;
    const flat = p2 * p2 * 64;
    const expected: [string, string, number][] = [
      ['conv1', `${s1}×${s1}×32`, conv(1, 32)], ['bn1', `${s1}×${s1}×32`, bn(32)], ['relu1', `${s1}×${s1}×32`, 0], ['pool1', `${p1}×${p1}×32`, 0],
      ['conv2', `${s2}×${s2}×64`, conv(32, 64)], ['bn2', `${s2}×${s2}×64`, bn(64)], ['relu2', `${s2}×${s2}×64`, 0], ['pool2', `${p2}×${p2}×64`, 0],
      ['flatten', `${flat}`, 0], ['hidden', '64', dense(flat, 64)], ['logits', '10', dense(64, 10)], ['probs', '10', 0],
    ];
    const rows = out.split('\n').filter((l) => /^(conv|bn|relu|pool|flatten|hidden|logits|probs)/.test(l)).map((l) => l.trim().split(/\s+/));
    expect(rows).toEqual(expected.map(([name, shape, weights]) => [name, shape, String(weights)]));
    const total = expected.reduce((s, [, , w]) => s + w, 0);
    const movingStats = 2 * 32 + 2 * 64;
    expect(numbersIn(lineStarting(out, 'all weights:'))).toEqual([total, total - movingStats, movingStats]);
  });

  it('ends in ten probabilities that sum to 1', () => {
    expect(lineStarting(out, 'output shape:')).toBe(`output shape: [1,10], sum of probabilities: ${(1).toFixed(4)}`);
  });

  it('prints exactly what the page shows under the listing', async () => {
    await expect(out).toMatchFileSnapshot(snippetPath('pooling-and-networks', '.out.txt'));
  });
});
