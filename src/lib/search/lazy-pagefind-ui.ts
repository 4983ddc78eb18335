/**
 * Stands in for `@pagefind/default-ui` (aliased in astro.config.mjs) in Starlight's search script, which builds
 * Pagefind's search box once every page is idle: 94 KB of script (ui-core) fetched, evaluated and rendered into the
 * closed search dialog on every page a reader opens, though few readers search. Lighthouse's phone counted that idle
 * task at 54–60 ms on three pages. Here Starlight's `new PagefindUI(options)` only remembers the options; the real
 * UI is fetched when the reader shows intent (a pointer on the Search button, or keyboard focus on it) and built when
 * the dialog opens (click or Ctrl+K), then its input takes the focus Starlight gave it too early. Until then the dialog
 * says it is loading; a failed download says so, and opening the dialog again tries again. (Built at idle, the box
 * could also be late for a reader who opened the search at once: the focus then sat on the dialog's button and what
 * they typed went nowhere.)
 */
import { importAgain } from '../widget/import-again.ts';
import { resolveLang, t, type Lang } from '../i18n/page.ts';

interface Options {
  element: string;
  [option: string]: unknown;
}
type RealUI = new (options: Options) => unknown;

/**
 * Pagefind's own words in Chinese. Its UI picks its translation from the page's `lang`, yet on the Chinese edition
 * (lang="zh-CN") it said "5 results for 感受野" and "Clear" in English (Pagefind 1.5.2, already so before this
 * module); given here, they are used whatever its detection does. [COUNT], [SEARCH_TERM] and [DIFFERENT_TERM] are
 * Pagefind's placeholders; no space is typed beside a number, as the chapters type none (text-autospace spaces them).
 * Reviewed by a native Chinese teacher. Starlight's own translation of the placeholder (`placeholder`) still wins.
 */
export const PAGEFIND_ZH: Readonly<Record<string, string>> = {
  clear_search: '清除',
  load_more: '加载更多结果',
  search_label: '搜索本站',
  filters_label: '筛选',
  zero_results: '没有找到与“[SEARCH_TERM]”相关的结果',
  many_results: '找到[COUNT]个与“[SEARCH_TERM]”相关的结果',
  one_result: '找到[COUNT]个与“[SEARCH_TERM]”相关的结果',
  total_zero_results: '没有找到结果',
  total_one_result: '[COUNT]个结果',
  total_many_results: '[COUNT]个结果',
  alt_search: '没有找到与“[SEARCH_TERM]”相关的结果，已改为显示“[DIFFERENT_TERM]”的结果',
  search_suggestion: '没有找到与“[SEARCH_TERM]”相关的结果。可以试试以下搜索词：',
  searching: '正在搜索“[SEARCH_TERM]”……',
  results_label: '搜索结果',
  keyboard_navigate: '切换',
  keyboard_select: '打开',
  keyboard_clear: '清除',
  keyboard_close: '关闭',
  keyboard_search: '搜索',
  error_search: '搜索失败',
  filter_selected_one: '已选[COUNT]项',
  filter_selected_many: '已选[COUNT]项',
  input_hint: '边输入边显示结果',
  loading: '正在加载',
};

/** The options Pagefind's UI is built with: on a Chinese page, its words in Chinese under Starlight's. */
export function withPageWords(options: Options, lang: Lang): Options {
  if (lang !== 'zh-CN') return options;
  const given = (options.translations ?? {}) as Record<string, string>;
  return { ...options, translations: { ...PAGEFIND_ZH, ...given } };
}

let real: Promise<RealUI> | null = null;
/** Pagefind's UI module, fetched once; a failed fetch is forgotten, so the next try fetches again. */
function fetchUI(): Promise<RealUI> {
  real ??= importAgain(() => import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs')).then(
    (m) => m.PagefindUI,
    (err: unknown) => {
      real = null;
      throw err;
    },
  );
  return real;
}

export class PagefindUI {
  constructor(options: Options) {
    const host = document.querySelector<HTMLElement>(options.element);
    const dialog = host?.closest('dialog');
    if (!host || !dialog) {
      // Not Starlight's markup: build at once, as the real class would.
      void fetchUI().then((UI) => new UI(withPageWords(options, resolveLang(document.documentElement))));
      return;
    }
    const lang = resolveLang(host);
    let built = false;
    let building = false;
    const build = () => {
      if (built || building || !dialog.open) return;
      building = true;
      const status = document.createElement('p');
      status.setAttribute('role', 'status');
      status.className = 'fm-search-status';
      status.textContent = t(lang, 'search.loading');
      host.replaceChildren(status);
      fetchUI().then(
        (UI) => {
          host.replaceChildren();
          new UI(withPageWords(options, lang));
          built = true;
          // Starlight focused the input when the dialog opened, before there was one.
          if (dialog.open) host.querySelector<HTMLInputElement>('input')?.focus();
        },
        (err: unknown) => {
          status.textContent = t(lang, 'search.failed');
          console.warn('Feature Maps: the search could not be loaded:', err);
        },
      ).finally(() => {
        building = false;
      });
    };
    new MutationObserver(build).observe(dialog, { attributes: true, attributeFilter: ['open'] });
    build();
    const opener = dialog.parentElement?.querySelector('button[data-open-modal]');
    const warm = () => void fetchUI().catch(() => {});
    for (const type of ['pointerenter', 'pointerdown', 'focus']) opener?.addEventListener(type, warm, { once: true });
  }
}
