/** Chapter parts for content-visibility (src/lib/markdown/sections.ts). */
import { describe, expect, it } from 'vitest';
import { wrapSections } from '../../../src/lib/markdown/sections.ts';

interface N { type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: N[] }
const el = (tagName: string, text = ''): N => ({ type: 'element', tagName, properties: {}, children: text ? [{ type: 'text', value: text }] : [] });

describe('wrapSections', () => {
  it('puts each h2 and what follows it up to the next h2 in a section; the opening and MDX imports stay at the root', () => {
    const root: N = { type: 'root', children: [{ type: 'mdxjsEsm' }, el('p', 'opening'), el('h2', 'A'), el('p', 'a1'), { type: 'mdxjsEsm' }, el('figure'), el('h2', 'B'), el('p', 'b1')] };
    wrapSections(root);
    const shape = root.children!.map((n) => n.tagName === 'section' ? `section(${n.children!.map((c) => c.tagName).join(',')})` : n.tagName ?? n.type);
    expect(shape).toEqual(['mdxjsEsm', 'p', 'section(h2,p,figure)', 'mdxjsEsm', 'section(h2,p)']);
  });

  it('leaves a page without h2 as it is', () => {
    const root: N = { type: 'root', children: [el('p'), el('h3')] };
    wrapSections(root);
    expect(root.children!.map((n) => n.tagName)).toEqual(['p', 'h3']);
  });
});
