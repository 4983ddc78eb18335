/**
 * @summary `<fm-embed-control widget="conv-playground" for="element-id">`: an "Embed" disclosure with the
 * iframe snippet (and a plain link) that reproduce the widget exactly as the reader has set it up.
 */
import { queryFromElement, widgetBySlug } from '@lib/widget/registry.ts';

let counter = 0;

export class EmbedControl extends HTMLElement {
  connectedCallback(): void {
    const entry = widgetBySlug(this.getAttribute('widget') ?? '');
    if (!entry || this.querySelector('details')) return;
    const id = `fm-embed-${++counter}`;
    this.innerHTML = `<details class="fm-embed-control"><summary>Embed or share this figure</summary>
      <label for="${id}-code">Paste this into any web page:</label>
      <textarea id="${id}-code" readonly rows="3" spellcheck="false"></textarea>
      <p><button type="button" data-copy="code">Copy embed code</button> <button type="button" data-copy="link">Copy link</button>
      <span role="status" aria-live="polite" data-role="copied"></span></p>
      <p class="fm-embed-note">The frame sends <code>{type: 'fm-embed-height', height}</code> with <code>postMessage</code> so a host can size it.</p></details>`;
    const details = this.querySelector('details')!;
    details.addEventListener('toggle', () => this.refresh());
    this.querySelectorAll<HTMLButtonElement>('button[data-copy]').forEach((b) =>
      b.addEventListener('click', () => void this.copy(b.dataset.copy === 'link' ? this.url() : this.code())),
    );
  }

  private target(): Element | null {
    const id = this.getAttribute('for');
    return id ? document.getElementById(id) : null;
  }

  url(): string {
    const entry = widgetBySlug(this.getAttribute('widget') ?? '')!;
    const el = this.target();
    const query = el ? queryFromElement(entry, el) : '';
    const base = new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}embed/${entry.slug}/`, location.origin);
    return query ? `${base.href}?${query}` : base.href;
  }

  code(): string {
    const entry = widgetBySlug(this.getAttribute('widget') ?? '')!;
    const src = this.url().replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    return `<iframe src="${src}" title="${entry.title} (Feature Maps)" width="100%" height="720" style="border:0" loading="lazy"></iframe>`;
  }

  private refresh(): void {
    this.querySelector('textarea')!.value = this.code();
  }

  private async copy(text: string): Promise<void> {
    this.refresh();
    const status = this.querySelector<HTMLElement>('[data-role="copied"]')!;
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = 'Copied.';
    } catch {
      const area = this.querySelector('textarea')!;
      area.value = text;
      area.select();
      status.textContent = 'Selected — press Ctrl+C (⌘C) to copy.';
    }
  }
}

if (!customElements.get('fm-embed-control')) customElements.define('fm-embed-control', EmbedControl);
declare global { interface HTMLElementTagNameMap { 'fm-embed-control': EmbedControl } }
