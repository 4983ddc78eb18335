/**
 * <fm-loss-curves> on its embed page, in both projects: the plotted curves and the read-out against the closed
 * forms (themselves unit-tested against the general K-class losses), hover and keyboard read-out, drawn paths per
 * loss with a legend, bad inputs including HTML in the URL, no tfjs loaded, axe.
 */
import type { Page } from '@playwright/test';
import { test, expect, axeViolations } from './support.ts';
import { curveGradient, curveLoss, type CurveLoss } from '../../src/lib/losses/curves.ts';

const EMBED = '/embed/loss-curves/';
type Detail = { backend: string; p: number; classes: number; gradient: 'logit' | 'p'; values: { loss: CurveLoss; value: number; grad: number }[] };
const widget = (page: Page) => page.locator('fm-loss-curves');
const message = (page: Page) => page.locator('fm-loss-curves [data-role="message"]');
const readout = (page: Page) => page.locator('fm-loss-curves [data-role="readout"]');

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __results: unknown[] };
    w.__results = [];
    document.addEventListener('fm-result', (e) => w.__results.push((e as CustomEvent).detail));
  });
});

async function open(page: Page, query = ''): Promise<Detail> {
  await page.goto(`${EMBED}${query}`);
  await expect(widget(page)).toHaveAttribute('status', 'ready');
  return last(page);
}
const last = (page: Page) => page.evaluate(() => (window as unknown as { __results: Detail[] }).__results.at(-1)!);

function expectValues(d: Detail, label: string): void {
  for (const v of d.values) {
    expect(v.value, `${label} ${v.loss}`).toBeCloseTo(curveLoss(v.loss, d.p, d.classes), 12);
    expect(v.grad, `${label} ${v.loss}`).toBeCloseTo(curveGradient(v.loss, d.gradient, d.p, d.classes), 12);
  }
}

test('curves and read-out equal the closed forms; the chapter\'s numbers at p = 0.01', async ({ page, watch }) => {
  void watch;
  const d = await open(page, '?p=0.01&classes=10');
  expect(d.backend).toBe('reference');
  expect(d.values.map((v) => v.loss)).toEqual(['ce', 'mse', 'hinge']);
  expectValues(d, 'p=0.01');
  await expect(readout(page)).toContainText('cross-entropy L = 4.605, ∂L/∂z_y = \u22120.99');
  await expect(readout(page)).toContainText('squared error on probabilities L = 1.089, ∂L/∂z_y = \u22120.02178');
  for (const [classes, gradient] of [[10, 'logit'], [2, 'p'], [5, 'logit']] as const) {
    await widget(page).evaluate((el, a) => { el.setAttribute('classes', String(a[0])); el.setAttribute('gradient', a[1]); }, [classes, gradient] as const);
    const curves = await widget(page).evaluate((el) => (el as unknown as { getCurves(): Promise<{ p: number[]; curves: Record<string, { loss: number[]; gradient: number[] }> }> }).getCurves());
    expect(curves.p.length).toBe(401);
    for (const loss of ['ce', 'mse', 'hinge'] as const) {
      curves.p.forEach((p, i) => {
        expect(curves.curves[loss]!.loss[i]).toBeCloseTo(curveLoss(loss, p, classes), 12);
        expect(curves.curves[loss]!.gradient[i]).toBeCloseTo(curveGradient(loss, gradient, p, classes), 12);
      });
    }
    expectValues(await last(page), `K=${classes} ${gradient}`);
  }
  // Drawn: one path per loss, with a legend entry; unchecking a loss removes both.
  await expect(page.locator('fm-loss-curves path.curve')).toHaveCount(6);
  await page.locator('fm-loss-curves input[data-loss="hinge"]').uncheck();
  await expect(widget(page)).toHaveAttribute('losses', 'ce,mse');
  await expect(page.locator('fm-loss-curves path.curve')).toHaveCount(4);
  await expect(page.locator('fm-loss-curves li[data-loss="hinge"]')).toBeHidden();
  await expect(page.locator('fm-loss-curves svg text.axis-label').first()).toHaveText('p, the predicted probability of the true class');
  // Pure TypeScript: no tensors, no engine started.
  expect(await page.evaluate(() => window.FeatureMaps!.peekEngine())).toBeNull();
});

