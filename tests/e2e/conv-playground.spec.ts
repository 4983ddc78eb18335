/**
 * <fm-conv-playground> on its embed page, in both projects: the backend it reports, agreement of its tfjs
 * output with the float64 reference for seeded kernels and settings, every bad input the issue lists, no
 * tensor leak over 20 re-runs, the drawing pad by keyboard alone (strokes, undo), and axe.
 */
import { deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { test, expect, axeViolations, layoutShift, numTensors, lcg } from './support.ts';
import { conv2dReference, depthwiseConv2dReference } from '../../src/lib/conv/reference.ts';
import { compareToReference } from '../../src/lib/conv/tolerance.ts';
import { parsePadding } from '../../src/lib/params/padding.ts';
import { rgbaToTensor } from '../../src/lib/image/pixels.ts';
import { coverage, toRgba } from '../../src/lib/stroke-pad/image.ts';
import { filledSquare, keyStep, StrokeModel } from '../../src/lib/stroke-pad/model.ts';
import type { Drawing } from '../../src/lib/doodle/strokes.ts';

const EMBED = '/embed/conv-playground/';
type Detail = { backend: string; ms: number; op: string; inputShape: number[]; outputShape: number[]; fallbackReason: string | null; settings: Record<string, unknown> };
const widget = (page: Page) => page.locator('fm-conv-playground');
const message = (page: Page) => page.locator('fm-conv-playground [data-role="message"]');

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __results: unknown[]; __errors: string[] };
    w.__results = [];
    w.__errors = [];
    document.addEventListener('fm-result', (e) => w.__results.push((e as CustomEvent).detail));
    document.addEventListener('fm-error', (e) => w.__errors.push((e as CustomEvent).detail.message));
  });
});

async function open(page: Page, query = ''): Promise<Detail> {
  await page.goto(`${EMBED}${query}`);
  await expect(widget(page)).toHaveAttribute('status', 'ready', { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { __results: Detail[] }).__results.at(-1)!);
}

/** Sets attributes and resolves with the computation they cause (or rejects with the widget's error). */
function runWith(page: Page, attrs: Record<string, string>): Promise<Detail> {
  return page.evaluate((attrs) => {
    const el = document.querySelector('fm-conv-playground')!;
    return new Promise<Detail>((resolve, reject) => {
      el.addEventListener('fm-result', (e) => resolve((e as CustomEvent).detail), { once: true });
      el.addEventListener('fm-error', (e) => reject(new Error((e as CustomEvent).detail.message)), { once: true });
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    });
  }, attrs);
}

/** Waits for the next computation after `action` (a control change in the page). */
async function nextResult(page: Page, action: () => Promise<void>): Promise<Detail> {
  const before = await page.evaluate(() => (window as unknown as { __results: unknown[] }).__results.length);
  await action();
  await page.waitForFunction((n) => (window as unknown as { __results: unknown[] }).__results.length > n, before);
  return page.evaluate(() => (window as unknown as { __results: Detail[] }).__results.at(-1)!);
}

type Plain = { data: Float32Array; shape: number[] };
/** getInput/getKernel/getOutput, moved as base64 float32 bytes (fast for 400k values). */
async function readTensors(page: Page): Promise<{ input: Plain; kernel: Plain; output: Plain }> {
  const raw = await page.evaluate(async () => {
    const el = document.querySelector('fm-conv-playground') as unknown as Record<string, () => Promise<{ data: Float32Array; shape: number[] }>>;
    const enc = (t: { data: Float32Array; shape: number[] }) => {
      const u8 = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
      let s = '';
      for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
      return { b64: btoa(s), shape: t.shape };
    };
    return { input: enc(await el.getInput!()), kernel: enc(await el.getKernel!()), output: enc(await el.getOutput!()) };
  });
  const dec = (t: { b64: string; shape: number[] }) => {
    const b = Buffer.from(t.b64, 'base64');
    return { data: new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4), shape: t.shape };
  };
  return { input: dec(raw.input), kernel: dec(raw.kernel), output: dec(raw.output) };
}

