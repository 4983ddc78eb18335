/**
 * A box that scrolls sideways only on a narrow column (a grid, a table, a formula) joins the tab order only while it
 * does scroll, so the keyboard can scroll it (axe: scrollable-region-focusable) without extra tab stops when it fits.
 * Watches each box and the content inside it; returns the function that stops watching.
 *
 * `near`: watch a box only once it comes within a screen of the viewport, so a chapter's load measures a few
 * formulas, not all of them (on a phone-speed CPU, measuring every formula at load was a 200–600 ms task). A box is
 * checked before the reader (or the Tab key, which scrolls) reaches it.
 */
export function focusWhileScrolling(boxes: readonly { box: HTMLElement; content: Element | null }[], { near = false } = {}): () => void {
  const live: HTMLElement[] = [];
  // All widths are read before any tabindex is written: a write between reads would make every later read lay the
  // page out again.
  const mark = () => {
    const scrolls = live.map((box) => box.scrollWidth > box.clientWidth + 1);
    live.forEach((box, i) => {
      if (scrolls[i] && box.tabIndex !== 0) box.tabIndex = 0;
      else if (!scrolls[i] && box.hasAttribute('tabindex')) box.removeAttribute('tabindex');
    });
  };
  const resized = new ResizeObserver(mark);
  const watch = ({ box, content }: { box: HTMLElement; content: Element | null }) => {
    live.push(box);
    resized.observe(box);
    if (content) resized.observe(content);
  };
  if (!near) {
    boxes.forEach(watch);
    return () => resized.disconnect();
  }
  const byBox = new Map(boxes.map((b) => [b.box as Element, b]));
  const approach = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      approach.unobserve(e.target);
      watch(byBox.get(e.target)!);
    }
  }, { rootMargin: '100% 0px' });
  for (const { box } of boxes) approach.observe(box);
  return () => (approach.disconnect(), resized.disconnect());
}
