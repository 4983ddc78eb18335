/**
 * <fm-feature-reuse> on its embed page: filters and maps of a pretrained and a random model, linear probes per
 * layer for both (the ordering of the seeded run where pretraining matters most), the maps against the
 * element's own filters for the random model (conv1 → BatchNorm at its initial statistics → ReLU, float64), a
 * second shipped model, bad inputs, no tensor leak, axe.
 */
import { test, expect, axeViolations, numTensors, switchLang } from './support.ts';
import { widgetHarness } from './widget-harness.ts';
import { conv2dReference } from '../../src/lib/conv/reference.ts';

type Score = { layer: string; dim: number; accuracy: number; trainAccuracy: number };
type Detail = { backend: string; fallbackReason: string | null; model: string; digit: number; labels: number; seed: number; pixels: number; pretrained: Score[]; random: Score[]; smoothness: { pretrained: number; random: number } };

const { el, open, last, count, message, set: setAndWait } = widgetHarness<Detail>('feature-reuse', { timeout: 400_000 });

test('probes report every layer of both models; pretraining helps at pool2 (seeded ordering); random maps match a float64 reference', async ({ page, watch }, info) => {
  void watch;
  test.setTimeout(600_000);
  const d = await open(page);
  if (info.project.name === 'webgpu') expect(d.backend).toBe('webgpu');
  else { expect(d.backend).not.toBe('webgpu'); expect(d.fallbackReason).toBeTruthy(); }
  expect([d.model, d.digit, d.labels, d.seed]).toEqual(['digits04-cnn', 7, 10, 1]);
  for (const scores of [d.pretrained, d.random]) {
    expect(scores.map((s) => [s.layer, s.dim])).toEqual([['pool1', 6272], ['pool2', 3136], ['hidden', 64]]);
    for (const s of scores) { expect(s.accuracy).toBeGreaterThan(0.2); expect(s.accuracy).toBeLessThanOrEqual(1); expect(s.trainAccuracy).toBeGreaterThanOrEqual(s.accuracy - 0.2); }
  }
  // The seeded default run (scripts/transfer-figures.mts): at pool2 the pretrained features beat random ones and
  // the pixels, and pool2 is the pretrained model's best layer.
  const [p1, p2, ph] = d.pretrained.map((s) => s.accuracy) as [number, number, number];
  expect(p2).toBeGreaterThan(d.random[1]!.accuracy);
  expect(p2).toBeGreaterThan(d.pixels);
  expect(p2).toBeGreaterThan(Math.max(p1, ph));
  const text = await el(page).evaluate((e) => e.shadowRoot!.querySelector('[data-role="summary"]')!.textContent!);
  for (const s of [...d.pretrained, ...d.random]) expect(text).toContain(`${(100 * s.accuracy).toFixed(1)}%`);
  await page.screenshot({ path: `test-results/feature-reuse-${info.project.name}.png`, fullPage: true });

  // The random model's maps: its BatchNorm still has its initial statistics (mean 0, variance 1, γ 1, β 0).
  const r = await el(page).evaluate(async (e) => {
    const res = await (e as unknown as { getResult(): Promise<{ views: { random: { filters: { data: Float32Array; shape: number[] }; maps: { data: Float32Array; shape: number[] } } } }> }).getResult();
    const digits = e.shadowRoot!.querySelector('canvas[data-role="digit"]') as HTMLCanvasElement;
    const px = Array.from(digits.getContext('2d')!.getImageData(0, 0, 28, 28).data.filter((_, i) => i % 4 === 0));
    return { kernel: Array.from(res.views.random.filters.data), kshape: res.views.random.filters.shape, maps: Array.from(res.views.random.maps.data), mshape: res.views.random.maps.shape, px };
  });
  expect(r.kshape).toEqual([3, 3, 1, 32]);
  expect(r.mshape).toEqual([28, 28, 32]);
  const ref = conv2dReference({ data: Float32Array.from(r.px, (v) => v / 255), shape: [1, 28, 28, 1] }, { data: Float32Array.from(r.kernel), shape: r.kshape }, { stride: 1, padding: 'same', dilation: 1 });
  const scale = 1 / Math.sqrt(1 + 1e-3);
  let worst = 0;
  for (let i = 0; i < ref.data.length; i++) {
    const want = Math.max(0, ref.data[i]! * scale);
    worst = Math.max(worst, Math.abs(r.maps[i]! - want) / (1e-5 + 1e-4 * ref.absSum[i]!));
  }
  expect(worst).toBeLessThanOrEqual(1);
});

