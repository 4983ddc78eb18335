/**
 * Helpers for the playground's pixel checks (conv-playground-draw.spec.ts, conv-playground-gpu-canvas.webgpu.spec.ts):
 * expected pixels from the float64 reference on the legend's colour scale, canvases read from screenshots at 1× zoom,
 * and uploads to the GPU observed (never replaced) by wrapping getMappedRange.
 */
import type { Page } from '@playwright/test';
import { expect, numTensors, lcg } from './support.ts';
import { decodePng } from './png.ts';
import { conv2dReference, depthwiseConv2dReference } from '../../src/lib/conv/reference.ts';
import { parsePadding } from '../../src/lib/params/padding.ts';
import { divergingScale, extentOf, paintChannel } from '../../src/lib/charts/diverging.ts';
import { paintSequential, sequentialScale } from '../../src/lib/charts/sequential.ts';

export const el = (page: Page) => page.locator('fm-conv-playground');
type Plain = { data: number[]; shape: number[] };

export async function open(page: Page, query = ''): Promise<void> {
  // Tall enough for the input, three channel maps and the controls, so every canvas can be screenshot whole.
  await page.setViewportSize({ width: 1280, height: 1600 });
  await page.goto(`/embed/conv-playground/${query}`);
  await expect(el(page)).toHaveAttribute('status', 'ready', { timeout: 60_000 });
  // 1 screen pixel per pixel, so a screenshot of a canvas is its pixels.
  await el(page).locator('select[data-role="zoom"]').selectOption('1');
}

/** Sets attributes and waits for the computation they cause. */
export function edit(page: Page, attrs: Record<string, string>): Promise<void> {
  return el(page).evaluate((e, attrs) => new Promise<void>((resolve, reject) => {
    e.addEventListener('fm-result', () => resolve(), { once: true });
    e.addEventListener('fm-error', (ev) => reject(new Error((ev as CustomEvent).detail.message)), { once: true });
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  }), attrs);
}

function seededRows(seed: number, n: number, signed: boolean): string {
  const next = lcg(seed);
  return Array.from({ length: n }, () => Array.from({ length: n }, () => (Math.round((signed ? next() * 2 - 1 : next()) * 1000) / 1000).toString()).join(',')).join('; ');
}

/** The RGBA pixels the output canvases should show: the float64 reference on the scale the legend names. */
async function expected(page: Page, depthwise: boolean, settings: { stride: number; padding: string; dilation: number }): Promise<{ w: number; h: number; maps: Uint8ClampedArray[] }> {
  const { input, kernel, legend } = await el(page).evaluate(async (e) => {
    const w = e as unknown as Record<'getInput' | 'getKernel', () => Promise<{ data: Float32Array; shape: number[] }>>;
    const plain = async (t: Promise<{ data: Float32Array; shape: number[] }>) => { const v = await t; return { data: Array.from(v.data), shape: v.shape }; };
    return { input: await plain(w.getInput()), kernel: await plain(w.getKernel()), legend: e.shadowRoot!.querySelector('[data-role="scale"]')!.textContent! };
  }) as { input: Plain; kernel: Plain; legend: string };
  const s = { stride: settings.stride, padding: parsePadding('padding', settings.padding), dilation: settings.dilation };
  const ref = (depthwise ? depthwiseConv2dReference : conv2dReference)(input, kernel, s);
  const [, h, w, c] = ref.shape as [number, number, number, number];
  const [min, max] = extentOf(ref.data);
  const sequential = legend.startsWith('Sequential');
  expect(sequential || legend.startsWith('Diverging'), legend).toBe(true);
  const maps = Array.from({ length: c }, (_, ch) => sequential ? paintSequential(ref.data, w * h, c, ch, sequentialScale(min, max)) : paintChannel(ref.data, w * h, c, ch, divergingScale(min, max)));
  return { w, h, maps };
}

