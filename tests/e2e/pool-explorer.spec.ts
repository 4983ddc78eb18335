/**
 * <fm-pool-explorer> on its embed page: the engine's feature map against the float64 convolution oracle, its
 * pooled map against the float64 pooling oracle (max exactly, average and global average within GUIDE §4), the
 * window read-out (value, winner) against the oracle's argmax, WebGPU asserted in the `webgpu` project and a
 * stated fallback in `fallback`; the drawing by keyboard, the empty drawing, shifting; bad inputs; no tensor
 * leak; axe in light and dark.
 */
import type { Page } from '@playwright/test';
import { test, expect, axeViolations, numTensors } from './support.ts';
import { widgetHarness } from './widget-harness.ts';
import { conv2dReference } from '../../src/lib/conv/reference.ts';
import { compareToReference } from '../../src/lib/conv/tolerance.ts';
import { globalAvgPoolReference, poolReference } from '../../src/lib/pool/reference.ts';
import { explorerMapSize, poolOutputLength } from '../../src/lib/pool/geometry.ts';
import { defaultDrawing, drawingTensor, shiftDrawing, DRAW_SIZE } from '../../src/lib/pool/drawing.ts';
import { parseKernel } from '../../src/lib/conv/kernels.ts';
import { formatValue } from '../../src/lib/charts/format.ts';
import manifest from '../../public/samples/manifest.json' with { type: 'json' };

type Win = { top: number; left: number; rows: number; cols: number; max: number; argmax: [number, number]; ties: number; mean: number };
type Detail = { backend: string; mode: string; size: number; stride: number; mapShape: number[]; outShape: number[]; cell: [number, number]; value: number; window: Win; fallbackReason: string | null };
type Plain = { data: Float32Array; shape: number[] };

const { el, open, last: latest, count, message, set } = widgetHarness<Detail>('pool-explorer', { settle: 100 });

async function read(page: Page): Promise<Record<'input' | 'kernel' | 'featureMap' | 'output', Plain>> {
  const raw = await el(page).evaluate(async (node) => {
    const e = node as unknown as Record<string, () => Promise<{ data: Float32Array; shape: number[] }>>;
    const enc = async (t: { data: Float32Array; shape: number[] }) => ({ data: Array.from(t.data), shape: t.shape });
    return { input: await enc(await e.getInput!()), kernel: await enc(await e.getKernel!()), featureMap: await enc(await e.getFeatureMap!()), output: await enc(await e.getOutput!()) };
  });
  const dec = (t: { data: number[]; shape: number[] }) => ({ data: Float32Array.from(t.data), shape: t.shape });
  return { input: dec(raw.input), kernel: dec(raw.kernel), featureMap: dec(raw.featureMap), output: dec(raw.output) };
}

