import { test, expect, axeViolations, collectScripts, layoutShift, widgetReady } from './support.ts';
import { WIDGETS } from '../../src/lib/widget/registry.ts';
import { ENTRIES } from '../../src/lib/notation/symbols.ts';
import { glossaryRows } from '../../src/lib/glossary/rows.ts';
import type { Locator, Page } from '@playwright/test';

/** tfjs-core's kernel registry names: present in any bundle that contains TensorFlow.js. */
const TFJS_MARKER = 'Conv2DBackpropFilter';

// The page checks do not depend on the backend, so they run once (`page` project, no GPU; every embed page is checked
// with axe, its widget's notice shown, in widths.spec.ts); the landing page runs in webgpu and fallback instead, since its device
// badge says which backend the browser gets.
test.describe('the book shell', () => {
  test('the device badge says "needs JavaScript" only without it: with it, its place is kept unseen until its script runs', { tag: '@page' }, async ({ page, browser }) => {
    // Its script held back: the badge is not defined, and its words for a reader without JavaScript are not shown.
    await page.route('**/widgets/v1/feature-maps.js', (route) => route.abort());
    await page.goto('/chapters/convolution/');
    const words = page.locator('fm-device-badge > span').first();
    await expect(words).toHaveText('Compute: needs JavaScript');
    await expect(words).toBeHidden();
    expect((await words.boundingBox())?.width ?? 0).toBeGreaterThan(50); // its place is kept
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const still = await context.newPage();
      for (const path of ['/chapters/convolution/', '/']) {
        await still.goto(path);
        await expect(still.locator('fm-device-badge > span').first()).toHaveText('Compute: needs JavaScript');
        await expect(still.locator('fm-device-badge > span').first()).toBeVisible();
      }
    } finally {
      await context.close();
    }
  });

  test('landing page: chapters in order, device badge, axe clean, no tfjs shipped', async ({ page }) => {
    const loaded = collectScripts(page);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Chapters' })).toBeVisible();
    await expect(page.locator('.fm-chapter-list li').first()).toContainText('Convolution');
    await expect(page.locator('fm-device-badge .text, fm-device-badge').first()).toBeVisible();
    // The badge probes WebGPU without tfjs; wait until it has said something.
    await expect.poll(() => page.locator('fm-device-badge').evaluate((el) => el.shadowRoot?.textContent ?? '')).not.toContain('checking');
    expect(await axeViolations(page)).toEqual([]);
    await page.waitForLoadState('networkidle');
    const scripts = await loaded.bodies();
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => s.includes(TFJS_MARKER))).toHaveLength(0);
  });

  test('the Notation page: every symbol rendered, linked from a chapter’s intro box and the sidebar, not a chapter itself, axe clean', { tag: '@page' }, async ({ page }) => {
    await page.goto('/chapters/activations/');
    // Its prerequisites name the chain rule in math, rendered like the chapter's own.
    await expect(page.locator('.fm-chapter-intro math').first()).toBeVisible();
    await page.locator('.fm-chapter-intro').getByRole('link', { name: 'Notation' }).click();
    await expect(page).toHaveURL(/\/notation\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Notation' })).toBeVisible();
    await expect(page.locator('table.fm-notation tbody tr')).toHaveCount(ENTRIES.length);
    expect(await page.locator('table.fm-notation td.fm-notation-symbol math').count()).toBe(ENTRIES.length);
    await expect(page.locator('nav[aria-label="Main"]').getByRole('link', { name: 'Notation' })).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('.fm-chapter-intro')).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto('/');
    await expect(page.locator('.fm-chapter-list li', { hasText: 'Notation' })).toHaveCount(0);
  });

  test('the Notation page (both editions) preloads the math font its first screen needs, so its formulas do not move once it arrives; a chapter does not', { tag: '@page' }, async ({ page }) => {
    const fontState = () => page.evaluate(() => {
      const faces = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]).filter((r): r is CSSFontFaceRule => r instanceof CSSFontFaceRule);
      const face = faces.find((r) => r.style.getPropertyValue('font-family').includes('Feature Maps Math'));
      const src = /url\("?([^")]+)"?\)/.exec(face?.style.getPropertyValue('src') ?? '')?.[1] ?? null;
      const preloads = [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]')].map((l) => ({ href: l.href, cors: l.crossOrigin }));
      return { src: src && new URL(src, document.baseURI).href, preloads };
    });
    for (const path of ['/notation/', '/zh-cn/notation/']) {
      await page.setViewportSize({ width: 412, height: 823 });
      await page.goto(path);
      await page.evaluate(() => document.fonts.ready);
      const { src, preloads } = await fontState();
      expect(src, 'the math font face').toMatch(/latinmodern-math.*\.woff2$/);
      expect(preloads, path).toEqual([{ href: src, cors: 'anonymous' }]); // a font preload must be CORS, or it is fetched twice
      const shifts = await layoutShift(page);
      expect(shifts, `${path}: layout shift while loading`).toBeLessThan(0.02);
    }
    await page.goto('/chapters/convolution/');
    expect((await fontState()).preloads).toEqual([]);
  });

  test('display formulas off screen are laid out only as they near it, yet the math font is there before the reader reaches one', { tag: '@page' }, async ({ page }) => {
    // Laid out at load, the first display formula requested the math font (70 KB) while the page's first screen was
    // still loading (Lighthouse counted it in the phone's LCP). Now such a formula is skipped like the text around it.
    for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(size);
      await page.goto('/chapters/convolution/');
      await page.waitForLoadState('load');
      const far = await page.evaluate(() => {
        const boxes = [...document.querySelectorAll<HTMLElement>('.sl-markdown-content > .fm-math-display')];
        const last = boxes.at(-1)!;
        return { count: boxes.length, skipped: !last.firstElementChild!.checkVisibility({ contentVisibilityAuto: true }), scrollY };
      });
      expect(far.count, 'display formulas').toBeGreaterThan(10);
      expect(far.scrollY, 'nothing scrolled').toBe(0);
      expect(far.skipped, `${size.width} px: the chapter's last display formula is not laid out at load`).toBe(true);
      // ChapterTitle.astro fetches the font once the page has loaded, whether or not a formula is near.
      await expect.poll(() => page.evaluate(() => document.fonts.check('1em "Feature Maps Math"')), { message: 'the math font, without scrolling' }).toBe(true);
    }
  });

  test('a question\'s answer box is laid out with the page, its text (and math) only as it nears the screen', { tag: '@page' }, async ({ page }) => {
    // As the page finished parsing, the browser's form handling laid out each skipped block that held an answer box,
    // one after another: Chapter 1's longest task while loading (book.css). The boxes are no longer in skipped blocks.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/chapters/convolution/');
    await page.waitForLoadState('load');
    const state = await page.evaluate(() => {
      const drawn = (e: Element) => e.checkVisibility({ contentVisibilityAuto: true });
      const boxes = [...document.querySelectorAll('[data-fm-question] textarea[data-fm-answer]')];
      const texts = [...document.querySelectorAll('[data-fm-question] :is(.fm-predict-question, .fm-exercise-task) > *')];
      const far = (e: Element) => e.getBoundingClientRect().top > 3 * innerHeight;
      return {
        boxes: boxes.length,
        boxesSkipped: boxes.filter((b) => !drawn(b)).map((b) => b.id),
        lastTextDrawn: drawn(texts.at(-1)!),
        farMathDrawn: [...document.querySelectorAll('.sl-markdown-content math')].filter((m) => far(m) && drawn(m)).length,
        scrollY,
      };
    });
    expect(state.scrollY, 'nothing scrolled').toBe(0);
    expect(state.boxes, 'answer boxes').toBeGreaterThan(15);
    expect(state.boxesSkipped, 'answer boxes inside skipped blocks').toEqual([]);
    expect(state.lastTextDrawn, 'the last question\'s text is not laid out at load').toBe(false);
    expect(state.farMathDrawn, 'formulas three screens down laid out at load').toBe(0);
  });

  test('a chapter\'s four playgrounds far down the page draw their shells one at a time after their element is defined; the gallery\'s, in view, at once', { tag: '@page' }, async ({ page }) => {
    // Defining an element upgrades every instance on the page at once: the four drew their shells in the task that
    // evaluated their module, and the next frame laid all four out (src/lib/widget/fm-element.ts, drawSoon).
    await page.addInitScript(() => {
      const define = customElements.define.bind(customElements);
      const w = window as unknown as { drawnAtDefine: Record<string, number[]>; drawnTogether: number };
      w.drawnAtDefine = {};
      w.drawnTogether = 0;
      customElements.define = (name, ctor, options) => {
        define(name, ctor, options);
        const all = [...document.getElementsByTagName(name)];
        w.drawnAtDefine[name] = [all.filter((e) => e.shadowRoot?.firstChild).length, all.length];
        if (name !== 'fm-conv-playground') return;
        // The most shells that appear between two frames.
        let before = w.drawnAtDefine[name][0]!;
        const count = () => all.filter((e) => e.shadowRoot?.firstChild).length;
        const frame = () => requestAnimationFrame(() => {
          const now = count();
          w.drawnTogether = Math.max(w.drawnTogether, now - before);
          before = now;
          if (now < all.length) frame();
        });
        frame();
      };
    });
    const state = () => page.evaluate(() => {
      const w = window as unknown as { drawnAtDefine: Record<string, number[]>; drawnTogether: number };
      return { drawnAtDefine: w.drawnAtDefine, drawnTogether: w.drawnTogether };
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/chapters/convolution/');
    await expect.poll(async () => (await state()).drawnAtDefine['fm-conv-playground']).toEqual([0, 4]);
    // The others follow, wherever they are on the page, each laid out in a frame of its own.
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('fm-conv-playground')].filter((e) => e.shadowRoot?.firstChild).length)).toBe(4);
    expect((await state()).drawnTogether, 'shells drawn between two frames').toBe(1);
    // In view when its code arrives: drawn before the first paint after it, so nothing below it moves.
    await page.goto('/teachers/gallery/');
    await expect.poll(async () => (await state()).drawnAtDefine['fm-conv-playground']).toEqual([1, 1]);
  });

  test('a shell written in parts is drawn a part per idle moment far down the page, all at once when it starts, and says again what changed language meanwhile', { tag: '@page' }, async ({ page }) => {
    // src/lib/widget/fm-element.ts: render() as a generator. A test element on FmElement, whose four parts each take
    // 5 ms: an idle moment draws for about 8 ms, so at most two parts each, whatever the machine's speed.
    await page.goto('/zh-cn/chapters/convolution/');
    const log = await page.evaluate(async () => {
      await customElements.whenDefined('fm-conv-stepper');
      const Base = Object.getPrototypeOf(customElements.get('fm-conv-stepper')!) as new () => HTMLElement;
      const entries: Array<[string, string, number | string, number?]> = [];
      let moment = 0;
      const ric = window.requestIdleCallback.bind(window);
      window.requestIdleCallback = (fn, options) => ric((deadline) => { moment++; fn(deadline); }, options);
      const busy = (ms: number) => { const t0 = performance.now(); while (performance.now() - t0 < ms); };
      class Parts extends Base {
        declare root: ShadowRoot;
        declare language: string;
        *render() {
          for (let part = 1; part <= 4; part++) {
            entries.push([this.id, 'part', part, moment], [this.id, 'spoke', this.language]);
            busy(5);
            this.root.append(document.createElement('p'));
            if (part < 4) yield;
          }
        }
        async start() { entries.push([this.id, 'start', this.root.childElementCount]); }
        teardown() {}
        onLangChange() { entries.push([this.id, 'lang', this.language]); }
      }
      customElements.define('fm-test-parts', Parts as unknown as CustomElementConstructor);
      const far = (id: string) => {
        const el = document.createElement('fm-test-parts');
        el.id = id;
        document.querySelector('footer')!.after(el); // the end of a long chapter: far below the fold
        return el as HTMLElement & { startNow(): void };
      };
      const parts = (id: string) => entries.filter((e) => e[0] === id && e[1] === 'part').length;
      const until = (ok: () => boolean) => new Promise<void>((resolve) => { const check = () => (ok() ? resolve() : setTimeout(check)); check(); });
      // Left alone: drawn in idle moments.
      far('alone');
      await until(() => parts('alone') === 4);
      // Started part-way (a reader scrolls to it): the rest is drawn at once, before start().
      const started = far('started');
      await until(() => parts('started') > 0);
      const before = parts('started');
      started.startNow();
      const after = parts('started');
      // Language changed part-way: the parts after speak the new one, and the first ones are said again once drawn.
      const switched = far('switched');
      await until(() => parts('switched') > 0);
      switched.setAttribute('lang', 'en');
      await until(() => parts('switched') === 4);
      // Removed part-way and put back: drawn again from the start.
      const moved = far('moved');
      await until(() => parts('moved') > 0);
      moved.remove();
      document.querySelector('footer')!.after(moved);
      await until(() => entries.some((e) => e[0] === 'moved' && e[1] === 'part' && e[2] === 4));
      return { entries, before, after };
    });
    const of = (id: string, kind: string) => log.entries.filter((e) => e[0] === id && e[1] === kind);
    const moments = of('alone', 'part').map((e) => e[3]!);
    expect(moments, 'four parts in at least two idle moments').toHaveLength(4);
    expect(new Set(moments).size).toBeGreaterThan(1);
    expect(Math.max(...[...new Set(moments)].map((m) => moments.filter((x) => x === m).length)), 'parts in one idle moment').toBeLessThanOrEqual(2);
    expect(log.before, 'part-drawn when started').toBeLessThan(4);
    expect(log.after).toBe(4);
    expect(of('started', 'start'), 'start() sees the whole shell').toEqual([['started', 'start', 4]]);
    const spoke = of('switched', 'spoke').map((e) => e[2]);
    expect(spoke[0]).toBe('zh-CN');
    expect(spoke.at(-1)).toBe('en');
    expect(of('switched', 'lang'), 'said again once drawn').toEqual([['switched', 'lang', 'en']]);
    expect(of('moved', 'part').map((e) => e[2]).slice(-4)).toEqual([1, 2, 3, 4]);
  });

  test('chapter 1: math, sidebar, the intro box (computed whole and axe-checked in widths.spec.ts)', { tag: '@page' }, async ({ page }) => {
    await page.goto('/chapters/convolution/');
    await expect(page.getByRole('heading', { level: 1, name: 'Convolution' })).toBeVisible();
    expect(await page.locator('.sl-markdown-content .fm-math-display').count()).toBeGreaterThan(5);
    // Formulas are MathML, which browsers draw and screen readers read.
    expect(await page.locator('.sl-markdown-content math').count()).toBeGreaterThan(5);
    const sidebar = page.locator('nav[aria-label="Main"]');
    await expect(sidebar.getByRole('link', { name: 'Convolution' })).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('.fm-chapter-intro')).toContainText('You will learn to');
  });

  test('a line of text holding an inline formula is as tall as its formulas need, no taller, a formula in a table stays whole and every table header has words (every chapter, both editions, on a phone)', { tag: '@page' }, async ({ page }) => {
    // Starlight's list spacing once gave the last element of a list item a 20 px bottom margin, formulas included: a
    // line such as "… and p columns at the left" stood 43 px above the next. Every paragraph, list item and table cell
    // with a formula of its own is checked line by line: from one line of its words to the next, no more than the line
    // height or the tallest formula between them, and 8 px to spare. A formula that wraps inside itself is tall on purpose.
    await page.setViewportSize({ width: 390, height: 844 });
    const slugs = ['convolution', 'pooling-and-networks', 'activations', 'loss-functions', 'transfer-learning'];
    let checked = 0;
    for (const path of [...slugs.map((s) => `/chapters/${s}/`), ...slugs.map((s) => `/zh-cn/chapters/${s}/`)]) {
      await page.goto(path);
      // Blocks off screen are skipped (content-visibility); lay them all out to measure them.
      await page.addStyleTag({ content: '.sl-markdown-content * { content-visibility: visible !important; }' });
      await page.evaluate(() => document.fonts.ready.then(() => document.fonts.load('1em "Feature Maps Math"')));
      const result = await page.evaluate(() => {
        const tall: string[] = [];
        let blocks = 0;
        const blocksWithin = 'ul, ol, p, div, table, figure, math[display="block"]';
        for (const el of document.querySelectorAll<HTMLElement>('.sl-markdown-content :is(p, li, td)')) {
          if (!el.querySelector(':scope > math, :scope > :not(math) > math') || el.querySelector(blocksWithin)) continue;
          blocks++;
          const lineHeight = parseFloat(getComputedStyle(el).lineHeight);
          const bottoms = new Set<number>();
          const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n = walk.nextNode(); n; n = walk.nextNode()) {
            if (n.parentElement!.closest('math')) continue;
            const range = document.createRange();
            range.selectNodeContents(n);
            for (const r of range.getClientRects()) if (r.width > 0) bottoms.add(Math.round(r.bottom));
          }
          const lines = [...bottoms].sort((a, b) => a - b);
          const formulas = [...el.querySelectorAll('math')].map((m) => m.getBoundingClientRect());
          for (let i = 1; i < lines.length; i++) {
            const gap = lines[i] - lines[i - 1];
            // A formula reaching up into this line, or down from the line before it (one that wraps inside itself
            // stands on its first row's baseline and hangs below it), makes room for itself.
            const between = formulas.filter((r) => r.bottom > lines[i - 1] + 2 && r.top < lines[i]);
            const room = Math.max(lineHeight, ...between.map((r) => Math.max(lines[i] - r.top, r.bottom - lines[i - 1] + lineHeight)));
            if (gap > room + 8) tall.push(`${gap} px from one line to the next (line height ${lineHeight}): ${el.textContent!.replace(/\s+/g, ' ').slice(0, 80)}`);
          }
        }
        // A formula in a table cell stays on one row: the table scrolls sideways instead (a shade at its edge says so).
        const split = [...document.querySelectorAll('.sl-markdown-content :is(th, td) math')]
          .filter((m) => {
            const rows = [...m.children].map((c) => c.getBoundingClientRect());
            return rows.some((a) => rows.some((b) => a.top >= b.bottom - 1)); // one part wholly below another
          })
          .map((m) => `a formula in a table cell wraps: ${m.textContent}`);
        // Every header cell has words, not only a formula or nothing (axe's empty-table-header does not count MathML;
        // the tight tables carry their words for screen readers only, class sr-only).
        const wordless = [...document.querySelectorAll('.sl-markdown-content th')]
          .filter((th) => ![...th.childNodes].some((n) => n.nodeName !== 'math' && (n.textContent ?? '').trim() !== ''))
          .map((th) => `a header cell without words: "${th.textContent}" in ${th.closest('table')!.querySelector('th')!.textContent}…`);
        return { tall: [...tall, ...split, ...wordless], blocks };
      });
      expect(result.tall, path).toEqual([]);
      // Every block laid out, the page still does not scroll sideways (widths.spec.ts checks each chapter computed).
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path}: the page's width`).toBeLessThanOrEqual(390);
      checked += result.blocks;
    }
    expect(checked, 'blocks with formulas checked').toBeGreaterThan(300);
  });

  test('on a wide screen the "On this page" column stands at the row\'s end even before the chapter beside it is parsed', { tag: '@page' }, async ({ page }) => {
    // The column comes first in the page's source. A first paint of a partly parsed chapter (warm cache) showed it at
    // the row's start, then moved it 680 px right once the chapter arrived: a layout shift of 0.41 in about one
    // load in four. The chapter's column is taken out here to stand for the part not parsed yet.
    for (const width of [1152, 1280, 1600]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('/chapters/convolution/');
      const at = () => page.evaluate(() => Math.round(document.querySelector('.right-sidebar-container')!.getBoundingClientRect().x));
      const whole = await at();
      expect(whole, `${width} px: the column is on the right`).toBeGreaterThan(width / 2);
      await page.evaluate(() => document.querySelector<HTMLElement>('.main-pane')!.style.setProperty('display', 'none'));
      expect(await at(), `${width} px: the column alone in its row`).toBe(whole);
    }
  });

  test('search finds a word from chapter 1', { tag: '@page' }, async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Search' }).first().click();
    const box = page.getByRole('searchbox').or(page.getByPlaceholder(/search/i)).first();
    await box.fill('dilation');
    await expect(page.locator('site-search a[href*="/chapters/convolution/"]').first()).toBeVisible();
  });

  test('a chapter ships no tfjs until a widget nears the viewport', { tag: '@page' }, async ({ page }) => {
    const loaded = collectScripts(page);
    await page.setViewportSize({ width: 1280, height: 700 });
    await page.goto('/chapters/convolution/');
    await page.waitForLoadState('networkidle');
    const first = page.locator('fm-conv-playground, fm-conv-stepper').first();
    const top = await first.evaluate((el) => el.getBoundingClientRect().top);
    expect(top, 'the first widget should start below the first screen').toBeGreaterThan(700 + 300);
    const scripts = await loaded.bodies();
    expect(scripts.filter((s) => s.includes(TFJS_MARKER))).toHaveLength(0);
  });

  test('every widget observes its spec’s attributes, reflects its properties and adopts the shared host sheet', { tag: '@page' }, async ({ page }) => {
    for (const { slug, tag, attributes, spec } of WIDGETS) {
      await page.goto(`/embed/${slug}/`);
      const got = await page.locator(tag).evaluate(async (e) => {
        await customElements.whenDefined(e.localName);
        const ctor = customElements.get(e.localName) as unknown as { observedAttributes: string[] };
        const root = e.shadowRoot!;
        return {
          observed: [...ctor.observedAttributes],
          sheets: root.adoptedStyleSheets.length,
          styleElements: root.querySelectorAll('style').length,
          display: getComputedStyle(e).display,
          blue: getComputedStyle(e).getPropertyValue('--fm-blue').trim(),
        };
      });
      expect(got.observed, slug).toEqual([...attributes]);
      const props = spec.flatMap((s) => (s.prop ? [s.prop] : []));
      const missing = await page.locator(tag).evaluate((e, names) => names.filter((n) => !(n in e)), props);
      expect(missing, `${slug}: properties named in its spec`).toEqual([]);
      // Shared host sheet + the widget's own, both constructable: no inline <style> for a strict style-src CSP.
      expect(got.sheets, slug).toBe(2);
      expect(got.styleElements, slug).toBe(0);
      expect(got.display, slug).toBe('block');
      expect(got.blue, slug).toMatch(/^#(0072b2|56b4e9)$/);
    }
  });

  test('widgets follow the book’s dark theme', { tag: '@page' }, async ({ page }) => {
    for (const theme of ['dark', 'light'] as const) {
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto('/chapters/activations/');
      const el = page.locator('fm-activation-maps').first();
      await expect(el).toHaveCount(1);
      // Its code arrives through the script-tag entry; the shared sheet is adopted once the element is defined.
      await expect(el).toHaveAttribute('status', /.+/);
      const blue = await el.evaluate((e) => getComputedStyle(e).getPropertyValue('--fm-blue').trim());
      expect(blue, theme).toBe(theme === 'dark' ? '#56b4e9' : '#0072b2');
    }
  });

  test('the embed page posts its height to the host page', { tag: '@page' }, async ({ page }) => {
    await page.goto('/device/');
    const height = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          addEventListener('message', (e) => {
            if (e.data?.type === 'fm-embed-height') resolve(e.data.height);
          });
          const frame = document.createElement('iframe');
          frame.src = '/embed/conv-stepper/';
          frame.title = 'test frame';
          document.body.append(frame);
        }),
    );
    expect(height).toBeGreaterThan(50);
  });
});

