/**
 * Chapter 2's page: what its prose tells the reader to try with each widget is what the widget then shows (sizes,
 * shifts, averages, receptive fields), checked against the oracles in src/lib, not against numbers copied from the
 * text. The page computed whole, its place between Chapters 1 and 3 and axe in light and dark: widths.spec.ts.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support.ts';
import { conv2dReference } from '../../src/lib/conv/reference.ts';
import { parseKernel } from '../../src/lib/conv/kernels.ts';
import { poolReference } from '../../src/lib/pool/reference.ts';
import { defaultDrawing, drawingTensor, shiftDrawing } from '../../src/lib/pool/drawing.ts';

const URL = '/chapters/pooling-and-networks/';
type Plain = { data: number[]; shape: number[] };

async function ready(w: Locator): Promise<void> {
  await w.scrollIntoViewIfNeeded();
  await expect(w).toHaveAttribute('status', 'ready', { timeout: 120_000 });
}
/** Sets attributes on a widget, then waits until its output reflects them (status ready and `check` true). */
async function settle(page: Page, w: Locator): Promise<void> {
  await expect(w).toHaveAttribute('status', 'ready');
  await page.waitForTimeout(200);
  await expect(w).toHaveAttribute('status', 'ready');
}
const output = (w: Locator) => w.evaluate(async (e) => { const t = await (e as unknown as { getOutput(): Promise<{ data: Float32Array; shape: number[] }> }).getOutput(); return { data: Array.from(t.data), shape: t.shape }; }) as Promise<Plain>;
const featureMap = (w: Locator) => w.evaluate(async (e) => { const t = await (e as unknown as { getFeatureMap(): Promise<{ data: Float32Array; shape: number[] }> }).getFeatureMap(); return { data: Array.from(t.data), shape: t.shape }; }) as Promise<Plain>;

test('the landing page lists the five chapters in order, numbered 1 to 5', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  const items = page.locator('.fm-chapter-list li');
  await expect(items).toHaveCount(5);
  expect(await items.evaluateAll((li) => li.map((l) => [(l as HTMLLIElement).value, l.querySelector('a')!.textContent]))).toEqual([
    [1, 'Convolution'], [2, 'Pooling, fully connected layers and the whole network'], [3, 'Activation functions'], [4, 'Loss functions'], [5, 'Transfer learning'],
  ]);
});

