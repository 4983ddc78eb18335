/**
 * <fm-activation-maps> on its embed page: maps before and after each activation (tfjs on the engine) against the
 * float64 oracle (conv/reference.ts + activations/functions.ts) from the widget's own input, share of exact
 * zeros, bad inputs, no tensor leak, axe.
 */
import type { Page } from '@playwright/test';
import { test, expect, axeViolations, numTensors } from './support.ts';
import { widgetHarness } from './widget-harness.ts';
import { conv2dReference } from '../../src/lib/conv/reference.ts';
import { activation, type ActivationName } from '../../src/lib/activations/functions.ts';
import { channelOf, mapStats } from '../../src/lib/activations/stats.ts';

type Detail = { backend: string; activation: string; zerosBefore: number[]; zerosAfter: number[]; shape: number[]; fallbackReason: string | null };
type Plain = { data: Float32Array; shape: number[] };

const { el, open, count, message } = widgetHarness<Detail>('activation-maps');

async function read(page: Page): Promise<Record<'input' | 'kernel' | 'before' | 'after', Plain>> {
  const raw = await el(page).evaluate(async (node) => {
    const e = node as unknown as Record<string, () => Promise<{ data: Float32Array; shape: number[] }>>;
    const enc = (t: { data: Float32Array; shape: number[] }) => {
      const u8 = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
      let s = '';
      for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
      return { b64: btoa(s), shape: t.shape };
    };
    return { input: enc(await e.getInput!()), kernel: enc(await e.getKernel!()), before: enc(await e.getBefore!()), after: enc(await e.getAfter!()) };
  });
  const dec = (t: { b64: string; shape: number[] }) => { const b = Buffer.from(t.b64, 'base64'); return { data: new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4), shape: t.shape }; };
  return { input: dec(raw.input), kernel: dec(raw.kernel), before: dec(raw.before), after: dec(raw.after) };
}

test('maps before and after every activation match the float64 oracle; zero shares agree', async ({ page, watch }, info) => {
  void watch;
  test.setTimeout(240_000);
  let d = await open(page, 'image=coins');
  if (info.project.name === 'webgpu') expect(d.backend).toBe('webgpu');
  else { expect(d.backend).not.toBe('webgpu'); expect(d.fallbackReason).toBeTruthy(); }
  for (const name of ['relu', 'leaky-relu', 'sigmoid', 'tanh', 'gelu'] as ActivationName[]) {
    if (name !== 'relu') {
      const n = await count(page);
      await el(page).evaluate((e, a) => { e.setAttribute('activation', a); e.setAttribute('slope', '0.2'); }, name);
      await expect.poll(() => count(page)).toBeGreaterThan(n);
      d = await page.evaluate(() => (window as unknown as { results: Detail[] }).results.at(-1)!);
    }
    const t = await read(page);
    expect(t.kernel.shape).toEqual([3, 3, 1, 4]);
    const ref = conv2dReference(t.input, t.kernel, { stride: 1, padding: 'same', dilation: 1 });
    expect(t.before.shape).toEqual(ref.shape);
    const f = activation(name, 0.2);
    let worst = 0;
    let ambiguous = 0; // outputs so close to 0 that float32 may put them on either side
    let firstBad = '';
    const bounds = new Float64Array(ref.data.length);
    for (let i = 0; i < ref.data.length; i++) {
      const bound = 1e-6 + 1e-5 * ref.absSum[i]!;
      bounds[i] = bound;
      worst = Math.max(worst, Math.abs(t.before.data[i]! - ref.data[i]!) / bound);
      // After the activation: Lipschitz ≤ 1.13 (GELU) carries the conv error; the op itself adds ≤ 2e-6 (tf.erf, sigmoid).
      const a = f.f(ref.data[i]!);
      const err = Math.abs(t.after.data[i]! - a);
      if (!(err <= 1.2 * bound + 2e-6 * Math.max(1, Math.abs(a))) && !firstBad) firstBad = `${name} at ${i}: ${t.after.data[i]} vs ${a}`;
      if (Math.abs(ref.data[i]!) <= bound) ambiguous++;
    }
    expect(firstBad).toBe('');
    expect(worst, `${name}: conv worst/bound`).toBeLessThanOrEqual(1);
    for (let c = 0; c < 4; c++) {
      const refAfter = Float64Array.from(channelOf(ref.data, 4, c), f.f);
      const want = mapStats(refAfter).zeroFraction;
      const pixels = refAfter.length;
      expect(Math.abs(d.zerosAfter[c]! - want) * pixels, `${name} channel ${c + 1} zeros`).toBeLessThanOrEqual(ambiguous);
      expect(d.zerosAfter[c]).toBe(mapStats(channelOf(t.after.data, 4, c)).zeroFraction);
    }
    // ReLU zeroes the negative half of the zero-sum kernels' maps (Sobel x/y, Laplacian), far less of emboss's (sum 1).
    if (name === 'relu') { expect(Math.min(...d.zerosAfter.slice(0, 3))).toBeGreaterThan(0.3); expect(d.zerosAfter[3]).toBeLessThan(0.3); }
    if (name === 'sigmoid' || name === 'leaky-relu') expect(Math.max(...d.zerosAfter)).toBeLessThanOrEqual(Math.max(...d.zerosBefore));
  }
});

