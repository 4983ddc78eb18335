/**
 * The fine-tuning lab on every backend: cancel and start again, tensors stable over repeated runs, switching
 * the source mid-run, bad attributes and URL values, the URL round trip, keyboard access to the confusion
 * matrix, axe in light and dark. Runs are tiny (1 example per class, 5 held-out per class): SwiftShader is slow. The
 * keyboard, axe and language checks run once, on the CPU (page project), where the lab trains sooner.
 */
import { test, expect, axeViolations, numTensors } from './support.ts';
import { message, openLab, train } from './finetune-lab/helpers.ts';

test.describe.configure({ timeout: 600_000 });
const TINY = 'per-class=1&holdout=5&epochs=1';

test('cancel acts within a second and keeps the page responsive; training again works; tensors stable; switching source mid-run', async ({ page }) => {
  const lab = await openLab(page, TINY);
  await train(lab); // warm-up: loads the data and the source model, which the lab keeps
  const settled = await numTensors(page);

  // Every live line the reader hears, in order: a run cancelled must not later be reported as "finished".
  await lab.evaluate((e) => {
    const w = window as unknown as { said: string[] };
    w.said = [];
    const n = e.shadowRoot!.querySelector('[data-role="live"]')!;
    new MutationObserver(() => w.said.push(n.textContent ?? '')).observe(n, { childList: true, characterData: true, subtree: true });
  });
  await lab.locator('[data-action="train"]').click();
  await expect(lab.locator('.card .note')).toContainText(/features|Evaluating|Epoch/);
  await expect(lab.locator('[data-role="summary"]')).toHaveText('Training is under way (1 run): the results appear here when the last run finishes.');
  // A timer on the page still fires promptly while the engine works.
  const lag = await page.evaluate(async () => {
    let worst = 0;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await new Promise((r) => setTimeout(r, 50));
      worst = Math.max(worst, performance.now() - t - 50);
    }
    return worst;
  });
  expect(lag).toBeLessThan(500);
  const reaction = await lab.evaluate(async (e) => {
    const t = performance.now();
    (e.shadowRoot!.querySelector('[data-action="cancel"]') as HTMLButtonElement).click();
    while (e.getAttribute('status') !== 'ready' || (e.shadowRoot!.querySelector('[data-action="train"]') as HTMLButtonElement).disabled) {
      await new Promise((r) => setTimeout(r, 10));
    }
    return performance.now() - t;
  });
  expect(reaction).toBeLessThan(1000);
  // The card and the live line say the same thing.
  const note = (await lab.locator('.card .note').textContent())!;
  expect(note).toMatch(/^Cancelled (before its first epoch ended: |after epoch 1 of 1: .*; )the test images were not measured\.$/);
  await expect(lab.locator('[data-role="live"]')).toHaveText(`Run A c${note.slice(1)}`);

  // Start again at once (it waits for the step in flight), then switch the source while it runs.
  const again = train(lab);
  await expect(lab).toHaveAttribute('status', 'running');
  await lab.locator('#fm-lab-source-0').selectOption('random');
  await expect(message(lab)).toContainText('the runs in progress keep the set-up they started with');
  const [r] = await again;
  expect(r!.state).toBe('done');
  // The cancelled run's step finished in the background before this run started: it changed neither line.
  const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
  expect(said.filter((t) => /finished: Cancelled|Stopped/.test(t)), 'a cancelled run reported as finished').toEqual([]);
  expect(said).toContain(`Run A c${note.slice(1)}`);
  expect(r!.config.source).toBe('digits04-cnn');
  await expect(lab.locator('.card .config')).toContainText('settings changed since this run');
  expect(await numTensors(page)).toBe(settled);

  await lab.locator('#fm-lab-source-0').selectOption('digits04-cnn');
  for (let i = 0; i < 2; i++) {
    await train(lab);
    expect(await numTensors(page), `after run ${i + 3}`).toBe(settled);
  }
});

