/**
 * Phones and tablets: no page of the book and no embed page scrolls sideways at 320, 390 or 768 px, and inside a
 * widget nothing does but the tables made to (SCROLLS_SIDEWAYS; at 1280 px, nothing), nor does a widget's menu or
 * number field cut its text from 390 px (controls-fit.ts), measured after every widget on the page has drawn its first
 * result (their views are built when they load). Layout does not depend on the backend,
 * so the pages run once, in the `page` project (no GPU), the chapters with `?backend=cpu` (the engine tries no WebGL
 * first, whose failed start TensorFlow.js reports as a warning); the CPU notice each widget then shows must fit too.
 * The embed pages, computed, are also where axe checks each widget alone, and the chapters, computed, where axe
 * checks each chapter in light and dark.
 */
import type { Page } from '@playwright/test';
import { test, expect, axeViolations } from './support.ts';
import { WIDGETS } from '../../src/lib/widget/registry.ts';
import { cutControls } from './controls-fit.ts';
import { FIRST_RESULT_MS, adapterWords, collect, expectNoLeaks, findLeaks, langFromQueryFallback, type Leak, type LeakLang } from './i18n-check.ts';

const WIDTHS = [320, 390, 768] as const;
/**
 * Every English chapter, and one Chinese chapter (its widgets are the same; its text, tables and the widgets' Chinese
 * labels are what may be wider), with what each page must hold besides. Each is computed whole here once (a minute or
 * two each), so every check that needs the whole chapter computed runs here too: no word of the other language inside
 * its widgets, and axe in light and dark.
 */
interface Chapter { path: string; h1: string; prev?: string; next?: string; math: number; predict: number; figures?: string[]; captions?: Record<string, RegExp> }
const CHAPTERS: Chapter[] = [
  { path: 'chapters/convolution', h1: 'Convolution', next: '/chapters/pooling-and-networks/', math: 5, predict: 6 },
  { path: 'chapters/pooling-and-networks', h1: 'Pooling, fully connected layers and the whole network', prev: '/chapters/convolution/', next: '/chapters/activations/', math: 20, predict: 12 },
  { path: 'chapters/activations', h1: 'Activation functions', math: 5, predict: 10 },
  { path: 'chapters/loss-functions', h1: 'Loss functions', math: 20, predict: 6, captions: { 'loss-race': /filters 8 and 16/ } },
  { path: 'chapters/transfer-learning', h1: 'Transfer learning', math: 5, predict: 6, figures: ['feature-reuse', 'finetune-lab', 'domain-shift', 'doodle-classes'] },
  { path: 'zh-cn/chapters/convolution', h1: '卷积', math: 5, predict: 6 },
];

/**
 * Scrolls through the page so every widget nears the viewport, then waits until each has finished its first run.
 * Widgets pause their work off screen, so on a busy machine one the quick pass left behind (still idle, or paused
 * mid-run) is brought back into view and waited for, one at a time.
 */
async function settle(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) await page.evaluate((top) => window.scrollTo(0, top), y);
  await page.evaluate(async (tags) => {
    // The widget loader defines elements one task after another: one the quick pass reached may be defined only
    // after the pass moved on, with no status yet, and (off screen) not start. Bring each such widget back first.
    for (const e of document.querySelectorAll(tags.join(', '))) {
      if (customElements.get(e.localName)) continue;
      e.scrollIntoView({ block: 'center' });
      await customElements.whenDefined(e.localName);
    }
    const settled = (e: Element) => ['ready', 'error'].includes(e.getAttribute('status')!);
    for (const e of document.querySelectorAll('[status]')) {
      if (settled(e)) continue;
      e.scrollIntoView({ block: 'center' });
      await new Promise<void>((resolve) => {
        const mo = new MutationObserver(() => settled(e) && (mo.disconnect(), resolve()));
        mo.observe(e, { attributes: true, attributeFilter: ['status'] });
        if (settled(e)) (mo.disconnect(), resolve());
      });
    }
  }, WIDGETS.map((w) => w.tag));
  await page.waitForFunction(() => [...document.querySelectorAll('[status]')].every((e) => ['ready', 'error'].includes(e.getAttribute('status')!)), null, { timeout: 240_000 });
  expect(await page.locator('[status="error"]').count(), 'a widget failed').toBe(0);
}

