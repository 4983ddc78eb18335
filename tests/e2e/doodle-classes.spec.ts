/**
 * <fm-doodle-classes> on its embed page: seeded doodles drawn with Playwright's mouse, preprocessed exactly as the
 * library does in Node, a head trained on the engine (WebGPU asserted; the fallback project states its reason)
 * that classifies new drawings; drawings and model survive a reload; export → import gives the same
 * probabilities; keyboard drawing; bad inputs with their messages; no tensor leak over five runs; axe. What does not
 * depend on the backend runs once, on the CPU (page project: these four tests took 28 s there, 95 s on SwiftShader's
 * WebGPU); cancelling mid-run on WebGPU, where a run lasts long enough to cancel.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect, axeViolations, numTensors } from './support.ts';
import { doodle, type Shape } from './doodle-shapes.ts';
import { rasterise, PAD_SIZE, type Drawing } from '../../src/lib/doodle/strokes.ts';
import { toInput, toMnist } from '../../src/lib/doodle/preprocess.ts';

const EMBED = '/embed/doodle-classes/';
/** The other shipped source (the default is fashion-cnn). */
const OTHER = 'digits04-cnn';
type Detail = { backend: string; event: string; source: string; accuracy?: number; classes: { name: string; count: number }[]; model: { classNames: string[] } | null; fallbackReason: string | null };
const el = (page: Page) => page.locator('fm-doodle-classes');
const message = (page: Page) => el(page).evaluate((e) => { const m = e.shadowRoot!.querySelector<HTMLElement>('[data-role="message"]')!; return m.hidden ? '' : m.textContent!; });
const results = (page: Page) => page.evaluate(() => (window as unknown as { results: Detail[] }).results);
const call = <T>(page: Page, method: string) => el(page).evaluate((e, m) => (e as unknown as Record<string, () => T>)[m]!(), method);

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { results: unknown[] };
    w.results = [];
    document.addEventListener('fm-result', (e) => w.results.push((e as CustomEvent).detail));
  });
});

async function open(page: Page, query = ''): Promise<Detail> {
  await page.goto(`${EMBED}?${query}`);
  await expect(el(page)).toHaveAttribute('status', 'ready', { timeout: 90_000 });
  return (await results(page)).at(-1)!;
}

/** Draws with the mouse, stroke by stroke, mapping pad units onto the canvas as shown. */
async function draw(page: Page, d: Drawing): Promise<void> {
  const box = (await page.locator('fm-doodle-classes canvas[data-role="pad"]').boundingBox())!;
  const at = (p: readonly [number, number]) => [box.x + (p[0] / PAD_SIZE) * box.width, box.y + (p[1] / PAD_SIZE) * box.height] as const;
  for (const s of d) {
    await page.mouse.move(...at(s[0]!));
    await page.mouse.down();
    for (const p of s.slice(1)) await page.mouse.move(...at(p));
    await page.mouse.up();
  }
}
const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name });
async function add(page: Page, cls: string): Promise<void> {
  await button(page, `Add the pad’s drawing to “${cls}”`).click();
}
async function teach(page: Page, classes: Shape[], seeds: number[]): Promise<void> {
  for (const c of classes) for (const s of seeds) { await draw(page, doodle(c, s)); await add(page, c); }
}
async function trained(page: Page): Promise<Detail> {
  const n = (await results(page)).length;
  await button(page, 'Train').click();
  await expect.poll(async () => (await results(page)).slice(n).some((r) => r.event === 'trained'), { timeout: 120_000 }).toBe(true);
  return (await results(page)).slice(n).find((r) => r.event === 'trained')!;
}
async function probabilities(page: Page, d: Drawing): Promise<number[]> {
  await button(page, 'Clear pad').click();
  await draw(page, d);
  const p = await el(page).evaluate(async (e) => (await (e as unknown as { getProbabilities(): Promise<{ probs: number[] } | null> }).getProbabilities())!.probs);
  return p;
}
const argmax = (p: number[]) => p.indexOf(Math.max(...p));