test('bad activation, slope, channel and image: messages, last good set-up, still working; no leak', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  test.setTimeout(180_000);
  const bad = new URLSearchParams({ activation: 'softplus', slope: '-3', channel: '9', image: '<svg onload=alert(1)>' });
  const d = await open(page, bad.toString());
  const m = await message(page);
  expect(m).toContain('Unknown activation "softplus"');
  expect(m).toContain('slope must be from 0 to 1; got -3.');
  expect(m).toContain('channel must be from 1 to 4; got 9. The maps are 1 = sobel-x, 2 = sobel-y, 3 = laplacian, 4 = emboss.');
  expect(m).toContain('Unknown image "<svg onload=alert(1)>"');
  expect(await el(page).evaluate((e) => e.shadowRoot!.querySelectorAll('svg[onload]').length)).toBe(0);
  expect(d.activation).toBe('relu');
  const n = await count(page);
  await page.locator('fm-activation-maps select[data-attr="channel"]').selectOption('3');
  await page.locator('fm-activation-maps select[data-attr="activation"]').selectOption('tanh');
  await expect.poll(() => count(page)).toBeGreaterThan(n);
  await expect(el(page)).toHaveAttribute('channel', '3');
  // Let any run started by the two control changes finish (each change may start one) before counting tensors.
  await expect(el(page)).toHaveAttribute('status', 'ready');
  await page.waitForTimeout(300);
  await expect(el(page)).toHaveAttribute('status', 'ready');
  const before = await numTensors(page);
  for (const a of ['relu', 'sigmoid', 'gelu', 'leaky-relu', 'tanh']) {
    const k = await count(page);
    await el(page).evaluate((e, v) => e.setAttribute('activation', v), a);
    await expect.poll(() => count(page)).toBeGreaterThan(k);
  }
  expect(await numTensors(page)).toBe(before);
  expect(await message(page)).toContain('slope'); // the other attributes' messages stay until fixed
});

test('the embed page passes axe, also with a message shown', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page);
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page, 'channel=0');
  expect(await axeViolations(page)).toEqual([]);
});

test('lang="zh-CN" speaks Chinese after the first result; back to en re-says English without recomputing', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, 'channel=9');
  const n = await count(page);
  const text = (role: string) => page.locator(`fm-activation-maps [data-role="${role}"]`);
  const histTitle = page.locator('fm-activation-maps [data-role="after-hist"] text[data-role="title"]');
  await el(page).evaluate((e) => e.setAttribute('lang', 'zh-CN'));
  await expect(text('before-caption')).toHaveText(/^激活前：Sobel x算子特征图，恰好为零的值占[\d.]+%，取值范围/);
  await expect(text('summary')).toHaveText(/^猫咪Chelsea的第1张特征图（Sobel x算子），\d+×\d+像素（高×宽）：ReLU之前恰好为0的值占[\d.]+%，之后占[\d.]+%。$/);
  await expect(histTitle).toHaveText('经过ReLU后 · 每个区间的像素数');
  await expect(page.locator('fm-activation-maps label').first()).toHaveText(/^图像/);
  await expect(page.locator('fm-activation-maps select[data-attr="image"] option[value="chelsea"]')).toHaveText('猫咪Chelsea');
  expect(await text('after').getAttribute('aria-label')).toMatch(/^同一张特征图经过ReLU后：.*；色标范围为0至/);
  await expect(text('timing')).toHaveText(/^卷积与激活用时\d+毫秒。$/);
  expect(await message(page)).toContain('各特征图依次为：1 = sobel-x');
  await el(page).evaluate((e) => e.setAttribute('lang', 'en'));
  await expect(text('summary')).toHaveText(/^Map 1 \(sobel-x\) of chelsea, \d+×\d+ pixels \(height × width\): [\d.]+% of values are exactly 0 before ReLU and [\d.]+% after\.$/);
  await expect(histTitle).toHaveText('After ReLU · pixels per bin');
  await expect(page.locator('fm-activation-maps select[data-attr="image"] option[value="chelsea"]')).toHaveText('Chelsea the cat');
  expect(await message(page)).toContain('The maps are 1 = sobel-x, 2 = sobel-y, 3 = laplacian, 4 = emboss.');
  expect(await count(page)).toBe(n);
});
