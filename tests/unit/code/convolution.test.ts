/**
 * Chapter 1's "In code" snippet (content/code/convolution.ts), run as a reader runs it: its printed image and
 * Sobel x response against the book's float64 convolution (src/lib/conv/reference.ts), its output sizes against
 * the geometry the widgets use, and its whole output against the listing's "What it prints" file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { conv2dReference } from '../../../src/lib/conv/reference.ts';
import { outputLength } from '../../../src/lib/conv/geometry.ts';
import { presetKernel } from '../../../src/lib/conv/kernels.ts';
import { lineStarting, numbersIn, runSnippet, snippetPath } from './run-snippet.ts';

let out = '';
beforeAll(async () => {
  out = await runSnippet('convolution');
}, 60_000);

/** The rows of numbers printed after the line starting with `title`. */
function gridAfter(title: string, rows: number): number[][] {
  const lines = out.split('\n');
  const at = lines.findIndex((l) => l.startsWith(title));
  return lines.slice(at + 1, at + 1 + rows).map(numbersIn);
}

describe('content/code/convolution.ts', () => {
  it('prints the Sobel x response of its image that a float64 loop computes', () => {
    const image = gridAfter('image:', 7);
    expect(image.map((r) => r.length)).toEqual([7, 7, 7, 7, 7, 7, 7]);
    // The chapter's worked patch sits at the top-left.
    expect(image.slice(0, 3).map((r) => r.slice(0, 3))).toEqual([[2, 4, 7], [1, 5, 8], [3, 3, 9]]);
    const ref = conv2dReference(
      { data: image.flat(), shape: [1, 7, 7, 1] },
      { data: presetKernel('sobel-x').values, shape: [3, 3, 1, 1] },
      { stride: 1, padding: 'valid', dilation: 1 },
    );
    expect(numbersIn(lineStarting(out, 'Sobel x response'))).toEqual(ref.shape);
    // Integer pixels and weights: float32 holds every sum exactly, so the match is exact.
    expect(gridAfter('Sobel x response', 5).flat()).toEqual(Array.from(ref.data));
    // By hand, as in the chapter: (−2 + 7) + (−2 + 16) + (−3 + 9) = 25.
    expect(numbersIn(lineStarting(out, 'top-left output')).at(-1)).toBe(-2 + 7 + (-2 + 16) + (-3 + 9));
    expect(lineStarting(out, 'largest difference from the loop:')).toBe('largest difference from the loop: 0');
  });

  it('states output sizes that the book\'s geometry gives for each stride, padding and dilation', () => {
    const lines = out.split('\n').filter((l) => l.startsWith('stride '));
    expect(lines).toHaveLength(5);
    for (const line of lines) {
      const [, s, padding, d] = /^stride (\d), (valid|same), dilation (\d)/.exec(line)!;
      const o = outputLength(7, 3, Number(s), Number(d), padding as 'valid' | 'same');
      expect(line).toMatch(new RegExp(`formula ${o}, tfjs ${o}×${o}$`));
    }
  });

  it('counts a 3×3, 64 → 64 layer\'s parameters as the chapter does', () => {
    expect(lineStarting(out, 'layer output shape:')).toBe(`layer output shape: [null,224,224,64] parameters: ${3 * 3 * 64 * 64 + 64}`);
  });

  it('prints exactly what the page shows under the listing', async () => {
    await expect(out).toMatchFileSnapshot(snippetPath('convolution', '.out.txt'));
  });
});
