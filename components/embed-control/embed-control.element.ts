/**
 * @summary `<fm-embed-control widget="conv-playground" for="pg-edges" base="/">`: a chapter figure's share tools.
 * A "Reset figure" button (always visible) and an "Embed or share this figure" disclosure: the iframe snippet (with
 * embed.js, which sizes the frame) or the script-tag snippet, for exactly the set-up on screen, and "Link to this
 * figure" (`<chapter>#<figure-id>?<state>`).
 * It also keeps the figure's state (src/lib/figure-state/): a link's state is applied when the page opens with it
 * (or the hash changes to it), else the state stored for this page and figure in sessionStorage; the widget's spec
 * attributes are written as text, so the widget validates them as it validates any attribute. Light DOM on
 * purpose: the chapter's styles and the figure's layout apply. A chapter's figure has its first markup in the HTML
 * (markup.ts, WidgetFigure.astro): as the page opens the element only attaches its listeners. Its words are in its
 * language (`lang` on it or an ancestor, else the page's) and are said again, status lines included, when that
 * language changes; so are the snippets it writes, which show the widget in that language.
 */
import { widgetBySlug, type WidgetEntry } from '@lib/widget/registry.ts';
import { embedLink, iframeSnippet, scriptTagSnippet } from '@lib/embed/snippet.ts';
import {
  figureHash, parseFigureHash, parseStoredState, pickAllowed, serialiseState, stateChanges, storageKey, type FigureState,
} from '@lib/figure-state/figure-state.ts';
import { prefersReducedMotion } from '@lib/widget/reduced-motion.ts';
import { resolveLang, say, t, watchLang, msg, type Lang, type Msg, type PageKey } from '@lib/i18n/page.ts';
import { controlMarkup } from './markup.ts';

let counter = 0;

/**
 * On page load, widgets above the figure build their controls after the scroll and push it down (scroll anchoring
 * does not catch it: the figure is not yet the anchor); after a smooth scroll, text laid out on the way has moved
 * it. Follow the figure while the page changes, until the reader scrolls, clicks or types, another figure's link is
 * followed, or for 10 s at most.
 */
let stopFollowing = (): void => {};
/**
 * Counts the links followed on this page. Each scrolls at the next frame; one followed before that frame (a hash
 * changed while the page was still opening at another figure's link) supersedes it, so the older scroll, and its
 * following, never run after the newer one.
 */
let linksFollowed = 0;

function keepInView(box: Element, { afterScroll = false } = {}): void {
  stopFollowing();
  const follow = new ResizeObserver(() => box.scrollIntoView({ block: 'start' }));
  const inputs = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;
  let start: ReturnType<typeof setTimeout> | undefined;
  // Its first callback scrolls to the figure where it is now. Begun once: the scroll's end or the timer, whichever
  // comes first, and neither after a stop.
  const observe = () => {
    removeEventListener('scrollend', observe);
    clearTimeout(start);
    follow.observe(document.body);
  };
  const stop = () => {
    follow.disconnect();
    removeEventListener('scrollend', observe);
    clearTimeout(start);
    inputs.forEach((t) => removeEventListener(t, stop, true));
  };
  stopFollowing = stop;
  inputs.forEach((t) => addEventListener(t, stop, { capture: true, passive: true }));
  // After a smooth scroll, from its end: a browser without `scrollend`, or a figure already in place (no scroll
  // at all), begins after 1.5 s.
  if (afterScroll) {
    addEventListener('scrollend', observe);
    start = setTimeout(observe, 1500);
  } else observe();
  setTimeout(stop, 10_000);
}

export class EmbedControl extends HTMLElement {
  private entry: WidgetEntry | undefined;
  private widget: HTMLElement | null = null;
  /** The author's set-up: the widget's attributes as the page's HTML gave them, before any restore. */
  private author: FigureState = [];
  private observer: MutationObserver | undefined;
  private readonly onHash = () => this.applyLink(true);
  private language: Lang = 'en';
  private unwatch: (() => void) | undefined;
  /** What each status line says now (`data-role` → message), so a change of language says it again. */
  private readonly said = new Map<string, Msg>();
  /** The language the control's words are in (undefined: not known, say them all). */
  private labelled: Lang | undefined;
  /** Its listeners are attached (once: they stay with its markup when it is moved). */
  private wired = false;

  /** `link="page"`: the link to share is this page's own address (the gallery keeps the set-up in its query). */
  private get pageLink(): boolean {
    return this.getAttribute('link') === 'page';
  }

