/**
 * The widget gallery's one live widget (src/components/site/GalleryPage.astro, at /teachers/gallery/ and /zh-cn/teachers/gallery/): built from `?widget=<slug>` and the
 * widget's own attributes in the query (validated by the widget, like an embed page's), replaced when the teacher
 * picks another, with the chapters' "Embed or share this figure" control under it. The widget's set-up follows in
 * the URL, so a reload or a copied gallery address keeps it. Everything from the URL goes in as attribute text or
 * textContent, never as HTML. The widget's code comes from the script-tag entry every page loads
 * (src/lib/widget/entry.ts), which notices the new element.
 */
import { attributesFromQuery, queryFromElement, widgetBySlug, WIDGETS, type WidgetEntry } from '@lib/widget/registry.ts';
import '@components/embed-control/embed-control.element.ts';
import { normaliseLang } from '@lib/i18n/locales.ts';
import { widgetTitle } from '@lib/widget/titles.ts';

const TARGET_ID = 'gallery-widget';
const select = document.querySelector<HTMLSelectElement>('#fm-gallery-select')!;
const slot = document.querySelector<HTMLElement>('[data-fm-gallery-slot]')!;
const title = document.querySelector<HTMLElement>('#fm-gallery-title')!;
const status = document.querySelector<HTMLElement>('[data-fm-gallery-status]')!;
let watcher: MutationObserver | undefined;
let shown = 0;
// The gallery page's edition (/teachers/gallery/ or /zh-cn/teachers/gallery/) decides the words it writes here.
const lang = normaliseLang(document.documentElement.lang);

function remember(entry: WidgetEntry, el: Element): void {
  const query = queryFromElement(entry, el);
  history.replaceState(null, '', `?widget=${encodeURIComponent(entry.slug)}${query ? `&${query}` : ''}`);
}

function show(entry: WidgetEntry, search = ''): void {
  const el = document.createElement(entry.tag);
  el.id = TARGET_ID;
  for (const [name, value] of attributesFromQuery(entry, search)) el.setAttribute(name, value);
  const control = document.createElement('fm-embed-control');
  control.setAttribute('widget', entry.slug);
  control.setAttribute('for', TARGET_ID);
  control.setAttribute('link', 'page');
  control.setAttribute('base', import.meta.env.BASE_URL);
  slot.replaceChildren(el);
  // The control goes in under the widget once the widget has drawn its shell: put in beside the bare element, it sat
  // at the top of the slot until the widget's code arrived and then jumped down (layout shift). If the code never
  // comes (offline), the control still does.
  const mine = ++shown;
  void Promise.race([customElements.whenDefined(entry.tag), new Promise((r) => setTimeout(r, 5000))]).then(() => {
    if (mine === shown) el.after(control);
  });
  title.textContent = widgetTitle(entry, lang);
  select.value = entry.slug;
  watcher?.disconnect();
  watcher = new MutationObserver(() => remember(entry, el));
  watcher.observe(el, { attributes: true, attributeFilter: [...entry.attributes] });
}

function pick(slug: string): void {
  const entry = widgetBySlug(slug);
  if (!entry) return;
  status.textContent = '';
  show(entry);
  remember(entry, document.getElementById(TARGET_ID)!);
}

const asked = new URLSearchParams(location.search).get('widget');
const first = asked === null ? WIDGETS[0]! : widgetBySlug(asked);
if (first) show(first, location.search);
else {
  const name = (asked ?? '').slice(0, 60);
  status.textContent = lang === 'zh-CN'
    ? `没有名为“${name}”的交互图，先显示第一幅。请从列表中另选一幅。`
    : `There is no widget called “${name}”; showing the first one. Pick another from the list.`;
  show(WIDGETS[0]!);
}
select.addEventListener('change', () => pick(select.value));
document.querySelector('[data-fm-gallery-form]')!.addEventListener('submit', (e) => {
  e.preventDefault();
  pick(select.value);
});
