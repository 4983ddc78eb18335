/**
 * A host page with three embeds of the same widget, each with its own settings, all computing at once on one GPU:
 * each must finish, agree with the float64 reference for its own settings, and leave no tensor behind when it
 * recomputes. The host page is served by the test itself on the book's origin (what a host's iframe looks like).
 */
import type { Frame } from '@playwright/test';
import { test, expect } from './support.ts';
import { conv2dReference } from '../../src/lib/conv/reference.ts';
import { compareToReference } from '../../src/lib/conv/tolerance.ts';
import { parsePadding } from '../../src/lib/params/padding.ts';

const EMBEDS = [
  { image: 'coins', kernel: 'sobel-x', stride: '1', padding: 'same', dilation: '2' },
  { image: 'coins', kernel: '1,2,1; 0,0,0; -1,-2,-1', stride: '2', padding: 'valid', dilation: '1' },
  { image: 'camera', kernel: 'box-blur', stride: '3', padding: '2', dilation: '1' },
];
const HOST = '/__test-host/';

type Plain = { data: number[]; shape: number[] };

/** Input, kernel and output of the frame's widget (plain arrays), and its live tensor count. */
function read(frame: Frame): Promise<{ input: Plain; kernel: Plain; output: Plain; tensors: number }> {
  return frame.locator('fm-conv-playground').evaluate(async (el) => {
    type T = { data: Float32Array; shape: number[] };
    const w = el as unknown as { getInput(): Promise<T>; getKernel(): Promise<T>; getOutput(): Promise<T> };
    const plain = (t: T) => ({ data: Array.from(t.data), shape: t.shape });
    const [input, kernel, output] = await Promise.all([w.getInput(), w.getKernel(), w.getOutput()]);
    const engine = await window.FeatureMaps!.getEngine();
    return { input: plain(input), kernel: plain(kernel), output: plain(output), tensors: engine.tf.memory().numTensors };
  });
}

test('three embeds of the playground in one host page: all finish, each right for its settings, no leaks', { tag: '@page' }, async ({ page }) => {
  test.setTimeout(300_000);
  const frames = EMBEDS.map((e, i) => `<iframe title="Embed ${i + 1}" width="440" height="860" src="/embed/conv-playground/?${new URLSearchParams({ ...e, color: 'gray' })}"></iframe>`);
  await page.route(`**${HOST}`, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><title>Host</title><body>${frames.join('')}</body></html>` }));
  // Side by side and all on screen: a widget off screen waits (idle) until the reader scrolls to it.
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(HOST);
  const embeds = page.frames().filter((f) => f.url().includes('/embed/'));
  expect(embeds).toHaveLength(3);
  for (const frame of embeds) await expect(frame.locator('fm-conv-playground')).toHaveAttribute('status', 'ready', { timeout: 200_000 });
  for (const [i, frame] of embeds.entries()) {
    const s = EMBEDS[i]!;
    const { input, kernel, output, tensors } = await read(frame);
    const reference = (padding: string) => conv2dReference(input, kernel, { stride: Number(s.stride), padding: parsePadding('padding', padding), dilation: Number(s.dilation) });
    const ref = reference(s.padding);
    expect(output.shape, `embed ${i + 1}`).toEqual(ref.shape);
    const agreement = compareToReference(output.data, ref);
    expect(agreement.ok, `embed ${i + 1}: ${agreement.detail}`).toBe(true);
    // A recomputation with another padding and back must leave the frame's tensor count where it was.
    const el = frame.locator('fm-conv-playground');
    for (const padding of [s.padding === 'valid' ? '1' : 'valid', s.padding]) {
      await el.evaluate((e, v) => e.setAttribute('padding', v), padding);
      const shape = reference(padding).shape.join();
      await expect.poll(async () => (await read(frame)).output.shape.join(), { timeout: 60_000 }).toBe(shape);
      await expect(el).toHaveAttribute('status', 'ready', { timeout: 60_000 });
    }
    expect((await read(frame)).tensors, `embed ${i + 1}: live tensors after recomputing`).toBe(tensors);
  }
});