/** Largest per-byte difference between each output canvas (screenshot) and the expected pixels. */
async function worstDifference(page: Page, want: { w: number; h: number; maps: Uint8ClampedArray[] }): Promise<number[]> {
  const canvases = el(page).locator('.maps canvas');
  await expect(canvases).toHaveCount(want.maps.length);
  const out: number[] = [];
  for (let ch = 0; ch < want.maps.length; ch++) {
    await canvases.nth(ch).scrollIntoViewIfNeeded();
    const box = (await canvases.nth(ch).boundingBox())!;
    expect([Math.round(box.width), Math.round(box.height)]).toEqual([want.w, want.h]);
    // A canvas at a fractional position is snapped to a whole pixel by the compositor: try both neighbours.
    let worst = Infinity;
    for (const x of new Set([Math.floor(box.x), Math.ceil(box.x)])) {
      for (const y of new Set([Math.floor(box.y), Math.ceil(box.y)])) {
        const shot = decodePng(await page.screenshot({ clip: { x, y, width: want.w, height: want.h }, animations: 'disabled' }));
        expect([shot.width, shot.height]).toEqual([want.w, want.h]);
        let here = 0;
        for (let i = 0; i < want.w * want.h * 4; i++) if (i % 4 !== 3) here = Math.max(here, Math.abs(shot.rgba[i]! - want.maps[ch]![i]!));
        worst = Math.min(worst, here);
      }
    }
    out.push(worst);
  }
  return out;
}

// Each edit changes the picture a lot, so a canvas left at the previous edit's picture fails at once.
const EDITS: { attrs: Record<string, string>; depthwise: boolean; s: { stride: number; padding: string; dilation: number } }[] = [
  { attrs: { kernel: seededRows(11, 3, true) }, depthwise: false, s: { stride: 1, padding: 'valid', dilation: 1 } },
  { attrs: { kernel: seededRows(12, 3, false), stride: '2' }, depthwise: false, s: { stride: 2, padding: 'valid', dilation: 1 } },
  { attrs: { kernel: seededRows(13, 5, true), stride: '1', padding: 'same', dilation: '2' }, depthwise: false, s: { stride: 1, padding: 'same', dilation: 2 } },
  { attrs: { color: 'rgb', 'rgb-mode': 'depthwise', kernel: seededRows(14, 3, true), dilation: '1' }, depthwise: true, s: { stride: 1, padding: 'same', dilation: 1 } },
];

/**
 * One colour level at most: float32 on the backend against float64 here can put a value sitting on a level boundary
 * in the next level (a gray step of 1; a colour-table step of at most 4 per byte, tf-paint.test.ts).
 */
export async function checkEdits(page: Page): Promise<void> {
  for (const e of EDITS) {
    await edit(page, e.attrs);
    const diffs = await worstDifference(page, await expected(page, e.depthwise, e.s));
    diffs.forEach((d) => expect(d, JSON.stringify(e.attrs)).toBeLessThanOrEqual(4));
  }
}

/** Counts the bytes tfjs writes into GPU buffers for uploads (mapped ranges of buffers that are not read back). */
async function watchUploads(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __uploads: number[] };
    w.__uploads = [];
    if (!('GPUBuffer' in window)) return;
    const get = GPUBuffer.prototype.getMappedRange;
    GPUBuffer.prototype.getMappedRange = function (this: GPUBuffer, ...args: Parameters<typeof get>) {
      const range = get.apply(this, args);
      if (!(this.usage & GPUBufferUsage.MAP_READ)) w.__uploads.push(range.byteLength);
      return range;
    };
  });
}

export async function tenEditsKeepTheImage(page: Page, query = ''): Promise<void> {
  await watchUploads(page);
  await open(page, query);
  await edit(page, { kernel: seededRows(20, 3, true) });
  const imageBytes = 300 * 451 * 4;
  const memory = () => page.evaluate(async () => { const m = (await window.FeatureMaps!.getEngine()).tf.memory(); return [m.numTensors, m.numBytes]; });
  const before = { memory: await memory(), tensors: await numTensors(page), uploads: await page.evaluate(() => (window as unknown as { __uploads: number[] }).__uploads.length) };
  for (let i = 0; i < 10; i++) await edit(page, { kernel: seededRows(21 + i, 3, true), stride: String(2 - (i % 2)) });
  expect(await memory()).toEqual(before.memory);
  expect(await numTensors(page)).toBe(before.tensors);
  const uploads = await page.evaluate((n) => (window as unknown as { __uploads: number[] }).__uploads.slice(n), before.uploads);
  // Kernels (9 floats) and uniforms are uploaded on every edit; the 541 KB picture never again.
  expect(uploads.filter((b) => b >= imageBytes)).toEqual([]);
}
