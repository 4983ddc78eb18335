/**
 * <fm-domain-shift> on its embed page: the shipped digits model on inverted digits, AdaBN and fine-tuning of the dense layers
 * (the ordering of the seeded run, not its figures), AdaBN's statistics as written, stopping the fine-tuning,
 * bad inputs, no tensor leak, axe. Runs are long on SwiftShader (a full default run is ~100 s here), so the
 * later tests use small set-ups (few target images, no or few labels).
 */
import type { Page } from '@playwright/test';
import { test, expect, axeViolations, numTensors } from './support.ts';
import { widgetHarness } from './widget-harness.ts';

type Detail = {
  backend: string; fallbackReason: string | null; shift: string; strength: number; images: number; labels: number;
  source: number; before: number; adabn: number; finetuned: number | null; finetunedClean: number | null; finetuneSteps: number;
  gaps: { before: number; adabn: number; finetuned: number | null };
};

const { el, open, last, count, message } = widgetHarness<Detail>('domain-shift', { timeout: 400_000 });
const summary = (page: Page) => el(page).evaluate((e) => e.shadowRoot!.querySelector('[data-role="summary"]')!.textContent!);

test('inverted digits: accuracy drops, AdaBN raises it, fine-tuning hidden and logits raises it further (seeded ordering)', async ({ page, watch }, info) => {
  void watch;
  test.setTimeout(600_000);
  const d = await open(page);
  if (info.project.name === 'webgpu') expect(d.backend).toBe('webgpu');
  else { expect(d.backend).not.toBe('webgpu'); expect(d.fallbackReason).toBeTruthy(); }
  expect([d.shift, d.strength, d.images, d.labels]).toEqual(['inverted', 1, 200, 10]);
  // The seeded default run (scripts/transfer-figures.mts): clean > fine-tuned > AdaBN > no adaptation > chance.
  expect(d.source).toBeGreaterThan(d.finetuned!);
  expect(d.finetuned!).toBeGreaterThan(d.adabn);
  expect(d.adabn).toBeGreaterThan(d.before);
  expect(d.before).toBeGreaterThan(0.2);
  expect(d.finetuneSteps).toBe(60);
  // AdaBN moves the inverted digits' hidden features towards the clean ones.
  expect(d.gaps.adabn).toBeLessThan(d.gaps.before);
  // The statistics AdaBN wrote: one set per BatchNorm layer, over every position of every target image.
  const bn = await el(page).evaluate(async (e) => (await (e as unknown as { getOutcome(): Promise<{ bn: { layer: string; count: number; mean: Float32Array; variance: Float32Array }[] }> }).getOutcome())
    .bn.map((s) => ({ layer: s.layer, count: s.count, channels: s.mean.length, positive: Array.from(s.variance).every((v) => v > 0) })));
  expect(bn).toEqual([
    { layer: 'bn1', count: 200 * 28 * 28, channels: 32, positive: true },
    { layer: 'bn2', count: 200 * 14 * 14, channels: 64, positive: true },
  ]);
  const text = await summary(page);
  expect(text).toContain(`${(100 * d.before).toFixed(1)}%`);
  expect(text).toContain(`${(100 * d.adabn).toFixed(1)}%`);
  expect(text).toContain(`${(100 * d.finetuned!).toFixed(1)}%`);
  await page.screenshot({ path: `test-results/domain-shift-${info.project.name}.png`, fullPage: true });
});

