/**
 * Widgets before they run: a reader's screen reader meets each widget's shell (controls, canvases, sliders) before
 * the first computation, and often never sees more (a widget below the fold starts only when it nears the
 * viewport). So every shell must be valid ARIA on its own: sliders with a value, canvases and inputs named.
 *
 * Embed pages: each is loaded in a same-origin iframe far below the fold of a small host page, so the widget is
 * defined and renders its shell but does not start (it starts near the top-level viewport, as on a reader's page).
 * Chapters: axe right after every widget on the page is defined; the first widget sits below the first screen.
 * Backend-independent, so the webgpu project runs it alone.
 */
import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from '@playwright/test';
import { test, expect, axeViolations } from './support.ts';
import { WIDGETS } from '../../src/lib/widget/registry.ts';

const CHAPTERS = readdirSync('content/en/chapters').filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));
const HOST = '/__shell-host__.html';

/** Every fm- element in the frame, once defined: its tag, status and whether it has rendered a shell. */
function shells(frame: Frame | Page) {
  return frame.evaluate(async () => {
    const els = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('fm-'));
    await Promise.all([...new Set(els.map((e) => e.localName))].map((t) => customElements.whenDefined(t)));
    return els.map((e) => ({ tag: e.localName, status: e.getAttribute('status'), shell: (e.shadowRoot?.childElementCount ?? 0) > 0 }));
  });
}

test('every widget’s shell is valid before its first result (embed pages, held below the fold)', { tag: '@webgpu-only' }, async ({ page }) => {
  test.setTimeout(20_000 * WIDGETS.length);
  const results: string[] = [];
  for (const { slug, tag } of WIDGETS) {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page for ${slug}</title></head>
<body><main><h1>A host page</h1><div style="height:6000px"></div>
<iframe title="${slug} widget" src="/embed/${slug}/" width="1000" height="900"></iframe></main></body></html>`;
    await page.route(`**${HOST}`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto(HOST);
    const inner = (await (await page.locator('iframe').elementHandle())!.contentFrame())!;
    await inner.waitForLoadState('load');
    const found = await shells(inner);
    const own = found.find((e) => e.tag === tag);
    expect(own, `${slug}: its element`).toBeTruthy();
    expect(own!.shell, `${slug}: a rendered shell`).toBe(true);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    // Still the shell: nothing has computed (the widget waits to near the viewport).
    const after = await shells(inner);
    expect(after.find((e) => e.tag === tag)!.status, `${slug}: still waiting when axe ran`).toBe('idle');
    for (const v of axe.violations) results.push(`${slug}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    await page.unroute(`**${HOST}`);
  }
  expect(results).toEqual([]);
});

for (const chapter of CHAPTERS) {
  test(`chapter ${chapter}: axe clean as it loads, before any widget runs`, { tag: '@webgpu-only' }, async ({ page, watch }) => {
    void watch;
    test.setTimeout(300_000); // axe over a whole chapter takes minutes on a loaded 2-core machine
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/chapters/${chapter}/`);
    const found = await shells(page);
    expect(found.length, 'widgets on the page').toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    // At least one widget was still a bare shell when axe ran (the chapter's widgets start further down).
    const idle = (await shells(page)).filter((e) => e.status === 'idle' && e.tag !== 'fm-device-badge');
    expect(idle.length, 'widgets still waiting to start').toBeGreaterThan(0);
  });
}
