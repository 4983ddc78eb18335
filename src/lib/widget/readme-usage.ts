/**
 * A widget README's "Use it on your page" block, kept between markers and written from the registry by
 * `npm run attribute-tables` (like the attribute table): where the element's code comes from (the script-tag
 * entry), the same set-up as a sized frame, and what a self-hoster must serve. Built with the chapter control's
 * own snippet functions, so the README shows what the book copies.
 */
import { iframeSnippet, scriptTagSnippet, type SnippetWidget } from '../embed/snippet.ts';
import type { AttributeSpecs } from './attribute-spec.ts';

export const USE_BEGIN = '<!-- use: generated from the registry by `npm run attribute-tables` -->';
export const USE_END = '<!-- /use -->';
const SITE = 'https://BOOK-HOST/';

/** The first attribute with a plain default, as the example's one attribute (attributes are the API). */
function example(spec: AttributeSpecs): [string, string][] {
  const first = spec.find((s) => s.default !== null && /^[\w.,-]+$/.test(s.default) && s.kind !== 'boolean');
  return first ? [[first.name, first.default!]] : [];
}

export function usageBlock(widget: SnippetWidget, spec: AttributeSpecs): string {
  const attributes = example(spec);
  return `${USE_BEGIN}
## Use it on your page

Load the book's widget script, then write the element anywhere in your page (the book's own pages load the same
script):

\`\`\`html
${scriptTagSnippet({ site: SITE, widget, attributes, embedId: widget.slug })}
\`\`\`

The entry defines every \`fm-*\` element and loads this one's code when the page first holds it; its samples, data
and models come from the host of \`feature-maps.js\`, never from your page. If you host the book yourself, your
server must send \`Access-Control-Allow-Origin: *\` so other sites can load it. Or embed it as a frame that sizes itself (contract v1; the book's
Embedding page lists its messages):

\`\`\`html
${iframeSnippet({ site: SITE, widget, attributes, embedId: widget.slug })}
\`\`\`
${USE_END}`;
}

/** The README with its usage block replaced, or inserted before the attribute section when it has none. */
export function readmeWithUsage(readme: string, widget: SnippetWidget, spec: AttributeSpecs): string {
  const block = usageBlock(widget, spec);
  const a = readme.indexOf(USE_BEGIN), b = readme.indexOf(USE_END);
  if (a >= 0 && b > a) return readme.slice(0, a) + block + readme.slice(b + USE_END.length);
  const at = readme.search(/^## Attributes/m);
  return at < 0 ? `${readme.trimEnd()}\n\n${block}\n` : `${readme.slice(0, at)}${block}\n\n${readme.slice(at)}`;
}
