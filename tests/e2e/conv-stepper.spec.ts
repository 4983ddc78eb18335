/**
 * <fm-conv-stepper> on its embed page: keyboard stepping, values against the float64 reference computed here
 * from the same seed, step counts per the output-size formula, the URL round-trip, reduced motion, bad
 * attributes, and axe.
 */
import type { Page } from '@playwright/test';
import { test, expect, axeViolations } from './support.ts';
import { conv2dReference } from '../../src/lib/conv/reference.ts';
import { outputLength } from '../../src/lib/conv/geometry.ts';
import { parseKernel } from '../../src/lib/conv/kernels.ts';
import { formatNumber, stepperInput } from '../../src/lib/conv/stepper.ts';
import type { Padding } from '../../src/lib/params/padding.ts';

const EMBED = '/embed/conv-stepper/';

async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`${EMBED}${query ? `?${query}` : ''}`);
  await expect(page.locator('fm-conv-stepper')).toHaveAttribute('status', 'ready');
}

/** What the reader sees: tapped input cells (padded-grid indices), the equation, the step, the slider text. */
function view(page: Page) {
  return page.locator('fm-conv-stepper').evaluate((el) => {
    const root = el.shadowRoot!;
    const input = [...root.querySelectorAll('[data-grid="input"] .cell')];
    return {
      taps: input.flatMap((c, i) => (c.hasAttribute('data-tap') ? [i] : [])),
      equation: root.querySelector('[data-role="equation"]')!.textContent!,
      step: el.getAttribute('step'),
      valuetext: root.querySelector('[data-role="scrub"]')!.getAttribute('aria-valuetext'),
      max: Number((root.querySelector('[data-role="scrub"]') as HTMLInputElement).max),
      live: root.querySelector('[data-role="live"]')!.textContent!,
      message: (root.querySelector('[data-role="message"]') as HTMLElement).hidden ? '' : root.querySelector('[data-role="message"]')!.textContent!,
    };
  });
}

test('keyboard stepping moves the window and rewrites the equation', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, 'seed=3');
  const scrub = page.locator('fm-conv-stepper [data-role="scrub"]');
  const first = await view(page);
  expect(first.step ?? '0').toBe('0');
  expect(first.taps).toHaveLength(9);

  await scrub.focus();
  await page.keyboard.press('ArrowRight');
  const second = await view(page);
  expect(second.step).toBe('1');
  expect(second.taps).toEqual(first.taps.map((i) => i + 1)); // one column to the right (valid padding: grid = input)
  expect(second.equation).not.toBe(first.equation);
  expect(second.valuetext).toBe('output 2 of 25, row 1 column 2');
  expect(second.live).toContain('Output 2 of 25');

  await page.keyboard.press('End');
  expect((await view(page)).step).toBe('24');
  await page.keyboard.press('Home');
  expect((await view(page)).step).toBe('0');

  // Every control is reachable with Tab, and Next works from the keyboard.
  await page.locator('fm-conv-stepper select[data-attr="input-size"]').focus();
  const reached: string[] = [];
  for (let i = 0; i < 9; i++) {
    reached.push(await page.evaluate(() => {
      const a = document.querySelector('fm-conv-stepper')!.shadowRoot!.activeElement as HTMLElement | null;
      return a ? a.dataset.attr ?? a.dataset.act ?? a.dataset.role ?? a.tagName : 'none';
    }));
    await page.keyboard.press('Tab');
  }
  expect(reached).toEqual(['input-size', 'kernel', 'stride', 'padding', 'dilation', 'prev', 'play', 'next', 'scrub']);
  await page.locator('fm-conv-stepper [data-act="next"]').focus();
  await page.keyboard.press('Enter');
  expect((await view(page)).step).toBe('1');
});