test('every figure has a "Skip past this figure" link, hidden until focused, that moves focus past the figure', { tag: '@page' }, async ({ page }) => {
  await page.goto('/chapters/convolution/');
  const skips = page.locator('.fm-widget-figure > a.fm-skip-figure');
  const figures = await page.locator('.fm-widget-figure').count();
  expect(await skips.count()).toBe(figures);
  const targets = await skips.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
  expect(new Set(targets).size).toBe(figures);
  for (const id of targets) expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
  const skip = skips.first();
  expect((await skip.boundingBox())!.width).toBeLessThanOrEqual(1);
  await skip.focus();
  await expect(skip).toBeVisible();
  expect((await skip.boundingBox())!.width).toBeGreaterThan(50);
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(targets[0]);
  // The next Tab lands after the figure, not inside its widget or on its Embed control.
  await page.keyboard.press('Tab');
  const after = await page.evaluate((id) => {
    const fig = document.getElementById(id)!.previousElementSibling!;
    const a = document.activeElement!;
    return { inside: fig.contains(a), follows: !!(fig.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING) };
  }, targets[0]!);
  expect(after).toEqual({ inside: false, follows: true });
});

test('printing a chapter hides the navigation and folds the answers, even one the reader opened (print.spec: "Print with answers")', { tag: '@page' }, async ({ page }) => {
  await page.goto('/chapters/convolution/');
  const answer = page.locator('.fm-predict-answer').first();
  await answer.locator('summary').press('Enter'); // not a click: the figure above grows as its shell is drawn
  await expect(answer.locator('.fm-predict-body')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('nav[aria-label="Main"]')).toBeHidden();
  await expect(page.locator('h1').first()).toBeVisible();
  await expect(answer).toBeHidden();
});

