/**
 * `<fm-copy-code>`: a Copy button for the listing in its figure (the `pre` after its figcaption). It draws itself,
 * so a page without JavaScript shows no button that cannot work; the result is announced politely, in the page's
 * language (the button's label follows it if it changes).
 */
import { define } from '../../src/lib/widget/define.ts';
import { resolveLang, t, watchLang } from '../../src/lib/i18n/page.ts';

export class FmCopyCode extends HTMLElement {
  private unwatch: (() => void) | undefined;

  connectedCallback(): void {
    this.unwatch?.();
    this.unwatch = watchLang(this, (lang) => {
      const button = this.querySelector('button');
      if (button) button.textContent = t(lang, 'book.code.copy');
    });
    if (this.firstChild) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = t(resolveLang(this), 'book.code.copy');
    const status = document.createElement('span');
    status.setAttribute('role', 'status');
    status.className = 'sr-only';
    button.addEventListener('click', () => {
      const code = this.closest('figure')?.querySelector('pre')?.textContent ?? '';
      navigator.clipboard.writeText(code).then(
        () => { button.textContent = t(resolveLang(this), 'book.code.copied'); status.textContent = t(resolveLang(this), 'book.code.copiedStatus'); },
        () => { status.textContent = t(resolveLang(this), 'book.code.copyFailed'); },
      );
      setTimeout(() => { button.textContent = t(resolveLang(this), 'book.code.copy'); }, 2000);
    });
    this.append(button, status);
  }

  disconnectedCallback(): void {
    this.unwatch?.();
    this.unwatch = undefined;
  }
}
define('fm-copy-code', FmCopyCode);
declare global { interface HTMLElementTagNameMap { 'fm-copy-code': FmCopyCode } }
