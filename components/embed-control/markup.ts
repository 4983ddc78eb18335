/**
 * The share control's first markup (`<fm-embed-control>`, embed-control.element.ts): "Reset figure" with its status
 * line, and the "Embed or share this figure" disclosure, closed (its fields are made when it is first opened). A
 * chapter's figures have it in their HTML, written at build time in the page's language (WidgetFigure.astro): the
 * element then only attaches its listeners as the page opens, instead of writing six controls' markup and words in
 * one task. An element made by script (the widget gallery) writes it itself. Only catalogue words go in, escaped.
 */
import type { PageKey } from '@lib/i18n/page.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `say(key)`: the words for a catalogue key, in the language the markup is written in. */
export function controlMarkup(say: (key: PageKey) => string): string {
  const words = (key: PageKey) => `data-t="${key}">${escape(say(key))}`;
  return `<p class="fm-figure-actions"><button type="button" class="fm-button" data-action="reset" ${words('embedControl.reset')}</button>`
    + ` <span role="status" aria-live="polite" data-role="reset"></span></p>`
    + `<details class="fm-embed-control"><summary ${words('embedControl.summary')}</summary></details>`;
}