test('the Embed control gives an iframe snippet that reproduces the figure as set up', { tag: '@page' }, async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/chapters/convolution/');
  const figure = page.locator('.fm-widget-figure', { has: page.locator('fm-conv-playground') }).first();
  const widget = figure.locator('fm-conv-playground');
  await widget.scrollIntoViewIfNeeded();
  await widgetReady(widget);
  await widget.evaluate((e) => e.setAttribute('stride', '2'));
  await figure.getByText('Embed or share this figure').click();
  await figure.getByRole('button', { name: 'Copy code' }).click();
  await expect(figure.locator('[data-role="copied"]')).toHaveText('Copied.');
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/v1\/conv-playground\/\?[^"]*stride=2[^"]*" name="[^"]+" title="Convolution playground \(Feature Maps\)"/);
  // The snippet's page shows the same set-up (through the unversioned alias of /embed/v1/, which stays served).
  const src = /src="([^"]+)"/.exec(snippet)![1]!.replace(/&amp;/g, '&').replace('/embed/v1/', '/embed/');
  const image = await widget.getAttribute('image');
  const kernel = await widget.getAttribute('kernel');
  await page.goto(src);
  const embedded = page.locator('fm-conv-playground');
  await expect(embedded).toHaveAttribute('stride', '2');
  await expect(embedded).toHaveAttribute('image', image!);
  await expect(embedded).toHaveAttribute('kernel', kernel!);
});

