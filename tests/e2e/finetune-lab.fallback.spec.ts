/** The fine-tuning lab without WebGPU: a short Fashion → digits run on WebGL or the CPU, and the badge says why. */
import { test, expect } from './support.ts';
import { backend, openLab, train } from './finetune-lab/helpers.ts';

test('a short Fashion → digits run works on the fallback backend and the badge says why', async ({ page }) => {
  test.setTimeout(600_000);
  const lab = await openLab(page, 'source=fashion-cnn&target=digits-0-9&per-class=2&holdout=5&epochs=3');
  expect(await backend(page)).not.toBe('webgpu');
  const [a] = await train(lab);
  expect(a!.state).toBe('done');
  expect(a!.config).toMatchObject({ source: 'fashion-cnn', target: 'digits-0-9' });
  expect(a!.curve).toHaveLength(4);
  expect(a!.perClass).toHaveLength(10);
  expect(a!.accuracy!).toBeGreaterThanOrEqual(0);
  expect(a!.curve.every((p) => Number.isFinite(p.valLoss))).toBe(true);
  expect(a!.counts).toEqual({ train: 20, validation: 200, test: 50 });
  await expect(lab.locator('fm-device-badge')).toContainText(/WebGL|CPU/);
  await expect(lab.locator('.card .accuracy')).toContainText('test accuracy');
});