test('keyboard and hover move the read-out', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, '?p=0.5');
  const slider = page.locator('fm-loss-curves [data-role="p"]');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(widget(page)).toHaveAttribute('p', '0.501');
  await page.keyboard.press('Home');
  await expect(widget(page)).toHaveAttribute('p', '0.001');
  expectValues(await last(page), 'home');
  await expect(readout(page)).toContainText('At p = 0.001');

  const box = (await page.locator('fm-loss-curves rect.overlay').first().boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
  await expect.poll(async () => (await last(page)).p).toBeGreaterThan(0.6);
  const d = await last(page);
  expect(d.p).toBeLessThan(0.85);
  expectValues(d, 'hover');
  await expect(slider).toHaveValue(String(d.p));
});

test('bad inputs: a message, the last good values stay, HTML is text', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page, `?classes=500&gradient=${encodeURIComponent('<script>x</script>')}&p=0`);
  await expect(message(page)).toContainText('classes must be from 2 to 10; got 500');
  await expect(message(page)).toContainText('Unknown gradient "<script>x</script>"');
  await expect(message(page)).toContainText('p must be from 0.001 to 0.999; got "0"');
  expect(await widget(page).evaluate((el) => el.shadowRoot!.querySelectorAll('script').length)).toBe(0);
  let d = await last(page);
  expect([d.classes, d.gradient, d.p]).toEqual([10, 'logit', 0.1]);
  for (const [attr, value, text] of [['losses', 'mse,l1', /Unknown losses "l1"/], ['losses', ' ', /at least one/], ['p', 'NaN', /p must be/], ['classes', '1', /from 2 to 10/]] as const) {
    await widget(page).evaluate((el, a) => el.setAttribute(a[0], a[1]), [attr, value] as const);
    await expect(message(page)).toContainText(text);
    await widget(page).evaluate((el) => { el.setAttribute('losses', 'ce,mse,hinge'); el.setAttribute('p', '0.2'); el.setAttribute('classes', '3'); el.setAttribute('gradient', 'logit'); });
    await expect(message(page)).toBeHidden();
    d = await last(page);
    expect(d.p).toBe(0.2);
    expectValues(d, `after ${attr}=${value}`);
    for (const v of d.values) expect(Number.isFinite(v.value) && Number.isFinite(v.grad)).toBe(true);
  }
});

test('axe: the embed page', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await open(page);
  expect(await axeViolations(page)).toEqual([]);
});

test('lang="zh-CN": controls, legend, axes, caption, read-out and messages in Chinese; back to English without a new result', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await page.goto(`${EMBED}?p=0.5&classes=2&gradient=p`);
  await widget(page).evaluate((e) => e.setAttribute('lang', 'zh-CN'));
  await expect(widget(page)).toHaveAttribute('status', 'ready');
  await expect(widget(page).getByLabel('类别数K')).toHaveValue('2');
  await expect(widget(page).getByLabel('求梯度的对象')).toHaveValue('p');
  await expect(widget(page).getByRole('option', { name: '概率p' })).toBeAttached();
  await expect(widget(page).getByRole('checkbox', { name: '交叉熵' })).toBeChecked();
  await expect(readout(page)).toHaveText(/^在p = 0\.5处：交叉熵L = 0\.6931，dL\/dp = −2；/);
  await expect(widget(page).locator('[data-role="grad-caption"]')).toHaveText(/^各损失对p的斜率dL\/dp。.*共2个类别/);
  await expect(widget(page).locator('.axis-label').first()).toHaveText('p：真实类别的预测概率');
  await expect(widget(page).getByRole('img', { name: '梯度随p的变化' })).toBeVisible();
  await widget(page).evaluate((e) => e.setAttribute('losses', ','));
  await expect(message(page)).toHaveText('losses至少要包含以下之一：ce, mse, hinge；收到的是","。');
  const results = await page.evaluate(() => (window as unknown as { __results: unknown[] }).__results.length);

  await widget(page).evaluate((e) => e.setAttribute('lang', 'en'));
  await expect(widget(page).getByLabel('Classes K')).toHaveValue('2');
  await expect(readout(page)).toHaveText(/^At p = 0\.5: cross-entropy L = 0\.6931, dL\/dp = −2; /);
  await expect(widget(page).locator('.axis-label').first()).toHaveText('p, the predicted probability of the true class');
  await expect(widget(page).getByRole('img', { name: 'Gradient against p' })).toBeVisible();
  await expect(message(page)).toHaveText('losses needs at least one of: ce, mse, hinge; got ",".');
  expect(await page.evaluate(() => (window as unknown as { __results: unknown[] }).__results.length), 'a change of language computes nothing').toBe(results);
});