test('"On this page" marks the section being read, in the sidebar list and in the phone\'s bar (src/lib/toc/starlight-toc.ts)', { tag: '@page' }, async ({ page }) => {
  await page.goto('/chapters/convolution/');
  const current = (sel: string) => page.locator(`${sel} a[aria-current="true"]`);
  // A heading at the top of the screen, then `below` px of its section read. The jump goes through the fragment, as
  // a reader's link does (land-on-target.ts): a bare scrollIntoView() lands among blocks still at their estimated
  // heights, and the page then settles hundreds of pixels away from the heading.
  const readFrom = async (id: string, below: number) => {
    await page.evaluate((id) => { location.hash = `#${id}`; }, id);
    const top = () => page.evaluate((id) => Math.round(document.getElementById(id)!.getBoundingClientRect().top), id);
    await expect.poll(async () => { const a = await top(); await page.waitForTimeout(200); return a === await top() && a >= 0 && a < 200; }).toBe(true);
    await page.evaluate((below) => window.scrollBy(0, below), below);
  };
  for (const id of ['counting-the-saving', 'stride']) {
    await readFrom(id, 200);
    await expect(current('starlight-toc')).toHaveAttribute('href', `#${id}`);
    await expect(current('mobile-starlight-toc')).toHaveAttribute('href', `#${id}`);
  }
  await page.setViewportSize({ width: 390, height: 800 });
  await readFrom('locality', 100);
  await expect(page.locator('mobile-starlight-toc .display-current')).toHaveText('Locality');
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(current('mobile-starlight-toc')).toHaveAttribute('href', '#_top');
});