  connectedCallback(): void {
    this.entry = widgetBySlug(this.getAttribute('widget') ?? '');
    this.widget = document.getElementById(this.getAttribute('for') ?? '');
    if (!this.entry || !this.widget) return;
    this.language = resolveLang(this);
    // A chapter's figure has the markup from its HTML, in the page's language (data-lang: WidgetFigure.astro).
    if (!this.querySelector('details')) {
      this.innerHTML = controlMarkup((key) => t(this.language, key));
      this.labelled = this.language;
    } else if (!this.wired) this.labelled = this.dataset.lang as Lang | undefined;
    if (this.labelled !== this.language) this.relabel();
    if (!this.wired) this.wire();
    this.unwatch?.();
    this.unwatch = watchLang(this, (lang) => {
      this.language = lang;
      this.relabel();
      this.refresh(); // the snippets show the widget in the figure's language
    });
    this.author = this.state();
    // On a page whose own address carries the set-up (the gallery: link="page"), neither links nor storage apply.
    if (!this.pageLink && !this.applyLink(false)) this.apply(parseStoredState(this.read(), this.entry.attributes));
    this.observer = new MutationObserver(() => this.changed());
    this.observer.observe(this.widget, { attributes: true, attributeFilter: [...this.entry.attributes] });
    addEventListener('hashchange', this.onHash);
  }

  disconnectedCallback(): void {
    this.unwatch?.();
    this.unwatch = undefined;
    this.observer?.disconnect();
    removeEventListener('hashchange', this.onHash);
  }

  /** The markup's listeners (controlMarkup: static, nothing from a URL or an attribute's value is written as HTML). */
  private wire(): void {
    this.wired = true;
    const details = this.querySelector('details')!;
    // The disclosure's fields are made when it is first opened: a chapter has six of these controls, and their
    // 24 fields and buttons were most of the controls' upgrade (20-23 ms of a 4x slower CPU, while the page
    // loaded); a form field on the page also costs the browser's form handling a look each time one is added.
    // A click on the summary comes before the disclosure opens; `toggle` covers an opening by script.
    details.querySelector('summary')!.addEventListener('click', () => this.fill());
    details.addEventListener('toggle', () => {
      if (!details.open) return;
      this.fill();
      this.refresh();
    });
    this.querySelector('[data-action="reset"]')!.addEventListener('click', () => this.reset());
  }

  /** The disclosure's fields, made once (render() says why not before). */
  private fill(): void {
    const details = this.querySelector('details')!;
    if (details.querySelector('fieldset')) return;
    const id = `fm-embed-${++counter}`;
    const page = this.pageLink;
    details.insertAdjacentHTML('beforeend', `<fieldset><legend data-t="embedControl.legend"></legend>
      <label><input type="radio" name="${id}-form" value="iframe" checked> <span data-t="embedControl.iframe"></span></label>
      <label><input type="radio" name="${id}-form" value="script"> <span data-t="embedControl.script"></span></label>
      </fieldset>
      <label for="${id}-code" data-t="embedControl.paste"></label>
      <textarea id="${id}-code" readonly rows="4" spellcheck="false"></textarea>
      <label for="${id}-link" data-t="${page ? 'embedControl.linkGallery' : 'embedControl.linkFigure'}"></label>
      <input id="${id}-link" type="text" readonly spellcheck="false" data-role="figure-link">
      <p><button type="button" class="fm-button" data-copy="code" data-t="embedControl.copyCode"></button> <button type="button" class="fm-button" data-copy="embed" data-t="embedControl.copyEmbed"></button>
      <button type="button" class="fm-button" data-copy="figure" data-t="${page ? 'embedControl.copyGallery' : 'embedControl.copyFigure'}"></button>
      <span role="status" aria-live="polite" data-role="copied"></span></p>
      <p class="fm-embed-note" data-t="${page ? 'embedControl.noteGallery' : 'embedControl.noteFigure'}"></p>`);
    this.relabel();
    this.querySelectorAll('input[type="radio"]').forEach((r) => r.addEventListener('change', () => this.refresh()));
    this.querySelectorAll<HTMLButtonElement>('button[data-copy]').forEach((b) => b.addEventListener('click', () => {
      const kind = b.dataset.copy;
      void this.copy(kind === 'embed' ? this.embedLink() : kind === 'figure' ? this.figureLink() : this.code(),
        kind === 'figure' ? this.querySelector<HTMLInputElement>('[data-role="figure-link"]')! : this.querySelector('textarea')!);
    }));
  }

  /** Writes every word in the control's language: the labels (`data-t` keys) and what the status lines say now. */
  private relabel(): void {
    this.labelled = this.language;
    for (const el of this.querySelectorAll<HTMLElement>('[data-t]')) el.textContent = t(this.language, el.dataset.t as PageKey);
    for (const [role, message] of this.said) {
      const line = this.querySelector<HTMLElement>(`[data-role="${role}"]`);
      if (line) line.textContent = say(this.language, message);
    }
  }

  /** Says `message` on the status line `role`, and keeps it to say again in another language. */
  private tell(role: 'reset' | 'copied', message: Msg): void {
    this.said.set(role, message);
    this.querySelector<HTMLElement>(`[data-role="${role}"]`)!.textContent = say(this.language, message);
  }

