/**
 * `<fm-copy-code>`: a Copy button for the listing in its figure (the `pre` after its figcaption). It draws itself,
 * so a page without JavaScript shows no button that cannot work; the result is announced politely.
 */
import { define } from '../../src/lib/widget/fm-element.ts';

export class FmCopyCode extends HTMLElement {
  connectedCallback(): void {
    if (this.firstChild) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Copy';
    const status = document.createElement('span');
    status.setAttribute('role', 'status');
    status.className = 'sr-only';
    button.addEventListener('click', () => {
      const code = this.closest('figure')?.querySelector('pre')?.textContent ?? '';
      navigator.clipboard.writeText(code).then(
        () => { button.textContent = 'Copied'; status.textContent = 'Code copied.'; },
        () => { status.textContent = 'Copying failed: select the code and copy it by hand.'; },
      );
      setTimeout(() => { button.textContent = 'Copy'; }, 2000);
    });
    this.append(button, status);
  }
}
define('fm-copy-code', FmCopyCode);
declare global { interface HTMLElementTagNameMap { 'fm-copy-code': FmCopyCode } }
