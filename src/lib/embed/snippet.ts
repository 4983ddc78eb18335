/**
 * The code a reader copies from a chapter's "Embed or share this figure" control, for exactly the set-up on
 * screen: an iframe plus the host helper (embed.js sizes the frame from its own messages, so the paste works
 * as it is), the script-tag form (`/widgets/v1/feature-maps.js` + the element), and a plain link. Pure: the
 * control passes in the site's URL and the widget's attributes; every value is attribute-escaped here, since
 * attributes come from the reader and a URL can come from anyone.
 */
import { embedPath, embedScriptPath, widgetsScriptPath } from './paths.ts';
import type { Lang } from '../i18n/locales.ts';
import { widgetTitle } from '../widget/titles.ts';

/** What a snippet needs to know about a widget (a WidgetEntry fits). */
export interface SnippetWidget { slug: string; tag: string; title: string; height: number }

export interface SnippetInput {
  /** The site's root URL, base path included (`https://example.org/book/`). */
  site: string;
  widget: SnippetWidget;
  /** The widget's attributes in force, in spec order: `[name, value]`. */
  attributes: readonly (readonly [string, string])[];
  /** Names the frame to the host helper (`?embedId=` and `name`); reduced to letters, digits, `-` and `_`. */
  embedId: string;
  /**
   * The language the figure speaks where it was copied (default English): a Chinese chapter's snippet shows the
   * widget in Chinese (`?lang=zh-CN` on the embed page, `lang="zh-CN"` on the element) and names the frame in Chinese.
   */
  lang?: Lang;
}

/** Escapes text for a double-quoted HTML attribute (also safe between tags). */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Ids end up in a URL, a frame name and host code (`FeatureMaps.on(…)`): keep them plain. */
export function safeEmbedId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64) || 'feature-maps';
}

function siteRoot(site: string): string {
  return site.endsWith('/') ? site : `${site}/`;
}

function query(attributes: SnippetInput['attributes'], extra: [string, string][] = []): string {
  return new URLSearchParams([...attributes.map(([n, v]) => [n, v] as [string, string]), ...extra]).toString();
}

/** The versioned embed page for this set-up, in `lang` (English by default): what "Copy embed link" gives and the iframe shows. */
export function embedLink(site: string, slug: string, attributes: SnippetInput['attributes'], embedId?: string, lang: Lang = 'en'): string {
  const extra: [string, string][] = embedId ? [['embedId', safeEmbedId(embedId)]] : [];
  if (lang !== 'en') extra.push(['lang', lang]);
  const q = query(attributes, extra);
  return `${siteRoot(site)}${embedPath(slug).slice(1)}${q ? `?${q}` : ''}`;
}

/** The frame and the host helper that sizes it; paste both, anywhere in the page. */
export function iframeSnippet({ site, widget, attributes, embedId, lang = 'en' }: SnippetInput): string {
  const id = safeEmbedId(embedId);
  const src = embedLink(site, widget.slug, attributes, id, lang);
  const title = `${widgetTitle(widget, lang)}${lang === 'zh-CN' ? '（Feature Maps）' : ' (Feature Maps)'}`;
  return `<iframe src="${escapeAttribute(src)}" name="${escapeAttribute(id)}" title="${escapeAttribute(title)}" width="100%" height="${Math.round(widget.height)}" style="border:0" loading="lazy"></iframe>\n`
    + `<script src="${escapeAttribute(`${siteRoot(site)}${embedScriptPath().slice(1)}`)}" defer></script>`;
}

/** The element in the host page itself, its code (and assets) loaded from the book's stable entry. */
export function scriptTagSnippet({ site, widget, attributes, lang = 'en' }: SnippetInput): string {
  if (!/^fm-[a-z]+(-[a-z]+)*$/.test(widget.tag)) throw new Error(`not a widget tag: ${widget.tag}`);
  const attrs = attributes
    .filter(([name]) => /^[a-z]+(-[a-z]+)*$/.test(name))
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('') + (lang === 'en' ? '' : ` lang="${lang}"`);
  return `<script type="module" src="${escapeAttribute(`${siteRoot(site)}${widgetsScriptPath().slice(1)}`)}"></script>\n`
    + `<${widget.tag}${attrs}></${widget.tag}>`;
}
