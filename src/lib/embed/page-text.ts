/**
 * The embed page's own words around its widget (src/components/EmbedPage.astro): the widget's title and the credit
 * line linking the chapter it comes from, in the language the page's `?lang=` asks for (src/lib/i18n/locales.ts
 * `langFromQuery`; anything unknown is English). Fixed texts only: nothing from the URL is inserted.
 */
import type { Lang } from '../i18n/locales.ts';
import type { WidgetEntry } from '../widget/registry.ts';
import { widgetTitle } from '../widget/titles.ts';

export interface EmbedPageText {
  title: string;
  /** The document's title. */
  documentTitle: string;
  /** The credit line, around its link: `before` + <a href>Feature Maps</a> + `after`. */
  before: string;
  after: string;
  /** The chapter the widget comes from, in that language's edition (the book's home page when it has none). */
  href: string;
}

export function embedPageText(entry: Pick<WidgetEntry, 'slug' | 'title' | 'chapter'>, lang: Lang, base: string): EmbedPageText {
  const edition = lang === 'zh-CN' ? `${base}zh-cn/` : base;
  const title = widgetTitle(entry, lang);
  const href = entry.chapter ? `${edition}chapters/${entry.chapter}/` : edition;
  return lang === 'zh-CN'
    ? { title, documentTitle: `${title} · Feature Maps`, before: '本图出自', after: '——一本关于卷积神经网络的交互式教材。', href }
    : { title, documentTitle: `${title} · Feature Maps`, before: 'From ', after: ', an interactive textbook on CNNs.', href };
}
