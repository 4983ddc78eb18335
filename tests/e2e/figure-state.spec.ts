/**
 * A chapter figure's state (components/embed-control/, src/lib/figure-state/): "Link to this figure" URLs open the
 * figure in their state, the reader's set-up survives a reload, "Reset figure" returns to the author's set-up, and
 * the copied snippets carry exactly the set-up on screen. All of it is page logic around the widget, so the checks
 * run once (@page); the conv playground's read-out (getKernel) shows the widget computed with the state.
 */
import { test, expect, axeViolations } from './support.ts';
import type { Locator, Page } from '@playwright/test';
import { parseKernel } from '../../src/lib/conv/kernels.ts';
import { widgetBySlug } from '../../src/lib/widget/registry.ts';

const CHAPTER = '/chapters/convolution/';
const ID = 'pg-edges'; // authored as image="brick" kernel="sobel-x"
const KEY = `fm-figure:${CHAPTER}#${ID}`;
const figureOf = (page: Page) => page.locator('.fm-widget-figure', { has: page.locator(`#${ID}`) });

/** The kernel the widget last computed with, flattened (a 2-D kernel: [h, w, 1, 1]). */
async function kernelUsed(widget: Locator): Promise<number[]> {
  return widget.evaluate(async (e) => {
    await customElements.whenDefined(e.localName);
    const el = e as HTMLElement & { ready: Promise<void>; getKernel(): Promise<{ data: Float32Array }> };
    await el.ready;
    return [...(await el.getKernel()).data];
  });
}
/** Waits until the widget has computed with `kernel` (state changes re-run it). */
async function expectKernel(widget: Locator, name: string): Promise<void> {
  const want = parseKernel('kernel', name).values;
  await expect.poll(() => kernelUsed(widget), { timeout: 60_000 }).toEqual(want);
}

test('a "Link to this figure" URL opens the chapter at the figure, in its state', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await page.goto(`${CHAPTER}#${ID}?kernel=sobel-y&image=coins`);
  const widget = page.locator(`#${ID}`);
  await expect(widget).toHaveAttribute('kernel', 'sobel-y');
  await expect(widget).toHaveAttribute('image', 'coins');
  await expect(widget).toHaveAttribute('padding', 'same'); // the author's set-up fills in what the link leaves out
  await expect(widget).toBeInViewport();
  await expect(page.locator(`figure[aria-labelledby="${ID}-caption"]`)).toBeFocused();
  await expectKernel(widget, 'sobel-y');
  expect(await widget.evaluate((e) => (e as unknown as { image: string }).image)).toBe('coins');
  // The link survives a reload too (the state came from the address bar).
  await page.reload();
  await expect(widget).toHaveAttribute('kernel', 'sobel-y');
  // A link to another figure of the same page, followed in place (the hash changes): that figure takes its state.
  await page.evaluate(() => { location.hash = '#pg-blur?kernel=box-blur&kernel-size=7'; });
  const blur = page.locator('#pg-blur');
  await expect(blur).toHaveAttribute('kernel', 'box-blur');
  await expect(blur).toHaveAttribute('kernel-size', '7');
  await expect(page.locator('figure[aria-labelledby="pg-blur-caption"]')).toBeFocused();
  await expect(blur).toBeInViewport();
  await expect(widget).toHaveAttribute('kernel', 'sobel-y');
});

