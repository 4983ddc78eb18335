/**
 * One traced load of a page on Lighthouse's phone (412 × 823, mobile, touch) in a fresh browser context: the trace's
 * events of the page's main thread (the thread that parsed its HTML), for the benches that read tasks from a trace
 * (bench-tasks, bench-frame). The context is closed before this returns.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';

export interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number }

export interface TraceLoadOptions<T> {
  /** Trace categories, comma-separated. */
  categories: string;
  /** How long to keep tracing after the load event, ms. */
  settleMs: number;
  /** Called on the page before it navigates (routes, init scripts). */
  setup?: (page: Page) => Promise<void>;
  /** Something else recorded over the same span (a CPU profile): started after the trace, stopped before it ends. */
  alongside?: { start: (cdp: CDPSession) => Promise<void>; stop: (cdp: CDPSession) => Promise<T> };
}

export async function traceLoad<T = never>(browser: Browser, url: string, o: TraceLoadOptions<T>): Promise<{ main: TraceEvent[]; parse: TraceEvent; alongside: T | null }> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    await o.setup?.(page);
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: o.categories, transferMode: 'ReportEvents' });
    await o.alongside?.start(cdp);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(o.settleMs);
    const alongside = o.alongside ? await o.alongside.stop(cdp) : null;
    await cdp.send('Tracing.end');
    await complete;
    const parse = events.find((e) => e.name === 'ParseHTML');
    if (!parse) throw new Error(`No HTML parsed in the trace of ${url}`);
    return { main: events.filter((e) => e.pid === parse.pid && e.tid === parse.tid), parse, alongside };
  } finally {
    await context.close();
  }
}