/** Kernel rows text from the seeded LCG, weights in [−1, 1] with 3 decimals. */
function seededRows(seed: number, rows: number, cols: number): string {
  const next = lcg(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => (Math.round((next() * 2 - 1) * 1000) / 1000).toString()).join(',')).join('; ');
}

// PNG files built in the test (8-bit gray), with a real CRC so only the property under test is wrong.
const CRC = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc32 = (b: Buffer) => { let c = 0xffffffff; for (const x of b) c = CRC[(c ^ x) & 255]! ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
function chunk(type: string, body: Buffer): Buffer {
  const len = Buffer.alloc(4); len.writeUInt32BE(body.length);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), body])));
  return Buffer.concat([len, Buffer.from(type), body, crc]);
}
function grayPng(width: number, height: number, withPixels = true): Buffer {
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4); ihdr[8] = 8; ihdr[9] = 0;
  const raw = Buffer.alloc(withPixels ? (width + 1) * height : 0);
  for (let y = 0; y < (withPixels ? height : 0); y++) for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = (x * 7 + y * 3) & 255;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

test('reports its backend: WebGPU in the webgpu project, otherwise WebGL/CPU with the reason shown', async ({ page }, info) => {
  const detail = await open(page);
  const badge = page.locator('fm-conv-playground fm-device-badge');
  const why = page.locator('fm-conv-playground [data-role="why"]');
  if (info.project.name === 'webgpu') {
    expect(detail.backend).toBe('webgpu');
    await expect(badge).toContainText('WebGPU');
    await expect(why).toBeHidden();
  } else {
    expect(['webgl', 'cpu']).toContain(detail.backend);
    expect(detail.fallbackReason).toBeTruthy();
    await expect(why).toBeVisible();
    await expect(why).toContainText('Not on WebGPU because');
    await expect(why).toContainText(detail.fallbackReason!.slice(0, 30));
  }
  await expect(page.locator('fm-conv-playground [data-role="timing"]')).toContainText(/took [\d.]+ ms on (WebGPU|WebGL|CPU)/);
  await expect(page.locator('fm-conv-playground [data-role="caption"]')).toContainText(/Sobel x 3×3 on chelsea \(gray, 300×451\): output 298×449, values from −[\d.]+ to [\d.]+/);
});

const CASES = [
  { color: 'gray', mode: 'full', k: [3, 3], stride: '1', padding: 'valid', dilation: '1' },
  { color: 'gray', mode: 'full', k: [5, 5], stride: '2', padding: 'same', dilation: '1' },
  { color: 'gray', mode: 'full', k: [3, 3], stride: '1', padding: '2', dilation: '2' },
  { color: 'gray', mode: 'full', k: [2, 3], stride: '3', padding: '1', dilation: '1' },
  { color: 'gray', mode: 'full', k: [7, 7], stride: '1', padding: 'same', dilation: '3' },
  { color: 'rgb', mode: 'full', k: [3, 3], stride: '1', padding: 'same', dilation: '1' },
  { color: 'rgb', mode: 'full', k: [4, 4], stride: '2', padding: '3', dilation: '1' },
  { color: 'rgb', mode: 'depthwise', k: [3, 3], stride: '2', padding: 'valid', dilation: '1' },
  { color: 'rgb', mode: 'depthwise', k: [5, 5], stride: '1', padding: '4', dilation: '2' },
  { color: 'rgb', mode: 'depthwise', k: [1, 1], stride: '4', padding: 'same', dilation: '1' },
] as const;

