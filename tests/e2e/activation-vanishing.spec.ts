/**
 * <fm-vanishing-gradients> on its embed page: per-layer gradient norms by backprop on the engine agree with a
 * cpu-backend run of the same seeded network (?backend=cpu) and with the float64 oracle, plain and residual (with
 * the plain network on the same weights drawn for comparison); bad depth/layer/names/architecture; the
 * architecture control reaches the URL; overflow is explained, not plotted; no tensor leak; axe.
 */
import type { Page } from '@playwright/test';
import { test, expect, axeViolations, numTensors } from './support.ts';
import { netData, type NetSpec } from '../../src/lib/nets/plain-net.ts';
import { oracleGradNorms } from '../../src/lib/nets/oracle.ts';

const EMBED = '/embed/vanishing-gradients/';
const el = (page: Page) => page.locator('fm-vanishing-gradients');
type Detail = {
  backend: string; gradNorms: number[]; depth: number; layer: number; ratio: number; fallbackReason: string | null; activation: string; init: string;
  architecture: string; plainGradNorms: number[] | null; plainRatio: number | null;
};

async function open(page: Page, query: string): Promise<Detail> {
  await page.addInitScript(() => {
    const w = window as unknown as { results: unknown[] };
    w.results = [];
    document.addEventListener('fm-result', (e) => w.results.push((e as CustomEvent).detail));
  });
  await page.goto(`${EMBED}?${query}`);
  await expect(el(page)).toHaveAttribute('status', 'ready', { timeout: 90_000 });
  return page.evaluate(() => (window as unknown as { results: Detail[] }).results.at(-1)!);
}
const count = (page: Page) => page.evaluate(() => (window as unknown as { results: unknown[] }).results.length);
const message = (page: Page) => el(page).evaluate((e) => { const m = e.shadowRoot!.querySelector<HTMLElement>('[data-role="message"]')!; return m.hidden ? '' : m.textContent!; });
/** The caption's number format (src/lib/charts/format.ts, for positive values). */
const fmt = (v: number) => (v >= 1e4 || v < 1e-3 ? v.toExponential(2) : String(+v.toPrecision(3)));
const summary = (page: Page) => el(page).evaluate((e) => e.shadowRoot!.querySelector('[data-role="summary"]')!.textContent!);

/**
 * float32 through depth: each layer's norm within 2e-3 relative of the float64 oracle (measured worst ≈ 1e-5 at
 * depth 20; errors grow roughly linearly with depth, and saturated sigmoids amplify them), 1e-3 between backends.
 */
const CASES: NetSpec[] = [
  { depth: 20, width: 64, activation: 'sigmoid', init: 'glorot', seed: 1, architecture: 'plain' },
  { depth: 12, width: 32, activation: 'relu', init: 'he', seed: 7, architecture: 'plain' },
  { depth: 6, width: 16, activation: 'tanh', init: 'naive', seed: 3, architecture: 'plain' },
];

for (const spec of CASES) {
  test(`${spec.activation}/${spec.init}, depth ${spec.depth}: engine norms = cpu backend = float64 oracle`, async ({ page, watch }, info) => {
    void watch;
    const q = new URLSearchParams(Object.entries(spec).map(([k, v]) => [k, String(v)])).toString();
    const gpu = await open(page, q);
    if (info.project.name === 'webgpu') expect(gpu.backend).toBe('webgpu');
    else { expect(gpu.backend).not.toBe('webgpu'); expect(gpu.fallbackReason).toBeTruthy(); }
    const ref = oracleGradNorms(spec, netData(spec)).gradNorms;
    expect(gpu.gradNorms).toHaveLength(spec.depth);
    gpu.gradNorms.forEach((g, l) => expect(Math.abs(g - ref[l]!) / ref[l]!, `layer ${l + 1}: ${g} vs ${ref[l]}`).toBeLessThan(2e-3));
    const cpu = await open(page, `${q}&backend=cpu`);
    expect(cpu.backend).toBe('cpu');
    cpu.gradNorms.forEach((c, l) => expect(Math.abs(c - gpu.gradNorms[l]!) / c, `layer ${l + 1}`).toBeLessThan(1e-3));
    // The caption states the numbers the chart shows.
    expect(await summary(page)).toContain(`is ${fmt(cpu.gradNorms[0]!)} at layer 1`);
  });
}