  /** The widget's spec attributes in force, in spec order. */
  state(): FigureState {
    const el = this.widget!;
    return this.entry!.attributes.flatMap((n) => (el.hasAttribute(n) ? [[n, el.getAttribute(n)!] as [string, string]] : []));
  }

  private apply(target: FigureState | null): void {
    if (!target) return;
    for (const [name, value] of stateChanges(this.entry!.attributes, this.state(), target)) {
      if (value === null) this.widget!.removeAttribute(name);
      else this.widget!.setAttribute(name, value);
    }
  }

  /** Applies the hash's state when it names this figure (on top of the author's set-up); true when it did. */
  private applyLink(fromHashChange: boolean): boolean {
    const link = parseFigureHash(location.hash);
    if (!link || link.id !== this.widget!.id) return false;
    const given = pickAllowed(this.entry!.attributes, link.pairs);
    this.apply(pickAllowed(this.entry!.attributes, [...given, ...this.author]));
    const box = this.closest('.fm-widget-figure') ?? this.widget!;
    const figure = this.widget!.closest('figure') ?? this.widget!;
    // After layout, so the scroll lands where the figure ends up; focus follows without a second jump.
    stopFollowing(); // a figure followed since the page opened must not pull the view back from this one
    const followed = ++linksFollowed;
    requestAnimationFrame(() => {
      if (followed !== linksFollowed) return; // a newer link was followed before this frame
      const smooth = fromHashChange && !prefersReducedMotion();
      box.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
      if (!figure.hasAttribute('tabindex')) figure.setAttribute('tabindex', '-1');
      figure.focus({ preventScroll: true });
      // A smooth scroll passes chapter text that was never laid out (content-visibility: auto, book.css): laid out
      // as it passes, it takes its real height and moves the figure from where the scroll was aimed (by 1,800 px
      // on Chapter 1 at 1280 px), so the following begins when the scroll ends.
      keepInView(box, { afterScroll: smooth });
    });
    return true;
  }

  /** The reader changed the widget: remember it for this tab, keep a link in the address bar current. */
  private changed(): void {
    if (this.pageLink) {
      // After the page has written the new set-up into its address (its observer runs after this one).
      if (this.querySelector('details')?.open) setTimeout(() => this.refresh());
      return;
    }
    const now = this.state();
    if (stateChanges(this.entry!.attributes, now, this.author).length === 0) this.write(null);
    else this.write(serialiseState(now));
    if (parseFigureHash(location.hash)?.id === this.widget!.id) history.replaceState(history.state, '', figureHash(this.widget!.id, now));
    if (this.querySelector('details')?.open) this.refresh();
  }

  private reset(): void {
    this.apply(this.author);
    if (!this.pageLink) this.write(null);
    if (parseFigureHash(location.hash)?.id === this.widget!.id) history.replaceState(history.state, '', `#${this.widget!.id}`);
    this.tell('reset', msg('embedControl.resetDone'));
  }

  private key(): string {
    return storageKey(location.pathname, this.widget!.id);
  }

  /** sessionStorage may be disabled or full: the figure then simply does not survive a reload. */
  private read(): string | null {
    try { return sessionStorage.getItem(this.key()); } catch { return null; }
  }

  private write(text: string | null): void {
    try {
      if (text === null) sessionStorage.removeItem(this.key());
      else sessionStorage.setItem(this.key(), text);
    } catch { /* see read() */ }
  }

  private site(): string {
    return new URL(this.getAttribute('base') ?? '/', location.origin).href;
  }

  embedLink(): string {
    return embedLink(this.site(), this.entry!.slug, this.state(), undefined, this.language);
  }

  figureLink(): string {
    if (this.pageLink) return location.href.split('#')[0]!;
    return `${location.origin}${location.pathname}${figureHash(this.widget!.id, this.state())}`;
  }

  code(): string {
    const form = this.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value;
    const input = { site: this.site(), widget: this.entry!, attributes: this.state(), embedId: this.widget!.id, lang: this.language };
    return form === 'script' ? scriptTagSnippet(input) : iframeSnippet(input);
  }

  private refresh(): void {
    const code = this.querySelector('textarea');
    if (!code) return; // not opened yet: filled when it is
    code.value = this.code();
    this.querySelector<HTMLInputElement>('[data-role="figure-link"]')!.value = this.figureLink();
  }

  private async copy(text: string, field: HTMLTextAreaElement | HTMLInputElement): Promise<void> {
    this.refresh();
    field.value = text;
    try {
      await navigator.clipboard.writeText(text);
      this.tell('copied', msg('embedControl.copied'));
    } catch {
      field.select();
      this.tell('copied', msg('embedControl.selected'));
    }
  }
}

if (!customElements.get('fm-embed-control')) customElements.define('fm-embed-control', EmbedControl);
declare global { interface HTMLElementTagNameMap { 'fm-embed-control': EmbedControl } }