test('output agrees with the float64 reference for seeded kernels, strides, paddings, dilations, gray and RGB', async ({ page }) => {
  test.setTimeout(240_000);
  await open(page);
  for (const [i, c] of CASES.entries()) {
    const kernel = seededRows(1000 + i, c.k[0], c.k[1]);
    const detail = await runWith(page, { kernel, color: c.color, 'rgb-mode': c.mode, stride: c.stride, padding: c.padding, dilation: c.dilation });
    const { input, kernel: w, output } = await readTensors(page);
    const label = `case ${i} ${JSON.stringify(c)}`;
    expect(detail.settings, label).toMatchObject({ stride: Number(c.stride), padding: c.padding, dilation: Number(c.dilation), color: c.color });
    expect(input.shape, label).toEqual([1, 300, 451, c.color === 'gray' ? 1 : 3]);
    const depthwise = c.color === 'rgb' && c.mode === 'depthwise';
    expect(detail.op, label).toBe(depthwise ? 'depthwise' : 'conv2d');
    expect(w.shape, label).toEqual([c.k[0], c.k[1], c.color === 'gray' ? 1 : 3, 1]);
    // The kernel in force is the seeded rows typed into the attribute.
    expect(Array.from(w.data.filter((_, j) => j % w.shape[2]! === 0)), label).toEqual(kernel.split(/[;,]\s*/).map((v) => Math.fround(Number(v))));
    const settings = { stride: Number(c.stride), padding: parsePadding('padding', c.padding), dilation: Number(c.dilation) };
    const ref = depthwise ? depthwiseConv2dReference(input, w, settings) : conv2dReference(input, w, settings);
    expect(output.shape, label).toEqual(ref.shape);
    const agreement = compareToReference(output.data, ref);
    expect(agreement.ok, `${label}: ${agreement.detail}`).toBe(true);
  }
});

test('bad files: a message inside the widget, which keeps computing; large pictures are scaled down', { tag: '@page' }, async ({ page }) => {
  await open(page);
  const file = page.locator('fm-conv-playground input[type="file"]');
  await expect(file).toHaveAccessibleName(/Open a picture/);
  const bad = [
    { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('This is a text file, not a picture.\n'), text: /notes\.png: This file is not an image/ },
    { name: 'half.png', mimeType: 'image/png', buffer: grayPng(64, 64).subarray(0, Math.floor(grayPng(64, 64).length / 2)), text: /half\.png: This PNG file is incomplete/ },
    { name: 'huge.png', mimeType: 'image/png', buffer: grayPng(30000, 30000, false), text: /huge\.png: This picture is 30000×30000 pixels \(height × width\), too large to open here/ },
  ];
  let stride = 1;
  for (const b of bad) {
    await file.setInputFiles({ name: b.name, mimeType: b.mimeType, buffer: b.buffer });
    await expect(message(page)).toHaveText(b.text);
    await expect(message(page)).toHaveAttribute('data-kind', 'error');
    stride = stride === 1 ? 2 : 1;
    const d = await runWith(page, { stride: String(stride) });
    expect(d.settings.stride).toBe(stride);
    expect(d.inputShape).toEqual([1, 300, 451, 1]); // still the sample, not the refused file
  }
  const d = await nextResult(page, () => file.setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: grayPng(1200, 900) }));
  expect(d.inputShape).toEqual([1, 384, 512, 1]);
  expect((await readTensors(page)).input.shape).toEqual([1, 384, 512, 1]);
  await expect(message(page)).toHaveText(/Your picture \(900×1200 pixels, height × width\) was scaled down to 384×512/);
  await expect(page.locator('fm-conv-playground select[data-role="image"]')).toHaveValue('upload');
});

test('bad kernel cells keep the last valid kernel; a fixed cell computes again', { tag: '@page' }, async ({ page }) => {
  await open(page);
  const cell = page.getByRole('textbox', { name: 'kernel row 1, column 2' });
  const before = (await readTensors(page)).kernel;
  for (const [raw, text] of [['abc', /must be a number; got "abc"/], ['', /is empty/], ['NaN', /must be a number; got "NaN"/], ['1e40', /too large/]] as const) {
    await cell.fill(raw);
    await cell.blur();
    await expect(message(page)).toContainText(text);
    await expect(message(page)).toContainText('The last valid kernel is still in use.');
    await expect(cell).toHaveAttribute('aria-invalid', 'true');
    expect(Array.from((await readTensors(page)).kernel.data)).toEqual(Array.from(before.data));
  }
  const d = await nextResult(page, async () => { await cell.fill('0.5'); await cell.blur(); });
  expect(d.settings.kernel).toBe('-1,0.5,1; -2,0,2; -1,0,1');
  expect((await readTensors(page)).kernel.data[1]).toBe(0.5);
  await expect(widget(page)).toHaveAttribute('kernel', '-1,0.5,1; -2,0,2; -1,0,1');
});

