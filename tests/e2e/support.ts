/**
 * Shared fixtures for browser tests: every page is watched for console errors and for requests leaving
 * 127.0.0.1 (both fail the test), and helpers give axe results and the engine's backend.
 */
import { test as base, expect, type Locator, type Page, type Route } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export interface Watch { consoleErrors: string[]; offsiteRequests: string[] }

export const test = base.extend<{ watch: Watch }>({
  watch: async ({ page }, use) => {
    const watch: Watch = { consoleErrors: [], offsiteRequests: [] };
    page.on('console', (msg) => {
      if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => watch.consoleErrors.push(`pageerror: ${err.message}`));
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') watch.offsiteRequests.push(req.url());
    });
    await use(watch);
    expect(watch.offsiteRequests, 'requests that left 127.0.0.1').toEqual([]);
    expect(watch.consoleErrors, 'console errors').toEqual([]);
  },
});

export { expect };

/**
 * Routes requests matching `url` to `handler` until `restore()`, after which the route passes them on (to the network,
 * or an earlier route). A test that "brings the network back" must not remove its route while the page has requests
 * in flight: Playwright holds every request while any route is set, and those it held as the route went away were
 * never answered (shells.spec.ts: the chunks a chapter was importing, 1 load in 59 with both test workers busy).
 */
export async function routeUntil(page: Page, url: string | RegExp, handler: (route: Route) => Promise<void> | void): Promise<{ restore(): void }> {
  let on = true;
  await page.route(url, (route) => (on ? handler(route) : route.fallback()));
  return { restore: () => void (on = false) };
}

/** The backend the project promises: real WebGPU in `webgpu`, anything else in `fallback`. */
export function expectedBackend(projectName: string): 'webgpu' | 'fallback' {
  return projectName === 'webgpu' ? 'webgpu' : 'fallback';
}

/**
 * The page's layout shift so far, as CLS counts it: the sum of its layout-shift entries, none right after input. The
 * observer is buffered, so it sees the shifts from the start of the load; 0 when there were none (no entry comes).
 */
export function layoutShift(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => {
    type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean };
    new PerformanceObserver((list) => resolve((list.getEntries() as Shift[]).reduce((sum, e) => sum + (e.hadRecentInput ? 0 : e.value), 0))).observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve(0), 500);
  }));
}

/**
 * WCAG 2 A/AA violations on the page (or under `include`), as short strings for a readable failure. With
 * `bestPractice`, axe's best-practice rules too (heading order, unique landmarks, table headers with text…). They add
 * seconds to a large page and do not depend on colours or the backend, so they run once per page and state: each
 * chapter computed in light and each embed page (widths.spec.ts), and the lab's trained state. Run in all 51 checks,
 * they found nothing more, and the one full run with them took 151 s longer here (page project 1,654 → 1,974
 * test-seconds).
 */
export async function axeViolations(page: Page, include?: string, { bestPractice = false } = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', ...(bestPractice ? ['best-practice'] : [])]);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Every script the page loads from now on, as text, for checks of what a page ships (no tfjs): `bodies()` waits for
 * them. A worker's script (the badge's probe closes its worker at once) may be gone from the browser by the time
 * its body is asked for: it is fetched again.
 */
export function collectScripts(page: Page): { bodies(): Promise<string[]> } {
  const reads: Promise<string>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    reads.push(res.text().catch(() => page.request.get(res.url()).then((again) => again.text())));
  });
  return { bodies: () => Promise.all(reads) };
}

/** The number of live tensors in the page's tfjs (through the book's documented window.FeatureMaps hook). */
export async function numTensors(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const fm = (window as unknown as { FeatureMaps?: { getEngine(): Promise<{ tf: { memory(): { numTensors: number } } }> } }).FeatureMaps;
    if (!fm) throw new Error('window.FeatureMaps is missing');
    return (await fm.getEngine()).tf.memory().numTensors;
  });
}

/**
 * Sets `lang` on `widget` (or, with `on: 'html'`, on the document) and resolves once the widget says, with its
 * `fm-lang` event, that it speaks `speaks`: the Chinese catalogue is fetched on demand, so a widget switched to
 * Chinese keeps English for a network round trip. Rejects if it has not switched within 10 s.
 */
export async function switchLang(widget: Locator, lang: string, { on = 'widget', speaks = lang }: { on?: 'widget' | 'html'; speaks?: string } = {}): Promise<void> {
  await widget.evaluate((el, [lang, on, speaks]) => new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { el.removeEventListener('fm-lang', heard); reject(new Error(`no fm-lang "${speaks}" within 10 s`)); }, 10_000);
    function heard(e: Event): void {
      if ((e as CustomEvent<{ lang: string }>).detail.lang !== speaks) return;
      clearTimeout(timer);
      el.removeEventListener('fm-lang', heard);
      resolve();
    }
    el.addEventListener('fm-lang', heard);
    (on === 'html' ? document.documentElement : el).setAttribute('lang', lang);
  }), [lang, on, speaks] as const);
}

/**
 * Resolves once `widget` is upgraded and its first computation is done (its `ready` promise). The widget loader
 * defines the book's elements one task after another, so a test that calls a widget's method right after `goto`
 * can meet an element that is not upgraded yet: `ready` and the methods exist only once it is.
 */
export async function widgetReady(widget: Locator): Promise<void> {
  await widget.evaluate(async (e) => {
    await customElements.whenDefined(e.localName);
    await (e as HTMLElement & { ready: Promise<void> }).ready;
  });
}

/**
 * One computed style property of the page's Chinese text (any text node with a CJK ideograph), through every shadow
 * root drawn by then (a widget's, the badge's, one inside another): each value found, with the first text that has it.
 * `shadowOnly` leaves out the light DOM (the page's own text).
 */
export function chineseTextStyles(page: Page, property: 'fontWeight' | 'fontFamily', { shadowOnly = false } = {}): Promise<Record<string, string>> {
  return page.evaluate(([prop, onlyShadow]) => {
    const found: Record<string, string> = {};
    const visit = (root: Node, inShadow: boolean) => {
      const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        if (n instanceof Element) {
          if (n.shadowRoot) visit(n.shadowRoot, true);
          continue;
        }
        if ((onlyShadow && !inShadow) || !/[\u4e00-\u9fff]/.test(n.textContent ?? '')) continue;
        const el = n.parentElement!;
        found[getComputedStyle(el)[prop]] ??= `${el.localName}: ${n.textContent!.trim().slice(0, 12)}`;
      }
    };
    visit(document.body, false);
    return found;
  }, [property, shadowOnly] as const);
}

/** A seeded LCG, the same as src/lib/random/lcg.ts, for tests that build inputs in Node. */
export { lcg, uniform } from '../../src/lib/random/lcg.ts';
