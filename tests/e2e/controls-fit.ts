/**
 * Native menus and number fields inside widgets that cut their text: a phone shows a closed `<select>` as a box with
 * the chosen option in it, and where the box is narrower than the option the reader sees "both conv b" and cannot
 * tell the choices apart without opening each menu. For every visible menu and number field in a widget's shadow
 * root (the page's own controls, the embed controls' among them, are outside any), the width its text needs is
 * read with `field-sizing: content` and compared with the width it has; a menu is tried with each of its options
 * shown (selecting by `selectedIndex` fires no event, and the choice is put back before the page can draw). Returns
 * one line per control that cuts, with the option that needs the most.
 */
import type { Page } from '@playwright/test';

/**
 * Measured slack: Chromium's content-sized menu is wider than the narrowest menu that shows the same word whole (the
 * receptive field's padding menus show "same" whole, with room to spare, in 71.5–72 px; content-sized they are 74).
 * Half a letter is wider than this.
 */
export const SLACK_PX = 4;

export function cutControls(page: Page): Promise<string[]> {
  return page.evaluate((slack) => {
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot, host: string) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot, el.localName);
        if (!host) continue;
        const menu = el instanceof HTMLSelectElement;
        if (!menu && !(el instanceof HTMLInputElement && el.type === 'number')) continue;
        if (!el.checkVisibility()) continue;
        const has = el.getBoundingClientRect().width;
        const style = el.style;
        const saved = style.cssText;
        for (const [p, v] of [['field-sizing', 'content'], ['width', 'auto'], ['min-width', '0'], ['max-width', 'none'], ['flex', 'none']]) style.setProperty(p!, v!, 'important');
        let needs = el.getBoundingClientRect().width;
        let widest = '';
        if (menu) {
          const chosen = el.selectedIndex;
          for (const [i, o] of [...el.options].entries()) {
            if (o.hidden) continue;
            el.selectedIndex = i;
            const w = el.getBoundingClientRect().width;
            if (w > needs) [needs, widest] = [w, o.text];
          }
          el.selectedIndex = chosen;
        }
        style.cssText = saved;
        if (needs > has + slack) {
          const name = el.labels?.[0]?.textContent?.trim() || el.getAttribute('aria-label') || el.id;
          out.push(`${host}: ${el.localName} "${name}" ${Math.round(has)} px, needs ${Math.round(needs)}${widest ? ` for "${widest}"` : ''}`);
        }
      }
    };
    walk(document, '');
    return out;
  }, SLACK_PX);
}