test('bad sizes, strides and names: a message, the previous setting kept, and the widget computes after', { tag: '@page' }, async ({ page }) => {
  test.setTimeout(300_000); // fifteen computations in a row
  await open(page, '?kernel=box-blur&kernel-size=5');
  const cases: [Record<string, string>, RegExp][] = [
    [{ 'kernel-size': '0' }, /kernel-size must be a whole number from 1 to 7; got "0"/],
    [{ 'kernel-size': '99' }, /kernel-size must be a whole number from 1 to 7; got "99"/],
    [{ stride: '0' }, /stride must be from 1 to 4; got 0/],
    [{ stride: '-1' }, /stride must be from 1 to 4; got -1/],
    [{ kernel: 'blurry' }, /Unknown kernel preset "blurry"/],
    [{ image: 'dog' }, /Unknown image "dog"/],
    [{ stride: '2', dilation: '2' }, /needs stride 1 or dilation 1/],
  ];
  for (const [attrs, text] of cases) {
    await expect(runWith(page, attrs)).rejects.toThrow(text);
    await expect(message(page)).toHaveText(text);
    const d = await runWith(page, { stride: '1', dilation: '1', kernel: 'box-blur', 'kernel-size': '5', image: 'chelsea' });
    expect(d.settings).toMatchObject({ stride: 1, dilation: 1, image: 'chelsea' });
    expect(d.outputShape).toEqual([1, 296, 447, 1]);
  }
  // The same through the controls: refused values are not reflected to the attributes.
  const size = page.getByRole('spinbutton', { name: 'Size' });
  await size.fill('99');
  await size.press('Enter');
  await expect(message(page)).toContainText('must be a whole number from 1 to 7; got "99"');
  await expect(widget(page)).toHaveAttribute('kernel-size', '5');
  const stride = page.getByRole('spinbutton', { name: 'Stride' });
  await stride.fill('0');
  await stride.press('Enter');
  await expect(message(page)).toContainText('stride must be from 1 to 4; got 0');
  await expect(stride).toHaveValue('1');
  const d = await nextResult(page, async () => { await stride.fill('2'); await stride.press('Enter'); });
  expect(d.outputShape).toEqual([1, 148, 224, 1]);
  await expect(widget(page)).toHaveAttribute('stride', '2');
  expect(page.url()).toContain('stride=2');
});

test('HTML in the query string is shown as text and injects nothing', { tag: '@page' }, async ({ page }) => {
  await open(page, `?kernel=${encodeURIComponent('<script>window.__xss=1</script>')}&image=${encodeURIComponent('<img src=x onerror="window.__xss=2">')}`);
  await expect(message(page)).toContainText('kernel cell (row 1, column 1) must be a number; got "<script>window.__xss=1</script>"');
  await expect(message(page)).toContainText('Unknown image "<img src=x onerror=\\"window.__xss=2\\">"');
  const injected = await page.evaluate(() => {
    const root = document.querySelector('fm-conv-playground')!.shadowRoot!;
    return { scripts: root.querySelectorAll('script').length, imgs: root.querySelectorAll('img').length + document.querySelectorAll('img').length, xss: (window as unknown as { __xss?: number }).__xss ?? null };
  });
  expect(injected).toEqual({ scripts: 0, imgs: 0, xss: null });
  const d = await runWith(page, { kernel: 'laplacian' });
  expect(d.settings.image).toBe('chelsea');
});