test('streams: filters and maps first, then the pretrained probes marked partial, then both models\' probes in their place', async ({ page, watch }) => {
  void watch;
  test.setTimeout(600_000);
  // Each event as it happens, with what the probe chart showed at that moment (before the page's own scripts run).
  await page.addInitScript(() => {
    const w = window as unknown as { seen: unknown[] };
    w.seen = [];
    for (const type of ['fm-progress', 'fm-result']) document.addEventListener(type, (e) => {
      const probe = (e.target as HTMLElement).shadowRoot!.querySelector<HTMLElement>('[data-role="probe"]')!;
      w.seen.push({ type, at: performance.now(), detail: (e as CustomEvent).detail, partial: 'partial' in probe.dataset, chart: probe.textContent });
    });
  });
  const d = await open(page, 'labels=3');
  type Seen = { type: string; at: number; detail: { stage?: string; pixels: number; pretrained: Score[] }; partial: boolean; chart: string };
  const seen = await page.evaluate(() => (window as unknown as { seen: Seen[] }).seen);
  expect(seen.map((e) => e.type)).toEqual(['fm-progress', 'fm-result']);
  const [first, full] = seen as [Seen, Seen];
  // The partial chart: pixels and the pretrained model's probes, the random model's still pending (…).
  expect(first.detail.stage).toBe('pretrained');
  expect(first.partial).toBe(true);
  expect(first.chart).toContain('…');
  // The full result keeps the streamed numbers exactly and adds the random model's; the chart is no longer partial.
  expect(first.detail.pretrained).toEqual(d.pretrained);
  expect(first.detail.pixels).toBe(d.pixels);
  expect(d.random.map((r) => r.layer)).toEqual(['pool1', 'pool2', 'hidden']);
  expect(full.partial).toBe(false);
  expect(full.chart).not.toContain('…');
  for (const s of [...d.pretrained, ...d.random]) expect(full.chart).toContain(`${(100 * s.accuracy).toFixed(1)}%`);
  // The filters and maps (the fm-picture mark) came before the first probes.
  const at = await page.evaluate(() => Object.fromEntries(['fm-start', 'fm-picture', 'fm-result'].map((n) => [n, performance.getEntriesByName(n).map((m) => m.startTime)])));
  expect([at['fm-start']!.length, at['fm-picture']!.length, at['fm-result']!.length]).toEqual([1, 1, 1]);
  expect(at['fm-picture']![0]!).toBeLessThan(first.at);
  expect(first.at).toBeLessThanOrEqual(at['fm-result']![0]!);
});

