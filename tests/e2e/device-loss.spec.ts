/**
 * Faults, through the test-only hooks of src/lib/engine/test-hooks.ts (`?fm-test-hooks`): the WebGPU device
 * destroyed in the middle of each widget's work, and one of our WGSL programs made invalid. Each widget must say
 * what happened, finish its work on the engine it falls back to (with numbers that still hold), and release what
 * it held on the lost device. Tagged @webgpu-only: only WebGPU has a device to lose (the fallback project skips them).
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, numTensors } from './support.ts';
import { conv2dReference } from '../../src/lib/conv/reference.ts';
import { compareToReference } from '../../src/lib/conv/tolerance.ts';
import { parsePadding } from '../../src/lib/params/padding.ts';

const WEBGPU = { tag: '@webgpu-only' };
test.describe.configure({ timeout: 480_000 });

type Result = Record<string, unknown> & { backend: string; fallbackReason: string | null };

/** Opens `/embed/<slug>/` with the hooks, recording every fm-result; waits for the first. */
async function open(page: Page, slug: string, query: string, status = 'ready'): Promise<Locator> {
  await page.addInitScript(() => {
    const w = window as unknown as { results: unknown[] };
    w.results = [];
    document.addEventListener('fm-result', (e) => w.results.push((e as CustomEvent).detail));
  });
  await page.goto(`/embed/${slug}/?fm-test-hooks&${query}`);
  const el = page.locator(`fm-${slug}`);
  await expect(el).toHaveAttribute('status', status, { timeout: 300_000 });
  return el;
}
const results = (page: Page) => page.evaluate(() => (window as unknown as { results: Result[] }).results);
const loseDevice = (page: Page) => page.evaluate(() => window.__fmEngineTest!.loseDevice());
const message = (el: Locator) => el.evaluate((e) => e.shadowRoot!.querySelector('[data-role="message"]')!.textContent ?? '');

/** Sets attributes, destroys the device while the computation they start is running, and waits for a result off WebGPU. */
async function loseDuring(page: Page, el: Locator, attrs: Record<string, string>): Promise<Result> {
  await el.evaluate((e, a) => { for (const [k, v] of Object.entries(a)) e.setAttribute(k, v); }, attrs);
  await loseDevice(page);
  await expect.poll(async () => (await results(page)).at(-1)!.backend, { timeout: 400_000 }).not.toBe('webgpu');
  await expect(el).toHaveAttribute('status', 'ready');
  const last = (await results(page)).at(-1)!;
  expect(last.fallbackReason).toContain('the GPU device was lost');
  // The widget's own device badge says where it computes now, and why.
  await expect(el.locator('fm-device-badge .badge')).toHaveAttribute('aria-label', /Not on WebGPU because .*the GPU device was lost/);
  return last;
}

type Plain = { data: number[]; shape: number[] };
async function playgroundTensors(el: Locator): Promise<{ input: Plain; kernel: Plain; output: Plain }> {
  return el.evaluate(async (e) => {
    const w = e as unknown as Record<'getInput' | 'getKernel' | 'getOutput', () => Promise<{ data: Float32Array; shape: number[] }>>;
    const plain = async (t: Promise<{ data: Float32Array; shape: number[] }>) => { const v = await t; return { data: Array.from(v.data), shape: v.shape }; };
    return { input: await plain(w.getInput()), kernel: await plain(w.getKernel()), output: await plain(w.getOutput()) };
  });
}

test('playground: the device lost during an edit → WebGL/CPU, the edit computed there and equal to the float64 reference, no tensor kept', WEBGPU, async ({ page, watch }) => {
  void watch;
  const el = await open(page, 'conv-playground', 'image=chelsea');
  const baseline = await numTensors(page);
  const last = await loseDuring(page, el, { kernel: '1,2,1; 0,0,0; -1,-2,-1', stride: '2', padding: 'same', dilation: '1', color: 'gray' });
  expect(last.settings).toMatchObject({ stride: 2, padding: 'same', dilation: 1 });
  const { input, kernel, output } = await playgroundTensors(el);
  expect(kernel.data.slice(0, 3)).toEqual([1, 2, 1]);
  const ref = conv2dReference({ data: Float32Array.from(input.data), shape: input.shape }, { data: Float32Array.from(kernel.data), shape: kernel.shape }, { stride: 2, padding: parsePadding('padding', 'same'), dilation: 1 });
  const agreement = compareToReference(Float32Array.from(output.data), ref);
  expect(agreement.ok, agreement.detail).toBe(true);
  expect(await numTensors(page)).toBe(baseline);
});

test('network explorer: the device lost during a forward pass → the model reopened on the new backend, same prediction, no tensor kept', WEBGPU, async ({ page, watch }) => {
  void watch;
  const el = await open(page, 'network-explorer', 'image=7');
  const before = (await results(page)).at(-1)!;
  await el.evaluate((e) => e.setAttribute('image', '8'));
  await expect.poll(async () => (await results(page)).at(-1)!.image, { timeout: 200_000 }).toBe(8);
  const eight = (await results(page)).at(-1)!;
  const baseline = await numTensors(page);
  const after = await loseDuring(page, el, { image: '7' });
  expect(after.image).toBe(7);
  // What happened stays on the message line after the widget has recomputed on the new backend.
  expect(await message(el)).toMatch(/The engine moved from WebGPU to \S+/);
  expect(after.predicted).toBe(before.predicted);
  (after.probabilities as number[]).forEach((p, i) => expect(Math.abs(p - (before.probabilities as number[])[i]!)).toBeLessThan(1e-3));
  expect(eight.image).toBe(8);
  expect(await numTensors(page)).toBe(baseline);
});

