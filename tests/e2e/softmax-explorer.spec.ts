/**
 * <fm-softmax-explorer> on its embed page, in both projects: engine numbers (tf.softmax, autodiff CE gradient)
 * against the float64 oracle and against finite differences, the backend (WebGPU asserted in `webgpu`),
 * keyboard and pointer operation, every bad input from the issue, no tensor leak, axe on the embed page (on
 * Chapter 4, computed whole: widths.spec.ts).
 */
import type { Page } from '@playwright/test';
import { test, expect, axeViolations, numTensors, lcg } from './support.ts';
import { softmax } from '../../src/lib/losses/softmax.ts';
import { crossEntropyWith, crossEntropyGradWith } from '../../src/lib/losses/cross-entropy.ts';
import { smoothedTarget } from '../../src/lib/losses/targets.ts';
import { centralDifference } from '../../src/lib/losses/finite-difference.ts';
import { lossTolerance, mismatches } from '../../src/lib/losses/tolerance.ts';

const EMBED = '/embed/softmax-explorer/';
type Detail = { backend: string; logits: number[]; temperature: number; target: number; smoothing: number; probabilities: number[]; loss: number; gradient: number[]; fallbackReason: string | null };
const widget = (page: Page) => page.locator('fm-softmax-explorer');
const message = (page: Page) => page.locator('fm-softmax-explorer [data-role="message"]');

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __results: unknown[] };
    w.__results = [];
    document.addEventListener('fm-result', (e) => w.__results.push((e as CustomEvent).detail));
  });
});

async function open(page: Page, query = ''): Promise<Detail> {
  await page.goto(`${EMBED}${query}`);
  await expect(widget(page)).toHaveAttribute('status', 'ready', { timeout: 60_000 });
  return last(page);
}
const last = (page: Page) => page.evaluate(() => (window as unknown as { __results: Detail[] }).__results.at(-1)!);
const count = (page: Page) => page.evaluate(() => (window as unknown as { __results: unknown[] }).__results.length);

/** Sets attributes and waits for the computation they cause. */
async function runWith(page: Page, attrs: Record<string, string>): Promise<Detail> {
  const before = await count(page);
  await widget(page).evaluate((el, a) => { for (const [k, v] of Object.entries(a)) el.setAttribute(k, v); }, attrs);
  await page.waitForFunction((n) => (window as unknown as { __results: unknown[] }).__results.length > n, before);
  await page.waitForTimeout(50); // a later frame may still recompute; take the settled result
  return last(page);
}

/** The engine's numbers vs the float64 oracle (inputs rounded to float32 as the engine sees them). */
function expectAgreement(d: Detail, label: string, factor = 1): void {
  const z = d.logits.map(Math.fround);
  const t = Math.fround(d.temperature);
  const q = smoothedTarget(z.length, d.target, d.smoothing);
  const p = softmax(z, t);
  const g = crossEntropyGradWith(z, q, t);
  const tol = lossTolerance(z, t, factor);
  expect(mismatches(d.probabilities, p, (i) => tol.p(p[i]!)), `${label}: probabilities`).toEqual([]);
  expect(mismatches(d.gradient, g, (i) => tol.grad(p[i]!, q[i]!)), `${label}: gradient`).toEqual([]);
  expect(mismatches([d.loss], [crossEntropyWith(z, q, t)], () => tol.loss(crossEntropyWith(z, q, t))), `${label}: loss`).toEqual([]);
  for (const v of [...d.probabilities, ...d.gradient, d.loss]) expect(Number.isFinite(v), label).toBe(true);
}

test('reports its backend: WebGPU in the webgpu project, otherwise WebGL/CPU with the reason shown', async ({ page, watch }, info) => {
  void watch;
  const d = await open(page);
  const why = page.locator('fm-softmax-explorer [data-role="why"]');
  if (info.project.name === 'webgpu') {
    expect(d.backend).toBe('webgpu');
    expect(await page.evaluate(async () => (await window.FeatureMaps!.getEngine()).backend)).toBe('webgpu');
    await expect(why).toBeHidden();
  } else {
    expect(['webgl', 'cpu']).toContain(d.backend);
    expect(d.fallbackReason).toBeTruthy();
    await expect(why).toContainText('Not on WebGPU because');
  }
  await expect(page.locator('fm-softmax-explorer [data-role="timing"]')).toContainText(/took [\d.]+ ms on (WebGPU|WebGL|CPU)/);
  // The defaults the chapter quotes: p = (0.659, 0.242, 0.099), L = 0.417, gradient (−0.341, 0.242, 0.099).
  expectAgreement(d, 'defaults');
  await expect(page.locator('fm-softmax-explorer [data-role="loss"]')).toContainText('L = 0.417');
  await expect(page.locator('fm-softmax-explorer [data-role="rows"] tr').first()).toContainText('\u22120.341');
});

