/**
 * Long work as one Job (src/lib/job), seen from the page: the fine-tuning lab holds between steps while its tab is
 * hidden or it is scrolled far away, and goes on when back; a reader's own pause survives the tab coming back; two
 * labs training on one page at once both finish with the numbers each gives alone, and the tensors return to where
 * they were. The tab is hidden by overriding document.visibilityState and dispatching `visibilitychange` (headless
 * Chromium never hides a page by itself, and a second page brought to front does not hide the first). The backend
 * does not matter here, so each runs once: the two labs on the CPU (page project: 10 s there, 53 s on SwiftShader's
 * WebGPU), the pauses on WebGPU (on the CPU the 40 epochs end before the tab is hidden). Runs are tiny: 1 example per
 * class, a frozen base.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, numTensors } from './support.ts';
import { openLab, recordProgress, train, type Summary } from './finetune-lab/helpers.ts';

test.describe.configure({ timeout: 600_000 });
const LONG = 'per-class=1&holdout=5&epochs=40';

const setHidden = (page: Page, hidden: boolean) => page.evaluate((h) => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
  document.dispatchEvent(new Event('visibilitychange'));
}, hidden);
const trainingSteps = (page: Page) => page.evaluate(() =>
  (window as unknown as { fmProgress: { phase: string }[] }).fmProgress.filter((p) => p.phase === 'training').length);
const numbersOf = (s: Summary[]) => s.map((r) => ({ state: r.state, accuracy: r.accuracy, perClass: r.perClass, confusion: r.confusion, curve: r.curve }));
const live = (lab: Locator) => lab.locator('[data-role="live"]');

/** While held, nothing moves for a while (a step already past its checkpoint may end first); returns the count. */
async function expectHeld(page: Page): Promise<number> {
  await page.waitForTimeout(400);
  const held = await trainingSteps(page);
  await page.waitForTimeout(1500);
  expect(await trainingSteps(page), 'training steps while held').toBe(held);
  return held;
}
/** Training goes on: more steps than while held (the live line moves on to epochs at once, so count steps). */
const expectResumed = async (page: Page, held: number) => expect.poll(() => trainingSteps(page)).toBeGreaterThan(held);

test('the lab pauses while its tab is hidden or it is scrolled away, resumes when back; a reader\'s pause is kept', { tag: '@webgpu-only' }, async ({ page }) => {
  const lab = await openLab(page, LONG.replace('epochs=40', 'epochs=1'));
  await train(lab); // warm-up: data, source model, GPU programs
  const baseline = await numTensors(page);
  await lab.evaluate((e) => e.setAttribute('epochs', '40'));
  await recordProgress(lab);
  const running = train(lab);
  await expect.poll(() => trainingSteps(page), { timeout: 120_000 }).toBeGreaterThan(0);

  // (a) Tab hidden: the job holds, says why, and goes on when the tab is back.
  await setHidden(page, true);
  await expect(live(lab)).toHaveText('Paused while out of view.');
  let held = await expectHeld(page);
  await setHidden(page, false);
  await expectResumed(page, held);

  // (b) Scrolled far away: the same, through the element's IntersectionObserver.
  await page.evaluate(() => {
    const spacer = Object.assign(document.createElement('div'), { id: 'spacer' });
    spacer.style.height = '6000px';
    document.body.append(spacer);
    window.scrollTo(0, document.documentElement.scrollHeight);
  });
  await expect(live(lab)).toHaveText('Paused while out of view.');
  held = await expectHeld(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectResumed(page, held);

  // The reader's pause is the reader's: hiding and showing the tab does not lift it.
  await lab.locator('[data-action="pause"]').click();
  await expect(live(lab)).toHaveText('Paused.');
  await setHidden(page, true);
  await setHidden(page, false);
  await expectHeld(page);
  await expect(live(lab)).toHaveText('Paused.');
  await expect(lab.locator('[data-action="pause"]')).toHaveText('Resume');
  await lab.locator('[data-action="pause"]').click();
  const [r] = await running;
  expect(r!.state).toBe('done');
  expect(r!.curve).toHaveLength(41);
  expect(await numTensors(page)).toBe(baseline);
});

test('two labs training on one page at once both finish with their own numbers; tensors back to baseline', { tag: '@page' }, async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 4000 }); // both labs in view, so neither is paused
  await openLab(page, 'per-class=1&holdout=5&epochs=3&seed=2');
  await page.evaluate(() => {
    const second = document.createElement('fm-finetune-lab');
    for (const [k, v] of Object.entries({ id: 'second', 'per-class': '1', holdout: '5', epochs: '3', seed: '2' })) second.setAttribute(k, v);
    document.querySelector('main')!.append(second);
  });
  const [first, second] = [page.locator('#fm-embed-slot fm-finetune-lab'), page.locator('#second')];
  // Each alone first: the numbers to match, and each lab's kept data and source model (its own copy) loaded.
  const alone = await train(first);
  expect(numbersOf(await train(second))).toEqual(numbersOf(alone));
  const baseline = await numTensors(page);
  const [a, b] = await Promise.all([train(first), train(second)]);
  expect(numbersOf(a)).toEqual(numbersOf(alone));
  expect(numbersOf(b)).toEqual(numbersOf(alone));
  expect(await numTensors(page)).toBe(baseline);
});