test('a link followed before the page has drawn a frame wins over the link the page opened with', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  // On a busy machine the page's first frame can come after a second link is followed: both scrolls are then pending
  // at once. Frames are held back here until both links are followed, so that order is certain.
  await page.addInitScript(() => {
    const held: FrameRequestCallback[] = [];
    const frame = window.requestAnimationFrame.bind(window);
    let hold = true;
    window.requestAnimationFrame = (cb) => (hold ? held.push(cb) : frame(cb));
    Object.assign(window, { releaseFrames: () => { hold = false; frame((t) => held.splice(0).forEach((cb) => cb(t))); } });
  });
  await page.goto(`${CHAPTER}#${ID}?kernel=sobel-y`);
  await expect(page.locator(`#${ID}`)).toHaveAttribute('kernel', 'sobel-y');
  await page.evaluate(() => { location.hash = '#pg-blur?kernel=box-blur&kernel-size=7'; });
  const blur = page.locator('#pg-blur');
  await expect(blur).toHaveAttribute('kernel-size', '7');
  await page.evaluate(() => (window as unknown as { releaseFrames(): void }).releaseFrames());
  await expect(page.locator('figure[aria-labelledby="pg-blur-caption"]')).toBeFocused();
  // The opening link's scroll, and its following the figure while the page grows, must not take the view back; and
  // the smooth scroll to the new figure lays out the text it passes, which moves the figure: it is followed there.
  await expect(blur).toBeInViewport();
});

test('the reader\'s set-up survives a reload; Reset figure returns the author\'s and forgets it', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await page.goto(CHAPTER);
  const figure = figureOf(page);
  const widget = page.locator(`#${ID}`);
  await widget.scrollIntoViewIfNeeded();
  await expectKernel(widget, 'sobel-x');
  await figure.getByRole('combobox', { name: 'Preset' }).selectOption('sobel-y');
  await figure.getByRole('combobox', { name: 'Image' }).selectOption('coins');
  await expect(widget).toHaveAttribute('kernel', 'sobel-y');
  await expect.poll(() => page.evaluate((k) => sessionStorage.getItem(k), KEY)).toContain('coins');
  // Restored before the widget's first computation: its first result already uses the stored kernel.
  await page.addInitScript(() => document.addEventListener('fm-result', (e) => {
    const first = ((window as unknown as { firstKernel?: Record<string, string | null> }).firstKernel ??= {});
    const el = e.target as Element;
    if (!(el.id in first)) first[el.id] = el.getAttribute('kernel');
  }));
  await page.reload();
  await expect(widget).toHaveAttribute('kernel', 'sobel-y');
  await expect(widget).toHaveAttribute('image', 'coins');
  await widget.scrollIntoViewIfNeeded();
  await expectKernel(widget, 'sobel-y');
  expect(await page.evaluate((id) => (window as unknown as { firstKernel: Record<string, string> }).firstKernel[id], ID)).toBe('sobel-y');
  // Reset is beside the figure, not inside the disclosure.
  await figure.getByRole('button', { name: 'Reset figure' }).click();
  await expect(widget).toHaveAttribute('kernel', 'sobel-x');
  await expect(widget).toHaveAttribute('image', 'brick');
  await expect(figure.locator('[data-role="reset"]')).toHaveText(/reset/);
  await expectKernel(widget, 'sobel-x');
  expect(await page.evaluate((k) => sessionStorage.getItem(k), KEY)).toBeNull();
  await page.reload();
  await expect(widget).toHaveAttribute('kernel', 'sobel-x');
  await expect(widget).toHaveAttribute('image', 'brick');
});

test('a link with a bad value shows the widget\'s message; bad hashes are ignored; the page stays usable', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await page.goto(`${CHAPTER}#${ID}?kernel=blurry&onclick=alert(1)&stride=${encodeURIComponent('<b>2</b>')}`);
  const widget = page.locator(`#${ID}`);
  await expect(widget).toHaveAttribute('kernel', 'blurry');
  expect(await widget.getAttribute('onclick')).toBeNull();
  const message = widget.locator('[data-role="message"]');
  await expect(message).toContainText('Unknown kernel preset "blurry"');
  await expect(message).toContainText('<b>2</b>'); // shown as text, never as markup
  await expect(widget.locator('b')).toHaveCount(0);
  await figureOf(page).getByRole('button', { name: 'Reset figure' }).click();
  await expect(message).toBeEmpty();
  await expectKernel(widget, 'sobel-x');
  for (const hash of ['#%E0%A4%A?kernel=sobel-y', '#no-such-figure?kernel=sobel-y', `#${ID}?`, '#pg-blur?nonsense=1']) {
    await page.goto(`${CHAPTER}${hash}`);
    await expect(widget).toHaveAttribute('kernel', 'sobel-x');
    await expect(page.locator('#pg-blur')).toHaveAttribute('kernel', 'gaussian');
  }
});

