/**
 * Chapter 5's "In code" snippet (content/code/transfer-learning.ts), run against public/ served on 127.0.0.1 as
 * the book serves it: its image counts and first label against the packed label files, its accuracy against
 * what guessing could reach, its frozen base against the shipped model's weight list, and its whole output
 * against the listing's "What it prints" file. About 10–20 s on one CPU core.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, lineStarting, numbersIn, runSnippet, servePublic, snippetPath } from './run-snippet.ts';

let out = '';
let server: Awaited<ReturnType<typeof servePublic>> | null = null;
beforeAll(async () => {
  server = await servePublic();
  out = await runSnippet('transfer-learning', [server.url]);
}, 180_000);
afterAll(async () => server?.close());

/** Labels of the first `count` images of a split, from the packed file itself. */
async function labels(split: 'train' | 'test', count: number): Promise<number[]> {
  return Array.from((await readFile(join(ROOT, 'public/data/digits', `${split}-labels.u8`))).subarray(0, count));
}

describe('content/code/transfer-learning.ts', () => {
  it('trains on the digits 5–9 among the first 500 training images and tests on those among the first 500 test images', async () => {
    const nTrain = (await labels('train', 500)).filter((l) => l >= 5).length;
    const nTest = (await labels('test', 500)).filter((l) => l >= 5).length;
    expect(numbersIn(lineStarting(out, 'before fine-tuning:'))[1]).toBe(nTest);
    expect(numbersIn(lineStarting(out, 'after 5 epochs on'))[1]).toBe(nTrain);
    expect(numbersIn(lineStarting(out, 'after 5 epochs on'))[3]).toBe(nTest);
    // The first test digit 5–9 and its label, as the file has it.
    const first = (await labels('test', 500)).find((l) => l >= 5)!;
    expect(numbersIn(lineStarting(out, 'first test image:'))[1]).toBe(first);
  });

  it('classifies far better than guessing after fine-tuning', async () => {
    const n = (await labels('test', 500)).filter((l) => l >= 5).length;
    const [before] = numbersIn(lineStarting(out, 'before fine-tuning:'));
    const [, , after] = numbersIn(lineStarting(out, 'after 5 epochs on'));
    // Each is a whole number of the n images, as a percentage rounded to 0.05 points at most (0.125 images).
    for (const acc of [before!, after!]) {
      const images = (acc / 100) * n;
      expect(Math.abs(images - Math.round(images))).toBeLessThan(0.13);
    }
    // Guessing among 5 classes scores 20% with a standard deviation of √(0.2·0.8/n) (2.5 points for n = 250);
    // 5 standard deviations above it a guesser lands with probability below 1e-6.
    const bound = 100 * (0.2 + 5 * Math.sqrt((0.2 * 0.8) / n));
    expect(after!).toBeGreaterThan(bound);
    expect(after!).toBeGreaterThan(before!);
  });

  it('leaves every weight of the frozen base as shipped, BatchNorm\'s moving statistics included', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'public/models/digits04-cnn/model.json'), 'utf8')) as { weightsManifest: { weights: { name: string }[] }[] };
    const base = manifest.weightsManifest.flatMap((g) => g.weights).filter((w) => /^(conv1|bn1|conv2|bn2)\//.test(w.name));
    expect(base.length).toBe(2 + 2 * 4); // two kernels; γ, β, moving mean and variance of two BatchNorms
    expect(lineStarting(out, 'frozen base:')).toBe(`frozen base: ${base.length} of ${base.length} weight tensors as shipped`);
  });

  it('prints exactly what the page shows under the listing', async () => {
    await expect(out).toMatchFileSnapshot(snippetPath('transfer-learning', '.out.txt'));
  });
});
