/**
 * CPU work in slices, so a long computation on the main thread (a linear probe, a PCA) never blocks the page for
 * more than a few milliseconds at a time: scrolling, typing and the widget's own controls stay responsive.
 *
 * A computation is written once, as a generator that `yield`s at points where it may pause (between rows, between
 * steps). `runSync` runs it straight through (scripts, unit tests); `runSliced` runs it in slices of about
 * `budgetMs`, giving the main thread back between slices. Both run the same code in the same order, so they return
 * the same value, bit for bit. Pure TypeScript: no DOM, no tfjs.
 */
export type Sliced<T> = Generator<void, T, void>;

/** Runs a sliced computation to the end without pausing. */
export function runSync<T>(work: Sliced<T>): T {
  for (;;) {
    const r = work.next();
    if (r.done) return r.value;
  }
}

/**
 * Slices long enough to be worth a task, short enough that a phone (~4× slower than a laptop) still stays under
 * the 50 ms that counts as a long task: 8 ms here is ~30 ms there.
 */
export const SLICE_MS = 8;

/**
 * Lets the page (input, painting, another loop) run: `scheduler.yield()` where the browser has it (the task keeps its
 * place in the queue), else a message (not setTimeout(0): nested timeouts are clamped to 4 ms), `setImmediate` in Node.
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  if (typeof setImmediate === 'function') return new Promise((r) => setImmediate(r));
  return new Promise((r) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => (c.port1.close(), r());
    c.port2.postMessage(null);
  });
}

/**
 * Runs `run` once the page is idle (`requestIdleCallback`, at the latest after `timeout` ms when given), or in a task
 * of its own where the browser has no idle callbacks (Safari).
 */
export function whenIdle(run: () => void, timeout?: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => run(), timeout === undefined ? undefined : { timeout });
  else setTimeout(run, 1);
}

/**
 * Runs a sliced computation, giving the main thread back before a step that would take the slice past `budgetMs`,
 * judging the next step's cost by the last one's. (Yielding only once a slice had run `budgetMs` let a slice run
 * the budget and one step more: 8 ms and a 5 ms sheet gave 13 ms tasks, over 50 ms on a 4× slower phone.) A step
 * that alone runs over the budget gets a slice of its own. `now` is the clock (a test's, or the page's).
 */
export async function runSliced<T>(work: Sliced<T>, budgetMs = SLICE_MS, now: () => number = () => performance.now()): Promise<T> {
  let start = now();
  let before = start;
  for (;;) {
    const r = work.next();
    if (r.done) return r.value;
    const t = now();
    if (t - start + (t - before) > budgetMs) {
      await yieldToPage();
      start = before = now();
    } else before = t;
  }
}