test('streams: the example digits, then the first batch\'s accuracies marked partial, then the full result in their place', async ({ page, watch }) => {
  void watch;
  test.setTimeout(600_000);
  // Each event as it happens, with what the widget showed at that moment (before the page's own scripts run).
  await page.addInitScript(() => {
    const w = window as unknown as { seen: unknown[] };
    w.seen = [];
    for (const type of ['fm-progress', 'fm-result']) document.addEventListener(type, (e) => {
      const root = (e.target as HTMLElement).shadowRoot!;
      w.seen.push({ type, at: performance.now(), detail: (e as CustomEvent).detail, partial: 'partial' in root.querySelector<HTMLElement>('[data-role="bars"]')!.dataset,
        summary: root.querySelector('[data-role="summary"]')!.textContent, bars: root.querySelector('[data-role="bars"]')!.textContent });
    });
  });
  const d = await open(page, 'images=20&labels=0');
  type Seen = { type: string; at: number; detail: { stage?: string; count?: number; total?: number; source?: number; before?: number }; partial: boolean; summary: string; bars: string };
  const seen = await page.evaluate(() => (window as unknown as { seen: Seen[] }).seen);
  expect(seen.map((e) => e.type)).toEqual(['fm-progress', 'fm-result']);
  const [first, full] = seen as [Seen, Seen];
  // The first picture: the base model on the first batch of the 250 test digits, marked partial, both numbers drawn.
  expect(first.detail).toMatchObject({ stage: 'first-slice', count: 128, total: 250 });
  expect(first.partial).toBe(true);
  expect(first.summary).toContain('So far (partial)');
  for (const v of [first.detail.source!, first.detail.before!]) {
    expect(Math.abs(v * 128 - Math.round(v * 128))).toBeLessThan(1e-9); // a share of the 128 digits
    expect(first.bars).toContain(`${(100 * v).toFixed(1)}%`);
  }
  expect(first.bars).toContain('running…');
  // Then the full run replaces it: no longer partial, the full set's numbers (the default seeded set-up's ordering).
  expect(full.partial).toBe(false);
  expect(full.summary).not.toContain('partial');
  expect(full.summary).toContain(`On 250 clean test digits the model is right ${(100 * d.source).toFixed(1)}%`);
  expect(d.adabn).toBeGreaterThan(d.before);
  expect(full.bars).not.toContain('running…');
  // The example digits were painted (the fm-picture mark) before the first numbers, and those before the result.
  const marks = await page.evaluate(() => ['fm-start', 'fm-picture', 'fm-result'].map((n) => performance.getEntriesByName(n).length));
  expect(marks).toEqual([1, 1, 1]);
  const at = await page.evaluate(() => Object.fromEntries(['fm-start', 'fm-picture', 'fm-result'].map((n) => [n, performance.getEntriesByName(n)[0]!.startTime])));
  expect(at['fm-start']!).toBeLessThanOrEqual(at['fm-picture']!);
  expect(at['fm-picture']!).toBeLessThan(first.at);
  expect(first.at).toBeLessThanOrEqual(at['fm-result']!);
});

test('bad shift, strength, images, labels, seed and after: messages, defaults kept, nothing injected; the widget still runs', { tag: '@webgpu-only' }, async ({ page, watch }) => {
  void watch;
  test.setTimeout(400_000);
  const q = new URLSearchParams({ shift: '<img src=x onerror=alert(1)>', strength: 'lots', images: '5', labels: '2', seed: '-1', after: 'both' });
  const d = await open(page, q.toString());
  const m = await message(page);
  expect(m).toContain('Unknown shift "<img src=x onerror=alert(1)>"');
  expect(m).toContain('strength must be a number; got "lots".');
  expect(m).toContain('images must be from 10 to 1000; got 5.');
  expect(m).toContain('seed must be from 1 to 999999; got -1.');
  expect(m).toContain('Unknown after "both"');
  expect(await el(page).evaluate((e) => e.shadowRoot!.querySelectorAll('img').length)).toBe(0);
  expect([d.shift, d.strength, d.images, d.labels]).toEqual(['inverted', 1, 200, 2]);
  // A strength out of the shift's own range, and more labels than the target images hold.
  const n = await count(page);
  await el(page).evaluate((e) => { e.setAttribute('shift', 'rotated'); e.setAttribute('strength', '400'); e.setAttribute('images', '20'); e.setAttribute('labels', '6'); });
  await expect.poll(() => count(page), { timeout: 300_000 }).toBeGreaterThan(n);
  const m2 = await message(page);
  expect(m2).toContain('For rotated digits, strength is the angle in degrees, counter-clockwise: a number from -180 to 180; got "400".');
  expect(m2).toContain('labels asks for 6 labelled images of each digit, but 20 target images hold only 4 of each');
  const d2 = await last(page);
  expect([d2.shift, d2.strength, d2.images, d2.labels]).toEqual(['rotated', 45, 20, 4]);
});

