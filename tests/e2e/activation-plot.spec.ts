/**
 * <fm-activation-plot> on its embed page: read-out numbers and drawn curves equal the float64 functions,
 * keyboard moves the read-out, the slope control changes Leaky ReLU, bad attributes/URL values, and axe.
 */
import type { Page } from '@playwright/test';
import { test, expect, axeViolations } from './support.ts';
import { activation } from '../../src/lib/activations/functions.ts';
import { formatValue } from '../../src/lib/charts/format.ts';

const EMBED = '/embed/activation-plot/';
/** Chromium's and Node's Math.exp may differ in the last bit: equal to 1e-14 relative (plus 1e-300 absolute). */
const same = (got: number, want: number) => Math.abs(got - want) <= 1e-14 * Math.abs(want) + 1e-300;
const allSame = (got: number[], want: number[]) => got.length === want.length && got.every((g, i) => same(g, want[i]!));
const el = (page: Page) => page.locator('fm-activation-plot');
type Detail = { backend: string; x: number; slope: number; functions: string[]; values: { name: 'relu'; f: number; df: number }[] };

async function open(page: Page, query = ''): Promise<void> {
  await page.addInitScript(() => document.addEventListener('fm-result', (e) => ((window as unknown as { last: unknown }).last = (e as CustomEvent).detail)));
  await page.goto(`${EMBED}${query ? `?${query}` : ''}`);
  await expect(el(page)).toHaveAttribute('status', 'ready');
}
const last = (page: Page) => page.evaluate(() => (window as unknown as { last: Detail }).last);
const rows = (page: Page) => el(page).evaluate((e) => [...e.shadowRoot!.querySelectorAll('[data-role="rows"] tr')].map((tr) => [...tr.children].map((td) => td.textContent)));
const message = (page: Page) => el(page).evaluate((e) => { const m = e.shadowRoot!.querySelector<HTMLElement>('[data-role="message"]')!; return m.hidden ? '' : m.textContent!; });

test('read-out and curves equal the float64 functions; arrow keys move x', async ({ page, watch }) => {
  void watch;
  await open(page, 'functions=relu,leaky-relu,sigmoid,tanh,gelu&slope=0.2&x=-1.5');
  const d = await last(page);
  expect(d.backend).toBe('reference');
  expect(d.x).toBe(-1.5);
  for (const v of d.values) {
    const a = activation(v.name, 0.2);
    expect(same(v.f, a.f(-1.5)), `${v.name} f: ${v.f}`).toBe(true);
    expect(same(v.df, a.df(-1.5)), `${v.name} f′: ${v.df}`).toBe(true);
  }
  expect((await rows(page))[1]).toEqual(['Leaky ReLU (slope 0.2)', formatValue(-0.3), formatValue(0.2)]);

  const curves = await el(page).evaluate((e) => (e as unknown as { getCurves(): Promise<{ name: 'relu'; x: number[]; f: number[]; df: number[] }[]> }).getCurves());
  expect(curves.map((c) => c.name)).toEqual(['relu', 'leaky-relu', 'sigmoid', 'tanh', 'gelu']);
  for (const c of curves) {
    const a = activation(c.name, 0.2);
    expect(allSame(c.f, c.x.map(a.f)), c.name).toBe(true);
    expect(allSame(c.df, c.x.map(a.df)), c.name).toBe(true);
  }
  // The drawn path has one vertex per sample, and the y of a vertex is the function value on the panel's scale.
  const pathLen = await el(page).evaluate((e) => e.shadowRoot!.querySelector('svg[data-panel="f"] path[data-name="gelu"]')!.getAttribute('d')!.split(/[ML]/).filter(Boolean).length);
  expect(pathLen).toBe(curves[0]!.x.length);

  const plot = page.locator('fm-activation-plot [data-role="plot"]');
  await plot.focus();
  await page.keyboard.press('ArrowRight');
  await expect(el(page)).toHaveAttribute('x', '-1.4');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(el(page)).toHaveAttribute('x', '-0.4');
  await page.keyboard.press('End');
  await expect(el(page)).toHaveAttribute('x', '4');
  expect(await plot.getAttribute('aria-valuetext')).toContain(`ReLU: f = 4, f′ = 1`);
  expect((await last(page)).values[0]!.f).toBe(4);
  await expect.poll(() => new URL(page.url()).searchParams.get('x')).toBe('4');
});