test('bad attributes and URL values: readable messages, last good values kept, widget still usable', { tag: '@page' }, async ({ page }) => {
  const lab = await openLab(page, `per-class=0&source=resnet50&compare=freeze%3Dconv9&lr=abc&holdout=1000`);
  const text = message(lab);
  await expect(text).toContainText('per-class must be at least 1');
  await expect(text).toContainText('Unknown source "resnet50"');
  await expect(text).toContainText('run B: Unknown freeze "conv9"');
  await expect(text).toContainText('lr must be a number');
  await expect(text).toContainText('holdout must be from 5 to 150');
  const runs = await lab.evaluate((e) => (e as unknown as { runs: { perClass: number; source: string }[] }).runs);
  expect(runs).toEqual([expect.objectContaining({ perClass: 10, source: 'digits04-cnn' })]);
  await expect(lab.locator('#fm-lab-per-class-0')).toHaveValue('10');
  // Nothing from the URL became markup.
  await lab.evaluate((e) => e.setAttribute('source', '<img src=x onerror=alert(1)>'));
  await expect(text).toContainText('Unknown source "<img src=x onerror=alert(1)>"');
  expect(await lab.locator('img').count()).toBe(0);
  // Fixing each value clears its message; the typed 0 in the form is refused the same way.
  for (const [k, v] of [['per-class', '2'], ['source', 'random'], ['compare', 'freeze=none'], ['lr', '0.01'], ['holdout', '5']]) await lab.evaluate((e, [a, b]) => e.setAttribute(a!, b!), [k, v]);
  await expect(text).toBeHidden();
  await lab.locator('#fm-lab-per-class-1').fill('0');
  await lab.locator('#fm-lab-per-class-1').dispatchEvent('change');
  await expect(text).toContainText('Run B: per-class must be at least 1');
  await expect(lab.locator('#fm-lab-per-class-1')).toHaveValue('2');
  // A custom target with no classes of one's own: a message, and the lab goes back to ready.
  const problem = await lab.evaluate((e) => (e as unknown as { setCustomTarget(t: unknown): string | null }).setCustomTarget({
    classNames: ['cat', 'dog'], train: { images: new Uint8Array(2 * 784), labels: [0, 0], count: 2 }, test: { images: new Uint8Array(784), labels: [1], count: 1 },
  }));
  expect(problem).toContain('“dog” has no training example');
  await lab.evaluate((e) => { e.setAttribute('target', 'custom'); e.removeAttribute('compare'); });
  const [r] = await train(lab);
  expect(r!.state).toBe('error');
  await expect(text).toContainText('target "custom" needs your own classes');
  await expect(lab).toHaveAttribute('status', 'ready');
});

test('the set-up round-trips through the embed URL', { tag: '@page' }, async ({ page }) => {
  const lab = await openLab(page, 'per-class=7&seed=4&compare=source%3Drandom');
  await lab.locator('#fm-lab-lr-1').fill('0.02');
  await lab.locator('#fm-lab-lr-1').dispatchEvent('change');
  await lab.locator('#fm-lab-augment-0').check();
  await expect.poll(() => new URL(page.url()).searchParams.get('compare')).toBe('source=random lr=0.02');
  expect(new URL(page.url()).searchParams.get('augment')).toBe('on');
  const before = await lab.evaluate((e) => (e as unknown as { runs: unknown }).runs);
  const again = await openLab(page, new URL(page.url()).search.slice(1));
  expect(await again.evaluate((e) => (e as unknown as { runs: unknown }).runs)).toEqual(before);
  await expect(again.locator('#fm-lab-per-class-1')).toHaveValue('7');
  await lab.locator('button[data-remove="1"]').click();
  await expect.poll(() => new URL(page.url()).searchParams.has('compare')).toBe(false);
});