test('no tensor leaks over 20 re-runs', async ({ page }) => {
  await open(page);
  await runWith(page, { stride: '2' }); // warm-up: every shape used below has run once
  await runWith(page, { stride: '1', color: 'rgb' });
  await runWith(page, { color: 'gray' });
  const start = await numTensors(page);
  for (let i = 0; i < 20; i++) {
    await runWith(page, i % 2 ? { stride: '1', color: 'gray' } : { stride: '2', color: 'rgb' });
  }
  expect(await numTensors(page)).toBe(start);
});

test('axe finds no WCAG 2 A/AA violation on the embed page', { tag: '@page' }, async ({ page }) => {
  await open(page);
  expect(await axeViolations(page)).toEqual([]);
});

test('the drawing pad by keyboard alone: the input is what the same keys give in Node; Ctrl+Z and Undo take strokes back; axe', { tag: '@page' }, async ({ page }) => {
  await open(page, '?image=draw');
  // The widget's input for a drawing, computed in Node: the pad's raster (256 px, pen 10) black on white, as gray.
  const want = (d: Drawing) => Array.from(rgbaToTensor(toRgba(coverage(d, { size: 256, penWidth: 10 }), [0, 0, 0], [255, 255, 255]), 256, 256, 'gray').data);
  const input = async () => Array.from((await readTensors(page)).input.data);
  const model = new StrokeModel(keyStep(256));
  model.load(filledSquare(64, 192, 10)); // the starting shape
  const start = await input();
  expect(start).toEqual(want(model.drawing));
  const pad = widget(page).locator('canvas[data-role="pad"]');
  await expect(pad).toHaveAccessibleName(/Drawing pad/);
  await expect(pad).toHaveAccessibleDescription(/arrow keys move the pen.*Space or Enter puts it down or lifts it.*Ctrl\+Z undoes/);
  // Touch and pen draw on the canvas only: the page around it still scrolls on a phone.
  expect(await pad.evaluate((c) => [getComputedStyle(c).touchAction, getComputedStyle(c.parentElement!).touchAction])).toEqual(['none', 'auto']);
  await pad.focus();
  const keys = [...Array<string>(5).fill('Shift+ArrowUp'), 'Space', ...Array<string>(4).fill('Shift+ArrowRight'), ...Array<string>(3).fill('ArrowDown'), 'Enter'];
  await nextResult(page, async () => { for (const k of keys) await page.keyboard.press(k); });
  for (const k of keys) model.key(k.replace('Shift+', '').replace('Space', ' '), k.startsWith('Shift+'), false);
  expect(model.drawing).toHaveLength(2);
  const drawn = await input();
  expect(drawn).not.toEqual(start);
  expect(drawn).toEqual(want(model.drawing));
  await expect(widget(page).locator('[data-role="pad-status"]')).toHaveText('Pen up at 75% across, 23% down; 2 strokes.');
  // A dot away from the line (pen down, then up), then Ctrl+Z removes it and the Undo button removes the line.
  await nextResult(page, async () => { for (const k of ['Shift+ArrowLeft', 'Shift+ArrowLeft', 'Space', 'Space']) await page.keyboard.press(k); });
  expect(await input()).not.toEqual(drawn);
  await nextResult(page, () => page.keyboard.press('Control+z'));
  await expect(widget(page).locator('[data-role="pad-status"]')).toHaveText('Last stroke removed; 2 strokes left.');
  expect(await input()).toEqual(drawn);
  await nextResult(page, () => widget(page).getByRole('button', { name: 'Undo stroke' }).click());
  expect(await input()).toEqual(start);
  await expect(widget(page).locator('[data-role="pad-status"]')).toHaveText('Last stroke removed; 1 stroke left.');
  expect(await axeViolations(page)).toEqual([]);
});

/** The border-box width of shadow-DOM canvases, CSS pixels. */
const widthOf = (page: Page, selector: string) => widget(page).locator(selector).first().evaluate((c) => c.getBoundingClientRect().width);

