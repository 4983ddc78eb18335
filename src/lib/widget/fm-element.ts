/**
 * The shared base of every `<fm-…>` widget: status, the `ready` promise, the `fm-result`/`fm-error`
 * events, an in-widget message line, lazy start near the viewport, and resources tied to the element's
 * life. It holds no tfjs: heavy code is loaded by the subclass's `start()`.
 * Language: `this.language` (its `lang`, else an ancestor's across shadow roots, else the document's); a change
 * re-renders the message line and Retry, then calls `onLangChange()` for the subclass's own texts — nothing is
 * recomputed. Messages given as `msg(key, params)` are said again in the new language; plain strings stay as given.
 * The element then dispatches `fm-lang` (detail `{ lang }`): its texts are now in that language. A language whose
 * catalogue is fetched on demand (Chinese on an English page) is spoken, and reported, once the catalogue is here.
 */
import { msg, resolveLang, say, spoken, t, watchLang, whyOf, type Arg, type Lang, type MessageKey, type Msg, type ParamArgs } from '../i18n/index.ts';
import { WidgetJobs, type JobHost } from './widget-jobs.ts';
import { runSync, whenIdle, type Sliced } from '../schedule/slices.ts';

export type WidgetStatus = 'idle' | 'loading' | 'running' | 'ready' | 'error';

/**
 * What every `fm-result` detail holds. Each widget declares its own detail, `<Name>Result extends ResultDetail`, in
 * its `result.ts`, and passes it as `R`, so that the compiler checks every `emitResult` call against it.
 */
export interface ResultDetail { backend: string; ms: number }
/** The detail of a widget that computes on the engine also says why the engine left WebGPU (null: it did not). */
export interface EngineResult extends ResultDetail { fallbackReason: string | null }
/** The detail of a widget that does not declare its own (yet): any fields beside `backend` and `ms`. */
export type UntypedResult = ResultDetail & Record<string, unknown>;

