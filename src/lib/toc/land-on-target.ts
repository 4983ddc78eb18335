/**
 * Off-screen blocks of a chapter are laid out only when they near the viewport (content-visibility: auto, book.css),
 * at an estimated height until then. A jump to `#section` is computed from those estimates; as the blocks around the
 * target are drawn at their real heights the target moves, and Chromium's scroll anchoring does not follow it (a
 * jump to the exercises of Chapter 1 ended 2,500 px short). So after each jump — a link, the "On this page" list, a
 * URL opened with a fragment — the page scrolls to the target again until it stays put (a few frames at most).
 */
const MAX_TRIES = 6;

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** The fragment's id; null for none, a malformed one, or a figure link with its state (src/lib/figure-state/). */
function hashId(): string | null {
  try {
    const id = decodeURIComponent(location.hash.slice(1));
    return id && !id.includes('?') ? id : null;
  } catch {
    return null;
  }
}

/** The page's scroll position and the target's top on screen, and where a landing puts that top. */
interface Mark { target: Element; y: number; top: number; line: number }

function mark(target: Element): Mark {
  // scrollIntoView stops the target's top the page's scroll padding (Starlight's header) plus its own margin down.
  const line = (parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0) + (parseFloat(getComputedStyle(target).scrollMarginTop) || 0);
  return { target, y: scrollY, top: target.getBoundingClientRect().top, line };
}

/**
 * The reader has scrolled away since `m` (a scroll bar or a script sends no wheel, touch or key event): the page
 * scrolled, the target moved on screen, and it is now farther from where a landing puts it. Without the reader, one of
 * the two stays put: a block above the target taking its real height moves the target and not the scroll position;
 * scroll anchoring, when it follows, moves the scroll position and keeps the target where it was on screen; and the
 * browser's own jump to the fragment moves the target towards that place. (A reader's scroll and an anchoring
 * adjustment in the same frame come as one scroll event, so the two movements cannot be compared by size.)
 */
function readerScrolled(m: Mark): boolean {
  const now = mark(m.target);
  return Math.abs(now.y - m.y) > 1 && Math.abs(now.top - m.top) > 1 && Math.abs(now.top - m.line) > Math.abs(m.top - m.line) + 1;
}

/**
 * The last landing's mark, moved on at each scroll so each scroll is judged alone (a reader's short drag followed by
 * a figure above growing under scroll anchoring would otherwise add up to neither), and whether the reader has
 * scrolled away from it since.
 */
let last: Mark | null = null;
let left = false;

function onScroll(): void {
  if (!last) return;
  if (readerScrolled(last)) left = true;
  last = mark(last.target);
}

/**
 * Scrolls are watched (a style and layout read each) only while a landing may still come: during a landing's frames,
 * and for a page opened with a fragment until its last landing after load; never while the reader simply scrolls.
 */
let watching = 0;
function watchScrolls(on: boolean): void {
  watching += on ? 1 : -1;
  if (on && watching === 1) addEventListener('scroll', onScroll, { passive: true });
  if (!on && watching === 0) removeEventListener('scroll', onScroll);
}

async function land(id: string): Promise<void> {
  const target = document.getElementById(id);
  if (!target) return;
  last = mark(target); // where the browser's own jump put it
  left = false;
  watchScrolls(true);
  try {
    for (let i = 0; i < MAX_TRIES; i++) {
      await frame();
      await frame();
      // A jump elsewhere meanwhile (another link, a figure's state in the fragment) ends this one, as does the reader
      // scrolling away from it.
      if (hashId() !== id || left || last?.target !== target) return;
      const { top } = last;
      onScroll(); // a scroll whose event has not come yet
      if (left) return;
      if (i > 0 && Math.abs(target.getBoundingClientRect().top - top) < 1) return;
      target.scrollIntoView({ block: 'start', behavior: 'instant' });
      last = mark(target);
    }
  } finally {
    watchScrolls(false);
  }
}

export function landOnTargets(): void {
  const go = () => { const id = hashId(); if (id) void land(id); };
  // Opened with a fragment, the page is still filling in (figures drawing their controls as their code arrives): land
  // again as it does, unless the reader has started to move or has gone elsewhere (a later jump lands by itself, and
  // landing on it again seconds later would pull back a reader who has since scrolled away from it).
  const opened = hashId();
  let moved = false;
  for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown']) addEventListener(type, () => (moved = true), { once: true, passive: true });
  const again = () => {
    onScroll();
    if (left) moved = true;
    if (!moved && hashId() === opened) go(); // no fragment: go() lands nowhere
  };
  if (opened) {
    watchScrolls(true);
    addEventListener('load', () => {
      again();
      setTimeout(again, 1000);
      setTimeout(() => { again(); watchScrolls(false); }, 2500);
    }, { once: true });
  }
  window.addEventListener('hashchange', go);
  // Clicking a link to the fragment already in the URL fires no hashchange.
  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[href^="#"]');
    if (a && (a as HTMLAnchorElement).hash === location.hash) go();
  });
  go();
}