/**
 * Inside a widget, the boxes made to scroll sideways on a phone: the network explorer's seven-column table (with its
 * "scroll" hint) at 320 and 390 px, the softmax explorer's five columns at 320 px only, their captions never wider
 * than the box. Anything else that scrolls sideways inside a widget (a row of images, a table whose columns lie out
 * of sight) fails.
 */
const SCROLLS_SIDEWAYS: Record<number, string[]> = {
  320: ['fm-network-explorer .table-scroll', 'fm-softmax-explorer .table-scroll'],
  390: ['fm-network-explorer .table-scroll'],
  768: [],
};
/** Boxes inside widgets' shadow roots that scroll sideways now, as "host .class", each once, other than those allowed. */
async function scrollersInside(page: Page, allowed: string[]): Promise<string[]> {
  const found = await page.evaluate(() => {
    const out = new Set<string>();
    const walk = (root: Document | ShadowRoot, host: string) => {
      for (const e of root.querySelectorAll('*')) {
        if (host && /auto|scroll/.test(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1) {
          const name = `${host} ${e.localName}${[...e.classList].map((c) => `.${c}`).join('')}`.replace(/ div\./, ' .');
          out.add(name);
          // A table's caption is read before the reader scrolls: it must not run past the box.
          const caption = e.querySelector('caption');
          if (caption && caption.getBoundingClientRect().width > e.clientWidth + 1) out.add(`${name} caption`);
        }
        if (e.shadowRoot) walk(e.shadowRoot, e.localName);
      }
    };
    walk(document, '');
    return [...out];
  });
  return found.filter((f) => !allowed.includes(f));
}

/**
 * The page's width at each of WIDTHS; with `inside`, the boxes inside widgets that scroll sideways at each; with `cut`,
 * from 390 px, the widgets' menus and number fields that cut their text (controls-fit.ts; at 320 px a few long menu
 * choices are cut by their last letters, the receptive field's architectures and the network explorer's models).
 */
async function widths(page: Page, inside?: Record<number, string[]>, cut?: Record<number, string[]>): Promise<Record<number, number>> {
  // Blocks of chapter text skip layout off screen and clip what overflows them (content-visibility: auto, book.css):
  // measured with every block drawn and unclipped, a line too wide for a phone still fails here.
  await page.addStyleTag({ content: '.sl-markdown-content > *, .sl-markdown-content > * > * { content-visibility: visible !important; }' });
  const out: Record<number, number> = {};
  for (const w of WIDTHS) {
    await page.setViewportSize({ width: w, height: 800 });
    // Charts and maps redraw on ResizeObserver, which a busy machine may run late: wait (bounded) for the page to
    // fit, and record what it settled at, so a real overflow still fails the comparison.
    const width = () => page.evaluate(() => document.scrollingElement!.scrollWidth);
    await expect.poll(width, { timeout: 3_000 }).toBeLessThanOrEqual(w).catch(() => {});
    out[w] = await width();
    // The page's width can settle while a box inside a widget still waits for its ResizeObserver's redraw.
    if (inside) await twoFrames(page);
    if (inside) inside[w] = await scrollersInside(page, SCROLLS_SIDEWAYS[w]!);
    if (cut && w >= 390) cut[w] = await cutControls(page);
  }
  return out;
}
const fits = Object.fromEntries(WIDTHS.map((w) => [w, w]));
const none = Object.fromEntries(WIDTHS.map((w) => [w, []]));
const uncut = Object.fromEntries(WIDTHS.filter((w) => w >= 390).map((w) => [w, []]));
/** Two frames: what a resize, a scroll or a language change set off has been drawn. */
const twoFrames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

for (const chapter of CHAPTERS) {
  test(`${chapter.path}, every widget computed: fits 320, 390 and 768 px, prints no console warning, axe clean in light and dark`, { tag: '@page' }, async ({ page, watch }) => {
    void watch;
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 390, height: 800 });
    // Every widget of the chapter runs here, so this is also where a chapter must print no console warning.
    const warnings: string[] = [];
    // The one warning that is the browser's, not the page's: Chromium with no GPU at all (the `page` project) says it
    // each time a WebGPU adapter is asked for (the device badge asks, to say where widgets compute).
    const browsers = /^Failed to create WebGPU Context Provider$/;
    page.on('console', (m) => { if (m.type() === 'warning' && !browsers.test(m.text())) warnings.push(m.text()); });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.addInitScript(() => localStorage.setItem('starlight-theme', 'light'));
    await page.goto(`/${chapter.path}/?backend=cpu`);
    await expect(page.locator('h1')).toHaveText(chapter.h1);
    if (chapter.prev) await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', chapter.prev);
    if (chapter.next) await expect(page.locator('a[rel="next"]')).toHaveAttribute('href', chapter.next);
    // Formulas are MathML, which browsers draw and screen readers read.
    expect(await page.locator('.sl-markdown-content math').count()).toBeGreaterThan(chapter.math);
    expect(await page.locator('.fm-predict').count()).toBeGreaterThanOrEqual(chapter.predict);
    // Each widget sits in a captioned figure with its embed link.
    for (const slug of chapter.figures ?? []) {
      const figure = page.locator('.fm-widget-figure', { has: page.locator(`fm-${slug}#fig-${slug}`) });
      await expect(figure).toHaveCount(1);
      await expect(page.locator(`#fig-${slug}-caption`)).not.toBeEmpty();
      await expect(figure.locator('fm-embed-control')).toHaveAttribute('widget', slug);
    }
    for (const [slug, text] of Object.entries(chapter.captions ?? {})) await expect(page.locator(`#fig-${slug}-caption`)).toHaveText(text);
    await settle(page);
    const inside: Record<number, string[]> = {};
    const cut: Record<number, string[]> = {};
    expect(await widths(page, inside, cut)).toEqual(fits);
    expect(inside, 'boxes inside widgets that scroll sideways (besides the tables made to)').toEqual(none);
    expect(cut, 'menus and number fields in widgets that cut their text').toEqual(uncut);
    expect(await formulaStops(page), 'display formulas in the tab order exactly when they scroll, at 320 px').toEqual({ wrong: [] });
    // No word of the other edition's language inside the widgets (issue 15; i18n-check.ts).
    const lang = chapter.path.startsWith('zh-cn/') ? 'zh-CN' : 'en';
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expectNoLeaks(findLeaks(await collect(page), lang, await adapterWords(page)), lang, `chapter-${chapter.path.replaceAll('/', '-')}`);
    // At a laptop's width, every widget computed; then dark, as the system asks and through the theme menu's own switch
    // (no reload: the same drawn widgets).
    await page.setViewportSize({ width: 1280, height: 800 });
    await twoFrames(page);
    expect(await scrollersInside(page, []), 'boxes inside widgets that scroll sideways at 1280 px').toEqual([]);
    expect(await cutControls(page), 'menus and number fields in widgets that cut their text at 1280 px').toEqual([]);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await axeViolations(page, undefined, { bestPractice: true }), 'light').toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('starlight-theme-select select').first().selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await axeViolations(page), 'dark').toEqual([]);
    expect(warnings, 'console warnings').toEqual([]);
  });
}

