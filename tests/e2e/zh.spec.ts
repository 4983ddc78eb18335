/**
 * The Chinese edition (/zh-cn/…, Starlight's zh-cn locale): search in Chinese, `<html lang>` on every page, the
 * language picker keeping chapter and section, and embed pages' `?lang=` (axe on Chinese Chapter 1, computed whole, in
 * both themes: widths.spec.ts).
 * Nothing here depends on the backend, so every test runs once (`page` project, no GPU); widgets compute on the CPU
 * (`?backend=cpu`) where they must have drawn before a check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, axeViolations, chineseTextStyles, widgetReady } from './support.ts';
import { TITLES_ZH } from '../../src/lib/widget/titles.ts';
import enLab from '../../src/lib/i18n/messages/en/finetune-lab.ts';
import zhLab from '../../src/lib/i18n/messages/zh-cn/finetune-lab.ts';
import zhTools from '../../src/lib/i18n/messages/zh-cn/tools.ts';

/** Every built page (dist/**.html), as its address. */
const pages = readdirSync('dist', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'))
  .map((f) => `/${f.replace(/(^|\/)index\.html$/, '$1')}`)
  .sort();
const htmlOf = (path: string) => readFileSync(`dist${path.endsWith('/') ? `${path}index.html` : path}`, 'utf8');
const langOf = (path: string) => /<html[^>]*\slang="([^"]*)"/.exec(htmlOf(path))?.[1];

/** The search terms a Chinese reader types, and the chapter that teaches each (BatchNorm is introduced in Chapter 2). */
const SEARCHES: [string, string][] = [
  ['卷积核', 'convolution'],
  ['感受野', 'pooling-and-networks'],
  ['迁移学习', 'transfer-learning'],
  ['批量归一化', 'pooling-and-networks'],
  ['池化', 'pooling-and-networks'],
  ['交叉熵', 'loss-functions'],
  ['激活函数', 'activations'],
  ['微调', 'transfer-learning'],
];

/** The first results' addresses for each term, through Pagefind's own JS API (the index of the page's language). */
async function search(page: Page, terms: string[]): Promise<Record<string, string[]>> {
  return page.evaluate(async (terms) => {
    const base = document.querySelector<HTMLElement>('site-search')?.dataset.base ?? '/';
    const url = `${new URL(base, location.href).pathname.replace(/\/?$/, '/')}pagefind/pagefind.js`;
    const pagefind = await import(/* @vite-ignore */ url);
    await pagefind.init();
    const out: Record<string, string[]> = {};
    for (const term of terms) {
      const { results } = await pagefind.search(term);
      out[term] = await Promise.all(results.slice(0, 3).map(async (r: { data(): Promise<{ url: string }> }) => (await r.data()).url));
    }
    return out;
  }, terms);
}

