/**
 * The level a widget's own headings take where it stands: one below the nearest heading before it in the page (an
 * embed page's title is an h1, so its widget's parts are h2; in a chapter section headed by an h2 they are h3), 2
 * where none comes before, 6 at most. A page's headings then descend one level at a time, on the book's pages and on
 * any site that embeds the widget, with nothing for the site to set (axe's heading-order; screen readers list them).
 *
 * Only the light DOM before the host counts: `h1`–`h6`, and an element with `role="heading"` and `aria-level`.
 */
const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"][aria-level]';

function levelOf(el: Element): number {
  const aria = Number(el.getAttribute('aria-level'));
  if (el.getAttribute('role') === 'heading' && Number.isInteger(aria) && aria >= 1) return Math.min(aria, 6);
  return /^H[1-6]$/.test(el.tagName) ? Number(el.tagName[1]) : 0;
}

/** The last heading at or inside `el`, in document order, or null. */
function lastHeadingIn(el: Element): Element | null {
  const inside = el.querySelectorAll(HEADING);
  if (inside.length) return inside[inside.length - 1]!;
  return el.matches(HEADING) ? el : null;
}

export function headingLevelAfter(host: Element): number {
  for (let at: Element | null = host; at; at = at.parentElement) {
    for (let prev = at.previousElementSibling; prev; prev = prev.previousElementSibling) {
      const heading = lastHeadingIn(prev);
      const level = heading ? levelOf(heading) : 0;
      if (level) return Math.min(level + 1, 6);
    }
    if (at !== host && at.matches(HEADING) && levelOf(at)) return Math.min(levelOf(at) + 1, 6);
  }
  return 2;
}