export abstract class FmElement<R extends ResultDetail = UntypedResult> extends HTMLElement {
  /** Resolves after the first successful computation. */
  ready: Promise<void>;
  protected readonly root: ShadowRoot;
  /** The element's long work (src/lib/job): paused out of view, cancelled on disconnect, failures reported here. */
  protected readonly jobs: WidgetJobs = new WidgetJobs(jobHost(this));
  private resolveReady!: () => void;
  private cleanups: (() => void)[] = [];
  private started = false;
  /** render() has run since the element was connected (drawSoon says when it runs). `#`: subclasses have their own `draw`s. */
  #drawn = false;
  /** A shell drawn in steps (render() returned a generator), part-way through in idle time; the language it began in. */
  #drawing: { steps: Sliced<void>; lang: Lang } | null = null;
  private pictured = false;
  private visible = false;
  private offscreen = false;
  /** Not `lang`: that is HTMLElement's reflection of the attribute, which hosts set. */
  private speaking: Lang = 'en';
  /** What the message line says, kept as a message so a change of language can say it again. */
  private message: { text: string | Msg; kind: 'error' | 'info' } = { text: '', kind: 'info' };

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
  }

  get status(): WidgetStatus {
    return (this.getAttribute('status') as WidgetStatus) ?? 'idle';
  }

  connectedCallback(): void {
    if (!this.hasAttribute('status')) this.setStatus('idle');
    this.speaking = spoken(resolveLang(this)); // English until a language fetched on demand is here (watchLang then tells)
    drawSoon(this, () => this.#drawShell(), () => this.#drawStep());
    this.cleanups.push(watchLang(this, (lang) => {
      this.speaking = lang;
      // Not yet drawn: render() will speak the new language.
      if (this.#drawn) {
        this.resay();
        this.onLangChange();
      }
      // A language fetched on demand arrives a network round trip after the `lang` change: this says when it has.
      this.dispatchEvent(new CustomEvent('fm-lang', { detail: { lang }, bubbles: true, composed: true }));
    }));
    const io = new IntersectionObserver(
      (entries) => {
        this.visible = entries.some((e) => e.isIntersecting);
        if (this.visible) this.startNow();
        this.visibilityChanged();
      },
      { rootMargin: '300px 0px' },
    );
    io.observe(this);
    const onHidden = () => this.visibilityChanged();
    document.addEventListener('visibilitychange', onHidden);
    this.cleanups.push(() => io.disconnect(), () => document.removeEventListener('visibilitychange', onHidden));
  }

  /**
   * Starts the widget now, wherever it is on the page (once; later starts do nothing); `offscreen` true lets its work
   * run out of view too, until called again with false. Normally a widget starts when it nears the viewport and
   * pauses away from it; printing a chapter needs every figure computed, so the print controls call this on each.
   */
  startNow(offscreen?: boolean): void {
    if (offscreen !== undefined && offscreen !== this.offscreen) {
      this.offscreen = offscreen;
      this.visibilityChanged();
    }
    if (this.started || !this.isConnected) return;
    this.#drawShell();
    this.started = true;
    // Marks let benchmarks time "visible → first output" without hooks in each widget.
    performance.mark('fm-start', { detail: { tag: this.localName, id: this.id } });
    this.guard(this.start(), () => this.restart());
  }

  disconnectedCallback(): void {
    for (const fn of this.cleanups.splice(0)) fn();
    this.jobs.cancelAll();
    this.started = false;
    // Never drawn, never started: nothing to release (and a subclass's teardown may expect its shell). A shell left
    // part-drawn is drawn again from the start if the element comes back.
    if (this.#drawn) this.teardown();
    this.#drawn = false;
    this.#drawing = null;
  }

  /**
   * Draws the shell now if this connection has not yet (a queued draw, the first start, whichever comes first); a
   * shell begun in idle time is finished at once.
   */
  #drawShell(): void {
    if (this.#drawn || !this.isConnected) return;
    const begun = this.#drawing;
    this.#drawing = null;
    this.#drawn = true; // before render(), as always: nothing it calls draws the shell again
    const steps = begun ? begun.steps : this.render();
    if (steps) runSync(steps);
    if (begun) this.#sayAgainIfChanged(begun.lang);
  }

  /** One step of a shell drawn in idle time; true once it is drawn (or need not be). */
  #drawStep(): boolean {
    if (this.#drawn || !this.isConnected) return true;
    if (!this.#drawing) {
      this.#drawn = true; // a plain render() draws it all now; a generator's body has not begun
      const steps = this.render();
      if (!steps) return true;
      this.#drawn = false;
      this.#drawing = { steps, lang: this.speaking };
    }
    if (!this.#drawing.steps.next().done) return false;
    const { lang } = this.#drawing;
    this.#drawing = null;
    this.#drawn = true;
    this.#sayAgainIfChanged(lang);
    return true;
  }

  /** The language changed while the shell was drawn in steps: its first steps spoke the old one. */
  #sayAgainIfChanged(began: Lang): void {
    if (began === this.speaking) return;
    this.resay();
    this.onLangChange();
  }

  private visibilityChanged(): void {
    this.jobs.visibility();
    if (this.#drawn) this.onVisibilityChange();
  }

  /** True while the element is near the viewport (or let run off screen) and the tab is visible: heavy loops run only then. */
  protected get active(): boolean {
    return (this.visible || this.offscreen) && document.visibilityState === 'visible';
  }

  /** The language the element speaks now (src/lib/i18n/); `onLangChange()` is called when it changes. */
  protected get language(): Lang {
    return this.speaking;
  }

  /** A catalogue text in the element's language. */
  protected t<K extends MessageKey>(key: K, ...params: ParamArgs<NoInfer<K>>): string {
    return t(this.speaking, key, ...params);
  }

  /** Registers a release for disconnect (observers, listeners, engine subscriptions). */
  protected onDisconnect(fn: () => void): void {
    this.cleanups.push(fn);
  }

  protected setStatus(status: WidgetStatus): void {
    this.setAttribute('status', status);
  }

  /**
   * A widget that streams calls this when its first useful picture is on screen, before its first result: the
   * `fm-picture` mark (once per element) times it for `npm run bench:first`.
   */
  protected markPicture(): void {
    if (this.pictured) return;
    this.pictured = true;
    performance.mark('fm-picture', { detail: { tag: this.localName, id: this.id } });
  }

  protected emitResult(detail: R): void {
    if (this.status !== 'ready') performance.mark('fm-result', { detail: { tag: this.localName, id: this.id, backend: detail.backend } });
    this.setStatus('ready');
    this.resolveReady();
    this.dispatchEvent(new CustomEvent('fm-result', { detail, bubbles: true, composed: true }));
  }

  /**
   * Shows the message in the widget (as text, never HTML) and reports it; the widget stays usable. The event's
   * `message` is the text as shown, in the element's language at that moment.
   */
  protected emitError(message: string | Msg): void {
    this.showMessage(message, 'error');
    this.dispatchEvent(new CustomEvent('fm-error', { detail: { message: say(this.speaking, message) }, bubbles: true, composed: true }));
  }

  /** A catalogue message (`msg(key, params)`) is said again when the language changes; a string stays as it is. */
  protected showMessage(message: string | Msg, kind: 'error' | 'info' = 'info'): void {
    this.message = { text: message, kind };
    const line = this.root.querySelector<HTMLElement>('[data-role="message"]');
    if (!line) return;
    const text = say(this.speaking, message);
    line.textContent = text;
    line.dataset.kind = kind;
    line.hidden = text === '';
  }

  /** Says the message line (if it still shows a catalogue message: a redrawn shell has hidden it) and Retry again. */
  private resay(): void {
    const line = this.root.querySelector<HTMLElement>('[data-role="message"]');
    if (line && !line.hidden && typeof this.message.text !== 'string') line.textContent = say(this.speaking, this.message.text);
    const retry = this.root.querySelector('[data-role="retry"]');
    if (retry) retry.textContent = this.t('widget.retry');
  }

  /**
   * Runs work nobody awaits (a start, a debounced recomputation, a click) so that an unexpected failure can
   * never leave the widget at `status="running"`: it ends in `status="error"`, the message, an `fm-error` event
   * and a Retry button that calls `retry`. `stale()` true at failure time means newer work superseded this
   * one, and its failure is dropped.
   */
  protected guard(work: Promise<unknown>, retry: () => void, stale: () => boolean = () => false): void {
    work.catch((err: unknown) => {
      if (!stale()) this.failed(err, retry);
    });
  }

  /** The one ending of unexpected failures (of `guard`ed work and of jobs): status="error", message, Retry. */
  protected failed(err: unknown, retry: () => void): void {
    if (!this.isConnected) return;
    this.setStatus('error');
    this.emitError(msg('widget.failed', { error: describeError(err) }));
    this.offerRetry(retry);
  }

  /** A Retry button after the message line (one at a time; it removes itself when pressed). */
  protected offerRetry(retry: () => void): void {
    const line = this.root.querySelector<HTMLElement>('[data-role="message"]');
    if (!line) return;
    this.root.querySelector('[data-role="retry"]')?.remove();
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.role = 'retry';
    button.textContent = this.t('widget.retry');
    button.addEventListener('click', () => {
      button.remove();
      this.clearMessage();
      retry();
    });
    line.after(button);
  }

  /** Starts again from the beginning (the Retry of a failed start). */
  protected restart(): void {
    this.guard(this.start(), () => this.restart());
  }

  /** Hides the message, and a Retry left from a failure that a later change of settings has since put right. */
  protected clearMessage(): void {
    this.showMessage('');
    this.root.querySelector('[data-role="retry"]')?.remove();
  }

  /**
   * Draws the static shell: on connect, at start, or in idle time after connect (drawSoon says which). A shell that
   * takes more than a few milliseconds may be written as a generator that `yield`s between its parts: drawn in idle
   * time, each part then runs in a moment of its own; drawn on connect or at start, all of it runs at once.
   */
  protected abstract render(): void | Sliced<void>;
  /** Loads heavy code and computes the first result; called once the element nears the viewport. */
  protected abstract start(): Promise<void>;
  /** Releases tensors and pending work. */
  protected abstract teardown(): void;
  /** Pauses or resumes loops; `this.active` says which. */
  protected onVisibilityChange(): void {}
  /** Re-renders the subclass's own texts in `this.language` (labels, captions, axes), without recomputing. */
  protected onLangChange(): void {}
}

/**
 * An element's shell is drawn when it connects if it is the first element connected in that task and lies within two
 * screens of the viewport (an embed page's widget, the gallery's, a figure the reader is at: drawn before the first
 * paint, as before, with no shift and no later largest paint). Any other is drawn as it starts (near the viewport),
 * or else in idle time, in the order they connected, one shell per idle moment; a shell written in parts (render()
 * as a generator) takes one part per moment:
 *  - defining an element upgrades every instance on the page in one task: Chapter 1's four playgrounds drew their
 *    shells together, a 58-63 ms task on a 4x slower CPU, and the next frame laid out all four (~140 ms);
 *  - an element's module defines it as it is evaluated, so a shell far down the page was drawn in the same task as
 *    the module's evaluation (the playground's: ~67 ms on a 4x slower CPU, about half of it the shell);
 *  - one whole shell per idle moment was still 41-55 ms there for a playground and up to 93 ms for a stepper.
 * Until then it is an empty host (or a part-drawn one, off screen), as before its code arrived, and its attribute
 * changes wait for render() to end, as they do during an upgrade.
 */
const waiting: Array<() => boolean> = [];
/** An idle moment may not come while a widget animates: a shell's next part waits this long at most. */
const DRAW_WITHIN_MS = 1000;
let checkedInThisTask = false;

function drawSoon(el: HTMLElement, draw: () => void, step: () => boolean): void {
  if (!checkedInThisTask) {
    checkedInThisTask = true;
    // The reactions of one define() or one insertion all run before any microtask: this ends "this task".
    queueMicrotask(() => (checkedInThisTask = false));
    if (nearViewport(el)) return draw();
  }
  waiting.push(step);
  if (waiting.length === 1) drawNextWhenIdle();
}

/** Within two screens of the viewport (one layout read: the page's layout is usually clean when code arrives). */
function nearViewport(el: HTMLElement): boolean {
  const box = el.getBoundingClientRect();
  return box.bottom >= -2 * innerHeight && box.top <= 3 * innerHeight;
}

function drawNextWhenIdle(): void {
  whenIdle(() => {
    try {
      // One part of one shell per moment: a part's cost is known only once it has run, and a stepper's two parts
      // taken together while an 8 ms budget lasted were one task of 15-18 ms in Chapter 1 (60-70 ms on a 4x slower
      // phone). The next shell begins in a moment of its own, so that no frame lays out more than one new shell.
      if (!waiting[0]!()) return;
      waiting.shift();
    } catch (err) {
      // A render that throws must not leave the shells after it undrawn (the element's own step is dropped).
      waiting.shift();
      throw err;
    } finally {
      if (waiting.length) drawNextWhenIdle();
    }
  }, DRAW_WITHIN_MS);
}

/** The element as its jobs see it (`active` and `fail` are protected: only this helper reaches them). */
function jobHost(el: FmElement<ResultDetail>): JobHost {
  const inside = el as unknown as { active: boolean; failed: JobHost['fail'] };
  return { get active() { return inside.active; }, fail: (err, retry) => inside.failed(err, retry) };
}

/**
 * An error's message in words a reader can use (never HTML): the catalogue message it carries (a `ReaderError`),
 * else its own message or `String()` of whatever was thrown — technical text, shown as it is.
 */
export function describeError(err: unknown): Arg {
  const why = whyOf(err);
  if (why) return why;
  const text = err instanceof Error ? err.message : String(err);
  return text.trim() || msg('widget.unknownError');
}

export { define } from './define.ts';