test('feature map and pooled map match the float64 oracles; the read-out names the oracle\'s winner', async ({ page, watch }, info) => {
  void watch;
  test.setTimeout(240_000);
  let d = await open(page, 'image=coins');
  if (info.project.name === 'webgpu') expect(d.backend).toBe('webgpu');
  else { expect(d.backend).not.toBe('webgpu'); expect(d.fallbackReason).toBeTruthy(); }
  const coins = manifest.samples.find((s) => s.name === 'coins')!;
  const { h, w } = explorerMapSize(coins.width, coins.height);
  for (const [mode, size, stride, relu] of [['max', 2, 2, 'on'], ['avg', 2, 2, 'on'], ['max', 3, 2, 'off'], ['avg', 3, 1, 'off'], ['max', 2, 3, 'on'], ['global', 2, 2, 'on']] as const) {
    d = await set(page, { mode, size: String(size), stride: String(stride), relu });
    const t = await read(page);
    expect(t.featureMap.shape).toEqual([1, h, w, 1]);
    // The convolution, then ReLU (1-Lipschitz: it cannot widen an error).
    const conv = conv2dReference(t.input, t.kernel, { stride: 1, padding: 'valid', dilation: 1 });
    const want = relu === 'on' ? { ...conv, data: conv.data.map((v) => Math.max(0, v)) } : conv;
    const c = compareToReference(t.featureMap.data, want);
    expect(c.ok, `feature map, ${mode} ${size}/${stride}: ${c.detail}`).toBe(true);
    if (relu === 'on') expect(Math.min(...t.featureMap.data) === 0, 'ReLU leaves zeros (or −0 on WebGL)').toBe(true);
    // The pooling, against the oracle run on the engine's own feature map.
    if (mode === 'global') {
      const g = globalAvgPoolReference(t.featureMap);
      expect(t.output.shape).toEqual([1, 1, 1, 1]);
      expect(compareToReference(t.output.data, g).ok, 'global average').toBe(true);
      expect(d.window).toMatchObject({ top: 0, left: 0, rows: h, cols: w });
      continue;
    }
    const ref = poolReference(t.featureMap, mode, size, stride);
    expect(t.output.shape).toEqual([1, poolOutputLength(h, size, stride), poolOutputLength(w, size, stride), 1]);
    expect(t.output.shape).toEqual(ref.shape);
    if (mode === 'max') expect(Array.from(t.output.data)).toEqual(Array.from(ref.data, Math.fround)); // a max picks, it does not round
    else { const a = compareToReference(t.output.data, ref); expect(a.ok, `average ${size}/${stride}: ${a.detail}`).toBe(true); }
    // The cell shown: its value is the engine's, its window and winner the oracle's.
    const ow = t.output.shape[2]!;
    const o = d.cell[0] * ow + d.cell[1];
    expect(d.value).toBe(t.output.data[o]);
    expect([d.window.top, d.window.left, d.window.rows]).toEqual([d.cell[0] * stride, d.cell[1] * stride, size]);
    if (mode === 'max') {
      const at = poolReference(t.featureMap, 'max', size, stride).argmax[o]!;
      expect(d.window.argmax).toEqual([Math.floor(at / w), at % w]);
      expect(d.window.max).toBe(d.value);
    } else expect(Math.abs(d.window.mean - d.value)).toBeLessThanOrEqual(1e-6 + 1e-5 * ref.absSum[o]!);
    const title = await el(page).evaluate((e) => e.shadowRoot!.querySelector('[data-role="window-title"]')!.textContent);
    expect(title).toContain(formatValue(d.value));
  }
});

test('keyboard: the pooled map moves the window by one stride; a click picks a cell', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  const d0 = await open(page, 'image=brick&cell=3,3&size=3&stride=2');
  expect(d0.cell).toEqual([2, 2]);
  const out = page.locator('fm-pool-explorer canvas[data-role="out"]');
  await out.focus();
  await page.keyboard.press('ArrowRight');
  await expect(el(page)).toHaveAttribute('cell', '3,4');
  let d = await latest(page);
  expect([d.window.top, d.window.left]).toEqual([4, 6]);
  await page.keyboard.press('ArrowDown');
  await expect(el(page)).toHaveAttribute('cell', '4,4');
  await page.keyboard.press('Home');
  await expect(el(page)).toHaveAttribute('cell', '4,1');
  expect(await out.getAttribute('aria-valuetext')).toMatch(/^row 4, column 1 of 23×23: Max = /);
  const box = (await out.boundingBox())!;
  await page.mouse.click(box.x + box.width - 2, box.y + 2);
  await expect(el(page)).toHaveAttribute('cell', '1,23');
  d = await latest(page);
  expect(d.cell).toEqual([0, 22]);
});