const RESIDUAL: NetSpec[] = [
  { depth: 20, width: 64, activation: 'sigmoid', init: 'glorot', seed: 1, architecture: 'residual' },
  { depth: 12, width: 32, activation: 'relu', init: 'he', seed: 7, architecture: 'residual' },
];

for (const spec of RESIDUAL) {
  test(`residual ${spec.activation}/${spec.init}, depth ${spec.depth}: residual and plain norms = float64 oracle, both in the caption`, async ({ page, watch }, info) => {
    void watch;
    const q = new URLSearchParams(Object.entries(spec).map(([k, v]) => [k, String(v)])).toString();
    const got = await open(page, q);
    if (info.project.name === 'webgpu') expect(got.backend).toBe('webgpu');
    else { expect(got.backend).not.toBe('webgpu'); expect(got.fallbackReason).toBeTruthy(); }
    expect(got.architecture).toBe('residual');
    const data = netData(spec);
    const ref = oracleGradNorms(spec, data).gradNorms;
    const plainRef = oracleGradNorms({ ...spec, architecture: 'plain' }, data).gradNorms;
    expect(got.gradNorms).toHaveLength(spec.depth);
    expect(got.plainGradNorms).toHaveLength(spec.depth);
    got.gradNorms.forEach((g, l) => expect(Math.abs(g - ref[l]!) / ref[l]!, `residual layer ${l + 1}: ${g} vs ${ref[l]}`).toBeLessThan(2e-3));
    got.plainGradNorms!.forEach((g, l) => expect(Math.abs(g - plainRef[l]!) / plainRef[l]!, `plain layer ${l + 1}: ${g} vs ${plainRef[l]}`).toBeLessThan(2e-3));
    const getter = await el(page).evaluate(async (e) => {
      const w = e as unknown as { getGradientNorms(): Promise<{ data: Float32Array }>; getPlainGradientNorms(): Promise<{ data: Float32Array }> };
      return [Array.from((await w.getGradientNorms()).data), Array.from((await w.getPlainGradientNorms()).data)];
    });
    expect(getter).toEqual([got.gradNorms, got.plainGradNorms]);
    const text = await summary(page);
    expect(text).toContain(`Residual network (identity skip), ${spec.activation}`);
    expect(text).toContain(`a ratio first/last of ${fmt(got.ratio)}.`);
    expect(text).toContain(`dashed line): ${fmt(got.plainGradNorms![0]!)} at layer 1 and ${fmt(got.plainGradNorms!.at(-1)!)} at layer ${spec.depth}, a ratio of ${fmt(got.plainRatio!)}.`);
    expect(await el(page).getAttribute('architecture')).toBe('residual');
    expect(await el(page).evaluate((e) => (e as unknown as { architecture: string }).architecture)).toBe('residual');
    // Both series are drawn (every norm here is finite and positive), and the legend names them.
    expect(await el(page).evaluate((e) => e.shadowRoot!.querySelectorAll('.comparison circle').length)).toBe(spec.depth);
    expect(await el(page).evaluate((e) => e.shadowRoot!.querySelectorAll('.series circle').length)).toBe(spec.depth);
    await expect(el(page).locator('[data-role="legend"]')).toBeVisible();
    await expect(el(page).locator('[data-role="legend"]')).toContainText('without the skip (plain, same weights)');
  });
}