test('drawn doodles are preprocessed as in the library, a head is trained, and new drawings are classified', async ({ page, watch }, info) => {
  void watch;
  test.setTimeout(300_000);
  const classes: Shape[] = ['circle', 'cross', 'zigzag'];
  const d0 = await open(page, `classes=${classes.join(',')}&epochs=100&seed=3`);
  expect(d0.source).toBe('fashion-cnn');
  if (info.project.name === 'webgpu') expect(d0.backend).toBe('webgpu');
  else { expect(d0.backend).not.toBe('webgpu'); expect(d0.fallbackReason).toBeTruthy(); }
  // What the reader drew, read back, goes through the same pure preprocessing in Node and in the page.
  await draw(page, doodle('circle', 1));
  const strokes = await call<Drawing>(page, 'getDrawing');
  expect(strokes.length).toBe(1);
  const input = (await call<{ data: Record<string, number>; shape: number[] }>(page, 'getInput'));
  expect(input.shape).toEqual([1, 28, 28, 1]);
  const want = toInput(toMnist(rasterise(strokes), PAD_SIZE, PAD_SIZE)!);
  expect(Float32Array.from(Object.values(input.data))).toEqual(want);
  await add(page, 'circle');
  await teach(page, ['circle'], [2, 3, 4]);
  await teach(page, ['cross', 'zigzag'], [1, 2, 3, 4]);
  expect(await call(page, 'getClasses')).toEqual(classes.map((name) => ({ name, count: 4 })));
  const r = await trained(page);
  expect(r.accuracy).toBe(1);
  expect(r.model!.classNames).toEqual(classes);
  // New drawings (seeds never trained on) of each class.
  for (const [k, c] of classes.entries()) {
    for (const seed of [50, 51]) {
      const p = await probabilities(page, doodle(c, seed));
      expect(argmax(p), `${c} #${seed}: ${p.map((v) => v.toFixed(3))}`).toBe(k);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
  }
  await expect(el(page).locator('[data-role="verdict"]')).toContainText('The model says “zigzag”');
  await el(page).screenshot({ path: info.outputPath('doodle-classes.png') });
});

async function prepare(page: Page, query: string, classes: Shape[], seeds: number[]): Promise<Detail> {
  await open(page, query);
  await teach(page, classes, seeds);
  return trained(page);
}
const close = (a: number[], b: number[]) => { expect(b.length).toBe(a.length); a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 6)); };

test('drawings and the model survive a reload; export then import gives the same probabilities', { tag: '@page' }, async ({ page, watch, browser }, info) => {
  void watch;
  test.setTimeout(300_000);
  const classes: Shape[] = ['circle', 'cross'];
  await prepare(page, `source=${OTHER}&classes=${classes.join(',')}&epochs=60`, classes, [1, 2]);
  const probe = doodle('circle', 60);
  const before = await probabilities(page, probe);
  expect(argmax(before)).toBe(0);
  await call(page, 'whenSaved');
  await page.reload();
  await expect(el(page)).toHaveAttribute('status', 'ready', { timeout: 90_000 });
  expect(await call(page, 'getClasses')).toEqual([{ name: 'circle', count: 2 }, { name: 'cross', count: 2 }]);
  await expect(el(page)).toHaveAttribute('classes', 'circle, cross');
  close(before, await probabilities(page, probe));
  // Export: two downloads, a tfjs model.
  const downloads: import('@playwright/test').Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await button(page, 'Export model').click();
  await expect.poll(() => downloads.length).toBe(2);
  const files = await Promise.all(downloads.map(async (d) => { const path = info.outputPath(d.suggestedFilename()); await d.saveAs(path); return path; }));
  expect(downloads.map((d) => d.suggestedFilename())).toEqual(['model.json', 'weights.bin']);
  const json = JSON.parse(readFileSync(files[0]!, 'utf8'));
  expect(json.format).toBe('layers-model');
  expect(json.userDefinedMetadata.classNames).toEqual(classes);
  // Import into a fresh browser profile (empty IndexedDB): same probabilities for the same drawing.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  const errors: string[] = [];
  page2.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page2.addInitScript(() => { const w = window as unknown as { results: unknown[] }; w.results = []; document.addEventListener('fm-result', (e) => w.results.push((e as CustomEvent).detail)); });
  await open(page2);
  expect(await el(page2).evaluate(async (e) => (e as unknown as { getProbabilities(): Promise<unknown> }).getProbabilities())).toBeNull();
  await page2.locator('fm-doodle-classes input[data-role="import"]').setInputFiles(files);
  await expect.poll(async () => (await results(page2)).some((r) => r.event === 'imported')).toBe(true);
  expect(await message(page2)).toContain('Imported model.json and weights.bin: a model for circle, cross.');
  close(before, await probabilities(page2, probe));
  expect(errors).toEqual([]);
  await other.close();
});