test('stopping the fine-tuning keeps the AdaBN result; repeated runs leave no tensors behind', { tag: '@webgpu-only' }, async ({ page, watch }) => {
  void watch;
  test.setTimeout(600_000);
  await open(page, 'images=20&labels=0');
  const before = await numTensors(page);
  for (const q of [['shift', 'noisy'], ['images', '30'], ['shift', 'thickened']]) {
    const n = await count(page);
    await el(page).evaluate((e, [k, v]) => e.setAttribute(k!, v!), q);
    await expect.poll(() => count(page), { timeout: 300_000 }).toBeGreaterThan(n);
    await expect(el(page)).toHaveAttribute('status', 'ready');
  }
  expect(await numTensors(page)).toBe(before);
  // Fine-tuning, stopped from its button: the run ends with AdaBN's numbers and says fine-tuning was stopped.
  const n = await count(page);
  await el(page).evaluate((e) => e.setAttribute('labels', '4'));
  const stop = page.locator('fm-domain-shift').getByRole('button', { name: 'Stop fine-tuning' });
  await expect(stop).toBeVisible({ timeout: 300_000 });
  await stop.click();
  await expect.poll(() => count(page), { timeout: 120_000 }).toBeGreaterThan(n);
  const d = await last(page);
  expect(d.finetuned).toBeNull();
  expect(await summary(page)).toContain('Fine-tuning was stopped before it finished.');
  expect(await numTensors(page)).toBe(before);
});

test('the embed page passes axe in light and dark, with a message shown', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  test.setTimeout(400_000);
  await open(page, 'images=20&labels=0');
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page, 'images=20&labels=0&seed=0');
  expect(await message(page)).toContain('seed must be from 1');
  expect(await axeViolations(page)).toEqual([]);
});

test('lang="zh-CN" speaks Chinese after the first result; back to en re-says English without recomputing', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  test.setTimeout(400_000);
  await open(page, 'images=20&labels=0&shift=rotated&strength=400');
  const n = await count(page);
  const role = (r: string) => page.locator(`fm-domain-shift [data-role="${r}"]`);
  await el(page).evaluate((e) => e.setAttribute('lang', 'zh-CN'));
  await expect(role('summary')).toHaveText(/^在250个干净的测试数字上，模型的准确率为[\d.]+%；在旋转45°后的同一批数字上为[\d.]+%（[−+][\d.]+个百分点）。AdaBN用20个无标签的旋转训练数字/);
  await expect(role('shifted-label')).toHaveText('旋转45°');
  await expect(role('bars')).toContainText('旋转，未做自适应');
  await expect(role('bars')).toContainText('测试数字上的准确率（虚线：随机猜测，20%）');
  await expect(role('pca-before')).toContainText('自适应之前 · 差距');
  await expect(page.locator('fm-domain-shift select[data-attr="shift"] option[value="inverted"]')).toHaveText('反相');
  await expect(page.locator('fm-domain-shift label').first()).toHaveText(/^偏移类型/);
  expect(await role('strength-range').getAttribute('aria-label')).toBe('强度：逆时针旋转的角度（度）');
  expect(await message(page)).toBe('对于旋转的数字，strength是逆时针旋转的角度（度）：-180到180之间的数；收到的是"400"。');
  await el(page).evaluate((e) => e.setAttribute('lang', 'en'));
  await expect(role('summary')).toHaveText(/^On 250 clean test digits the model is right [\d.]+% of the time; on the same digits rotated by 45°, /);
  await expect(role('bars')).toContainText('rotated, no adaptation');
  await expect(role('pca-before')).toContainText('Before adaptation · gap');
  expect(await message(page)).toBe('For rotated digits, strength is the angle in degrees, counter-clockwise: a number from -180 to 180; got "400".');
  expect(await count(page)).toBe(n);
});
