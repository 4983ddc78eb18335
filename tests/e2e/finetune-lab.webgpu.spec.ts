/**
 * The fine-tuning lab on WebGPU (SwiftShader here: a few images a second through the convolutions, so the runs
 * are small; the same code runs the chapter's default set-up). Each test asserts the backend is webgpu.
 */
import { test, expect } from './support.ts';
import { backend, openLab, progressLog, recordProgress, sources, train } from './finetune-lab/helpers.ts';

test.describe.configure({ timeout: 600_000 });

test('a short seeded run on webgpu: validation curves on images never trained on, test accuracy once at the end, well above chance', async ({ page }) => {
  const lab = await openLab(page, 'per-class=5&holdout=5&epochs=8&seed=2');
  expect(await backend(page)).toBe('webgpu');
  await expect(lab.locator('[data-role="split-note"]')).toContainText('20 validation images per class, drawn (seeded) from the training split and never among the labelled examples');
  await expect(lab.locator('[data-role="split-note"]')).toContainText('on the first 5 test images per class, measured once, after the last epoch');
  await recordProgress(lab);
  const [a] = await train(lab);
  expect(a!.state).toBe('done');
  expect(a!.path).toBe('features');
  expect(a!.counts).toEqual({ train: 25, validation: 100, test: 25 });
  expect(a!.curve.map((p) => p.epoch)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  // Three disjoint sets: the labelled picks and the validation images from digits/train never meet; test from digits/test.
  const [src] = await sources(lab);
  expect([src!.train.length, src!.validation.length, src!.test.length]).toEqual([25, 100, 25]);
  const picked = new Set(src!.train);
  expect(src!.validation.filter((p) => picked.has(p))).toEqual([]);
  expect(new Set(src!.validation).size).toBe(100);
  // The test images are evaluated once: one stretch of 'testing' progress, after the last epoch's validation.
  const log = await progressLog(page);
  const phases = log.map((p) => p.phase).filter((p, i, all) => p !== all[i - 1]);
  expect(phases.filter((p) => p === 'testing')).toHaveLength(1);
  expect(phases.at(-1)).toBe('testing');
  expect(log.filter((p) => p.phase === 'validating').at(-1)!.epoch).toBe(8);
  // 5 classes: chance is 20%. The new head starts near chance and the frozen digits 0–4 features carry it far above.
  expect(a!.accuracy!).toBeGreaterThanOrEqual(0.5);
  expect(a!.curve.at(-1)!.valAccuracy!).toBeGreaterThanOrEqual(a!.curve[0]!.valAccuracy! + 0.25);
  await expect(lab.locator('.card .accuracy')).toHaveText(`${(100 * a!.accuracy!).toFixed(1)}% test accuracy`);
  await expect(lab.locator('.card .summary')).toContainText('of 25 test images right, measured once after the last epoch');
  await expect(lab.locator('table.confusion caption')).toContainText('Confusion matrix on the 25 test images');
  await expect(lab.locator('[data-role="summary"]')).toContainText('Run A');
  await expect(lab.locator('[data-role="summary"]')).toContainText('validation accuracy');
});

test('digits 0–4 → 5–9 with 10 labels per class: the frozen pretrained base beats training from scratch', async ({ page }) => {
  // Four epochs: a pretrained base's first epochs go to taming the new random head's large logits (its held-out
  // loss starts far above ln 5), so the gap opens from the third epoch on (the curves in the lab show it).
  const lab = await openLab(page, 'per-class=10&holdout=5&epochs=4&compare=source%3Drandom+freeze%3Dnone');
  expect(await backend(page)).toBe('webgpu');
  const [pretrained, scratch] = await train(lab);
  expect(pretrained!.config).toMatchObject({ source: 'digits04-cnn', freeze: 'conv2', perClass: 10 });
  expect(scratch!.config).toMatchObject({ source: 'random', freeze: 'none', perClass: 10 });
  expect([pretrained!.path, scratch!.path]).toEqual(['features', 'full']);
  expect(pretrained!.steps).toBe(scratch!.steps); // same examples, batches and epochs
  // The ordering from this seeded run, not a number written here.
  expect(pretrained!.accuracy!).toBeGreaterThan(scratch!.accuracy!);
  for (const r of [pretrained!, scratch!]) console.log(`${r.config.source}: ${r.curve.map((p) => `${p.valAccuracy!.toFixed(2)}/${p.valLoss!.toFixed(2)}`).join(' ')} (validation accuracy/loss per epoch), test accuracy ${r.accuracy!.toFixed(3)}, ${r.msPerEpoch!.toFixed(0)} ms per epoch`);
});

test('identical seeds give identical numbers; one example per class trains and says results will swing', async ({ page }) => {
  // Run B is run A again: same seed, same source model object (cached), trained after A on the same page.
  const lab = await openLab(page, 'per-class=1&holdout=5&epochs=2&compare=source%3Ddigits04-cnn');
  expect(await backend(page)).toBe('webgpu');
  const [a, b] = await train(lab);
  expect(a!.state).toBe('done');
  expect(a!.steps).toBe(2); // 5 examples: one batch of 5 per epoch
  expect(b!.curve).toEqual(a!.curve);
  expect(b!.confusion).toEqual(a!.confusion);
  expect(b!.accuracy).toBe(a!.accuracy);
  await expect(lab.locator('.card .note').first()).toContainText('1 example per class, expect results to change a lot with the seed');
});