/**
 * At 320 px, after the reader has scrolled through the page, a display formula is a tab stop exactly when it scrolls
 * sideways (src/lib/widget/scroll-focus.ts watches each one as it nears the viewport). Every chapter has formulas
 * that scroll at 320 px, so the check cannot pass by finding none.
 */
async function formulaStops(page: Page): Promise<{ wrong: string[] }> {
  await page.setViewportSize({ width: 320, height: 800 });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await twoFrames(page);
  }
  const check = () => page.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLElement>('.sl-markdown-content .fm-math-display')].filter((b) => b.checkVisibility()); // not those in a closed answer
    const scrolls = (b: HTMLElement) => b.scrollWidth > b.clientWidth + 1;
    return { wrong: boxes.filter((b) => scrolls(b) !== (b.tabIndex === 0)).map((b) => b.textContent!.slice(0, 40)), scrolling: boxes.filter(scrolls).length };
  });
  await expect.poll(async () => (await check()).wrong.length, { timeout: 5_000 }).toBe(0);
  const { wrong, scrolling } = await check();
  expect(scrolling, 'formulas that scroll at 320 px').toBeGreaterThan(0);
  return { wrong };
}

// Each embed page is loaded once for the checks that need its widget computed, in Chinese and then switched to English
// on the live page: it fits phones in both languages; no English is left inside its widget in Chinese and no Chinese
// in English, and the switch recomputes nothing (issue 15; i18n-check.ts); with neither WebGPU nor WebGL (the `page`
// project) it computes on the CPU and its badge says why; and axe finds nothing, that notice shown. In two halves, so
// the two workers can share them.
const PLAIN = ['conv-stepper', 'dataset-preview', 'loss-curves', 'activation-plot', 'receptive-field'];
const HALVES = [WIDGETS.slice(0, Math.ceil(WIDGETS.length / 2)), WIDGETS.slice(Math.ceil(WIDGETS.length / 2))];
for (const [i, half] of HALVES.entries()) {
  const name = i === 0 ? 'first' : 'second';
  test(`embed pages, ${name} half: one widget alone, in Chinese then English without recomputing: no words of the other language, fits 320, 390 and 768 px, computes on the CPU and says why, axe clean`, { tag: '@page' }, async ({ page, watch }) => {
    void watch;
    test.setTimeout(60_000 * half.length + FIRST_RESULT_MS);
    await langFromQueryFallback(page);
    const wide: Record<string, Record<number, number>> = {};
    const wideZh: Record<string, Record<number, number>> = {};
    const inside: Record<string, Record<number, string[]>> = {};
    const insideZh: Record<string, Record<number, string[]>> = {};
    const cut: Record<string, Record<number, string[]>> = {};
    const cutZh: Record<string, Record<number, string[]>> = {};
    const onEngine: string[] = [];
    const leaks: Record<LeakLang, Leak[]> = { 'zh-CN': [], en: [] };
    const pagesWithoutLang: string[] = [];
    const recomputed: string[] = [];
    let extra: Set<string> | null = null;
    for (const { slug, tag } of half) {
      await test.step(slug, async () => {
        await page.setViewportSize({ width: 390, height: 800 });
        await page.goto(`/embed/${slug}/?lang=zh-CN`);
        await expect(page.locator(tag)).toHaveCount(1);
        await expect(page.locator('nav')).toHaveCount(0);
        await page.evaluate(() => {
          const w = window as unknown as { fmResults: number };
          w.fmResults = 0;
          document.addEventListener('fm-result', () => w.fmResults++, { capture: true });
        });
        await settle(page);
        const own = await page.evaluate(() => (window as unknown as { fmPageLang?: string }).fmPageLang ?? '');
        if (own.toLowerCase() !== 'zh-cn') pagesWithoutLang.push(`${slug} (lang="${own}")`);
        await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
        extra ??= await adapterWords(page);
        const zh = await collect(page);
        expect(zh.filter((t) => t.widget.startsWith(tag)).length, `${slug}: texts collected`).toBeGreaterThan(0);
        leaks['zh-CN'].push(...findLeaks(zh, 'zh-CN', extra));
        wideZh[slug] = await widths(page, (insideZh[slug] = {}), (cutZh[slug] = {}));
        await page.setViewportSize({ width: 390, height: 800 });
        await twoFrames(page);
        // The reader's language changes on the live page: every text is said again in English, nothing is recomputed
        // (a widget still computing its streamed rest may report a result of its own: counted before and after). The
        // embed page's own title and credit, which it writes once from ?lang=, are put back as the English page has
        // them, so the widths and axe below see the English page.
        const before = await page.evaluate(() => (window as unknown as { fmResults: number }).fmResults);
        await page.evaluate(async () => {
          const english = new DOMParser().parseFromString(await (await fetch(location.pathname)).text(), 'text/html');
          for (const sel of ['.fm-embed-title', '.fm-embed-credit']) document.querySelector(sel)!.replaceWith(english.querySelector(sel)!);
          document.title = english.title;
          document.documentElement.lang = 'en';
        });
        await twoFrames(page);
        leaks.en.push(...findLeaks(await collect(page), 'en', extra));
        const after = await page.evaluate(() => (window as unknown as { fmResults: number }).fmResults);
        if (after !== before) recomputed.push(`${slug} (${after - before})`);
        wide[slug] = await widths(page, (inside[slug] = {}), (cut[slug] = {}));
        // Neither WebGPU nor WebGL here: a widget that computes on the engine does so on the CPU, and its badge says why.
        // (PLAIN: the few that compute in plain TypeScript and never start the engine.)
        const engine = await page.evaluate(async () => {
          const e = await window.FeatureMaps?.peekEngine();
          return e ? { backend: e.backend, reason: e.fallbackReason ?? '' } : null;
        });
        if (engine !== null) {
          onEngine.push(slug);
          expect(engine.backend, slug).toBe('cpu');
          expect(engine.reason, slug).toMatch(/WebGPU was not used: .*then WebGL was not used: /);
          const badge = page.locator(`${tag} fm-device-badge, fm-device-badge`).first();
          await expect(badge, slug).toHaveAttribute('data-backend', 'cpu');
          await expect(badge.locator('.badge'), slug).toHaveAttribute('aria-label', /WebGL/);
        }
        // At a laptop's width, as the reader uses it: computed, not half-way through its first run.
        await page.setViewportSize({ width: 1280, height: 800 });
        await twoFrames(page);
        expect(await scrollersInside(page, []), `${slug}: boxes inside the widget that scroll sideways at 1280 px`).toEqual([]);
        expect(await cutControls(page), `${slug}: menus and number fields that cut their text at 1280 px`).toEqual([]);
        expect(await axeViolations(page, undefined, { bestPractice: true }), slug).toEqual([]);
      });
    }
    if (pagesWithoutLang.length) {
      test.info().annotations.push({ type: 'note', description: `<html lang> set by this test, not from ?lang= by the page: ${pagesWithoutLang.join(', ')}` });
    }
    const all = Object.fromEntries(half.map(({ slug }) => [slug, fits]));
    expect(wideZh, 'in Chinese').toEqual(all);
    expect(wide, 'in English').toEqual(all);
    const allNone = Object.fromEntries(half.map(({ slug }) => [slug, none]));
    expect(insideZh, 'in Chinese: boxes inside the widget that scroll sideways (besides the tables made to)').toEqual(allNone);
    expect(inside, 'in English: boxes inside the widget that scroll sideways (besides the tables made to)').toEqual(allNone);
    const allUncut = Object.fromEntries(half.map(({ slug }) => [slug, uncut]));
    expect(cutZh, 'in Chinese: menus and number fields that cut their text').toEqual(allUncut);
    expect(cut, 'in English: menus and number fields that cut their text').toEqual(allUncut);
    await expectNoLeaks(leaks['zh-CN'], 'zh-CN', `embed-zh-CN-${name}-half`);
    await expectNoLeaks(leaks.en, 'en', `embed-en-after-switch-${name}-half`);
    expect(recomputed, 'widgets that computed again when only the language changed').toEqual([]);
    expect(half.map((w) => w.slug).filter((slug) => !onEngine.includes(slug)), 'widgets that never started the engine').toEqual(half.map((w) => w.slug).filter((slug) => PLAIN.includes(slug)));
  });
}

