/**
 * A chart before its first data: the caller draws the axes at their default domain, and this muted line sits
 * centred in the plot area until data arrives, so the reader sees an empty chart, not an empty frame.
 * Decorative (aria-hidden): the widget's status line already tells the reader what to press.
 */
import type { Selection } from 'd3-selection';

export type EmptyHint = (empty: boolean) => void;

/** Appends the hint at (`cx`, `cy`) of `svg`; call the returned function with whether the chart is still empty. */
export function emptyHint(svg: Selection<SVGSVGElement, unknown, null, undefined>, cx: number, cy: number, text: string): EmptyHint {
  const hint = svg.append('text').attr('class', 'empty-hint').attr('aria-hidden', 'true').attr('x', cx).attr('y', cy).text(text);
  return (empty) => { hint.attr('display', empty ? null : 'none'); };
}
