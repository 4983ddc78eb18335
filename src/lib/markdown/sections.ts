/**
 * Wraps each `##` part of a chapter (its h2 and everything up to the next h2) in `<section class="fm-section">`,
 * so the stylesheet can give every part `content-visibility: auto`: the browser then skips style, layout and paint
 * of parts far from the viewport, which on a formula-heavy chapter is most of the page's load-time work (a chapter
 * held 9,000–18,000 elements with KaTeX's HTML formulas, 3,000–7,000 with MathML). Text before the first h2 (the chapter's opening) stays
 * as it is. MDX's import/export nodes stay at the root, where the compiler looks for them.
 */
interface Node { type: string; tagName?: string; properties?: Record<string, unknown>; children?: Node[] }

const isH2 = (n: Node) => n.type === 'element' && n.tagName === 'h2';
const isEsm = (n: Node) => n.type === 'mdxjsEsm';

export function wrapSections(root: Node): void {
  const children = root.children ?? [];
  if (!children.some(isH2)) return;
  const out: Node[] = [];
  let section: Node | null = null;
  for (const child of children) {
    if (isEsm(child)) out.push(child);
    else if (isH2(child)) out.push((section = { type: 'element', tagName: 'section', properties: { className: ['fm-section'] }, children: [child] }));
    else if (section) section.children!.push(child);
    else out.push(child);
  }
  root.children = out;
}

/** The rehype plugin (astro.config.mjs). */
export default function rehypeSections() {
  return (tree: Node) => wrapSections(tree);
}