// The lab's runs table with all three runs (the chapter's exercise has the reader add the third). Its columns need
// room for the widest menu: where three do not fit (below a 64rem box: a chapter's column, a tablet, a phone), each
// setting's runs stack under or beside its name, a run's letter before each control. Either way nothing in it
// scrolls sideways, down to a chapter's column at 320 px (262 px wide); every menu shows each of its choices whole
// from 360 px (at 320 px the longest, "whole base frozen (new head only)", is cut by its last few letters); and a
// screen reader reads a table: the rows, their names and a cell per run, as the explicit roles keep in any layout.
test('the fine-tuning lab with three runs: a column per run where the menus fit, else stacked; no sideways scrolling from 262 px, no menu cut from 360 px; a table to screen readers', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  const found: Record<string, string> = {};
  for (const lang of ['en', 'zh-CN']) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/embed/finetune-lab/?lang=${lang}&compare=${encodeURIComponent('freeze=none;source=random freeze=hidden')}`);
    const lab = page.locator('fm-finetune-lab');
    await expect(lab.locator('thead th[data-run]:not([hidden])')).toHaveCount(3);
    const table = lab.getByRole('table');
    const layout = () => table.evaluate((t) => {
      const setup = t.closest('.setup')!;
      const shape = getComputedStyle(t).display === 'table' ? 'columns' : 'stacked';
      return `${shape}, scrolls ${setup.scrollWidth - setup.clientWidth} px`;
    });
    const check = async (key: string, menus: boolean) => {
      await twoFrames(page);
      found[`${lang} ${key}`] = `${await layout()}${menus ? `, cut: ${(await cutControls(page)).join('; ') || 'none'}` : ''}`;
      await expect(table.getByRole('row'), key).toHaveCount(9);
      await expect(table.getByRole('rowheader'), key).toHaveCount(8);
      await expect(table.getByRole('columnheader'), key).toHaveCount(4);
      await expect(table.getByRole('cell'), key).toHaveCount(24);
      // The run's letter drawn before a stacked control is not read: the cell reads as in the table.
      await expect(table.getByRole('cell').first(), key).toHaveAccessibleName(lang === 'en' ? 'Source model, run A digits 0–4 CNN' : '源模型，运行A 数字0–4的CNN');
    };
    await check('1280 px', true);
    for (const w of [768, 390, 360, 320]) {
      await page.setViewportSize({ width: w, height: 800 });
      await check(`${w} px`, w >= 360);
    }
    await lab.evaluate((e) => ((e as HTMLElement).style.width = '262px'));
    await check('262 px column', false);
  }
  const expected = (lang: string) => ({
    [`${lang} 1280 px`]: 'columns, scrolls 0 px, cut: none',
    [`${lang} 768 px`]: 'stacked, scrolls 0 px, cut: none',
    [`${lang} 390 px`]: 'stacked, scrolls 0 px, cut: none',
    [`${lang} 360 px`]: 'stacked, scrolls 0 px, cut: none',
    [`${lang} 320 px`]: 'stacked, scrolls 0 px',
    [`${lang} 262 px column`]: 'stacked, scrolls 0 px',
  });
  expect(found).toEqual({ ...expected('en'), ...expected('zh-CN') });
});

// The receptive field's layer table is a table wherever it fits and cards only where it does not: a chapter's column
// at 1280 px is 606 px with overlay scrollbars and 589 px with a classic 17 px one (Windows), and both get the table;
// at no width does the table or a card scroll sideways. In both languages (the Chinese headers are narrower).
test('the receptive field: its layers are a table in boxes from 585 px (a chapter at 1280 px, either scrollbar) and cards below, never scrolling', { tag: '@page' }, async ({ page, watch }) => {
  void watch;
  await page.setViewportSize({ width: 1280, height: 800 });
  const found: Record<string, string> = {};
  for (const lang of ['en', 'zh-CN']) {
    await page.goto(`/embed/receptive-field/?lang=${lang}`);
    const rf = page.locator('fm-receptive-field');
    await expect(rf).toHaveAttribute('status', 'ready');
    for (const w of [640, 606, 589, 585, 575, 400]) {
      await rf.evaluate((e, w) => ((e as HTMLElement).style.cssText = `display: block; width: ${w}px`), w);
      await twoFrames(page);
      found[`${lang} ${w} px`] = await rf.evaluate((e) => {
        const wrap = e.shadowRoot!.querySelector('.table-wrap')!;
        const layout = getComputedStyle(wrap.querySelector('tbody tr')!).display === 'table-row' ? 'table' : 'cards';
        return `${layout}, scrolls ${wrap.scrollWidth - wrap.clientWidth} px`;
      });
    }
  }
  const want = (lang: string) => Object.fromEntries([640, 606, 589, 585, 575, 400].map((w) => [`${lang} ${w} px`, `${w >= 585 ? 'table' : 'cards'}, scrolls 0 px`]));
  expect(found).toEqual({ ...want('en'), ...want('zh-CN') });
});