test('engine softmax, loss and autodiff gradient agree with the float64 oracle and finite differences (seeded)', async ({ page, watch }) => {
  void watch;
  await open(page);
  const next = lcg(2024);
  for (let c = 0; c < 12; c++) {
    const k = 3 + Math.floor(next() * 8);
    const logits = Array.from({ length: k }, () => Math.round((next() * 2 - 1) * 8 * 1000) / 1000);
    const temperature = [1, 0.5, 2.5, 0.1, 7][c % 5]!;
    const smoothing = [0, 0.1, 0, 0.25][c % 4]!;
    const target = Math.floor(next() * k);
    const d = await runWith(page, { logits: logits.join(','), temperature: String(temperature), smoothing: String(smoothing), target: String(target) });
    const label = `case ${c}: ${JSON.stringify({ logits, temperature, smoothing, target })}`;
    expect(d.logits, label).toEqual(logits);
    expectAgreement(d, label);
    // Finite differences of the oracle loss: an independent check of the autodiff gradient.
    const q = smoothedTarget(k, target, smoothing);
    const fd = centralDifference((x) => crossEntropyWith(x, q, temperature), logits, 1e-5);
    d.gradient.forEach((g, i) => expect(Math.abs(g - fd[i]!), `${label}: fd ${i}`).toBeLessThan(2e-5 / temperature + 1e-5));
    expect(d.gradient.reduce((a, b) => a + b, 0), label).toBeCloseTo(0, 4);
  }
});

test('keyboard: arrow keys change the focused logit, Tab reaches every control', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page);
  const handle = page.locator('fm-softmax-explorer .handle').nth(1);
  await handle.focus();
  await page.keyboard.press('ArrowUp');
  await expect(widget(page)).toHaveAttribute('logits', '2, 1.1, 0.1');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(widget(page)).toHaveAttribute('logits', '2, 0.1, 0.1');
  await page.keyboard.press('PageUp');
  await expect(widget(page)).toHaveAttribute('logits', '2, 1.1, 0.1');
  await expect.poll(async () => (await last(page)).logits).toEqual([2, 1.1, 0.1]);
  expectAgreement(await last(page), 'after keys');
  await expect(handle).toHaveAttribute('aria-valuenow', '1.1');
  await expect(handle).toHaveAttribute('role', 'slider');

  // Typed values, the target select and the temperature input, all from the keyboard.
  const field = page.locator('fm-softmax-explorer [data-role="logits"]');
  await field.fill('0, 3, 1, -2');
  await field.press('Enter');
  await expect(widget(page)).toHaveAttribute('logits', '0, 3, 1, -2');
  await page.locator('fm-softmax-explorer [data-role="target"]').selectOption('3');
  await expect(widget(page)).toHaveAttribute('target', '3');
  const temp = page.locator('fm-softmax-explorer [data-role="temperature"]');
  await temp.fill('0.5');
  await temp.press('Enter');
  await expect.poll(async () => (await last(page)).temperature).toBe(0.5);
  const d = await last(page);
  expect(d.target).toBe(3);
  expectAgreement(d, 'typed');

  await field.focus();
  const reached: string[] = [];
  for (let i = 0; i < 6; i++) {
    reached.push(await page.evaluate(() => {
      const a = document.querySelector('fm-softmax-explorer')!.shadowRoot!.activeElement as HTMLElement | SVGElement | null;
      return a ? (a as HTMLElement).dataset.role ?? a.getAttribute('class') ?? a.tagName : 'none';
    }));
    await page.keyboard.press('Tab');
  }
  expect(reached).toEqual(['logits', 'target', 'temperature-range', 'temperature', 'smoothing-range', 'smoothing']);
});

test('pointer: dragging a bar changes its logit', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page);
  const box = (await page.locator('fm-softmax-explorer .handle').nth(2).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.1, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await last(page)).logits[2]!).toBeGreaterThan(3);
  expectAgreement(await last(page), 'after drag');
});

test('bad inputs: a message in the widget, the last good values stay, numbers stay finite', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, '?logits=1000,999,998');
  let d = await last(page);
  expectAgreement(d, '1000');
  expect(d.probabilities.map((v) => +v.toFixed(3))).toEqual([0.665, 0.245, 0.09]);
  await expect(page.locator('fm-softmax-explorer [data-role="naive"]')).toContainText('NaN');

  d = await runWith(page, { logits: '1e6, 0, -1e6', target: '2' });
  expectAgreement(d, '±1e6');
  expect(d.loss).toBeCloseTo(2e6, -1);
  expect(d.gradient.map((v) => Math.round(v))).toEqual([1, 0, -1]);
  await expect(message(page)).toBeHidden();

  const refused: [Record<string, string>, RegExp][] = [
    [{ logits: '1, NaN, 2' }, /Logit 1 is "NaN"/],
    [{ logits: '1, 2e6, 0' }, /Logit 1 is too large/],
    [{ logits: '1, 2' }, /from 3 to 10 numbers separated by commas; got 2/],
    [{ logits: '1,2,3,4,5,6,7,8,9,10,11' }, /got 11/],
    [{ temperature: '0' }, /greater than 0/],
    [{ temperature: '-2' }, /greater than 0/],
    [{ target: '7' }, /target must be from 0 to 2; got 7/],
    [{ smoothing: '2' }, /smoothing must be from 0 to 1/],
  ];
  await runWith(page, { logits: '2, 1, 0.1', target: '0' });
  for (const [attrs, text] of refused) {
    await widget(page).evaluate((el, a) => { for (const [k, v] of Object.entries(a)) el.setAttribute(k, v); }, attrs);
    await expect(message(page), JSON.stringify(attrs)).toContainText(text);
    // Still working: a good change computes with the last good values of everything else.
    d = await runWith(page, { logits: '2, 1, 0.1', temperature: '1', target: '0', smoothing: '0' });
    await expect(message(page)).toBeHidden();
    expect(d.logits).toEqual([2, 1, 0.1]);
    expectAgreement(d, `after ${JSON.stringify(attrs)}`);
  }
});