test('input and output at one pixel scale: a stride-2 output is drawn half as wide as its input, at 1×, 2× and fit', { tag: '@page' }, async ({ page }) => {
  await open(page, '?kernel=box-blur&padding=same');
  await runWith(page, { stride: '2' });
  const zoom = page.getByRole('combobox', { name: /Zoom/ });
  for (const z of ['1', '2', 'fit']) {
    await zoom.selectOption(z);
    const [inW, outW] = [await widthOf(page, 'canvas[data-role="input"]'), await widthOf(page, '.maps canvas')];
    // chelsea is 451 wide; "same" at stride 2 gives ⌈451 / 2⌉ = 226.
    if (z !== 'fit') expect(inW, `zoom ${z}`).toBeCloseTo(451 * Number(z), 0);
    expect(Math.abs(outW - (inW * 226) / 451), `zoom ${z}: input ${inW}, output ${outW}`).toBeLessThanOrEqual(1);
    expect(Math.abs(outW - inW / 2), `zoom ${z}`).toBeLessThanOrEqual(2);
  }
});

test('on a 320 px phone the pair fits without sideways page scroll (fit), and 1× scrolls inside the widget only', { tag: '@page' }, async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await open(page);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBe(0);
  const [inW, outW] = [await widthOf(page, 'canvas[data-role="input"]'), await widthOf(page, '.maps canvas')];
  expect(inW).toBeLessThanOrEqual(320);
  expect(Math.abs(inW / 451 - outW / 449)).toBeLessThan(0.01); // one scale
  await page.getByRole('combobox', { name: /Zoom/ }).selectOption('1');
  expect(await widthOf(page, 'canvas[data-role="input"]')).toBeCloseTo(451, 0);
  expect(await overflow()).toBe(0);
});


test('on a 1280 px screen the embed page does not move while the playground loads and computes: input and output share the row from the first paint', { tag: '@page' }, async ({ page }) => {
  // The output counted for nothing until it came: the input took the whole width, then gave half of it up, and the
  // output's caption dropped below the new picture (a layout shift of 0.13 in every load; 0.008-0.016 now). The
  // bound leaves room for the timing of this machine's loads, far below the old shift.
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page);
  await page.waitForTimeout(500); // a shift is reported after the frame that makes it
  const shift = await layoutShift(page);
  expect(shift, 'layout shift while loading, to the first result').toBeLessThan(0.05);
  const [inW, outW] = [await widthOf(page, 'canvas[data-role="input"]'), await widthOf(page, '.maps canvas')];
  expect(Math.abs(inW - outW), 'input and output side by side, one scale').toBeLessThan(8);
});

test('the largest kernel (7 × 7) fits on 320 and 390 px phones, on the embed page and in the chapter: every cell inside the widget, no weight cut off', { tag: '@page' }, async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 800 });
  await open(page, '?kernel=box-blur&kernel-size=7');
  const fits = async (where: string) => {
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 800 });
      const fit = await widget(page).first().evaluate((host) => {
        const frame = host.getBoundingClientRect();
        const cells = [...host.shadowRoot!.querySelectorAll<HTMLInputElement>('[role="gridcell"] input')];
        return {
          cells: cells.length,
          outside: cells.filter((c) => { const r = c.getBoundingClientRect(); return r.left < frame.left - 0.5 || r.right > frame.right + 0.5; }).length,
          cut: cells.filter((c) => c.scrollWidth > c.clientWidth).length,
          text: cells[0]!.value,
        };
      });
      expect(fit, `${where} at ${width} px`).toEqual({ cells: 49, outside: 0, cut: 0, text: '1/49' });
    }
  };
  await fits('embed page');
  // A chapter's column is narrower than an embed page's (the page's margins, the figure's frame).
  await page.goto('/chapters/convolution/?backend=cpu');
  const first = widget(page).first();
  await first.scrollIntoViewIfNeeded();
  await expect(first).toHaveAttribute('status', 'ready', { timeout: 60_000 });
  await runWith(page, { kernel: 'box-blur', 'kernel-size': '7' }); // the page's first playground, as `first`
  await fits('Chapter 1');
});