test('the pooling questions: what the prose predicts is what the explorers show', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  test.setTimeout(240_000);
  await page.goto(URL);
  const coins = page.locator('fm-pool-explorer#pool-coins');
  await ready(coins);
  // Caption: a 37×48 map pooled into 18×24; q-pool-overlap: 3×3 windows at stride 2 give 18×23.
  expect((await featureMap(coins)).shape).toEqual([1, 37, 48, 1]);
  expect((await output(coins)).shape).toEqual([1, 18, 24, 1]);
  const max = await output(coins);
  await coins.evaluate((e) => e.setAttribute('mode', 'avg'));
  await expect.poll(async () => (await coins.evaluate((e) => (e as unknown as { mode: string }).mode))).toBe('avg');
  await settle(page, coins);
  const avg = await output(coins);
  expect(avg.data.every((v, i) => v <= max.data[i]! + 1e-6), 'q-pool-average: no cell gains colour').toBe(true);
  await coins.evaluate((e) => { e.setAttribute('mode', 'max'); e.setAttribute('size', '3'); });
  await expect.poll(async () => (await output(coins)).shape).toEqual([1, 18, 23, 1]);
  // q-gap-value: one number, about a ninth of the map's largest value; half the map exactly 0; without ReLU, almost 0.
  await coins.evaluate((e) => e.setAttribute('mode', 'global'));
  await expect.poll(async () => (await output(coins)).shape).toEqual([1, 1, 1, 1]);
  await settle(page, coins);
  const fm = await featureMap(coins);
  const top = Math.max(...fm.data);
  const g = (await output(coins)).data[0]!;
  expect(g / top).toBeGreaterThan(1 / 12);
  expect(g / top).toBeLessThan(1 / 7);
  const zeros = fm.data.filter((v) => v === 0).length / fm.data.length;
  expect(zeros).toBeGreaterThan(0.4);
  expect(zeros).toBeLessThan(0.6);
  await coins.locator('input[data-attr="relu"]').uncheck();
  await expect(coins).toHaveAttribute('relu', 'off');
  await settle(page, coins);
  await expect.poll(async () => Math.abs((await output(coins)).data[0]!) / top).toBeLessThan(0.01);

  // The drawing: q-pool-shift and q-pool-dot.
  const drawing = page.locator('fm-pool-explorer#pool-drawing');
  await ready(drawing);
  const identity = { data: Float32Array.from(parseKernel('k', 'identity').values), shape: [3, 3, 1, 1] };
  const oracle = (cells: Uint8Array, mode: 'max' | 'avg') => Array.from(poolReference(conv2dReference(drawingTensor(cells), identity, { stride: 1, padding: 'valid', dilation: 1 }), mode, 2, 2).data);
  const lit = (values: number[]) => values.filter((v) => v > 0).length;
  const d0 = defaultDrawing(), d1 = shiftDrawing(d0, 0, 1), d2 = shiftDrawing(d1, 0, 1);
  expect((await output(drawing)).data).toEqual(oracle(d0, 'max'));
  expect(lit(oracle(d0, 'max'))).toBe(3 * 3 + 1); // the square's 3×3 block and the dot
  const shift = drawing.locator('button[data-shift="right"]');
  await shift.click();
  await expect.poll(async () => (await output(drawing)).data).toEqual(oracle(d1, 'max'));
  expect(lit(oracle(d1, 'max'))).toBe(3 * 4 + 1); // the square spreads to 3×4 …
  const dotCell = (v: number[]) => v.findIndex((x, i) => x > 0 && i >= 5 * 7); // the dot is the only ink below the square
  expect(dotCell(oracle(d1, 'max'))).toBe(dotCell(oracle(d0, 'max'))); // … the dot stays put
  await shift.click();
  await expect.poll(async () => (await output(drawing)).data).toEqual(oracle(d2, 'max'));
  expect(lit(oracle(d2, 'max'))).toBe(3 * 3 + 1);
  expect(dotCell(oracle(d2, 'max'))).toBe(dotCell(oracle(d0, 'max')) + 1); // everything one pooled cell right
  await drawing.locator('button[data-act="example"]').click();
  await drawing.locator('select[data-attr="mode"]').selectOption('avg');
  await expect.poll(async () => (await output(drawing)).data).toEqual(oracle(d0, 'avg'));
  const a = oracle(d0, 'avg');
  expect(a[dotCell(a)]).toBe(0.25);
  expect(a.filter((v) => v > 0 && v !== 0.25).every((v) => v === 1)).toBe(true);
});

test('the receptive-field questions: corner unit, a stride of 1, dilations 1-2-4-8 and 2-2-2', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  type Detail = { r: number; j: number; sizes: number[]; mask: { cells: number; rows: number[] }; unit: number[] };
  await page.addInitScript(() => {
    const w = window as unknown as { results: Record<string, unknown> };
    w.results = {};
    document.addEventListener('fm-result', (e) => { w.results[(e.target as HTMLElement).id] = (e as CustomEvent).detail; });
  });
  await page.goto(URL);
  const last = (id: string) => page.evaluate((i) => (window as unknown as { results: Record<string, Detail> }).results[i]!, id);
  const book = page.locator('fm-receptive-field#rf-book');
  await ready(book);
  let d = await last('rf-book');
  expect([d.r, d.j, d.mask.cells, d.mask.rows]).toEqual([10, 4, 100, [9, 18]]); // caption: rows 10–19 counted from 1
  await book.evaluate((e) => e.setAttribute('unit', '1,1'));
  await expect.poll(async () => (await last('rf-book')).mask.cells).toBe(49);
  await book.locator('tr[data-index="1"] input[data-field="s"]').fill('1');
  await book.locator('tr[data-index="1"] input[data-field="s"]').press('Enter');
  await expect.poll(async () => (await last('rf-book')).r).toBe(7);
  d = await last('rf-book');
  expect([d.j, d.sizes]).toEqual([2, [28, 27, 27, 13]]);
  const dilated = page.locator('fm-receptive-field#rf-dilated');
  await ready(dilated);
  d = await last('rf-dilated');
  expect([d.r, d.mask.cells]).toEqual([31, 31 * 31]); // no holes
  await dilated.evaluate((e) => e.setAttribute('layers', 'conv 3 d2, conv 3 d2, conv 3 d2'));
  await expect.poll(async () => (await last('rf-dilated')).r).toBe(13);
  expect((await last('rf-dilated')).mask.cells).toBe(49);
});