test.describe('the Chinese edition', () => {
  test('Chinese search finds the chapter that teaches each term first, in the Chinese index only', { tag: '@page' }, async ({ page }) => {
    await page.goto('/zh-cn/');
    const found = await search(page, SEARCHES.map(([term]) => term));
    expect(Object.fromEntries(Object.entries(found).map(([term, urls]) => [term, urls[0]]))).toEqual(
      Object.fromEntries(SEARCHES.map(([term, chapter]) => [term, `/zh-cn/chapters/${chapter}/`])),
    );
    // Each language has its own index: the English edition's search never offers a Chinese page.
    await page.goto('/');
    const english = await search(page, ['卷积核', 'receptive field']);
    expect(english['卷积核']!.filter((u) => u.includes('/zh-cn/'))).toEqual([]);
    expect(english['receptive field']![0]).toBe('/chapters/pooling-and-networks/');
  });

  test('every Chinese page says lang="zh-CN", every English page lang="en", and a translated page keeps the English heading ids', { tag: '@page' }, () => {
    const zh = pages.filter((p) => p.startsWith('/zh-cn/'));
    expect(zh.length).toBeGreaterThanOrEqual(12); // 5 chapters, notation, glossary, embedding, landing, device, teachers ×2, 404
    expect(zh.filter((p) => langOf(p) !== 'zh-CN')).toEqual([]);
    expect(pages.filter((p) => !p.startsWith('/zh-cn/') && langOf(p) !== 'en')).toEqual([]);
    // Each Chinese chapter can be saved for offline reading: the build lists the files it needs (offline.json).
    const offline = JSON.parse(readFileSync('dist/offline.json', 'utf8')) as Record<string, { files: string[] }>;
    for (const p of zh.filter((p) => p.includes('/chapters/'))) expect(offline[p.slice(1)]?.files.length, p).toBeGreaterThan(20);
    const ids = (path: string) => [...htmlOf(path).matchAll(/<h[1-6][^>]*\sid="([^"]+)"/g)].map((m) => m[1]);
    for (const p of zh.filter((p) => /\/zh-cn\/(chapters\/[^/]+|notation|embedding|glossary)\/$/.test(p))) {
      const en = p.replace('/zh-cn/', '/');
      expect(ids(p), p).toEqual(ids(en));
    }
  });

  test('the language picker keeps the chapter and the section, with or without a fragment in the address', { tag: '@page' }, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const pick = (label: string) => page.locator('starlight-lang-select select').first().selectOption({ label });
    // The address changes when the new page's navigation commits, before its body is parsed: a heading not there
    // yet is not on screen, and the poll asks again.
    const onScreen = (id: string) => page.evaluate((id) => {
      const top = document.getElementById(id)?.getBoundingClientRect().top;
      return top !== undefined && top >= 0 && top < innerHeight;
    }, id);
    await page.goto('/chapters/convolution/#stride');
    await pick('简体中文');
    await expect(page).toHaveURL(/\/zh-cn\/chapters\/convolution\/#stride$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('h1')).toHaveText('卷积');
    await expect.poll(() => onScreen('stride')).toBe(true);
    // The reader scrolls on to another section (the address still says #stride); back to English lands there.
    // It scrolls with the wheel, as a reader does (a script's scroll would be undone by the page's landing on #stride
    // while the text above fills in, src/lib/toc/land-on-target.ts); blocks laid out late move it, so it goes on
    // scrolling until the section heads the screen.
    // Which of the two sections now on screen the "On this page" list marks depends on where its band falls (under
    // load its observer reports late), so the test takes the mark as the reader would see it, once it is no longer
    // #stride and has held still for half a second, and expects English to land on that section.
    const current = page.locator('starlight-toc a[aria-current="true"]');
    let marked = '';
    await expect.poll(async () => {
      const top = await page.evaluate(() => document.getElementById('dilation')!.getBoundingClientRect().top);
      if (top < 60 || top > 200) await page.mouse.wheel(0, top - 120);
      const before = await current.getAttribute('href');
      await page.waitForTimeout(500);
      marked = (await current.getAttribute('href')) ?? '';
      return before === marked ? marked : 'moving';
    }, { timeout: 20_000 }).toMatch(/^#(padding|dilation)$/);
    await pick('English');
    await expect(page).toHaveURL(new RegExp(`/chapters/convolution/${marked}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect.poll(() => onScreen(marked.slice(1))).toBe(true);
    // A page outside the content collection has its Chinese twin too; on a phone, a page without a sidebar (and so
    // without the phone menu) keeps the language menu in its header.
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto('/device/');
    await pick('简体中文');
    await expect(page).toHaveURL(/\/zh-cn\/device\/$/);
    await expect(page.locator('h1')).toHaveText('你的设备');
  });

  test('an embed page speaks Chinese with ?lang=zh-CN and English, silently, with an unknown ?lang', { tag: '@page' }, async ({ page, watch }) => {
    await page.goto('/embed/v1/conv-stepper/?lang=zh-CN');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('h1')).toHaveText(TITLES_ZH['conv-stepper']!);
    await expect(page.locator('.fm-embed-credit a')).toHaveAttribute('href', '/zh-cn/chapters/convolution/');
    await expect(page).toHaveTitle(`${TITLES_ZH['conv-stepper']} · Feature Maps`);
    const stepper = page.locator('fm-conv-stepper');
    await widgetReady(stepper);
    for (const lang of ['xx', 'fr', '%E4%B8%AD']) {
      await page.goto(`/embed/v1/conv-stepper/?lang=${lang}`);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.locator('h1')).toHaveText('Convolution, step by step');
      await expect(page.locator('.fm-embed-credit')).toHaveText('From Feature Maps, an interactive textbook on CNNs.');
      await widgetReady(page.locator('fm-conv-stepper'));
      const text = await page.locator('fm-conv-stepper').evaluate((e) => e.shadowRoot?.textContent ?? '');
      expect(text, lang).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(watch.consoleErrors).toEqual([]);
  });

  test('the Chinese catalogue is fetched only where Chinese is asked for: not by an English chapter or embed, by a Chinese one, and by a widget switched to Chinese (which keeps English until it is here)', { tag: '@page' }, async ({ page }) => {
    // Every Chinese message lives in the Chinese catalogue chunk(s); an English page must not download them.
    const zhChunks: string[] = [];
    // A chunk is Chinese catalogue when it holds a Chinese widget text (esbuild writes it as \\u escapes, Vite as is).
    const unescape = (js: string) => js.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    page.on('response', async (r) => {
      if (r.request().resourceType() === 'script' && unescape(await r.text().catch(() => '')).includes('真实类别')) zhChunks.push(new URL(r.url()).pathname);
    });
    for (const path of ['/chapters/convolution/', '/embed/v1/softmax-explorer/']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(zhChunks, path).toEqual([]);
    }
    const explorer = page.locator('fm-softmax-explorer');
    await widgetReady(explorer);
    await explorer.evaluate((e) => e.setAttribute('lang', 'zh-CN'));
    await expect.poll(() => explorer.evaluate((e) => e.shadowRoot!.textContent!)).toContain('真实类别');
    await expect.poll(() => zhChunks.length).toBe(1);
    zhChunks.length = 0;
    await page.goto('/zh-cn/chapters/convolution/');
    await expect.poll(() => page.locator('fm-conv-stepper').first().evaluate((e) => e.shadowRoot?.textContent ?? '')).toContain('卷积核');
    await expect.poll(() => zhChunks.length).toBeGreaterThan(0);
  });

  test('a chapter’s own scripts carry its controls’ words and none of the widgets’ (the widgets load theirs with their code), in either edition', { tag: '@page' }, async ({ page }) => {
    // Texts of one widget (the fine-tuning lab, Chapter 5's) as a bundler writes them: plain ones, long enough to be its own.
    const plain = (m: Record<string, unknown>) => Object.values(m).filter((v): v is string => typeof v === 'string' && v.length >= 12 && !/[{}'"`\\]/.test(v));
    for (const [path, widgetWords, ownWord] of [
      ['/chapters/transfer-learning/', plain(enLab), 'Print with answers'],
      ['/zh-cn/chapters/transfer-learning/', plain(zhLab), zhTools['print.answers']],
    ] as const) {
      expect(widgetWords.length, 'texts to look for').toBeGreaterThan(20);
      const scripts = new Map<string, string>();
      page.on('response', async (r) => {
        if (r.request().resourceType() === 'script' && new URL(r.url()).pathname.startsWith('/_astro/')) scripts.set(r.url(), await r.text().catch(() => ''));
      });
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      page.removeAllListeners('response');
      const all = [...scripts.values()].join('\n');
      expect(all, `${path}: the print control's words are in the page's scripts`).toContain(ownWord);
      const found = widgetWords.filter((w) => all.includes(w));
      expect(found, `${path}: widget texts in the page's own scripts`).toEqual([]);
    }
  });

  test('For teachers and the gallery in Chinese: the Chinese chapters’ questions, linked into the Chinese edition; the widget named in Chinese under the page’s lang="zh-CN"; axe clean', { tag: '@page' }, async ({ page }) => {
    await page.goto('/zh-cn/teachers/');
    await expect(page.locator('h1')).toHaveText('教师专区');
    const question = page.locator('.fm-teacher-chapter[data-chapter="convolution"] li[data-item="question"] a').first();
    await expect(question).toHaveAttribute('href', /^\/zh-cn\/chapters\/convolution\/#/);
    expect(await question.textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto('/zh-cn/teachers/gallery/?widget=pool-explorer&backend=cpu');
    await expect(page.locator('#fm-gallery-title')).toHaveText(TITLES_ZH['pool-explorer']!);
    const widget = page.locator('fm-pool-explorer');
    await widgetReady(widget);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.goto('/zh-cn/teachers/gallery/?widget=nope');
    await expect(page.locator('[data-fm-gallery-status]')).toContainText('没有名为“nope”的交互图');
  });

  test('Chinese text is set in two weights, regular and one bold (zh.css, the widgets\' host.css), so the CJK font is matched and opened twice, not once per weight asked for', { tag: '@page' }, async ({ page }) => {
    for (const path of ['/zh-cn/chapters/convolution/', '/zh-cn/chapters/transfer-learning/', '/zh-cn/glossary/', '/zh-cn/teachers/']) {
      await page.goto(path);
      // The walk enters the shadow roots drawn by then (the badge's, a widget's in view); every widget's own CSS is
      // held to the two weights by tests/unit/widget/font-weights.test.ts.
      const weights = await chineseTextStyles(page, 'fontWeight');
      expect(Object.keys(weights).sort(), `${path}: ${JSON.stringify(weights)}`).toEqual(['400', '600']);
    }
  });

  test('Chinese text in widgets and the device badge is set in the book\'s CJK fonts, in the text face and after the monospace one, on a Chinese embed page as in the book', { tag: '@page' }, async ({ page }) => {
    // The book's list (src/styles/zh-fonts.css) after whatever comes first: system-ui, or the monospace face.
    const cjk = /"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif$/;
    // padding=same: the formula line (monospace) says 填充 in Chinese.
    for (const [path, widget] of [['/embed/v1/conv-playground/?lang=zh-CN&backend=cpu&padding=same', 'fm-conv-playground'], ['/zh-cn/chapters/convolution/', 'fm-device-badge']] as const) {
      await page.goto(path);
      // The badge has no `ready`: it writes its Chinese (计算后端：检测中…) as it connects, before whenDefined resolves.
      await widgetReady(page.locator(widget).first());
      const families = await chineseTextStyles(page, 'fontFamily', { shadowOnly: true });
      expect(Object.keys(families).length, `${path}: Chinese text in ${widget}`).toBeGreaterThan(0);
      if (widget === 'fm-conv-playground') expect(Object.keys(families).some((f) => f.startsWith('ui-monospace')), JSON.stringify(families)).toBe(true);
      for (const [family, where] of Object.entries(families)) expect(family, `${path}: ${where}`).toMatch(cjk);
    }
  });

  test('a missing Chinese page gets the Chinese "not found" page', { tag: '@page' }, async ({ page }) => {
    const res = await page.goto('/zh-cn/no-such-page/');
    expect(res?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('h1')).toHaveText('页面未找到');
  });
});
