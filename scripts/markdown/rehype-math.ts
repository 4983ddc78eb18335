/**
 * The rehype step that renders the chapters' math (remark-math marks `$…$` as `code.math-inline` and `$$…$$` as
 * `pre > code.math-display`) to MathML with src/lib/math/tex.ts. A malformed formula fails the build, naming it.
 */
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { renderTex } from '../../src/lib/math/tex.ts';

interface Node { type: string; tagName?: string; value?: string; properties?: { className?: unknown }; children?: Node[] }

const classes = (n: Node): string[] => (Array.isArray(n.properties?.className) ? (n.properties.className as string[]) : []);
const text = (n: Node): string => n.value ?? (n.children ?? []).map(text).join('');

function mathOf(n: Node): { tex: string; display: boolean } | null {
  if (n.type !== 'element') return null;
  const inner = n.tagName === 'pre' && n.children?.length === 1 ? n.children[0]! : null;
  if (inner && classes(inner).includes('math-display')) return { tex: text(inner), display: true };
  const c = classes(n);
  if (c.includes('math-display') || c.includes('math-inline')) return { tex: text(n), display: c.includes('math-display') };
  return null;
}

function visit(parent: Node): void {
  const children = parent.children ?? [];
  for (let i = 0; i < children.length; i++) {
    const math = mathOf(children[i]!);
    if (!math) {
      visit(children[i]!);
      continue;
    }
    let html: string;
    try {
      html = renderTex(math.tex.trim(), math.display);
    } catch (err) {
      throw new Error(`This formula does not render: ${math.tex}\n${(err as Error).message}`);
    }
    const nodes = fromHtmlIsomorphic(html, { fragment: true }).children as Node[];
    children.splice(i, 1, ...nodes);
    i += nodes.length - 1;
  }
}

export default function rehypeMath() {
  return (tree: Node) => visit(tree);
}