test('the snippets and links carry exactly the set-up on screen', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await page.goto(CHAPTER);
  const figure = figureOf(page);
  const widget = page.locator(`#${ID}`);
  await widget.scrollIntoViewIfNeeded();
  await figure.getByRole('spinbutton', { name: 'Stride' }).fill('2');
  await figure.getByRole('spinbutton', { name: 'Stride' }).press('Enter');
  await expect(widget).toHaveAttribute('stride', '2');
  await figure.getByText('Embed or share this figure').click();
  const code = figure.getByRole('textbox', { name: /Paste this into your page/ });
  const snippet = await code.inputValue();
  const [frame, script] = snippet.split('\n');
  const src = new URL(/src="([^"]+)"/.exec(frame!)![1]!.replace(/&amp;/g, '&'));
  expect(src.pathname).toBe('/embed/v1/conv-playground/');
  const onScreen = await widget.evaluate((e) => ['image', 'kernel', 'kernel-size', 'stride', 'padding', 'dilation', 'color']
    .flatMap((n) => (e.hasAttribute(n) ? [[n, e.getAttribute(n)]] : [])));
  expect([...src.searchParams].filter(([n]) => n !== 'embedId')).toEqual(onScreen);
  expect(src.searchParams.get('embedId')).toBe(ID);
  expect(frame).toContain(`name="${ID}" title="Convolution playground (Feature Maps)" width="100%" height="${widgetBySlug('conv-playground')!.height}"`);
  expect(script).toBe(`<script src="${src.origin}/embed/v1/embed.js" defer></script>`);
  // The script-tag form: the stable entry and the element with the same attributes.
  await figure.getByRole('radio', { name: /As an element/ }).check();
  const element = await code.inputValue();
  expect(element.split('\n')[0]).toBe(`<script type="module" src="${src.origin}/widgets/v1/feature-maps.js"></script>`);
  expect(element.split('\n')[1]).toBe(`<fm-conv-playground ${onScreen.map(([n, v]) => `${n}="${v}"`).join(' ')}></fm-conv-playground>`);
  // "Link to this figure" opens the chapter in this set-up, in a fresh tab (no stored state).
  const link = await figure.getByRole('textbox', { name: /Link to this figure/ }).inputValue();
  expect(link).toMatch(new RegExp(`^${src.origin}${CHAPTER}#${ID}\\?.*stride=2`));
  expect(await axeViolations(page, `.fm-widget-figure:has(#${ID}) fm-embed-control`)).toEqual([]);
  const fresh = await page.context().browser()!.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.locator(`#${ID}`)).toHaveAttribute('stride', '2');
  await expect.poll(() => other.locator(`#${ID}`).evaluate((e) => (e as unknown as { stride: number }).stride)).toBe(2);
  await fresh.close();
});