test('domain shift: the device lost mid-experiment → rerun on the new backend with the same accuracies, no tensor kept', WEBGPU, async ({ page, watch }) => {
  void watch;
  const el = await open(page, 'domain-shift', 'shift=inverted&images=10&labels=0');
  const first = (await results(page)).at(-1)!;
  const baseline = await numTensors(page);
  // More target images: AdaBN changes, but the clean and unadapted accuracies do not depend on them.
  const after = await loseDuring(page, el, { images: '20' });
  expect(after.images).toBe(20);
  expect(after.source).toBeCloseTo(first.source as number, 2);
  expect(after.before).toBeCloseTo(first.before as number, 2);
  expect(await numTensors(page)).toBe(baseline);
});

test('feature reuse: the device lost during a probe → models reloaded, the probes finished with the same accuracies, no tensor kept', WEBGPU, async ({ page, watch }) => {
  void watch;
  const el = await open(page, 'feature-reuse', 'labels=5');
  const first = (await results(page)).at(-1)!;
  const baseline = await numTensors(page);
  // Another digit changes the maps shown, not the probes (same labels, seed, models).
  const after = await loseDuring(page, el, { digit: '3' });
  const acc = (r: Result, k: string) => (r[k] as { accuracy: number }[]).map((s) => s.accuracy);
  acc(after, 'pretrained').forEach((a, i) => expect(Math.abs(a - acc(first, 'pretrained')[i]!)).toBeLessThanOrEqual(0.05));
  expect(await numTensors(page)).toBe(baseline);
});

test('fine-tuning lab: the device lost while training → the runs restart on the new backend and finish', WEBGPU, async ({ page, watch }) => {
  void watch;
  const el = await open(page, 'finetune-lab', 'per-class=2&holdout=2&epochs=2&seed=3');
  const baseline = await numTensors(page);
  await el.evaluate((e) => { void (e as unknown as { train(): Promise<unknown> }).train(); });
  await expect(el.locator('[data-role="results"]')).toContainText(/Epoch|features/, { timeout: 200_000 });
  await loseDevice(page);
  await expect.poll(async () => (await results(page)).filter((r) => r.trained).at(-1)?.backend, { timeout: 400_000 }).toMatch(/webgl|cpu/);
  const done = (await results(page)).filter((r) => r.trained).at(-1)!;
  expect((done.runs as { state: string; accuracy: number }[]).map((r) => r.state)).toEqual(['done']);
  expect(await message(el)).toContain('start again');
  // The lab keeps its source model while on the page; once it leaves, nothing of either device remains.
  await el.evaluate((e) => e.remove());
  await expect.poll(() => numTensors(page)).toBe(baseline);
});

test('an invalid WGSL program: a named error in the engine report and the widget, tfjs\'s kernel used, numbers unchanged', WEBGPU, async ({ page, watch }) => {
  void watch;
  // The loss race: its first result is one pass of its CNN (our conv, matmul and pooling programs) over 200
  // validation images, numbers from our WGSL in a few seconds (the domain shift's evaluation on tfjs's own conv
  // kernels, used here before, took 45 s of SwiftShader's time).
  const el = await open(page, 'loss-race', 'per-class=10&seed=4');
  type Start = { ce: number; mse: number; accuracy: number };
  const start = (r: Result) => (r.runs as { validation: Start[] }[])[0]!.validation[0]!;
  const first = start((await results(page)).at(-1)!);
  const n = (await results(page)).length;
  const checks = await page.evaluate(() => window.__fmEngineTest!.breakWgsl('conv'));
  const conv = checks.find((c) => c.name === 'FmConv2D')!;
  expect(conv.ok).toBe(false);
  expect(conv.reason).toMatch(/^WgslValidationError: the WGSL program fm_conv_\S+ failed GPU validation/);
  expect(conv.reason).toContain("tfjs's own kernel is used instead");
  await expect.poll(async () => (await results(page)).length, { timeout: 300_000 }).toBeGreaterThan(n);
  await expect(el).toHaveAttribute('status', 'ready');
  const last = (await results(page)).at(-1)!;
  expect(last.backend).toBe('webgpu');
  expect(await message(el)).toContain('WgslValidationError');
  // The untrained network's losses from tfjs's kernels equal those from ours, and are not what a convolution that
  // gave zeros would give (every logit equal: a cross-entropy of exactly ln 10).
  const after = start(last);
  expect(after.ce).toBeCloseTo(first.ce, 4);
  expect(after.mse).toBeCloseTo(first.mse, 4);
  expect(after.accuracy).toBeCloseTo(first.accuracy, 4);
  expect(Math.abs(first.ce - Math.log(10))).toBeGreaterThan(1e-3);
});
