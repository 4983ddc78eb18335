/**
 * The fine-tuning lab on WebGPU (SwiftShader here: a few images a second through the convolutions, so the runs
 * are small; the same code runs the chapter's default set-up). Each test asserts the backend is webgpu.
 */
import { test, expect } from './support.ts';
import { backend, openLab, train } from './finetune-lab/helpers.ts';

test.describe.configure({ timeout: 600_000 });

test('a short seeded run on webgpu lifts held-out accuracy well above chance', async ({ page }) => {
  const lab = await openLab(page, 'per-class=5&holdout=5&epochs=8&seed=2');
  expect(await backend(page)).toBe('webgpu');
  const [a] = await train(lab);
  expect(a!.state).toBe('done');
  expect(a!.path).toBe('features');
  expect(a!.curve.map((p) => p.epoch)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  // 5 classes: chance is 20%. The new head starts near chance and the frozen digits 0–4 features carry it far above.
  expect(a!.accuracy!).toBeGreaterThanOrEqual(0.5);
  expect(a!.accuracy!).toBeGreaterThanOrEqual(a!.curve[0]!.testAccuracy + 0.25);
  await expect(lab.locator('.card .accuracy')).toContainText('held-out accuracy');
  await expect(lab.locator('[data-role="summary"]')).toContainText('Run A');
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
  for (const r of [pretrained!, scratch!]) console.log(`${r.config.source}: ${r.curve.map((p) => `${p.testAccuracy.toFixed(2)}/${p.testLoss.toFixed(2)}`).join(' ')} (accuracy/loss per epoch), ${r.msPerEpoch!.toFixed(0)} ms per epoch`);
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