test('drawing: keyboard and pointer ink, an empty drawing says so, and shifting moves what the oracle says', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  test.setTimeout(180_000);
  await open(page, 'image=draw&kernel=identity&relu=off');
  const identity = { data: Float32Array.from(parseKernel('k', 'identity').values), shape: [3, 3, 1, 1] };
  const expected = (cells: Uint8Array) => {
    const fm = conv2dReference(drawingTensor(cells), identity, { stride: 1, padding: 'valid', dilation: 1 });
    return Array.from(poolReference(fm, 'max', 2, 2).data);
  };
  expect(Array.from((await read(page)).output.data)).toEqual(expected(defaultDrawing()));
  const grid = page.locator('fm-pool-explorer [role="grid"]');
  await expect(grid.locator('[role="gridcell"][aria-selected="true"]')).toHaveCount(defaultDrawing().reduce((a, b) => a + b, 0));
  // Shift → once and twice, with the buttons.
  let n = await count(page);
  await page.locator('fm-pool-explorer button[data-shift="right"]').click();
  await expect.poll(() => count(page)).toBeGreaterThan(n);
  const once = shiftDrawing(defaultDrawing(), 0, 1);
  await expect.poll(async () => Array.from((await read(page)).output.data)).toEqual(expected(once));
  // Clear: every value 0, a note (not an error), the widget still computes.
  n = await count(page);
  await page.locator('fm-pool-explorer button[data-act="clear"]').click();
  await expect.poll(() => count(page)).toBeGreaterThan(n);
  await expect.poll(() => message(page)).toContain('The drawing is empty');
  expect(await el(page).evaluate((e) => e.shadowRoot!.querySelector<HTMLElement>('[data-role="message"]')!.dataset.kind)).toBe('info');
  expect(Math.max(...(await read(page)).output.data)).toBe(0);
  // Keyboard: Tab into the grid, move right twice and down once, ink with Space.
  await grid.locator('[role="gridcell"]').first().focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  n = await count(page);
  await page.keyboard.press('Space');
  await expect.poll(() => count(page)).toBeGreaterThan(n);
  await expect(grid.locator('[role="gridcell"][aria-label="row 2, column 3"]')).toHaveAttribute('aria-selected', 'true');
  const one = new Uint8Array(DRAW_SIZE * DRAW_SIZE);
  one[1 * DRAW_SIZE + 2] = 1;
  await expect.poll(async () => Array.from((await read(page)).output.data)).toEqual(expected(one));
  await expect.poll(() => message(page)).toBe('');
  // Pointer: a drag along row 10 from column 4 to column 7 inks those four cells, and the result follows.
  const cell = (r: number, c: number) => grid.locator(`[role="gridcell"][aria-label="row ${r}, column ${c}"]`);
  const from = (await cell(10, 4).boundingBox())!, to = (await cell(10, 7).boundingBox())!;
  n = await count(page);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => count(page)).toBeGreaterThan(n);
  for (let c = 4; c <= 7; c++) await expect(cell(10, c)).toHaveAttribute('aria-selected', 'true');
  for (let c = 3; c <= 6; c++) one[9 * DRAW_SIZE + c] = 1;
  await expect.poll(async () => Array.from((await read(page)).output.data)).toEqual(expected(one));
});

test('bad size, stride, mode, image, kernel and cell: messages, last good set-up, still working; no leak', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  test.setTimeout(180_000);
  const bad = new URLSearchParams({ size: '0', stride: 'two', mode: 'median', kernel: 'sobel-z', image: '<img src=x onerror=alert(1)>', relu: 'maybe' });
  const d = await open(page, bad.toString());
  const m = await message(page);
  expect(m).toContain('size must be from 1 to 8; got 0.');
  expect(m).toContain('stride must be a whole number from 1 to 8; got "two".');
  expect(m).toContain('Unknown mode "median". Choose one of: max, avg, global.');
  expect(m).toContain('Unknown kernel "sobel-z"');
  expect(m).toContain('Unknown relu "maybe"');
  expect(m).toContain('Unknown image "<img src=x onerror=alert(1)>"');
  expect(await el(page).evaluate((e) => e.shadowRoot!.querySelectorAll('img').length)).toBe(0);
  expect([d.mode, d.size, d.stride]).toEqual(['max', 2, 2]);
  // A cell beyond the pooled map is named, and the strongest cell shown.
  const coins = manifest.samples.find((s) => s.name === 'coins')!;
  const { h, w } = explorerMapSize(coins.width, coins.height);
  const [oh, ow] = [poolOutputLength(h, 2, 2), poolOutputLength(w, 2, 2)];
  await set(page, { size: '2', stride: '2', mode: 'max', kernel: 'sobel-y', image: 'coins', relu: 'on', cell: '99,7' });
  expect(await message(page)).toBe(`cell 99,7 is outside the ${oh}×${ow} pooled map (rows 1–${oh}, columns 1–${ow}); showing the strongest cell instead.`);
  await set(page, { cell: '0,1' });
  expect(await message(page)).toContain('cell rows and columns count from 1');
  await set(page, { cell: '2,2' });
  expect(await message(page)).toBe('');
  // The controls still work, and reflect to attributes.
  await page.locator('fm-pool-explorer select[data-attr="mode"]').selectOption('avg');
  await expect(el(page)).toHaveAttribute('mode', 'avg');
  await expect.poll(async () => (await latest(page)).mode).toBe('avg');
  await expect(el(page)).toHaveAttribute('status', 'ready');
  await page.waitForTimeout(300);
  const before = await numTensors(page);
  for (const [mode, size] of [['max', '3'], ['avg', '2'], ['global', '2'], ['max', '4'], ['avg', '2']]) await set(page, { mode: mode!, size: size! });
  expect(await numTensors(page)).toBe(before);
});

test('the embed page passes axe in light and dark, also with a message and a drawing shown', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page);
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page, 'image=draw&size=9');
  expect(await message(page)).toContain('size must be from 1 to 8');
  expect(await axeViolations(page)).toEqual([]);
});