test('keyboard opens a confusion-matrix cell; the trained lab passes axe in light and dark', { tag: '@page' }, async ({ page }, info) => {
  const lab = await openLab(page, `${TINY}&epochs=2`);
  await train(lab);
  const cell = lab.locator('table.confusion button:not([disabled])').first();
  await cell.focus();
  await page.keyboard.press('Enter');
  const viewer = lab.locator('.viewer');
  await expect(viewer).toBeVisible();
  await expect(lab.locator('.viewer-title')).toBeFocused();
  const label = await cell.getAttribute('aria-label');
  const n = Number(/: (\d+) image/.exec(label!)![1]);
  expect(await viewer.locator('canvas').count()).toBe(Math.min(48, n));
  await page.screenshot({ path: info.outputPath('finetune-lab-light.png'), fullPage: true });
  expect(await axeViolations(page, undefined, { bestPractice: true })).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await page.screenshot({ path: info.outputPath('finetune-lab-dark.png'), fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
  await viewer.getByRole('button', { name: 'Close' }).click();
  await expect(viewer).toBeHidden();
});

test('lang="zh-CN": set-up, buttons, cards, live line and summary in Chinese; back to English without training again', { tag: '@page' }, async ({ page }) => {
  const lab = await openLab(page, TINY);
  await page.evaluate(() => {
    const w = window as unknown as { results: number };
    w.results = 0;
    document.addEventListener('fm-result', () => w.results++);
  });
  const results = () => page.evaluate(() => (window as unknown as { results: number }).results);
  await lab.evaluate((e) => e.setAttribute('lang', 'zh-CN'));
  await expect(lab.getByRole('button', { name: '训练' })).toBeEnabled();
  await expect(lab.getByRole('button', { name: '添加一次运行' })).toBeVisible();
  await expect(lab.locator('th[scope="row"]').first()).toHaveText('源模型');
  await expect(lab.getByLabel('轮数，运行A')).toHaveValue('1');
  await expect(lab.locator('option[value="random"]').first()).toHaveText('随机初始化');
  await expect(lab.locator('[data-role="split-note"]')).toHaveText(/^数字：曲线在每轮结束后于每类\d+张验证图像上测量/);
  await expect(lab.getByRole('img', { name: '各次运行的验证准确率随轮数的变化' })).toBeVisible();
  await train(lab);
  await expect(lab.locator('.card .title').first()).toHaveText('运行A');
  await expect(lab.locator('.card .accuracy').first()).toHaveText(/^测试准确率\d+\.\d%$/);
  await expect(lab.locator('.card .note').first()).toHaveText(/^用时\d+\.\d秒完成：每轮/);
  await expect(lab.locator('[data-role="live"]')).toHaveText(/^运行A完成：测试准确率\d+\.\d%：25张测试图像中\d+张正确/);
  await expect(lab.locator('[data-role="summary"]')).toHaveText(/^运行A（数字0–4的CNN → 数字5–9，每类1个样本，/);
  await expect(lab.locator('table.confusion caption')).toHaveText(/^运行A在25张测试图像上的混淆矩阵/);
  const trained = await results();
  expect(trained).toBe(1);

  await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
  await lab.evaluate((e) => e.removeAttribute('lang'));
  await expect(lab.getByRole('button', { name: 'Train' })).toBeEnabled();
  await expect(lab.getByLabel('Epochs, run A')).toHaveValue('1');
  await expect(lab.locator('.card .title').first()).toHaveText('Run A');
  await expect(lab.locator('.card .note').first()).toHaveText(/^Finished in \d+\.\d s: /);
  await expect(lab.locator('[data-role="live"]')).toHaveText(/^Run A finished: Test accuracy \d+\.\d%: \d+ of 25 test images right/);
  await expect(lab.locator('[data-role="summary"]')).toHaveText(/^Run A \(digits 0–4 CNN → digits 5–9, 1 per class, /);
  await expect(lab.locator('table.confusion caption')).toHaveText(/^Confusion matrix on the 25 test images, run A/);
  expect(await results(), 'a change of language trains nothing').toBe(trained);
});