test('another digit and another shipped model; bad inputs keep the last good set-up; no tensor leak', { tag: '@webgpu-only' }, async ({ page, watch }) => {
  void watch;
  test.setTimeout(900_000);
  const q = new URLSearchParams({ model: '<b>vgg16</b>', digit: '12', labels: '0', seed: 'abc' });
  const d = await open(page, q.toString());
  const m = await message(page);
  expect(m).toContain('Unknown model "<b>vgg16</b>". Choose one of: fashion-cnn, digits04-cnn.');
  expect(m).toContain('digit must be from 0 to 9; got 12.');
  expect(m).toContain('labels must be from 1 to 50; got 0.');
  expect(m).toContain('seed must be a whole number from 1 to 999999; got "abc".');
  expect(await el(page).evaluate((e) => e.shadowRoot!.querySelectorAll('b').length)).toBe(0);
  expect([d.model, d.digit, d.labels, d.seed]).toEqual(['digits04-cnn', 7, 10, 1]);
  const before = await numTensors(page);
  await setAndWait(page, { digit: '3' });
  const m3 = await message(page); // a message stays until its own attribute is fixed
  expect(m3).not.toContain('digit must be');
  expect(m3).toContain('seed must be');
  await setAndWait(page, { seed: '5' });
  await setAndWait(page, { labels: '3', seed: '1' });
  expect(await numTensors(page)).toBe(before);
  const f = await setAndWait(page, { model: 'fashion-cnn' });
  expect(f.model).toBe('fashion-cnn');
  expect(f.pretrained.map((s) => s.dim)).toEqual([6272, 3136, 64]);
  expect(await message(page)).toBe(''); // every attribute is fixed now
});

test('the embed page passes axe in light and dark', { tag: '@webgpu-only' }, async ({ page, watch }) => {
  void watch;
  test.setTimeout(400_000);
  await open(page, 'labels=2');
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page, 'labels=2&digit=x');
  expect(await axeViolations(page)).toEqual([]);
});

test('in lang="zh-CN" labels, captions, sentences and the chart speak Chinese; back to en, English again without recomputing', { tag: '@webgpu-only' }, async ({ page, watch }) => {
  void watch;
  test.setTimeout(400_000);
  await open(page, 'labels=2');
  const n = await count(page);
  const shown = () => el(page).evaluate((e) => {
    const r = e.shadowRoot!;
    const q = (s: string) => r.querySelector(s)!.textContent!;
    return {
      label: q('.controls label'), title: q('[data-role="pretrained-title"]'), caption: q('.model .caption'), summary: q('[data-role="summary"]'),
      views: q('[data-role="views-summary"]'), timing: q('[data-role="timing"]'), filters: r.querySelector('[data-role="random-filters"]')!.getAttribute('aria-label')!,
      axis: q('.probe .axis-label'), ticks: [...r.querySelectorAll('.probe .axis.labels .tick text')].map((t) => t.textContent), legend: q('.probe .legend-text'),
    };
  });
  await switchLang(el(page), 'zh-CN'); // the Chinese catalogue is fetched now: read once the widget says it speaks it
  const zh = await shown();
  expect(zh.label).toContain('预训练模型');
  expect(zh.title).toBe('预训练：digits04-cnn');
  expect(zh.caption).toBe('第一层滤波器（3×3）');
  expect(zh.summary).toMatch(/^在5–9每类2个带标签的数字（模型从未见过的数字）上训练线性探针.*原始像素\d+\.\d%；pool1（6,272个特征）：预训练/);
  expect(zh.views).toContain('相邻滤波器权重的平均相关系数');
  expect(zh.timing).toMatch(/^计算用时\d+\.\d秒。$/);
  expect(zh.filters).toMatch(/^随机模型（随机种子1）的32个第一层3×3滤波器/);
  expect(zh.axis).toBe('线性探针在留出的数字5–9上的准确率（虚线：随机猜测，20%）');
  expect(zh.ticks).toEqual(['像素', 'pool1', 'pool2', 'hidden']);
  expect(zh.legend).toBe('预训练（digits04-cnn）');

  await switchLang(el(page), 'en');
  const en = await shown();
  expect(en.label).toContain('Pretrained model');
  expect(en.title).toBe('Pretrained: digits04-cnn');
  expect(en.summary).toMatch(/^A linear probe trained on 2 labelled digits of each class 5–9 \(digits the model never saw\)/);
  expect(en.timing).toMatch(/^Computed in \d+\.\d s\.$/);
  expect(en.axis).toBe('linear probe accuracy on held-out digits 5–9 (dashed: chance, 20%)');
  expect(en.ticks).toEqual(['pixels', 'pool1', 'pool2', 'hidden']);
  expect(await count(page)).toBe(n);
});