test('the architecture control switches residual ↔ plain, reaches the URL, and the comparison goes away', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  const first = await open(page, 'depth=10&activation=sigmoid&init=glorot');
  expect(first).toMatchObject({ architecture: 'plain', plainGradNorms: null, plainRatio: null });
  await expect(el(page).locator('[data-role="legend"]')).toBeHidden();
  const select = el(page).getByLabel('Architecture');
  await select.focus();
  await select.selectOption('residual');
  await expect.poll(() => page.evaluate(() => (window as unknown as { results: Detail[] }).results.at(-1)!.architecture)).toBe('residual');
  await expect.poll(() => page.url()).toContain('architecture=residual');
  await expect(el(page).locator('[data-role="legend"]')).toBeVisible();
  // The residual network's first-layer gradient does not vanish; the plain one's does (float64: script).
  const res = await page.evaluate(() => (window as unknown as { results: Detail[] }).results.at(-1)!);
  const ref = oracleGradNorms({ depth: 10, width: 64, activation: 'sigmoid', init: 'glorot', seed: 1, architecture: 'residual' }, netData({ depth: 10, width: 64, activation: 'sigmoid', init: 'glorot', seed: 1 }));
  expect(Math.abs(res.ratio - ref.gradNorms[0]! / ref.gradNorms[9]!) / res.ratio).toBeLessThan(2e-3);
  expect(res.ratio).toBeGreaterThan(1e3 * res.plainRatio!);
  await select.selectOption('plain');
  await expect.poll(() => page.url()).toContain('architecture=plain');
  await expect(el(page).locator('[data-role="legend"]')).toBeHidden();
  await expect.poll(() => el(page).evaluate((e) => e.shadowRoot!.querySelectorAll('.comparison circle, .comparison path').length)).toBe(0);
});

test('depth 0 and 500, unknown names, out-of-range layer and HTML: messages, last good network, still working', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  const first = await open(page, new URLSearchParams({ depth: '0', activation: 'swish', init: '<b>he</b>', architecture: 'resnet', layer: '99' }).toString());
  const m = await message(page);
  expect(m).toContain('Unknown architecture "resnet". Choose one of: plain, residual.');
  expect(m).toContain('depth must be from 1 to 50; got 0.');
  expect(m).toContain('Unknown activation "swish"');
  expect(m).toContain('Unknown init "<b>he</b>"');
  expect(m).toContain('layer must be from 1 to 20; got 99. The network has 20 layers.');
  expect(await el(page).evaluate((e) => e.shadowRoot!.querySelectorAll('b').length)).toBe(0);
  expect(first).toMatchObject({ depth: 20, activation: 'sigmoid', init: 'naive', architecture: 'plain', layer: 1 });
  expect(first.gradNorms.every(Number.isFinite)).toBe(true);

  const n = await count(page);
  await el(page).evaluate((e) => e.setAttribute('depth', '500'));
  expect(await message(page)).toContain('depth must be from 1 to 50; got 500.');
  await el(page).evaluate((e) => {
    e.setAttribute('depth', '5'); e.setAttribute('layer', '4'); e.setAttribute('activation', 'relu'); e.setAttribute('init', 'he'); e.setAttribute('architecture', 'plain');
  });
  await expect.poll(() => count(page)).toBeGreaterThan(n);
  await expect.poll(() => message(page)).toBe('');
  // The refused depth=500 may still finish a run with the old network first; wait for the new one.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { results: Detail[] }).results.at(-1)!))
    .toMatchObject({ depth: 5, layer: 4, activation: 'relu', init: 'he' });
  expect(await summary(page)).toContain('Layer 4:');
  await el(page).evaluate((e) => e.setAttribute('layer', '6'));
  expect(await message(page)).toContain('layer must be from 1 to 5; got 6.');
  await el(page).evaluate((e) => e.setAttribute('architecture', 'dense'));
  expect(await message(page)).toContain('Unknown architecture "dense". Choose one of: plain, residual.');
  expect(await el(page).evaluate((e) => (e as unknown as { architecture: string }).architecture)).toBe('plain');
});