test('slope and function controls update the plot and the attributes', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, 'x=-2');
  await page.locator('fm-activation-plot input[data-fn="leaky-relu"]').check();
  await expect(el(page)).toHaveAttribute('functions', 'relu,leaky-relu,sigmoid,tanh');
  await page.locator('fm-activation-plot [data-role="slope"]').fill('0.3');
  await page.locator('fm-activation-plot [data-role="slope"]').press('Enter');
  await expect(el(page)).toHaveAttribute('slope', '0.3');
  const d = await last(page);
  expect(d.values.find((v) => (v.name as string) === 'leaky-relu')!.f).toBeCloseTo(-0.6, 15);
  // Unchecking every box is refused with a message: at least one curve stays.
  for (const n of ['relu', 'leaky-relu', 'sigmoid', 'tanh']) await page.locator(`fm-activation-plot input[data-fn="${n}"]`).click();
  expect(await message(page)).toContain('Keep at least one function');
  expect((await last(page)).functions.length).toBeGreaterThan(0);
});

test('bad slope, names, x and HTML in the query: messages, defaults in force, still working', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, new URLSearchParams({ slope: 'NaN', functions: 'relu,<img src=x onerror=alert(1)>', x: '99' }).toString());
  const m = await message(page);
  expect(m).toContain('slope must be a number from 0 to 1; got "NaN".');
  expect(m).toContain('Unknown activation "<img src=x onerror=alert(1)>"');
  expect(m).toContain('x must be from -4 to 4; got 99.');
  expect(await el(page).evaluate((e) => e.shadowRoot!.querySelectorAll('img').length)).toBe(0);
  const d = await last(page);
  expect(d).toMatchObject({ slope: 0.1, x: 1, functions: ['relu', 'sigmoid', 'tanh'] });
  for (const bad of ['-0.5', '1e9']) {
    await el(page).evaluate((e, v) => e.setAttribute('slope', v), bad);
    expect(await message(page)).toContain('slope must be from 0 to 1');
    expect((await last(page)).slope).toBe(0.1);
  }
  await el(page).evaluate((e) => e.setAttribute('slope', '0.05'));
  await expect.poll(async () => (await last(page)).slope).toBe(0.05);
  await el(page).evaluate((e) => { e.setAttribute('functions', 'gelu'); e.setAttribute('x', '0.5'); });
  await expect.poll(() => message(page)).toBe('');
  expect(same((await last(page)).values[0]!.f, activation('gelu').f(0.5))).toBe(true);
});

test('the embed page passes axe, also with a message shown, in dark mode too', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page);
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page, 'slope=-1');
  expect(await axeViolations(page)).toEqual([]);
});

test('lang="zh-CN" speaks Chinese after the first result; back to en re-says English without recomputing', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, 'functions=relu,leaky-relu&slope=0.2&x=99');
  await page.evaluate(() => { const w = window as unknown as { results: number }; w.results = 0; document.addEventListener('fm-result', () => w.results++); });
  const legend = page.locator('fm-activation-plot legend');
  const xTitle = page.locator('fm-activation-plot svg[data-panel="f"] text[data-role="x-title"]');
  await el(page).evaluate((e) => e.setAttribute('lang', 'zh-CN'));
  await expect(legend).toHaveText('要比较的函数');
  await expect(xTitle).toHaveText('x（激活前的输入）');
  expect((await rows(page))[1]![0]).toBe('Leaky ReLU（斜率0.2）');
  expect(await message(page)).toBe('x必须在-4到4之间，收到的是99。');
  expect(await page.locator('fm-activation-plot [data-role="plot"]').getAttribute('aria-label')).toBe('读数位置x（可用方向键移动）');
  expect(await page.locator('fm-activation-plot [data-role="plot"]').getAttribute('aria-valuetext')).toContain('ReLU：f = 1，f′ = 1；');
  await el(page).evaluate((e) => e.setAttribute('lang', 'en'));
  await expect(legend).toHaveText('Functions to compare');
  await expect(xTitle).toHaveText('x (pre-activation)');
  expect((await rows(page))[1]![0]).toBe('Leaky ReLU (slope 0.2)');
  expect(await message(page)).toBe('x must be from -4 to 4; got 99.');
  expect(await page.evaluate(() => (window as unknown as { results: number }).results)).toBe(0);
});