test('the network\'s view: the "seen" preview and a class\'s strip show the drawing as its input; an empty pad and an empty class show black', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  test.setTimeout(120_000);
  await open(page);
  /** A canvas's pixels (red channel and alpha), read with a context of the test's own where the widget made none. */
  const pixels = (selector: string, index = 0) => el(page).evaluate((e, [sel, i]) => {
    const c = e.shadowRoot!.querySelectorAll<HTMLCanvasElement>(sel as string)[i as number]!;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    return { red: [...d.filter((_, k) => k % 4 === 0)], alpha: [...d.filter((_, k) => k % 4 === 3)], width: c.width, hidden: c.hidden, background: getComputedStyle(c).backgroundColor };
  }, [selector, index] as const);
  const seen = '[data-role="seen"]';
  const empty = await pixels(seen);
  expect(empty.alpha.every((a) => a === 0)).toBe(true); // clear: its black background shows
  expect(empty.background).toBe('rgb(0, 0, 0)');
  // The pad (the theme's look: ink in the text colour on nothing) is clear while nothing is drawn.
  expect((await pixels('canvas[data-role="pad"]')).alpha.every((a) => a === 0)).toBe(true);
  const strips = await el(page).evaluate((e) => [...e.shadowRoot!.querySelectorAll<HTMLCanvasElement>('canvas.strip')].map((c) => c.hidden));
  expect(strips).toEqual([true, true, true]); // the preset's three classes, no drawings yet

  await draw(page, doodle('circle', 1));
  const input = (await call<{ data: number[] } | null>(page, 'getInput'))!.data;
  const want = Array.from(input, (v) => Math.round(v * 255));
  expect((await pixels('canvas[data-role="pad"]')).alpha.some((a) => a > 0)).toBe(true);
  const drawn = await pixels(seen);
  expect(drawn.alpha.every((a) => a === 255)).toBe(true);
  expect(drawn.red).toEqual(want);

  await add(page, 'sun');
  const strip = await pixels('canvas.strip', 0);
  expect(strip.hidden).toBe(false);
  expect(strip.width).toBe(29);
  const row = (y: number) => strip.red.slice(y * 29, y * 29 + 28);
  expect(Array.from({ length: 28 }, (_, y) => row(y)).flat()).toEqual(want);
  expect(await el(page).evaluate((e) => [...e.shadowRoot!.querySelectorAll<HTMLCanvasElement>('canvas.strip')].map((c) => c.hidden))).toEqual([false, true, true]);
  // Added, the pad is cleared: the preview is clear again, black.
  const cleared = await pixels(seen);
  expect(cleared.alpha.every((a) => a === 0)).toBe(true);
  expect((await pixels('canvas[data-role="pad"]')).alpha.every((a) => a === 0)).toBe(true);
});

