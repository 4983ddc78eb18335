/**
 * <fm-loss-race> on its embed page: a short seeded race on the engine (WebGPU asserted in the
 * `webgpu` project; the `fallback` project asserts another backend and its reason), both losses reported, the
 * cross-entropy training loss falls, the curves on validation images disjoint from the training images, the test
 * images measured once at the end, a second identical race gives identical numbers; pause holds, cancel stops
 * within a step and leaves tf.memory().numTensors where it started; reduced motion; bad attributes and URL
 * values; axe on the embed page (on Chapter 4, computed whole: widths.spec.ts). Races are tiny (2 images per class: one batch per epoch) so a
 * software GPU finishes them; the first race pays for compiling the GPU programs.
 */
import type { Page } from '@playwright/test';
import { test, expect, axeViolations, numTensors } from './support.ts';

const EMBED = '/embed/loss-race/';
const el = (page: Page) => page.locator('fm-loss-race');
const shadowText = (page: Page, role: string) =>
  el(page).evaluate((e, r) => { const n = e.shadowRoot!.querySelector<HTMLElement>(`[data-role="${r}"]`)!; return n.hidden ? '' : n.textContent!; }, role);
type Metrics = { ce: number; mse: number; accuracy: number };
type Run = { kind: string; train: [number, number][]; validation: (Metrics & { step: number })[]; test: (Metrics & { count: number }) | null; steps: number };
type State = { phase: string; runs: Run[]; totalSteps: number };
type Detail = { backend: string; phase: string; fallbackReason: string | null; runs: Run[] };

test.describe.configure({ timeout: 600_000 });

async function open(page: Page, query: string): Promise<Detail> {
  await page.addInitScript(() => {
    const w = window as unknown as { results: unknown[]; progress: { step: number; phase: string }[] };
    w.results = [];
    w.progress = [];
    document.addEventListener('fm-result', (e) => w.results.push((e as CustomEvent).detail));
    document.addEventListener('fm-progress', (e) => w.progress.push((e as CustomEvent).detail));
  });
  await page.goto(`${EMBED}?${query}`);
  // First use compiles the GPU programs: seconds on a real GPU, minutes on a loaded software one.
  await expect(el(page)).toHaveAttribute('status', 'ready', { timeout: 400_000 });
  return page.evaluate(() => (window as unknown as { results: Detail[] }).results.at(-1)!);
}
const history = (page: Page) => el(page).evaluate((e) => (e as unknown as { getHistory(): Promise<State> }).getHistory());
const phase = (page: Page) => el(page).evaluate((e) => (e as unknown as { phase: string }).phase);
const lastStep = (page: Page) => page.evaluate(() => (window as unknown as { progress: { step: number }[] }).progress.at(-1)?.step ?? 0);