test('the colour scale: sequential for a blur, diverging for Sobel, named in the legend; the reader can override', { tag: '@page' }, async ({ page }) => {
  await open(page, '?kernel=gaussian&kernel-size=5');
  const legend = widget(page).locator('[data-role="scale"]');
  await expect(legend).toHaveText(/^Sequential scale: 0 \(black\) … [\d.]+ \(white\) \(chosen because no weight is negative/);
  // Every cell of the 5×5 Gaussian in one format: n/256.
  const cells = await widget(page).locator('[role="gridcell"] input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(cells).toHaveLength(25);
  expect(cells.every((t) => /^\d+\/256$/.test(t)), cells.join(' ')).toBe(true);
  await runWith(page, { kernel: 'sobel-x' });
  await expect(legend).toHaveText(/^Diverging scale: −[\d.]+ \(purple\) … 0 \(near-white\) … \+[\d.]+ \(orange\) \(chosen because the output can be negative\)/);
  await nextResult(page, async () => { await page.getByRole('combobox', { name: 'Colour scale' }).selectOption('sequential'); });
  await expect(legend).toHaveText(/^Sequential scale: −[\d.]+ \(black\) … [\d.]+ \(white\) \(your choice\)/);
});

test('the kernel grid is one Tab stop: Tab enters it once, the next Tab leaves; arrows, Home/End move; typing and Enter edit', { tag: '@page' }, async ({ page }) => {
  await open(page);
  const active = () => page.evaluate(() => {
    const a = document.querySelector('fm-conv-playground')!.shadowRoot!.activeElement as HTMLElement | null;
    return a?.getAttribute('aria-label') ?? a?.dataset.role ?? a?.tagName ?? null;
  });
  await page.getByRole('spinbutton', { name: 'Size' }).focus();
  await page.keyboard.press('Tab');
  expect(await active()).toBe('kernel row 1, column 1');
  await expect(page.getByRole('grid', { name: 'Kernel weights' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  expect(await active()).toBe('kernel row 1, column 2');
  await page.keyboard.press('ArrowDown');
  expect(await active()).toBe('kernel row 2, column 2');
  await page.keyboard.press('End');
  expect(await active()).toBe('kernel row 2, column 3');
  await page.keyboard.press('Home');
  expect(await active()).toBe('kernel row 2, column 1');
  await page.keyboard.press('Control+End');
  expect(await active()).toBe('kernel row 3, column 3');
  await page.keyboard.press('Tab');
  expect(await active()).not.toMatch(/^kernel row/);
  // Back in with Shift+Tab: the grid remembers its cell. Typing replaces the weight; Enter applies it.
  await page.keyboard.press('Shift+Tab');
  expect(await active()).toBe('kernel row 3, column 3');
  const d = await nextResult(page, async () => { await page.keyboard.type('3'); await page.keyboard.press('Enter'); });
  expect(d.settings.kernel).toBe('-1,0,1; -2,0,2; -1,0,3');
  // Escape while editing restores the cell's text; arrows then move again.
  await page.keyboard.press('F2');
  await page.keyboard.type('9');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('textbox', { name: 'kernel row 3, column 3' })).toHaveValue('3');
  await page.keyboard.press('ArrowUp');
  expect(await active()).toBe('kernel row 2, column 3');
  const stops = await page.evaluate(() => [...document.querySelector('fm-conv-playground')!.shadowRoot!.querySelectorAll('[role="grid"] input')].filter((i) => (i as HTMLElement).tabIndex === 0).length);
  expect(stops).toBe(1);
  expect(await axeViolations(page)).toEqual([]);
});

test('speaks Chinese under lang="zh-CN" and English again when lang changes back, without recomputing', { tag: '@page' }, async ({ page }) => {
  await open(page, '?stride=0&color=sepia');
  const words = () => widget(page).evaluate((el) => {
    const root = el.shadowRoot!;
    const text = (sel: string) => root.querySelector(sel)!.textContent!;
    const label = (sel: string) => root.querySelector(sel)!.getAttribute('aria-label');
    return {
      labels: [...root.querySelectorAll('.controls label > span, .view-controls label > span, .kernel label > span, .kernel legend')].map((s) => s.textContent),
      images: [...root.querySelectorAll('[data-role="image"] option')].map((o) => o.textContent),
      presets: [...root.querySelectorAll('[data-role="preset"] option')].map((o) => o.textContent),
      caption: text('[data-role="caption"]'),
      legend: text('[data-role="scale"]'),
      legendLabel: label('svg.legend'),
      timing: text('[data-role="timing"]'),
      message: text('[data-role="message"]'),
      outputShape: text('[data-role="output-shape"]'),
      inputLabel: label('[data-role="input"]'),
      cells: [...root.querySelectorAll('[data-role="grid"] input')].map((c) => c.getAttribute('aria-label')),
      limits: text('[data-role="limits"]'),
      results: (window as unknown as { __results: unknown[] }).__results.length,
    };
  });
  const english = await words();
  expect(english.labels).toEqual(['Image', 'Open a picture', 'Colour', 'RGB kernel', 'Stride', 'Padding', 'Pixels of padding', 'Dilation', 'Kernel', 'Preset', 'Size', 'Zoom (input and output alike)', 'Colour scale']);
  expect(english.message).toBe('stride must be from 1 to 4; got 0. Unknown color "sepia". Choose one of: gray, rgb.');
  expect(english.images[0]).toBe('Chelsea the cat');
  expect(english.caption).toMatch(/^Sobel x 3×3 on chelsea \(gray, 300×451\): output 298×449, values from −[\d.]+ to [\d.]+\.$/);

  await page.evaluate(() => (document.documentElement.lang = 'zh-CN'));
  await expect.poll(async () => (await words()).labels[0]).toBe('图像');
  const chinese = await words();
  expect(chinese.labels).toEqual(['图像', '打开图片', '颜色', 'RGB卷积核', '步幅', '填充', '填充像素数', '膨胀', '卷积核', '预设', '大小', '缩放（输入与输出同步）', '色标']);
  expect(chinese.images).toEqual(['猫咪Chelsea', '宇航员Eileen Collins', '摄影师', '庞贝出土的希腊钱币', '砖墙', '自己画', '你的图片']);
  expect(chinese.presets).toEqual(['自定义', '恒等', '均值模糊', '高斯模糊', '锐化', 'Sobel x算子', 'Sobel y算子', '拉普拉斯', '浮雕', '随机卷积核']);
  expect(chinese.caption).toMatch(/^Sobel x算子（3×3）作用于猫咪Chelsea（灰度，300×451）：输出298×449，取值从−[\d.]+到[\d.]+。$/);
  expect(chinese.legend).toMatch(/^发散色标：−[\d.]+（紫）… 0（近白）… \+[\d.]+（橙）（自动选择：输出可能为负）。$/);
  expect(chinese.legendLabel).toMatch(/^颜色图例。发散色标：.*本次输出的取值从−[\d.]+到[\d.]+。$/);
  expect(chinese.timing).toMatch(/^tf\.conv2d在(WebGPU|WebGL|CPU)上耗时[\d.]+毫秒。$/);
  expect(chinese.message).toBe('步幅（stride）须在1到4之间，现为0。颜色（color）没有"sepia"这一选项，请从gray, rgb中选择。');
  expect(chinese.outputShape).toBe('298×449（形状[1, 298, 449, 1]）');
  expect(chinese.inputLabel).toMatch(/^输入图像，300×451像素（高×宽）：猫咪Chelsea的面部特写/);
  expect(chinese.cells[1]).toBe('卷积核第1行第2列');
  expect(chinese.limits).toMatch(/^可打开最大8192×8192像素（40百万像素）的图片/);
  expect(chinese.results).toBe(english.results);

  await page.evaluate(() => (document.documentElement.lang = 'en'));
  await expect.poll(async () => (await words()).labels[0]).toBe('Image');
  expect(await words()).toEqual(english);
});
