/**
 * Styles a widget's shadow root with the shared host sheet (host.css) followed by the widget's own CSS.
 * Constructable sheets are made once per text and shared by every instance (no CSS re-parsed per element), and
 * they pass a strict `style-src 'self'` CSP, which `<style>` inside a shadow root does not. Browsers without
 * `adoptedStyleSheets` get the same two sheets as `<style>` elements, in the same order (the widget's last, so it
 * may override the shared rules of equal specificity).
 */
import hostCss from './host.css?inline';

const sheets = new Map<string, CSSStyleSheet>();

function sheetFor(css: string): CSSStyleSheet {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheet;
}

const constructable = typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype
  && typeof ShadowRoot !== 'undefined' && 'adoptedStyleSheets' in ShadowRoot.prototype;

/** Gives `root` the shared host sheet and then `css`; call after setting the root's innerHTML (the fallback prepends). */
export function adoptStyles(root: ShadowRoot, css: string, options: { shared?: boolean } = {}): void {
  const texts = options.shared === false ? [css] : [hostCss, css];
  if (constructable) {
    root.adoptedStyleSheets = texts.map(sheetFor);
    return;
  }
  for (const text of texts.reverse()) {
    const style = document.createElement('style');
    style.textContent = text;
    root.prepend(style);
  }
}

/** The shared sheet's text, for tests and for a host that styles a look-alike. */
export const HOST_CSS: string = hostCss;