test('lang="zh-CN" speaks Chinese after the first result; back to en re-says English without recomputing', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, 'cell=99,99');
  const n = await count(page);
  const role = (r: string) => page.locator(`fm-pool-explorer [data-role="${r}"]`);
  await el(page).evaluate((e) => e.setAttribute('lang', 'zh-CN'));
  await expect(role('summary')).toHaveText(/^最大池化：\d+×\d+的特征图变成\d+×\d+，值的个数减少到原来的1\/[\d.]+。第\d+行第\d+列：最大值 = /);
  await expect(role('window-title')).toHaveText(/^第\d+行第\d+列的单元：最大值 = /);
  await expect(role('fm-caption')).toHaveText(/^特征图，\d+×\d+：庞贝出土的希腊钱币与Sobel x做卷积，再经过ReLU。取值范围/);
  await expect(role('timing')).toHaveText(/^卷积与池化用时\d+毫秒。$/);
  await expect(page.locator('fm-pool-explorer select[data-attr="mode"] option[value="max"]')).toHaveText('最大池化');
  await expect(page.locator('fm-pool-explorer label').first()).toHaveText(/^输入/);
  expect(await message(page)).toMatch(/^cell 99,99超出了\d+×\d+的池化后特征图/);
  await el(page).evaluate((e) => e.setAttribute('lang', 'en'));
  await expect(role('summary')).toHaveText(/^Max pooling: the \d+×\d+ feature map becomes \d+×\d+, [\d.]+ times fewer values\. Max = .* at row \d+, column \d+\./);
  await expect(role('fm-caption')).toHaveText(/^Feature map, \d+×\d+: Greek coins from Pompeii convolved with Sobel x, then ReLU\. Values /);
  expect(await message(page)).toMatch(/^cell 99,99 is outside the \d+×\d+ pooled map/);
  expect(await count(page)).toBe(n);
});

// The drawing grid (256 labelled cells) is made when the drawing is first the input, not with every shell: a page
// on the coins has none. Picked from the select it comes in the element's language, computes the example drawing,
// and keeps the reader's ink when the input goes to a photo and back.
test('the drawing grid is made when the drawing is picked: labelled in the language in force, and the reader\'s ink survives a photo and back', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, 'kernel=identity&relu=off');
  const grid = page.locator('fm-pool-explorer [role="grid"]');
  await expect(grid).toHaveCount(0);
  const identity = { data: Float32Array.from(parseKernel('k', 'identity').values), shape: [3, 3, 1, 1] };
  const expected = (cells: Uint8Array) => Array.from(poolReference(conv2dReference(drawingTensor(cells), identity, { stride: 1, padding: 'valid', dilation: 1 }), 'max', 2, 2).data);
  await el(page).evaluate((e) => e.setAttribute('lang', 'zh-CN'));
  const image = page.locator('fm-pool-explorer select[data-attr="image"]');
  let n = await count(page);
  await image.selectOption('draw');
  await expect.poll(() => count(page)).toBeGreaterThan(n);
  await expect(grid.locator('[role="gridcell"]')).toHaveCount(DRAW_SIZE * DRAW_SIZE);
  await expect(grid.locator('[role="gridcell"]').nth(DRAW_SIZE + 2)).toHaveAttribute('aria-label', '第2行第3列');
  expect(Array.from((await read(page)).output.data)).toEqual(expected(defaultDrawing()));
  // Ink a cell by keyboard, go to the coins and back: the same drawing, the same grid, one of it.
  await grid.locator('[role="gridcell"]').first().focus();
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowDown']) await page.keyboard.press(key);
  n = await count(page);
  await page.keyboard.press('Space');
  await expect.poll(() => count(page)).toBeGreaterThan(n);
  const inked = defaultDrawing();
  inked[DRAW_SIZE + 2] = 1 - inked[DRAW_SIZE + 2]!;
  await expect.poll(async () => Array.from((await read(page)).output.data)).toEqual(expected(inked));
  n = await count(page);
  await image.selectOption('coins');
  await expect.poll(() => count(page)).toBeGreaterThan(n);
  await expect(grid).toBeHidden();
  n = await count(page);
  await image.selectOption('draw');
  await expect.poll(() => count(page)).toBeGreaterThan(n);
  await expect(grid).toHaveCount(1);
  expect(Array.from((await read(page)).output.data)).toEqual(expected(inked));
});
