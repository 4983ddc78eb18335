/**
 * The browser half of the language-leak check (tests/e2e/i18n-check.ts, for widths.spec.ts and i18n-leaks.spec.ts): what a reader can see or hear inside
 * each `fm-*` element of a page. `collectWidgetTexts` is handed to `page.evaluate`, so it is self-contained (no
 * imports, no helpers outside its body); the judging of the collected texts is tests/e2e/i18n-text.ts, unit-tested.
 *
 * What is collected, for each top-level `fm-*` element (one not inside another's tree) — its shadow root, or, for the
 * few that draw into their light DOM (fm-embed-control, fm-copy-code), its children — and every nested shadow root:
 * - text nodes (SVG `<text>`/`<title>` included: chart axes, legends, tooltips);
 * - the attributes a reader meets: aria-label, aria-valuetext, aria-roledescription, aria-description, title, alt,
 *   placeholder, `label` of <option>/<optgroup>/<track>, and `value` of <input type=button|submit|reset> (the one
 *   kind of `value` a reader sees: a <button>'s or an <option>'s `value` is form data, never shown or spoken — their
 *   text is, and is collected as text).
 * What is skipped, and why:
 * - <style>, <script>, <template> (not content), <code>, <kbd>, <samp> (code, keys and program output are quoted
 *   as they are in any language);
 * - `data-reserve`: a stand-in sentence drawn `visibility: hidden` (src/lib/widget/host.css) only to keep the room
 *   the first result fills; it is neither seen nor read, and its real text is collected once written;
 * - canvas pixels (no widget draws text on a canvas: grep fillText finds none).
 * Hidden nodes (`hidden`, display:none, aria-hidden="true") are NOT skipped but marked: a hidden message line, a
 * collapsed panel or a tooltip is shown or read later (or now, through aria-labelledby/-describedby), and an English
 * text waiting there is the same leak. `hidden: true` in the output only helps to find it.
 */

export interface CollectedText {
  /** The top-level element's tag, with its id or its index among elements of that tag on the page: `fm-pool-explorer#2`. */
  widget: string;
  /** `text`, or the attribute's name, and the tag it was read from: `text@button`, `aria-label@svg`. */
  where: string;
  text: string;
  hidden: boolean;
}

export function collectWidgetTexts(): CollectedText[] {
  const SKIP = new Set(['style', 'script', 'template', 'code', 'kbd', 'samp', 'noscript']);
  const ATTRS = ['aria-label', 'aria-valuetext', 'aria-roledescription', 'aria-description', 'title', 'alt', 'placeholder'];
  const out: CollectedText[] = [];
  const isFm = (el: Element) => el.localName.startsWith('fm-');
  const tops = [...document.querySelectorAll('*')].filter((el) => {
    if (!isFm(el)) return false;
    for (let up = el.parentElement; up; up = up.parentElement) if (isFm(up)) return false;
    return true;
  });
  const seen = new Map<string, number>();

  const hiddenEl = (el: Element): boolean => {
    if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
    const style = getComputedStyle(el);
    return style.display === 'none' || style.visibility === 'hidden';
  };

  const walk = (root: ParentNode, widget: string, hidden: boolean): void => {
    for (const node of root.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        const text = node.nodeValue?.trim() ?? '';
        if (text) out.push({ widget, where: `text@${(node.parentNode as Element | null)?.localName ?? '#shadow-root'}`, text, hidden });
        continue;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      const el = node as Element;
      if (SKIP.has(el.localName)) continue;
      const h = hidden || hiddenEl(el);
      for (const name of ATTRS) {
        const v = el.getAttribute(name)?.trim();
        if (v) out.push({ widget, where: `${name}@${el.localName}`, text: v, hidden: h });
      }
      if (['option', 'optgroup', 'track'].includes(el.localName)) {
        const v = el.getAttribute('label')?.trim();
        if (v) out.push({ widget, where: `label@${el.localName}`, text: v, hidden: h });
      }
      if (el.localName === 'input' && ['button', 'submit', 'reset'].includes((el as HTMLInputElement).type)) {
        const v = (el as HTMLInputElement).value.trim();
        if (v) out.push({ widget, where: 'value@input', text: v, hidden: h });
      }
      if (el.shadowRoot) walk(el.shadowRoot, widget, h);
      walk(el, widget, h);
    }
  };

  for (const el of tops) {
    const n = (seen.get(el.localName) ?? 0) + 1;
    seen.set(el.localName, n);
    const widget = el.id ? `${el.localName}#${el.id}` : `${el.localName}#${n}`;
    const hidden = hiddenEl(el);
    for (const name of ATTRS) {
      const v = el.getAttribute(name)?.trim();
      if (v) out.push({ widget, where: `${name}@${el.localName}`, text: v, hidden });
    }
    walk(el.shadowRoot ?? el, widget, hidden);
  }
  return out;
}
