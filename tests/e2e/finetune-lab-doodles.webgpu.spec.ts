/**
 * The fine-tuning lab's "your own classes": drawings saved in <fm-doodle-classes>'s IndexedDB record (written here in
 * the state module's own format, as the widget writes it) become the custom target — on a doodle save event and on
 * start — and a short seeded run on WebGPU, with validation drawings carved from the drawings to learn from, classifies
 * the held-out test drawings far above chance; a class with one
 * drawing is refused with its sentence. WebGPU only: one short training run (SwiftShader is slow).
 */
import type { Page } from '@playwright/test';
import { test, expect, axeViolations } from './support.ts';
import { backend, message, openLab, sources, train } from './finetune-lab/helpers.ts';
import { doodle, type Shape } from './doodle-shapes.ts';
import { serialise } from '../../src/lib/doodle/state.ts';

test.describe.configure({ timeout: 180_000 });

/** Writes a doodle record as the widget saves it, then announces the save as the widget does. */
async function saveDoodles(page: Page, spec: [Shape, number][], key = 'doodle'): Promise<void> {
  const record = { ...serialise({ classes: spec.map(([s, n]) => ({ name: s, drawings: Array.from({ length: n }, (_, i) => doodle(s, i + 1)) })), model: null }), saved: Date.now() };
  await page.evaluate(async ([k, value]) => {
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('feature-maps-doodles', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('states');
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const tx = req.result.transaction('states', 'readwrite');
        tx.objectStore('states').put(value, k as string);
        tx.oncomplete = () => { req.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    });
    window.dispatchEvent(new CustomEvent('fm-doodles-saved', { detail: { key: k } }));
  }, [key, record] as const);
}

const option = (page: Page) => page.locator('#fm-lab-target-0 option[value="custom"]');
const note = (page: Page) => page.locator('fm-finetune-lab [data-role="custom-note"]');

test('a class with one drawing is refused with its sentence; no drawings at all point to the doodle widget', async ({ page }) => {
  const lab = await openLab(page, 'target=custom&epochs=1');
  await expect(note(page)).toContainText('draw at least 2 classes, 2 drawings each, in the doodle widget (Chapter 5, section “Your own classes”)');
  await expect(option(page)).toBeDisabled();
  await saveDoodles(page, [['circle', 3], ['cross', 1]]);
  await expect(note(page)).toContainText('“cross” has only 1 drawing: the lab needs at least 2 of each class');
  await expect(option(page)).toBeDisabled();
  const [r] = await train(lab);
  expect(r!.state).toBe('error');
  await expect(message(lab)).toContainText('target "custom" needs your own classes');
  // One more cross, saved: the classes become usable without a reload.
  await saveDoodles(page, [['circle', 3], ['cross', 2]]);
  await expect(option(page)).toBeEnabled();
  await expect(option(page)).toHaveText('your own classes (2 classes from the drawing lab)');
});

test('saved doodle classes train on webgpu and the held-out drawings are classified far above chance', async ({ page }) => {
  const shapes: Shape[] = ['circle', 'cross', 'zigzag'];
  // 8 drawings each: the last 2 held out to test; of the other 6, the last validates and 5 are to learn from.
  // per-class=10 asks for more than there are.
  const query = 'target=custom&per-class=10&epochs=5&seed=1';
  await openLab(page, query);
  await saveDoodles(page, shapes.map((s) => [s, 8]));
  await expect(option(page)).toHaveText('your own classes (3 classes from the drawing lab)');
  await expect(note(page)).toContainText('“circle” 5 to learn from, 1 to validate on, 2 held out to test; “cross” 5 to learn from, 1 to validate on, 2 held out to test; “zigzag” 5 to learn from, 1 to validate on, 2 held out to test');
  await expect(note(page)).toContainText('You asked for 10 labelled examples per class, but not every class has that many drawings to learn from (“circle” has 5, “cross” has 5, “zigzag” has 5)');
  expect(await axeViolations(page, 'fm-finetune-lab')).toEqual([]);
  // A new visit: the lab reads the saved classes when it starts.
  const lab = await openLab(page, query);
  expect(await backend(page)).toBe('webgpu');
  await expect(option(page)).toBeEnabled();
  expect(await lab.locator('#fm-lab-target-0').inputValue()).toBe('custom');
  const t0 = Date.now();
  const [a] = await train(lab);
  console.log(`custom doodles: ${a!.curve.map((p) => p.valAccuracy!.toFixed(2)).join(' ')} validation accuracy per epoch, test ${a!.accuracy!.toFixed(2)}, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  expect(a!.state).toBe('done');
  expect(a!.path).toBe('features');
  expect(a!.counts).toEqual({ train: 15, validation: 3, test: 6 });
  expect(a!.steps).toBe(5 * 1); // 15 drawings to learn from, one batch of 15
  expect(a!.curve.map((p) => p.epoch)).toEqual([0, 1, 2, 3, 4, 5]);
  expect(a!.confusion.length).toBe(3);
  expect(a!.confusion.flat().reduce((s, n) => s + n, 0)).toBe(6); // the 6 held-out test drawings
  // Chance is 1/3; the frozen digits base's features separate circles, crosses and zigzags.
  expect(a!.accuracy!).toBeGreaterThanOrEqual(0.65);
  await expect(lab.locator('.card .note').first()).toContainText('those classes use all they have');
  await expect(lab.locator('[data-role="summary"]')).toContainText('test images right, measured once after the last epoch');
  expect(await sources(lab)).toEqual([null]);
  expect(await axeViolations(page, 'fm-finetune-lab')).toEqual([]);
});

test("a host's setCustomTarget is kept when the saved drawings cannot be used", async ({ page }) => {
  const lab = await openLab(page, 'target=custom');
  const problem = await lab.evaluate((e) => (e as unknown as { setCustomTarget(t: unknown): string | null }).setCustomTarget({
    classNames: ['cat', 'dog'], train: { images: new Uint8Array(2 * 784), labels: [0, 1], count: 2 }, test: { images: new Uint8Array(2 * 784), labels: [0, 1], count: 2 },
  }));
  expect(problem).toBeNull();
  await expect(option(page)).toHaveText('your own classes (2 classes)');
  await saveDoodles(page, [['circle', 1], ['cross', 1], ['zigzag', 2]]);
  await page.waitForTimeout(1000); // the lab re-reads the record (it shows nothing while a host's classes are in force)
  await expect(option(page)).toBeEnabled();
  await expect(option(page)).toHaveText('your own classes (2 classes)');
  await expect(note(page)).toBeHidden();
  // Usable drawings, saved: they replace the host's classes (the latest wins).
  await saveDoodles(page, [['circle', 2], ['cross', 2], ['zigzag', 2]]);
  await expect(option(page)).toHaveText('your own classes (3 classes from the drawing lab)');
});