test('overflowing float32 (ReLU, N(0,1), 40 layers) is explained and nothing non-finite is plotted', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, 'activation=relu&init=naive&depth=40');
  expect(await summary(page)).toContain('overflowed float32');
  const ys = await el(page).evaluate((e) => [...e.shadowRoot!.querySelectorAll('.series circle')].map((c) => Number(c.getAttribute('cy'))));
  expect(ys.every(Number.isFinite)).toBe(true);
  const dPath = await el(page).evaluate((e) => e.shadowRoot!.querySelector('.series path')?.getAttribute('d') ?? '');
  expect(dPath).not.toMatch(/NaN|Infinity/);
});

test('no tensor leak over repeated runs (residual: two backprops per run)', async ({ page, watch }) => {
  void watch;
  await open(page, 'depth=8&width=16&architecture=residual');
  const before = await numTensors(page);
  for (let i = 0; i < 6; i++) {
    const n = await count(page);
    await el(page).evaluate((e, s) => e.setAttribute('seed', String(s)), i + 2);
    await expect.poll(() => count(page)).toBeGreaterThan(n);
  }
  expect(await numTensors(page)).toBe(before);
});

test('the embed page passes axe, also with a message shown', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, 'depth=6');
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page, 'depth=0&architecture=resnet');
  expect(await axeViolations(page)).toEqual([]);
});

test('the residual view (two series, legend) passes axe in light and dark', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, 'depth=6&architecture=residual');
  await expect(el(page).locator('[data-role="legend"]')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);
});

test('lang="zh-CN": controls, legend, axes, caption, timing and messages in Chinese; back to English without a new run', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => document.querySelector('fm-vanishing-gradients')?.setAttribute('lang', 'zh-CN')));
  await open(page, 'depth=6&architecture=residual&init=glorot');
  await expect(el(page).getByLabel('网络结构')).toHaveValue('residual');
  await expect(el(page).getByRole('option', { name: '残差（恒等跳跃连接）' })).toBeAttached();
  await expect(el(page).getByRole('option', { name: 'Glorot，N(0, 1/width)' })).toBeAttached();
  await expect(el(page).getByLabel('读数层')).toHaveValue('1');
  await expect(el(page).locator('[data-role="legend"]')).toContainText('无跳跃连接（普通网络，权重相同）');
  expect(await summary(page)).toMatch(/^残差网络（恒等跳跃连接），sigmoid，Glorot初始化N\(0, 1\/width\)，6层：‖∂L\/∂W‖在第1层为/);
  await expect(el(page).locator('[data-role="timing"]')).toHaveText(/^前向传播和反向传播共用时\d+毫秒（作为对照的普通网络：\d+毫秒）。$/);
  await expect(el(page).locator('.axis-label').first()).toHaveText('层（1 = 紧邻输入的层）');
  await el(page).evaluate((e) => e.setAttribute('layer', '9'));
  expect(await message(page)).toMatch(/这个网络共有6层。$/);
  const runs = await count(page);

  await el(page).evaluate((e) => e.setAttribute('lang', 'en'));
  await expect(el(page).getByLabel('Architecture')).toHaveValue('residual');
  await expect(el(page).getByRole('option', { name: 'residual (identity skip)' })).toBeAttached();
  expect(await summary(page)).toMatch(/^Residual network \(identity skip\), sigmoid, Glorot, N\(0, 1\/width\) initialisation, 6 layers: ‖∂L\/∂W‖ is /);
  await expect(el(page).locator('[data-role="timing"]')).toHaveText(/^Forward and backward pass in \d+ ms \(the plain comparison: \d+ ms\)\.$/);
  await expect(el(page).locator('.axis-label').first()).toHaveText('layer (1 = next to the input)');
  expect(await message(page)).toBe('layer must be from 1 to 6; got 9. The network has 6 layers.');
  expect(await count(page), 'a change of language computes nothing').toBe(runs);
});