test('keyboard drawing, undo and clear; the widget passes axe in light and dark, also with a message', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  test.setTimeout(180_000);
  await open(page);
  const pad = page.locator('fm-doodle-classes canvas[data-role="pad"]');
  await pad.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Space');
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Space');
  await expect(el(page).locator('[data-role="pad-status"]')).toContainText('Pen up');
  const d = await call<number[][][]>(page, 'getDrawing');
  expect(d).toHaveLength(1);
  expect(d[0]![0]).toEqual([80, 128]);
  expect(d[0]!.at(-1)).toEqual([176, 128]);
  expect(await call(page, 'getInput')).not.toBeNull();
  await page.keyboard.press('Control+z');
  expect(await call(page, 'getDrawing')).toEqual([]);
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await button(page, 'Clear pad').click();
  expect(await call(page, 'getDrawing')).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await button(page, 'Add the pad’s drawing to “sun”').click();
  expect(await message(page)).toBe('The pad is empty: draw something, then add it to a class.');
  expect(await axeViolations(page)).toEqual([]);
});

test('bad attributes, classes, drawings and files: a message each, nothing lost', { tag: '@page' }, async ({ page, watch }, info) => {
  void watch;
  test.setTimeout(300_000);
  await open(page, 'classes=solo&epochs=0&seed=-1');
  let m = await message(page);
  expect(m).toContain('classes "solo": Name at least 2 classes (there is 1).');
  expect(m).toContain('epochs must be from 1 to 1000; got 0.');
  expect(m).toContain('seed must be from 0 to 999999; got -1.');
  expect(await call(page, 'getClasses')).toEqual(['sun', 'house', 'tree'].map((name) => ({ name, count: 0 })));
  for (const [raw, want] of [
    ['a,b,c,d,e,f', 'Use at most 5 classes (there are 6).'],
    ['a, A', 'Classes 1 and 2 are both called “A”'],
    ['a,,b', 'Class 2 has no name.'],
  ]) {
    await el(page).evaluate((e, v) => e.setAttribute('classes', v), raw);
    expect(await message(page)).toContain(want);
  }
  await el(page).evaluate((e) => { e.setAttribute('classes', 'sun, house, tree'); e.setAttribute('epochs', '40'); e.setAttribute('seed', '2'); e.setAttribute('source', '<img src=x onerror=alert(1)>'); });
  expect(await message(page)).toBe('Unknown source "<img src=x onerror=alert(1)>". Choose one of: fashion-cnn, digits04-cnn.');
  expect(await el(page).evaluate((e) => e.shadowRoot!.querySelectorAll('img').length)).toBe(0);
  await el(page).evaluate((e) => e.setAttribute('source', 'fashion-cnn'));
  await expect.poll(() => message(page)).toBe('');
  // Drawings: none, an empty pad, all in one class, one in a class.
  await button(page, 'Train').click();
  expect(await message(page)).toMatch(/^There are no drawings yet/);
  await button(page, 'Add the pad’s drawing to “sun”').click();
  expect(await message(page)).toBe('The pad is empty: draw something, then add it to a class.');
  await draw(page, doodle('circle', 1)); await add(page, 'sun');
  await button(page, 'Train').click();
  expect(await message(page)).toMatch(/^The only drawing is in “sun”: a classifier needs examples of at least two classes/);
  await draw(page, doodle('circle', 2)); await add(page, 'sun');
  await button(page, 'Train').click();
  expect(await message(page)).toMatch(/^All 2 drawings are in “sun”/);
  await draw(page, doodle('square', 1)); await add(page, 'house');
  await button(page, 'Train').click();
  expect(await message(page)).toBe('“house” has only 1 drawing: draw at least 2 examples of each class. “tree” has no drawings: draw at least 2 examples of each class.');
  // Names typed by the reader: blank, then a duplicate; training is refused, nothing is lost.
  const name2 = page.getByRole('textbox', { name: 'Class 2' });
  await name2.fill('');
  expect(await message(page)).toBe('Class 2 has no name.');
  await name2.fill('SUN');
  expect(await message(page)).toBe('Classes 1 and 2 are both called “SUN”: give each class its own name.');
  await button(page, 'Train').click();
  expect(await message(page)).toBe('Classes 1 and 2 are both called “SUN”: give each class its own name.');
  await name2.fill('house');
  await expect.poll(() => message(page)).toBe('');
  await button(page, 'Remove the class “tree”').click();
  await draw(page, doodle('square', 2)); await add(page, 'house');
  expect(await call(page, 'getClasses')).toEqual([{ name: 'sun', count: 2 }, { name: 'house', count: 2 }]);
  // Files that are not a model of the right shape.
  const input = page.locator('fm-doodle-classes input[data-role="import"]');
  await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect.poll(() => message(page)).toContain('you chose no .json file (notes.txt)');
  await input.setInputFiles({ name: 'data.json', mimeType: 'application/json', buffer: Buffer.from('{"a": 1}') });
  await expect.poll(() => message(page)).toBe('Could not import: data.json is not a tfjs LayersModel (no modelTopology or weightsManifest)');
  await input.setInputFiles([{ name: 'tiny.json', mimeType: 'application/json', buffer: Buffer.from(TINY) }, { name: 'tiny.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(40) }]);
  await expect.poll(() => message(page)).toBe('Could not import: tiny.json: the model takes input [N, 4], expected [N, 28, 28, 1]');
  // Still usable, and everything survives a reload.
  await trained(page);
  await call(page, 'whenSaved');
  await page.reload();
  await expect(el(page)).toHaveAttribute('status', 'ready', { timeout: 90_000 });
  expect(await call(page, 'getClasses')).toEqual([{ name: 'sun', count: 2 }, { name: 'house', count: 2 }]);
  void info;
});

test('cancelling or switching the source mid-run keeps everything and training starts again; no tensor leak over five runs', { tag: '@webgpu-only' }, async ({ page, watch }) => {
  void watch;
  test.setTimeout(400_000);
  const classes: Shape[] = ['circle', 'cross'];
  await open(page, `classes=${classes.join(',')}&epochs=1000`);
  await teach(page, classes, [1, 2]);
  await button(page, 'Train').click();
  await expect(el(page).locator('[data-role="progress-text"]')).toContainText('Epoch', { timeout: 120_000 });
  await button(page, 'Cancel').click();
  await expect.poll(() => message(page)).toBe('Training cancelled. Your drawings are kept: press Train to start again.');
  await expect(el(page)).toHaveAttribute('status', 'ready');
  expect(await el(page).evaluate(async (e) => (e as unknown as { getProbabilities(): Promise<unknown> }).getProbabilities())).toBeNull();
  expect(await call(page, 'getClasses')).toEqual([{ name: 'circle', count: 2 }, { name: 'cross', count: 2 }]);
  // Switching the source mid-run stops the run; the lab reloads with the new base.
  await button(page, 'Train').click();
  await expect(el(page).locator('[data-role="progress-text"]')).toContainText('Epoch', { timeout: 120_000 });
  const n = (await results(page)).length;
  await page.locator('fm-doodle-classes select[data-attr="source"]').selectOption(OTHER);
  await expect.poll(() => message(page)).toBe('Training stopped because the source model changed. Your drawings are kept: press Train to start again.');
  await expect.poll(async () => (await results(page)).slice(n).find((r) => r.event === 'ready')?.source).toBe(OTHER);
  await expect(el(page)).toHaveAttribute('source', OTHER);
  expect(await call(page, 'getClasses')).toEqual([{ name: 'circle', count: 2 }, { name: 'cross', count: 2 }]);
  await el(page).evaluate((e) => e.setAttribute('epochs', '30'));
  const r = await trained(page);
  expect(r.source).toBe(OTHER);
  const counts: number[] = [];
  for (let i = 0; i < 5; i++) {
    await trained(page);
    await expect(el(page)).toHaveAttribute('status', 'ready');
    counts.push(await numTensors(page));
  }
  expect(new Set(counts).size, `live tensors after each run: ${counts}`).toBe(1);
});

/** A valid tfjs LayersModel that takes [N, 4] (one dense layer): 40 bytes of weights. */
const TINY = JSON.stringify({
  format: 'layers-model',
  modelTopology: { class_name: 'Sequential', config: { name: 's', layers: [{ class_name: 'Dense', config: { name: 'd', units: 2, batch_input_shape: [null, 4], use_bias: true, activation: 'softmax' } }] }, keras_version: 'tfjs-layers 4.22.0', backend: 'tensor_flow.js' },
  weightsManifest: [{ paths: ['weights.bin'], weights: [{ name: 'd/kernel', shape: [4, 2], dtype: 'float32' }, { name: 'd/bias', shape: [2], dtype: 'float32' }] }],
});

test('in lang="zh-CN": controls, pad, class list, preset class names, counts, verdict, model line and messages in Chinese; back to en without a new result', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  test.setTimeout(180_000);
  await open(page, 'epochs=0');
  const n = (await results(page)).length;
  const shown = () => el(page).evaluate((e) => {
    const r = e.shadowRoot!;
    const q = (s: string) => r.querySelector(s)!.textContent!.trim();
    return {
      train: q('[data-act="train"]'), title: q('#classes-title'), source: q('select[data-attr="source"] option'), undo: q('[data-role="undo"]'),
      pad: q('[data-role="pad-status"]'), count: q('[data-role="count"]'), add: r.querySelector('[data-role="add"]')!.getAttribute('aria-label'),
      summary: q('[data-role="classes-summary"]'), verdict: q('[data-role="verdict"]'), model: q('[data-role="model-line"]'), message: q('[data-role="message"]'),
      progress: r.querySelector('progress')!.getAttribute('aria-label'), bars: [...r.querySelectorAll('.bars .name')].map((x) => x.textContent).join(','),
    };
  });
  await pageDraw(page);
  await el(page).evaluate((e) => e.setAttribute('lang', 'zh-CN'));
  await expect.poll(async () => (await shown()).train).toBe('训练');
  expect(await shown()).toEqual({
    train: '训练', title: '你的类别', source: 'fashion-cnn（Fashion-MNIST）', undo: '撤销一笔', pad: '在横向50%、纵向50%处抬笔，共1笔。', count: '0幅手绘',
    add: '把画板上的手绘添加到“太阳”', summary: '共3个类别、0幅手绘。', verdict: '还没有模型：每个类别至少画2幅，然后点击“训练”。', model: '还没有训练好的模型。',
    message: 'epochs必须在1到1000之间；收到的是0。', progress: '训练进度', bars: '太阳,房子,树',
  });
  // The untouched preset classes follow the language (the attribute reflects them); a reader's own names would not.
  expect(await el(page).getAttribute('classes')).toBe('太阳, 房子, 树');
  await el(page).evaluate((e) => e.setAttribute('lang', 'en'));
  await expect.poll(async () => (await shown()).train).toBe('Train');
  expect(await shown()).toEqual({
    train: 'Train', title: 'Your classes', source: 'fashion-cnn (Fashion-MNIST)', undo: 'Undo stroke', pad: 'Pen up at 50% across, 50% down; 1 stroke.', count: '0 drawings',
    add: 'Add the pad’s drawing to “sun”', summary: '3 classes, 0 drawings in all.', verdict: 'No model yet: draw at least 2 examples of each class, then press Train.',
    model: 'No trained model yet.', message: 'epochs must be from 1 to 1000; got 0.', progress: 'Training progress', bars: 'sun,house,tree',
  });
  expect((await results(page)).length).toBe(n);
});

/** A dot in the pad's middle, by keyboard (Space down, Space up). */
async function pageDraw(page: Page): Promise<void> {
  await page.locator('fm-doodle-classes canvas[data-role="pad"]').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
}