test('the figure\'s share tools speak its language (lang on an ancestor) and say everything again when it changes', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await page.goto(CHAPTER);
  const figure = figureOf(page);
  const control = figure.locator('fm-embed-control');
  await expect(control.getByRole('button', { name: 'Reset figure' })).toBeVisible();
  await figure.evaluate((f) => f.setAttribute('lang', 'zh-CN'));
  await control.getByRole('button', { name: '重置交互图' }).click();
  await expect(control.locator('[data-role="reset"]')).toHaveText('交互图已恢复为初始设置。');
  await control.getByText('嵌入或分享这张交互图').click();
  await expect(control.getByRole('group', { name: '放到其他网页上' })).toBeVisible();
  await expect(control.getByRole('radio', { name: /^放在框架（iframe）中/ })).toBeChecked();
  // The snippet shows the widget as the figure speaks: in Chinese, on a frame named in Chinese.
  const code = control.getByRole('textbox', { name: /^把下面的代码原样粘贴到你的网页中/ });
  await expect(code).toHaveValue(/<iframe src="[^"]*&amp;lang=zh-CN" [^>]*title="卷积交互演示（Feature Maps）"/);
  await control.getByRole('radio', { name: /^作为元素/ }).check();
  await expect(code).toHaveValue(/<fm-conv-playground [^>]* lang="zh-CN"><\/fm-conv-playground>/);
  await control.getByRole('radio', { name: /^放在框架（iframe）中/ }).check();
  await control.getByRole('button', { name: '复制代码' }).click();
  const copied = control.locator('[data-role="copied"]');
  await expect(copied).toHaveText(/^(已复制。|已选中，请按Ctrl\+C（⌘C）复制。)$/);
  await expect(control.locator('.fm-embed-note')).toHaveText('嵌入链接只打开这张交互图；交互图链接会打开本章并定位到这张交互图。');

  await figure.evaluate((f) => f.removeAttribute('lang'));
  await expect(control.getByRole('button', { name: 'Reset figure' })).toBeVisible();
  await expect(control.locator('[data-role="reset"]')).toHaveText('Figure reset to its starting set-up.');
  await expect(copied).toHaveText(/^(Copied\.|Selected — press Ctrl\+C \(⌘C\) to copy\.)$/);
  await expect(control.getByRole('button', { name: 'Copy link to this figure' })).toBeVisible();
  await expect(control.getByRole('radio', { name: /^In a frame/ })).toBeChecked();
  // Back in English, so is the snippet (it was open: it changed with the figure's language).
  await expect(control.getByRole('textbox', { name: /^Paste this into your page/ })).toHaveValue(/title="Convolution playground \(Feature Maps\)"/);
  await expect(control.getByRole('textbox', { name: /^Paste this into your page/ })).not.toHaveValue(/lang=/);
});

test('a chapter figure\'s share control comes in the page\'s HTML in its language, is said again where the figure speaks another, and is not shown without JavaScript', { tag: '@page' }, async ({ page, browser, watch }) => {
  void watch;
  // Written at build time (components/embed-control/markup.ts), in each edition's language.
  for (const [path, reset, summary] of [[CHAPTER, 'Reset figure', 'Embed or share this figure'], [`/zh-cn${CHAPTER}`, '重置交互图', '嵌入或分享这张交互图']] as const) {
    const html = await (await page.request.get(path)).text();
    const controls = html.match(/<fm-embed-control[^>]*>.*?<\/fm-embed-control>/gs) ?? [];
    expect(controls.length).toBeGreaterThan(3);
    for (const c of controls) {
      expect(c).toContain(`data-action="reset" data-t="embedControl.reset">${reset}</button>`);
      expect(c).toContain(`<summary data-t="embedControl.summary">${summary}</summary>`);
    }
  }
  // A figure that speaks Chinese on the English page (lang set as it is parsed, before the control's script runs).
  await page.addInitScript((id) => {
    new MutationObserver((_, observer) => {
      const figure = document.getElementById(id)?.closest('.fm-widget-figure');
      if (!figure) return;
      figure.setAttribute('lang', 'zh-CN');
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  }, ID);
  await page.goto(CHAPTER);
  const control = figureOf(page).locator('fm-embed-control');
  await control.getByRole('button', { name: '重置交互图' }).click();
  await expect(control.locator('[data-role="reset"]')).toHaveText('交互图已恢复为初始设置。');
  await expect(page.locator('fm-embed-control').nth(0).getByRole('button', { name: 'Reset figure' })).toBeVisible();
  // Without JavaScript its buttons could do nothing: it is not shown, and takes no room.
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const still = await context.newPage();
    await still.goto(CHAPTER);
    await expect(still.locator('fm-embed-control').first()).toBeHidden();
    expect(await still.locator('fm-embed-control').first().boundingBox()).toBeNull(); // not laid out: no empty gap
    await expect(still.getByRole('button', { name: 'Reset figure' })).toHaveCount(0);
  } finally {
    await context.close();
  }
});
