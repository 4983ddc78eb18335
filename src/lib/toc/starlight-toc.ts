/**
 * Stands in for Starlight's `starlight-toc` module (aliased in astro.config.mjs): the "On this page" list that marks
 * the section being read. Starlight finds what to watch with `:has()` selectors over every element of the page; on a
 * chapter of 5,000–7,000 elements (most of them inside formulas) that one query took ~250 ms on a phone-speed CPU
 * (Lighthouse's 4× slowdown), the page's largest task after load. Here the watched elements are the headings and
 * the top-level blocks of the text, found by child lists, and each block's section is its nearest heading above it.
 * Same element names, same markup and the same `current` setter (the mobile list extends this class).
 */
import { whenIdle } from '../schedule/slices.ts';

const PAGE_TITLE_ID = '_top';

export class StarlightTOC extends HTMLElement {
  protected _current: HTMLAnchorElement | null = this.querySelector('a[aria-current="true"]');
  private readonly minH = parseInt(this.dataset.minH || '2', 10);
  private readonly maxH = parseInt(this.dataset.maxH || '3', 10);

  protected set current(link: HTMLAnchorElement) {
    if (link === this._current) return;
    this._current?.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'true');
    this._current = link;
  }

  constructor() {
    super();
    whenIdle(() => this.init());
  }

  private isHeading(el: Element): el is HTMLHeadingElement {
    const level = /^h([1-6])$/i.exec(el.localName)?.[1];
    if (!level || !el.id) return false;
    return el.id === PAGE_TITLE_ID || (Number(level) >= this.minH && Number(level) <= this.maxH);
  }

  /** The heading a top-level block belongs to: itself, a heading it wraps, or the nearest one before it. */
  private headingOf(block: Element): Element | null {
    for (let el: Element | null = block; el; el = el.previousElementSibling) {
      if (this.isHeading(el)) return el;
      const wrapped = el.firstElementChild;
      if (el.classList.contains('sl-heading-wrapper') && wrapped && this.isHeading(wrapped)) return wrapped;
    }
    return document.getElementById(PAGE_TITLE_ID);
  }

  private init(): void {
    const links = [...this.querySelectorAll('a')];
    const content = document.querySelector('main .sl-markdown-content');
    const main = document.querySelector('main');
    const watched = [...(main?.children ?? [])].filter((el) => !el.contains(content));
    if (content) watched.push(...content.children);
    // The blocks in the band now. One batch of entries can hold a block's entering and its leaving again (a jump,
    // then a scroll, between two callbacks): each entry updates the set in order, and the band's first block wins.
    const inBand = new Set<Element>();
    const onIntersect = (entries: IntersectionObserverEntry[]) => {
      for (const { isIntersecting, target } of entries) {
        if (isIntersecting) inBand.add(target);
        else inBand.delete(target);
      }
      for (const target of watched) {
        if (!inBand.has(target)) continue;
        const heading = content?.contains(target) ? this.headingOf(target) : document.getElementById(PAGE_TITLE_ID);
        const link = heading && links.find((a) => a.hash === `#${encodeURIComponent(heading.id)}`);
        if (link) {
          this.current = link;
          break;
        }
      }
    };
    let observer: IntersectionObserver | undefined;
    const observe = () => {
      if (observer) return;
      observer = new IntersectionObserver(onIntersect, { rootMargin: this.rootMargin() });
      for (const el of watched) observer.observe(el);
    };
    observe();
    let timeout: ReturnType<typeof setTimeout> | undefined;
    window.addEventListener('resize', () => {
      observer?.disconnect();
      observer = undefined;
      inBand.clear();
      clearTimeout(timeout);
      timeout = setTimeout(() => whenIdle(observe), 200);
    });
  }

  /** Sections count as read from just below the fixed header (and the mobile list's bar) down. */
  private rootMargin(): string {
    const top = (document.querySelector('header')?.getBoundingClientRect().height ?? 0) + (this.querySelector('summary')?.getBoundingClientRect().height ?? 0) + 32;
    return `-${top}px 0% ${top + 53 - document.documentElement.clientHeight}px`;
  }
}

if (!customElements.get('starlight-toc')) customElements.define('starlight-toc', StarlightTOC);