/** The glossary's entry for an English term. */
const glossaryEntry = (page: Page, term: string) => page.locator('.fm-glossary-entry').filter({ has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) });

test('the glossary lists every term with its Chinese and its note in both editions, lays out the entries past the first screen as they near it, and is axe clean (src/components/GlossaryTable.astro)', { tag: '@page' }, async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [path, lang] of [['/glossary/', 'en'], ['/zh-cn/glossary/', 'zh-CN']] as const) {
    await page.goto(path);
    const rows = glossaryRows(lang);
    expect(await page.locator('.fm-glossary dt').allTextContents()).toEqual(rows.map((r) => r.en));
    expect(await page.locator('.fm-glossary dt + dd').allTextContents()).toEqual(rows.map((r) => r.zh));
    expect(await page.locator('.fm-glossary-note').allTextContents()).toEqual(rows.map((r) => r.note).filter(Boolean));
    // On a phone the note runs the width of the entry beneath the term, not in a third column.
    const kernel = glossaryEntry(page, 'kernel');
    const [term, note, entry] = await Promise.all([kernel.locator('dt'), kernel.locator('.fm-glossary-note'), kernel].map((l) => l.boundingBox()));
    expect(note!.y).toBeGreaterThanOrEqual(term!.y + term!.height - 1);
    expect(note!.width).toBeGreaterThan(entry!.width * 0.9);
    // The last entry is skipped (no layout) until the reader reaches it, then drawn whole.
    const last = page.locator('.fm-glossary-entry').last().locator('dt');
    const drawn = () => last.evaluate((e) => e.checkVisibility({ contentVisibilityAuto: true }));
    expect(await drawn()).toBe(false);
    await last.scrollIntoViewIfNeeded();
    await expect.poll(drawn).toBe(true);
    await expect(last).toBeInViewport();
    expect(await axeViolations(page)).toEqual([]);
  }
  // On a wide screen the heading row's three words stand over the entries' three columns.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/glossary/');
  const left = (l: Locator) => l.evaluate((e) => Math.round(e.getBoundingClientRect().left));
  const head = page.locator('.fm-glossary-head span');
  await expect(head).toHaveText(['English', 'Chinese', 'Notes']);
  const kernel = glossaryEntry(page, 'kernel');
  expect(await Promise.all([head.nth(0), head.nth(1), head.nth(2)].map(left))).toEqual(await Promise.all([kernel.locator('dt'), kernel.locator('dd').first(), kernel.locator('.fm-glossary-note')].map(left)));
  expect(await axeViolations(page)).toEqual([]);
});

