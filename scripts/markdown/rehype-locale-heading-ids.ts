/**
 * A translated page's headings take their English page's ids, by position: `content/zh-cn/chapters/x.mdx`'s third
 * heading gets the id of `content/en/chapters/x.mdx`'s third heading. So `#stride` is the same section in both
 * editions — links into a section, the table of contents, and the language picker (which keeps the fragment) all land
 * on it. tests/unit/i18n/zh-chapters.test.ts guarantees the two files have the same headings (levels and order).
 *
 * The English ids are computed as Astro computes them (rehypeHeadingIds in @astrojs/markdown-remark): github-slugger,
 * one slugger per page, over each heading's text in document order. A heading whose Markdown is more than plain text
 * and inline code would need the whole pipeline to reproduce its text, so it fails the build here, naming it.
 * Astro's own step runs after this one and keeps an id already set.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Slugger from 'github-slugger';

const contentDir = join(dirname(fileURLToPath(import.meta.url)), '../../content');
/** Translated editions, by their folder under content/ (the English one is content/en/). */
const TRANSLATED = ['zh-cn'];

/** A Markdown page's headings (ATX, outside code fences and frontmatter), as [level, text] in document order. */
export function markdownHeadings(source: string): { depth: number; text: string }[] {
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  const out: { depth: number; text: string }[] = [];
  let fence: string | null = null;
  for (const line of body.split('\n')) {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (open) {
      if (fence === null) fence = open[1]!;
      else if (line.trim().startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const m = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (m) out.push({ depth: m[1]!.length, text: m[2]! });
  }
  return out;
}

/** The heading's text as Astro reads it from the rendered heading: inline code keeps its content, the backticks go. */
export function headingText(markdown: string): string {
  if (/[[\]<>{}$*_\\]/.test(markdown.replace(/`[^`]*`/g, ''))) {
    throw new Error(`rehype-locale-heading-ids: the heading "${markdown}" has Markdown beyond plain text and inline code; give it plain text (or teach this plugin its text).`);
  }
  return markdown.replace(/`([^`]*)`/g, '$1');
}

/** The ids Astro gives a Markdown page's headings, in order. */
export function headingIds(source: string): string[] {
  const slugger = new Slugger();
  return markdownHeadings(source).map((h) => slugger.slug(headingText(h.text)));
}

/** The English page a translated file renders, or null for an English (or unrelated) file. */
export function englishSibling(path: string): string | null {
  const rel = relative(contentDir, path);
  const [edition, ...rest] = rel.split(sep);
  if (!edition || !TRANSLATED.includes(edition) || rest.length === 0) return null;
  return join(contentDir, 'en', ...rest);
}

interface Node { type: string; tagName?: string; properties?: Record<string, unknown>; children?: Node[] }
interface File { path?: string; history?: string[] }

export default function rehypeLocaleHeadingIds() {
  return (tree: Node, file: File) => {
    const path = file.path ?? file.history?.[0];
    const english = path ? englishSibling(path) : null;
    if (!english || !existsSync(english)) return;
    const ids = headingIds(readFileSync(english, 'utf8'));
    const headings: Node[] = [];
    const visit = (node: Node) => {
      if (node.type === 'element' && /^h[1-6]$/.test(node.tagName ?? '')) headings.push(node);
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
    if (headings.length !== ids.length) {
      throw new Error(`rehype-locale-heading-ids: ${relative(contentDir, path!)} has ${headings.length} headings, its English page ${ids.length}; a translation keeps every heading (tests/unit/i18n/zh-chapters.test.ts).`);
    }
    headings.forEach((h, i) => (h.properties = { ...h.properties, id: ids[i] }));
  };
}