test('seeded races on the engine: both losses, CE training loss falls, identical reruns; pause, resume, cancel without leaks; reduced motion; keyboard', async ({ page, watch }, info) => {
  void watch;
  test.setTimeout(1_200_000); // one page, so the GPU programs compile once; a software GPU under load is slow
  const ready = await open(page, 'per-class=2&epochs=3&seed=7');
  if (info.project.name === 'webgpu') expect(ready.backend).toBe('webgpu');
  else { expect(ready.backend).not.toBe('webgpu'); expect(ready.fallbackReason).toBeTruthy(); }
  expect(ready.phase).toBe('ready');
  // Same seed, same weights: one starting point for both networks, on the validation set; no test figure yet.
  expect(ready.runs[1]!.validation).toEqual(ready.runs[0]!.validation);
  expect(ready.runs.map((r) => r.test)).toEqual([null, null]);
  // Three disjoint sets: training (the prefix of fashion/train), validation (200 from that split's reserve, never
  // a training image), test (500 from fashion/test).
  const sources = await el(page).evaluate((e) => (e as unknown as { getSources(): Promise<{ train: number[]; validation: number[]; test: number[] }> }).getSources());
  expect(sources.train).toEqual(Array.from({ length: 20 }, (_, i) => i));
  expect(sources.validation).toHaveLength(200);
  expect(new Set(sources.validation).size).toBe(200);
  expect(sources.validation.filter((p) => p < 1600)).toEqual([]); // beyond the most any race may train on (160 per class)
  expect(sources.test).toHaveLength(500);
  await expect(el(page).locator('.engine')).toContainText('validation on 200 images held back from the training split (never trained on); test accuracy on 500 test images, measured once after the last epoch');
  expect(await shadowText(page, 'status')).toMatch(/^Ready\. Both networks start from the same weights/);
  const before = await numTensors(page);
  // Every status line the reader hears, in order (a reader-review bug: Start used to say "Resumed.").
  await el(page).evaluate((e) => {
    const w = window as unknown as { said: string[] };
    w.said = [];
    const n = e.shadowRoot!.querySelector('[data-role="status"]')!;
    new MutationObserver(() => w.said.push(n.textContent ?? '')).observe(n, { childList: true, characterData: true, subtree: true });
  });
  const said = () => page.evaluate(() => (window as unknown as { said: string[] }).said);

  const race = async (): Promise<State> => {
    const from = await page.evaluate(() => (window as unknown as { progress: unknown[] }).progress.length);
    await el(page).getByRole('button', { name: 'Start' }).focus();
    await page.keyboard.press('Enter');
    // This race's own end (the element still says 'done' from the last race until this one reports).
    const since = () => page.evaluate((n) => (window as unknown as { progress: { phase: string; step: number }[] }).progress.slice(n), from);
    await expect.poll(async () => (await since()).some((p) => p.phase === 'done'), { timeout: 400_000, intervals: [500] }).toBe(true);
    expect(await phase(page)).toBe('done');
    // The test phase comes once, after the last step, and the race ends right after it.
    const phases = await since();
    const testing = phases.flatMap((p, i) => (p.phase === 'testing' && phases[i - 1]?.phase !== 'testing' ? [i] : []));
    expect(testing).toHaveLength(1);
    expect(phases[testing[0]!]!.step).toBe(3);
    expect(phases.slice(testing[0]!).map((p) => p.phase)).toEqual(['testing', 'done']);
    return history(page);
  };
  const first = await race();
  expect(await said()).toContain('Training both networks…');
  expect(await said(), 'a race that was never paused is not "Resumed"').not.toContain('Resumed.');
  const [ce, mse] = first.runs;
  expect([ce!.kind, mse!.kind]).toEqual(['ce', 'mse']);
  for (const run of first.runs) {
    expect(run.train.map(([s]) => s)).toEqual([1, 2, 3]);
    expect(run.validation.map((v) => v.step)).toEqual([0, 1, 2, 3]);
    for (const v of [...run.train.map(([, l]) => l), ...run.validation.flatMap((v) => [v.ce, v.mse, v.accuracy])]) expect(Number.isFinite(v)).toBe(true);
  }
  // One batch per epoch is the whole training set, so the training loss is measured on the same 20 images.
  expect(ce!.train[2]![1]).toBeLessThan(ce!.train[0]![1]);
  // Squared error on probabilities lies in [0, 2]; cross-entropy starts near log 10.
  expect(mse!.train[0]![1]).toBeLessThan(1.2);
  expect(ce!.train[0]![1]).toBeGreaterThan(1.5);
  // The test figures: measured once, on the 500 test images, each network's own — and not its validation figures.
  for (const run of first.runs) {
    expect(run.test!.count).toBe(500);
    for (const v of [run.test!.ce, run.test!.mse, run.test!.accuracy]) expect(Number.isFinite(v)).toBe(true);
  }
  const summary = await shadowText(page, 'summary');
  expect(summary).toContain('After 3 epochs (3 steps per network)');
  expect(summary).toContain(`Test accuracy, measured once after training on 500 test images: cross-entropy ${(ce!.test!.accuracy * 100).toFixed(1)}%, squared error ${(mse!.test!.accuracy * 100).toFixed(1)}%.`);
  expect(summary).toContain(`training loss ${ce!.train[2]![1].toFixed(3)} (last batch), validation cross-entropy ${ce!.validation[3]!.ce.toFixed(3)}`);
  expect(summary).toContain(`validation squared error ${mse!.validation[3]!.mse.toFixed(3)}, validation accuracy ${(mse!.validation[3]!.accuracy * 100).toFixed(1)}%`);
  expect(await shadowText(page, 'status')).toMatch(/^Finished\./);
  const done = await page.evaluate(() => (window as unknown as { results: Detail[] }).results.at(-1)!);
  expect(done.phase).toBe('done');
  expect(done.runs).toEqual(first.runs);
  // Focus returns to Start for the next race; nothing is left on the GPU.
  expect(await el(page).evaluate((e) => (e.shadowRoot!.activeElement as HTMLElement | null)?.textContent)).toBe('Start');
  expect(await numTensors(page)).toBe(before);

  // Seeded: the same race again gives the same numbers, to the last bit.
  expect((await race()).runs).toEqual(first.runs);
  expect(await said(), 'Start after a finished race is not "Resumed" either').not.toContain('Resumed.');

  // A longer race with two steps per epoch, under reduced motion.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await el(page).evaluate((e) => { e.setAttribute('per-class', '4'); e.setAttribute('epochs', '20'); });
  await expect.poll(() => phase(page), { timeout: 150_000 }).toBe('ready');
  await expect(el(page)).toHaveAttribute('status', 'ready');
  // What the widget holds at rest is what it held at the first ready (a superseded set-up may still be releasing its own).
  const start = before;
  const progressBefore = await page.evaluate(() => (window as unknown as { progress: unknown[] }).progress.length);
  await el(page).getByRole('button', { name: 'Start' }).click();
  const stepNow = () => page.evaluate((n) => (window as unknown as { progress: { step: number }[] }).progress.slice(n).at(-1)?.step ?? 0, progressBefore);
  await expect.poll(stepNow, { timeout: 200_000, intervals: [250] }).toBeGreaterThanOrEqual(1);
  const line = () => el(page).evaluate((e) => e.shadowRoot!.querySelector('path.line.ce.train')?.getAttribute('d') ?? null);
  // Mid-epoch the charts have not moved, though the step counter has; at the epoch's end they catch up.
  if ((await stepNow()) === 1) expect(await line()).toBeNull();
  await expect.poll(line, { timeout: 200_000, intervals: [250] }).not.toBeNull();

  await el(page).getByRole('button', { name: 'Pause' }).click();
  await expect(el(page).getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect.poll(() => shadowText(page, 'status'), { timeout: 120_000 }).toMatch(/^Paused at step \d+ of 40\.$/);
  const held = (await history(page)).runs.map((r) => r.steps);
  await page.waitForTimeout(3000);
  expect((await history(page)).runs.map((r) => r.steps)).toEqual(held);

  await el(page).getByRole('button', { name: 'Resume' }).click();
  await expect.poll(async () => Math.min(...(await history(page)).runs.map((r) => r.steps)), { timeout: 200_000 }).toBeGreaterThan(Math.min(...held));
  expect(await said(), 'a race that was paused is "Resumed"').toContain('Resumed.');
  // The steps done and the click are read and made in one task of the page: a step that ends while the test
  // process talks to the browser would otherwise count against the widget.
  const t0 = Date.now();
  const atCancel = await el(page).evaluate(async (e) => {
    const s = await (e as unknown as { getHistory(): Promise<State> }).getHistory();
    [...e.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!.click();
    return Math.max(...s.runs.map((r) => r.steps));
  });
  await expect.poll(() => shadowText(page, 'status'), { timeout: 120_000 }).toMatch(/^Cancelled at step \d+ of 40, without a test accuracy\. Press Start to race again\.$/);
  info.annotations.push({ type: 'cancel latency', description: `${Date.now() - t0} ms (${info.project.name})` });
  const end = await history(page);
  expect(end.phase).toBe('cancelled');
  expect(end.runs.map((r) => r.test)).toEqual([null, null]); // a cancelled race never measures the test images
  // Each loop finishes at most the step it had queued.
  expect(Math.max(...end.runs.map((r) => r.steps))).toBeLessThanOrEqual(atCancel + 1);
  expect(await numTensors(page)).toBe(start);
  await expect(el(page)).toHaveAttribute('status', 'ready');
  await expect(el(page).getByRole('button', { name: 'Start' })).toBeEnabled();
});

test('bad attributes and URL values: readable messages, last good values, the widget keeps working', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  const q = new URLSearchParams({ 'per-class': '1', epochs: 'many', 'learning-rate': '0', seed: '<img src=x onerror=alert(1)>' }).toString();
  await open(page, q);
  const msg = await shadowText(page, 'message');
  expect(msg).toContain('per-class must be from 2 to 160; got 1. Still using 20.');
  expect(msg).toContain('epochs must be a whole number from 1 to 50; got "many". Still using 5.');
  expect(msg).toContain('learning-rate must be from 0.00001 to 1 (e.g. 0.003); got "0". Still using 0.003.');
  expect(msg).toContain('seed must be a whole number from 0 to 2147483647; got "<img src=x onerror=alert(1)>"');
  expect(await el(page).evaluate((e) => e.shadowRoot!.querySelector('img'))).toBeNull();
  const props = await el(page).evaluate((e) => { const x = e as unknown as Record<string, number>; return [x.perClass, x.epochs, x.seed, x.learningRate]; });
  expect(props).toEqual([20, 5, 1, 0.003]);
  await expect(el(page).getByLabel('Epochs')).toHaveValue('5');

  // Typing good values clears the messages one by one; properties reflect to attributes.
  for (const [label, value] of [['Examples per class', '3'], ['Epochs', '2'], ['Learning rate', '0.01'], ['Seed', '4']] as const) {
    await el(page).getByLabel(label).fill(value);
    await el(page).getByLabel(label).press('Tab');
  }
  await expect.poll(() => shadowText(page, 'message')).toBe('');
  await expect(el(page)).toHaveAttribute('status', 'ready', { timeout: 150_000 });
  expect(await el(page).getAttribute('per-class')).toBe('3');
  await el(page).evaluate((e) => { (e as unknown as { epochs: number }).epochs = 500; });
  expect(await shadowText(page, 'message')).toBe('epochs must be from 1 to 50; got 500. Still using 2.');
  // 30 images → one batch of 20 per epoch (the rest dropped), 2 epochs; the new set-up replaces the old when measured.
  await expect.poll(async () => (await history(page)).totalSteps, { timeout: 150_000 }).toBe(2);
  await expect(el(page).getByRole('button', { name: 'Start' })).toBeEnabled();
});

test('axe: the embed page, also with a message shown', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, 'per-class=2&epochs=1');
  expect(await axeViolations(page)).toEqual([]);
  await el(page).evaluate((e) => e.setAttribute('epochs', '0'));
  expect(await shadowText(page, 'message')).toContain('epochs must be from 1 to 50');
  expect(await axeViolations(page)).toEqual([]);
});