test('the phone menu (src/components/MobileMenuToggle.astro) opens over a page that no longer scrolls beneath it, and gives the scroll back when closed', { tag: '@page' }, async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/chapters/convolution/');
  const button = page.getByRole('button', { name: 'Menu' });
  const overflow = () => page.evaluate(() => getComputedStyle(document.body).overflow);
  expect(await overflow()).not.toBe('hidden');
  await button.click();
  await expect(page.locator('#starlight__sidebar a[href$="/glossary/"]')).toBeVisible();
  expect(await overflow()).toBe('hidden');
  await page.keyboard.press('Escape');
  await expect(page.locator('#starlight__sidebar')).toBeHidden();
  expect(await overflow()).not.toBe('hidden');
  // A phone turned to a wide screen with the menu open: the sidebar is the page's column, and the page scrolls.
  await button.click();
  expect(await overflow()).toBe('hidden');
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(button).toBeHidden();
  await expect.poll(overflow).not.toBe('hidden');
  // Starlight's page-wide form of the rule is not shipped beside ours.
  const pageWide = await page.evaluate(() => {
    const rules = (list: CSSRuleList): string[] => [...list].flatMap((r) => ('cssRules' in r ? rules((r as CSSGroupingRule).cssRules) : []).concat('selectorText' in r ? [(r as CSSStyleRule).selectorText] : []));
    return [...document.styleSheets].flatMap((s) => rules(s.cssRules)).filter((sel) => sel.includes('body:has(#starlight__sidebar'));
  });
  expect(pageWide).toEqual([]);
});