test('bad URL values: out-of-range target and HTML are shown as text, never as markup', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  const d = await open(page, `?logits=${encodeURIComponent('<img src=x onerror=alert(1)>,1,2')}&target=9&temperature=${encodeURIComponent('<b>hot</b>')}`);
  await expect(message(page)).toContainText('Logit 0 must be a number from −1e6 to 1e6; got "<img"');
  await expect(message(page)).toContainText('target must be from 0 to 2; got 9');
  await expect(message(page)).toContainText('"<b>hot</b>"');
  expect(await widget(page).evaluate((el) => el.shadowRoot!.querySelectorAll('img, b').length)).toBe(0);
  expect(d.logits).toEqual([2, 1, 0.1]); // the defaults stayed in force
  expectAgreement(d, 'defaults after bad URL');
});

test('no tensor leak over 20 recomputations', async ({ page, watch }) => {
  void watch;
  await open(page);
  await runWith(page, { logits: '1, 2, 3' });
  const start = await numTensors(page);
  for (let i = 0; i < 20; i++) await runWith(page, { logits: `${i / 4}, 2, 3, ${-i / 8}`, temperature: String(1 + (i % 3)) });
  expect(await numTensors(page)).toBe(start);
});

test('axe: the embed page (Chapter 4 computed whole, light and dark: widths.spec.ts)', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page);
  expect(await axeViolations(page)).toEqual([]);
});

test('speaks Chinese under lang="zh-CN" and English again when lang changes back, without recomputing', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, '?logits=2,1,100');
  const words = () => widget(page).evaluate((el) => {
    const root = el.shadowRoot!;
    const text = (sel: string) => root.querySelector(sel)!.textContent!;
    return {
      labels: [...root.querySelectorAll('.controls label > span:first-child')].map((s) => s.textContent),
      options: [...root.querySelectorAll('[data-role="target"] option')].map((o) => o.textContent),
      headers: [...root.querySelectorAll('thead th')].map((th) => th.textContent),
      trueRow: text('tbody tr[data-target] th'),
      loss: text('[data-role="loss"]'),
      check: text('[data-role="check"]'),
      naive: text('[data-role="naive"]'),
      timing: text('[data-role="timing"]'),
      axes: [...root.querySelectorAll('.axis-label')].map((a) => a.textContent),
      handle: root.querySelector('[data-role="logit-chart"] rect.handle')!.getAttribute('aria-label'),
      chart: root.querySelector('[data-role="prob-chart"] svg')!.getAttribute('aria-label'),
      reserve: root.querySelector<HTMLElement>('[data-role="loss-line"]')!.dataset.reserve,
    };
  });
  const english = await words();
  const results = await count(page);
  expect(english.labels).toEqual(['Logits z (3–10, comma-separated)', 'True class', 'Temperature T', 'Label smoothing α']);
  expect(english.naive).toContain('fails here in float32');

  await page.evaluate(() => (document.documentElement.lang = 'zh-CN'));
  await expect.poll(async () => (await words()).labels).toEqual(['logit z（3–10个，用逗号分隔）', '真实类别', '温度T', '标签平滑α']);
  const chinese = await words();
  expect(chinese.options).toEqual(['类别0', '类别1', '类别2']);
  expect(chinese.headers).toEqual(['类别', 'logit值z', 'p', '目标q', '∂L/∂z']);
  expect(chinese.trueRow).toBe('0（真实）');
  expect(chinese.loss).toMatch(/^真实类别为0时交叉熵L = .+，温度1下该类别的概率为.+。$/);
  expect(chinese.check).toMatch(/^校验：/);
  expect(chinese.naive).toContain('用float32会失败');
  expect(chinese.timing).toMatch(/^tf\.softmax和tf\.valueAndGrad在(WebGPU|WebGL|CPU)上耗时[\d.]+毫秒。$/);
  expect(chinese.axes).toEqual(['类别', 'logit值z', '类别', '概率p', '类别', '∂L/∂z']);
  expect(chinese.handle).toBe('类别0（真实类别）的logit');
  expect(chinese.chart).toBe('概率');
  expect(chinese.reserve).toMatch(/^真实类别为0时交叉熵L/);
  expect(await count(page)).toBe(results);

  await page.evaluate(() => (document.documentElement.lang = 'en'));
  await expect.poll(async () => (await words()).labels).toEqual(english.labels);
  expect(await words()).toEqual(english);
  expect(await count(page)).toBe(results);
});