test('lang="zh-CN": the shell, status line, charts and messages in Chinese; back to English without a new computation', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await page.goto(`${EMBED}?per-class=2&epochs=1`);
  await el(page).evaluate((e) => e.setAttribute('lang', 'zh-CN'));
  await expect(el(page)).toHaveAttribute('status', 'ready', { timeout: 400_000 });
  const results = () => page.evaluate(() => (window as unknown as { results?: unknown[] }).results?.length ?? 0);
  await page.evaluate(() => {
    const w = window as unknown as { results: unknown[] };
    w.results = [];
    document.addEventListener('fm-result', (e) => w.results.push((e as CustomEvent).detail));
  });
  await expect(el(page).getByRole('button', { name: '开始' })).toBeEnabled();
  await expect(el(page).getByLabel('每类样本数')).toHaveValue('2');
  await expect(el(page).getByRole('progressbar', { name: '训练进度' })).toBeAttached();
  expect(await shadowText(page, 'status')).toMatch(/^准备就绪。两个网络从相同的权重出发：验证准确率为\d+\.\d%。按“开始”训练它们。$/);
  expect(await shadowText(page, 'steps')).toBe('每个网络训练1步（每轮1步）。');
  await expect(el(page).locator('figcaption').first()).toHaveText('交叉熵网络的损失');
  await expect(el(page).locator('.axis-label').first()).toHaveText('轮数');
  await expect(el(page).locator('.engine')).toContainText('在从训练集中预留的200张图像上验证');
  expect(await el(page).locator('[data-role="charts"]').getAttribute('aria-label')).toMatch(/^损失曲线与准确率曲线。训练开始前，两个网络的权重相同。交叉熵网络：验证交叉熵\d\.\d{3}，/);
  await el(page).evaluate((e) => e.setAttribute('epochs', '0'));
  expect(await shadowText(page, 'message')).toMatch(/仍使用1。$/);

  await page.evaluate(() => document.documentElement.setAttribute('lang', 'zh-CN'));
  await el(page).evaluate((e) => e.removeAttribute('lang')); // the document's language: still Chinese
  await expect(el(page).getByRole('button', { name: '开始' })).toBeVisible();
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
  await expect(el(page).getByRole('button', { name: 'Start' })).toBeEnabled();
  await expect(el(page).getByLabel('Examples per class')).toHaveValue('2');
  expect(await shadowText(page, 'status')).toMatch(/^Ready\. Both networks start from the same weights: validation accuracy \d+\.\d%\. Press Start to train them\.$/);
  expect(await shadowText(page, 'steps')).toBe('1 steps per network (1 per epoch).');
  expect(await shadowText(page, 'message')).toBe('epochs must be from 1 to 50; got 0. Still using 1.');
  await expect(el(page).locator('.axis-label').first()).toHaveText('epoch');
  expect(await el(page).locator('[data-role="charts"]').getAttribute('aria-label')).toMatch(/^Loss and accuracy curves\. Before training, both networks have the same weights\. Cross-entropy network:/);
  expect(await results(), 'a change of language computes nothing').toBe(0);
});