test('shown values equal the float64 reference from the same seed', async ({ page, watch }) => {
  void watch;
  await open(page, 'seed=11&kernel=laplacian&padding=1&stride=2');
  const input = stepperInput(11, 7);
  const k = parseKernel('kernel', 'laplacian');
  const ref = conv2dReference({ data: input, shape: [1, 7, 7, 1] }, { data: k.values, shape: [3, 3, 1, 1] }, { stride: 2, padding: 1, dilation: 1 });

  const el = page.locator('fm-conv-stepper');
  const got = await el.evaluate(async (e) => {
    const s = e as HTMLElement & Record<'getInput' | 'getKernel' | 'getOutput', () => Promise<{ data: Float32Array; shape: number[] }>>;
    const [i, k, o] = await Promise.all([s.getInput(), s.getKernel(), s.getOutput()]);
    return { input: [...i.data], inShape: i.shape, kernel: [...k.data], kShape: k.shape, output: [...o.data], outShape: o.shape };
  });
  expect(got.input).toEqual(input);
  expect(got.inShape).toEqual([1, 7, 7, 1]);
  expect(got.kernel).toEqual(k.values);
  expect(got.kShape).toEqual([3, 3, 1, 1]);
  expect(got.outShape).toEqual(ref.shape);
  expect(got.output).toEqual(Array.from(Float32Array.from(ref.data)));

  // The grids show the same numbers: input (inside the padding ring) and, at the last step, every output.
  const n = ref.data.length;
  await page.locator('fm-conv-stepper [data-role="scrub"]').focus();
  await page.evaluate(() => document.addEventListener('fm-result', (e) => ((window as unknown as { lastResult: unknown }).lastResult = (e as CustomEvent).detail)));
  await page.keyboard.press('End');
  await expect.poll(() => page.evaluate(() => (window as unknown as { lastResult?: { step: number } }).lastResult?.step)).toBe(n - 1);
  const detail = await page.evaluate(() => (window as unknown as { lastResult: { value: number; products: { product: number }[]; backend: string; step: number } }).lastResult);
  expect(detail.backend).toBe('reference');
  expect(detail.step).toBe(n - 1);
  expect(detail.value).toBe(ref.data[n - 1]);
  expect(detail.products.reduce((a, p) => a + p.product, 0)).toBe(ref.data[n - 1]);

  const texts = await el.evaluate((e) => ({
    input: [...e.shadowRoot!.querySelectorAll('[data-grid="input"] .cell:not([data-padding])')].map((c) => c.textContent),
    output: [...e.shadowRoot!.querySelectorAll('[data-grid="output"] .cell')].map((c) => c.textContent),
  }));
  expect(texts.input).toEqual(input.map(String));
  expect(texts.output).toEqual(Array.from(ref.data, formatNumber));
});

// The number of steps is the output-size formula's, whatever computes the values: once, in the `page` project.
test('stride, padding and dilation change the number of steps per the output-size formula', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page);
  const cases: [number, Padding, number][] = [[2, 'valid', 1], [2, 'same', 1], [1, 2, 1], [1, 'valid', 2], [3, 3, 2], [3, 'same', 3]];
  for (const [stride, padding, dilation] of cases) {
    await page.locator('fm-conv-stepper select[data-attr="stride"]').selectOption(String(stride));
    await page.locator('fm-conv-stepper select[data-attr="padding"]').selectOption(String(padding));
    await page.locator('fm-conv-stepper select[data-attr="dilation"]').selectOption(String(dilation));
    const side = outputLength(7, 3, stride, dilation, padding);
    await expect.poll(async () => (await view(page)).max + 1, `stride ${stride}, padding ${padding}, dilation ${dilation}`).toBe(side * side);
    const el = page.locator('fm-conv-stepper');
    expect(await el.evaluate((e) => (e as unknown as { stepCount: number }).stepCount)).toBe(side * side);
    await expect(el).toHaveAttribute('stride', String(stride));
    expect((await view(page)).message).toBe('');
  }
});

test('the step round-trips through the embed URL', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, 'stride=2&step=5');
  expect((await view(page)).valuetext).toBe('output 6 of 9, row 2 column 3');
  await page.locator('fm-conv-stepper [data-role="scrub"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('6');
  const url = page.url();
  await page.goto(url);
  await expect(page.locator('fm-conv-stepper')).toHaveAttribute('status', 'ready');
  const v = await view(page);
  expect(v.step).toBe('6');
  expect(v.valuetext).toBe('output 7 of 9, row 3 column 1');
  expect(new URL(url).searchParams.get('stride')).toBe('2');
});

test('reduced motion: no transitions, and play steps without tweening', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  const tapTransition = () => page.locator('fm-conv-stepper').evaluate((e) =>
    getComputedStyle(e.shadowRoot!.querySelector('[data-grid="input"] .cell[data-tap]')!).transitionDuration);

  await open(page);
  await expect(page.locator('fm-conv-stepper')).toHaveAttribute('data-motion', 'full');
  expect(await tapTransition()).not.toBe('0s'); // the check below would pass vacuously otherwise

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page);
  const el = page.locator('fm-conv-stepper');
  await expect(el).toHaveAttribute('data-motion', 'reduce');
  expect(await tapTransition()).toBe('0s');
  await page.locator('fm-conv-stepper [data-act="play"]').click();
  await expect(el).toHaveAttribute('data-playing', '');
  await expect(el).toHaveAttribute('step', '1', { timeout: 5000 });
  expect(await tapTransition()).toBe('0s');
  await page.locator('fm-conv-stepper [data-act="play"]').click(); // pause
  await expect(el).not.toHaveAttribute('data-playing', '');
  const stopped = await el.getAttribute('step');
  await page.waitForTimeout(2000);
  expect(await el.getAttribute('step')).toBe(stopped);
});

