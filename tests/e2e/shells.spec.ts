/**
 * Widgets before they run: a reader's screen reader meets each widget's shell (controls, canvases, sliders) before
 * the first computation, and often never sees more (a widget below the fold starts only when it nears the
 * viewport). So every shell must be valid ARIA on its own: sliders with a value, canvases and inputs named.
 *
 * Each embed page and each chapter is loaded in a same-origin iframe far below the fold of a small host page, so
 * every widget is defined and renders its shell but does not start (a widget starts near the top-level viewport,
 * as on a reader's page when it is further down); axe then checks the host page and the frame.
 * Backend-independent, so it runs once, in the `page` project.
 */
import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from '@playwright/test';
import { test, expect } from './support.ts';
import { WIDGETS } from '../../src/lib/widget/registry.ts';

const CHAPTERS = readdirSync('content/en/chapters').filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));
const HOST = '/__shell-host__.html';

/**
 * Every fm- element in the frame, once defined: its tag, status and whether it has rendered a shell. A tag still
 * undefined after a minute fails here, by name (a module that never loads would otherwise hold the test to its end).
 */
async function shells(frame: Frame | Page) {
  const got = await frame.evaluate(async () => {
    const els = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('fm-'));
    const tags = [...new Set(els.map((e) => e.localName))];
    const minute = new Promise((resolve) => setTimeout(resolve, 60_000));
    await Promise.race([Promise.all(tags.map((t) => customElements.whenDefined(t))), minute]);
    const undefinedTags = tags.filter((t) => !customElements.get(t));
    return { undefinedTags, els: els.map((e) => ({ tag: e.localName, status: e.getAttribute('status'), shell: (e.shadowRoot?.childElementCount ?? 0) > 0 })) };
  });
  expect(got.undefinedTags, 'elements still undefined after a minute').toEqual([]);
  return got.els;
}

/** Opens `src` in an iframe 6000 px below a small host page's fold; returns the frame once loaded. */
async function heldBelowFold(page: Page, src: string): Promise<Frame> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title></head>
<body><main><h1>A host page</h1><div style="height:6000px"></div>
<iframe title="Held below the fold" src="${src}" width="1000" height="900"></iframe></main></body></html>`;
  await page.route(`**${HOST}`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  // The route stays for the test's life. Removed after goto (to spare the frame's requests the trip through
  // Playwright), it left requests paused at that moment unanswered for good: the widget chunks the frame was
  // importing then never came, and its widgets stayed undefined (1 load in 59 here with two test workers busy,
  // and once in CI; none in 80 loads with the route kept).
  await page.goto(HOST);
  const frame = (await (await page.locator('iframe').elementHandle())!.contentFrame())!;
  await frame.waitForLoadState('load');
  return frame;
}

/** Axe over the host page and its frame; `figures` limits it to the frame's widget figures (see the chapter test). */
const axeOf = async (page: Page, what: string, figures = false) => {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
  if (figures) builder = builder.include(['iframe', '.fm-widget-figure']);
  return (await builder.analyze()).violations.map((v) => `${what}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
};

test('every widget’s shell is valid before its first result (embed pages, held below the fold)', { tag: '@page' }, async ({ page }) => {
  test.setTimeout(30_000 * WIDGETS.length);
  const results: string[] = [];
  for (const { slug, tag } of WIDGETS) {
    const frame = await heldBelowFold(page, `/embed/${slug}/`);
    const own = (await shells(frame)).find((e) => e.tag === tag);
    expect(own, `${slug}: its element`).toBeTruthy();
    expect(own!.shell, `${slug}: a rendered shell`).toBe(true);
    results.push(...(await axeOf(page, slug)));
    // Still the shell: nothing has computed (the widget waits to near the viewport).
    expect((await shells(frame)).find((e) => e.tag === tag)!.status, `${slug}: still waiting when axe ran`).toBe('idle');
  }
  expect(results).toEqual([]);
});

for (const chapter of CHAPTERS) {
  test(`chapter ${chapter}: axe clean as it loads, before any widget runs`, { tag: '@page' }, async ({ page }) => {
    test.setTimeout(300_000);
    const frame = await heldBelowFold(page, `/chapters/${chapter}/`);
    const widgets = (await shells(frame)).filter((e) => e.status !== null);
    expect(widgets.length, 'widgets on the page').toBeGreaterThan(0);
    // Only the figures: the chapter's text is checked by each chapter's own axe run with every widget computed
    // (widths.spec.ts, light and dark).
    expect(await axeOf(page, chapter, true)).toEqual([]);
    expect(widgets.filter((e) => e.status !== 'idle'), 'widgets that started before axe ran').toEqual([]);
    expect((await shells(frame)).filter((e) => e.status !== null && e.status !== 'idle'), 'widgets that started while axe ran').toEqual([]);
  });
}