test('the text being read stays put when something above it changes height, on a wide screen and on a phone (book.css: scroll anchoring)', { tag: '@page' }, async ({ page }) => {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 800 }]) {
    await page.setViewportSize(viewport);
    await page.goto('/chapters/convolution/');
    const moved = await page.evaluate(async () => {
      const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const h = document.getElementById('counting-the-saving')!;
      h.scrollIntoView();
      await frames();
      const before = h.getBoundingClientRect().top;
      // What a widget drawing its controls, or a block of text laid out at its real height, does above the reader.
      const grown = Object.assign(document.createElement('div'), { style: 'height: 300px' });
      document.getElementById('locality')!.before(grown);
      await frames();
      return h.getBoundingClientRect().top - before;
    });
    expect(Math.abs(moved), `the heading moved at ${viewport.width} px`).toBeLessThan(2);
  }
});

test('a jump to a section lands on it, though the text above it is laid out only as it nears the screen (src/lib/toc/land-on-target.ts)', { tag: '@page' }, async ({ page }) => {
  const top = (id: string) => page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, id);
  // Under the fixed header (64 px) and the heading's scroll margin: within a few lines of the top of the screen.
  const landed = async (id: string) => expect.poll(() => top(id), { timeout: 5_000 }).toBeGreaterThanOrEqual(0).then(() => expect.poll(() => top(id), { timeout: 5_000 }).toBeLessThan(150));
  await page.setViewportSize({ width: 1280, height: 844 });
  await page.goto('/chapters/convolution/#exercises');
  await landed('exercises');
  await page.locator('starlight-toc a[href="#dilation"]').click();
  await landed('dilation');
  await page.goto('/chapters/transfer-learning/#catastrophic-forgetting');
  await landed('catastrophic-forgetting');
});