test('bad attributes show a readable message and the widget keeps working', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  page.on('dialog', (d) => { watch.consoleErrors.push(`dialog: ${d.message()}`); void d.dismiss(); });
  const errors: string[] = [];
  await page.exposeFunction('fmErrorSeen', (m: string) => errors.push(m));
  await page.addInitScript(() => document.addEventListener('fm-error', (e) => (window as unknown as { fmErrorSeen(m: string): void }).fmErrorSeen((e as CustomEvent).detail.message)));
  const bad = new URLSearchParams({ stride: '0', kernel: 'abc', 'input-size': '99', padding: '<script>alert(1)</script>' });
  await open(page, bad.toString());
  const v = await view(page);
  expect(v.message).toContain('stride must be from 1 to 3; got 0.');
  expect(v.message).toContain('Unknown kernel preset "abc"');
  expect(v.message).toContain('input-size must be from 3 to 9; got 99.');
  expect(v.message).toContain('padding must be valid, same or a number from 0 to 3; got "<script>alert(1)</script>"');
  expect(errors.join(' ')).toContain('stride must be from 1 to 3');
  await expect(page.locator('fm-conv-stepper [data-role="message"]')).toBeVisible();
  // Shown as text, never parsed: no script element anywhere in the page or the widget.
  expect(await page.evaluate(() => ({
    page: [...document.scripts].filter((s) => (s.textContent ?? '').includes('alert(1)')).length,
    widget: document.querySelector('fm-conv-stepper')!.shadowRoot!.querySelectorAll('script').length,
  }))).toEqual({ page: 0, widget: 0 });

  // Defaults in force (7×7, sobel-x, stride 1, valid): 25 steps, and stepping works.
  expect(v.max + 1).toBe(25);
  await page.locator('fm-conv-stepper [data-act="next"]').click();
  expect((await view(page)).step).toBe('1');
  // Fixing one attribute from the controls keeps the others' messages and applies the new value.
  await page.locator('fm-conv-stepper select[data-attr="stride"]').selectOption('2');
  await expect.poll(async () => (await view(page)).max + 1).toBe(9);
  expect((await view(page)).message).not.toContain('stride');
  expect((await view(page)).message).toContain('input-size');
});

test('settings with no output keep the last good ones and say why', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, 'input-size=3&dilation=3');
  const v = await view(page);
  expect(v.message).toContain('no output');
  expect(v.max + 1).toBe(25); // the default 7×7 input with sobel-x
});

test('the embed page passes axe (WCAG 2 A/AA), also with a message shown', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, 'padding=same&dilation=2&step=3');
  expect(await axeViolations(page)).toEqual([]);
  await open(page, 'stride=0');
  expect(await axeViolations(page)).toEqual([]);
});

test('speaks Chinese under lang="zh-CN" and English again when lang changes back, without recomputing', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await page.addInitScript(() => {
    const w = window as unknown as { results: number };
    w.results = 0;
    document.addEventListener('fm-result', () => w.results++);
  });
  await open(page, 'padding=9&input-size=5&step=1');
  const words = () => page.locator('fm-conv-stepper').evaluate((el) => {
    const root = el.shadowRoot!;
    const text = (sel: string) => root.querySelector(sel)!.textContent!;
    return {
      labels: [...root.querySelectorAll('label > span')].map((s) => s.textContent),
      play: text('[data-act="play"]'),
      live: text('[data-role="live"]'),
      caption: text('[data-role="input-caption"]'),
      engine: text('.engine'),
      message: text('[data-role="message"]'),
      valuetext: root.querySelector('[data-role="scrub"]')!.getAttribute('aria-valuetext'),
      kernelLabel: root.querySelector('[data-grid="kernel"]')!.getAttribute('aria-label'),
      results: (window as unknown as { results: number }).results,
    };
  });
  const english = await words();
  expect(english.labels).toEqual(['Input size', 'Kernel', 'Stride', 'Padding', 'Dilation', 'Output step']);
  expect(english.message).toBe('padding must be valid, same or a number from 0 to 3; got "9".');

  await page.evaluate(() => (document.documentElement.lang = 'zh-CN'));
  await expect.poll(async () => (await words()).play).toBe('播放');
  const chinese = await words();
  expect(chinese.labels).toEqual(['输入大小', '卷积核', '步幅', '填充', '膨胀', '输出步骤']);
  expect(chinese.live).toBe('第2个输出（共9个，第1行第2列）：9个乘积，相加得' + english.live.split('adding up to ')[1]!.replace(/\.$/, '。'));
  expect(chinese.valuetext).toBe('第2个输出（共9个），第1行第2列');
  expect(chinese.caption).toBe('输入5×5，随机种子1；无填充');
  expect(chinese.kernelLabel).toMatch(/^卷积核：第1行：−1、0、1；第2行/);
  expect(chinese.engine).toContain('无需GPU');
  expect(chinese.message).toBe('填充（padding）须为valid、same或0到3之间的整数，现为"9"。');
  expect(chinese.results).toBe(english.results);

  await page.evaluate(() => (document.documentElement.lang = 'en'));
  await expect.poll(async () => (await words()).play).toBe('Play');
  expect(await words()).toEqual(english);
});
