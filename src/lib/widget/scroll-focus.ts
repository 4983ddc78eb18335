/**
 * A box that scrolls sideways only on a narrow column (a grid, a table) joins the tab order only while it does
 * scroll, so the keyboard can scroll it (axe: scrollable-region-focusable) without extra tab stops when it fits.
 * Watches each box and the content inside it; returns the function that stops watching.
 */
export function focusWhileScrolling(boxes: readonly { box: HTMLElement; content: Element | null }[]): () => void {
  // All widths are read before any tabindex is written: a write between reads would make every later read lay the
  // page out again (on a chapter with 60 formulas that was a 200–300 ms task on a phone-speed CPU).
  const mark = () => {
    const scrolls = boxes.map(({ box }) => box.scrollWidth > box.clientWidth + 1);
    boxes.forEach(({ box }, i) => {
      if (scrolls[i] && box.tabIndex !== 0) box.tabIndex = 0;
      else if (!scrolls[i] && box.hasAttribute('tabindex')) box.removeAttribute('tabindex');
    });
  };
  const resized = new ResizeObserver(mark);
  for (const { box, content } of boxes) {
    resized.observe(box);
    if (content) resized.observe(content);
  }
  return () => resized.disconnect();
}