test('a reader who jumps to a section and scrolls away at once is not pulled back, by the jump or by the page loading', { tag: '@page' }, async ({ page }) => {
  // After a jump the page lands again on the target while the text around it takes its real height (a few frames),
  // and a page opened with a fragment lands on it again 1 and 2.5 s after load, unless the reader has moved. A scroll
  // bar sends no wheel, touch or key event: here the reader's scrolls are a script's, as a scroll bar's would be.
  // (a) Opened without a fragment: the reader jumps to a section and, within a frame, drags back to the top.
  await page.goto('/chapters/convolution/');
  await page.evaluate(() => {
    addEventListener('hashchange', () => requestAnimationFrame(() => scrollTo(0, 0)), { once: true });
    location.hash = '#stride';
  });
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#stride');
  await page.waitForTimeout(3_000); // past the jump's landing frames and the second landing after load (load + 2.5 s)
  expect(await page.evaluate(() => scrollY), 'pulled back to the section jumped to').toBe(0);
  // (b) Opened with the fragment: once it has landed and the page has loaded, the reader scrolls on a little (less
  // than twice the header's height: the target stays near where a landing puts it), before the first landing after
  // load. The load is held by a picture the page is given to fetch, released once it has landed, so the scroll comes
  // right after load however slow the machine.
  await page.goto('about:blank'); // else the same address is only a jump within the page, with no load
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/hold-load.gif', async (route) => { await held; await route.fulfill({ status: 204 }); });
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
    const img = new Image();
    img.alt = '';
    img.src = '/hold-load.gif';
    document.body.append(img);
  }));
  await page.goto('/chapters/convolution/#stride', { waitUntil: 'domcontentloaded' });
  const line = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop)); // where a landing puts it
  await page.waitForFunction((line) => Math.abs(document.getElementById('stride')!.getBoundingClientRect().top - line) <= 2, line);
  release();
  const sinceLoad = await page.evaluate(async () => {
    if (document.readyState !== 'complete') await new Promise((r) => addEventListener('load', r, { once: true }));
    await new Promise((r) => setTimeout(r, 0)); // after the page's own load handlers
    scrollBy(0, 120);
    return performance.now() - (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd;
  });
  expect(sinceLoad, 'scrolled before the first landing after load').toBeLessThan(1_000);
  await page.waitForTimeout(3_000); // past the second landing after load (load + 2.5 s)
  expect(await page.evaluate(() => document.getElementById('stride')!.getBoundingClientRect().top), 'pulled back to the section the page was opened at').toBeLessThan(line - 60);
});
