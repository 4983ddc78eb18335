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

async function land(id: string): Promise<void> {
  const target = document.getElementById(id);
  if (!target) return;
  let last = Number.NaN;
  for (let i = 0; i < MAX_TRIES; i++) {
    await frame();
    await frame();
    // A jump elsewhere meanwhile (another link, a figure's state in the fragment) ends this one.
    if (hashId() !== id) return;
    const top = target.getBoundingClientRect().top;
    if (Math.abs(top - last) < 1) return;
    last = top;
    target.scrollIntoView({ block: 'start', behavior: 'instant' });
    last = target.getBoundingClientRect().top;
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
  const again = () => { if (!moved && hashId() === opened) go(); }; // no fragment: go() lands nowhere
  addEventListener('load', () => { again(); setTimeout(again, 1000); setTimeout(again, 2500); }, { once: true });
  window.addEventListener('hashchange', go);
  // Clicking a link to the fragment already in the URL fires no hashchange.
  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[href^="#"]');
    if (a && (a as HTMLAnchorElement).hash === location.hash) go();
  });
  go();
}
