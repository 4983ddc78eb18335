/**
 * A box that scrolls sideways only on a narrow column (a grid, a table) joins the tab order only while it does
 * scroll, so the keyboard can scroll it (axe: scrollable-region-focusable) without extra tab stops when it fits.
 * Watches each box and the content inside it; returns the function that stops watching.
 */
export function focusWhileScrolling(boxes: readonly { box: HTMLElement; content: Element | null }[]): () => void {
  const mark = () => boxes.forEach(({ box }) => (box.scrollWidth > box.clientWidth + 1 ? (box.tabIndex = 0) : box.removeAttribute('tabindex')));
  const resized = new ResizeObserver(mark);
  for (const { box, content } of boxes) {
    resized.observe(box);
    if (content) resized.observe(content);
  }
  return () => resized.disconnect();
}
