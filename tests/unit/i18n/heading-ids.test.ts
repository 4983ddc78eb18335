/**
 * scripts/markdown/rehype-locale-heading-ids.ts: a translated page's headings take the English page's ids by
 * position, computed as Astro computes them (github-slugger over each heading's text, one slugger per page).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import rehypeLocaleHeadingIds, { englishSibling, headingIds, markdownHeadings } from '../../../scripts/markdown/rehype-locale-heading-ids.ts';

describe('headingIds', () => {
  it('slugs as Astro does: punctuation dropped, repeats numbered, inline code kept as text', () => {
    const page = ['---', 'title: x', '---', '## Why softmax and cross-entropy give p − y', '### TensorFlow\'s "same"',
      '```ts', '# not a heading', '```', '## Stride', '## Stride', '### `same` padding ##'].join('\n');
    expect(headingIds(page)).toEqual(['why-softmax-and-cross-entropy-give-p--y', 'tensorflows-same', 'stride', 'stride-1', 'same-padding']);
    expect(markdownHeadings(page).map((h) => h.depth)).toEqual([2, 3, 2, 2, 3]);
  });
  it('refuses a heading whose text needs the whole Markdown pipeline (a link, math, a component)', () => {
    expect(() => headingIds('## See [Notation](/notation/)')).toThrow(/plain text/);
    expect(() => headingIds('## The size $k$')).toThrow(/plain text/);
  });
});

describe('the plugin', () => {
  const zh = resolve('content/zh-cn/chapters/convolution.mdx');
  const heading = (tag: string) => ({ type: 'element', tagName: tag, properties: {} as Record<string, unknown>, children: [{ type: 'text', value: '标题' }] });

  it('maps content/zh-cn/x to content/en/x, and leaves English pages alone', () => {
    expect(englishSibling(zh)).toBe(resolve('content/en/chapters/convolution.mdx'));
    expect(englishSibling(resolve('content/en/chapters/convolution.mdx'))).toBeNull();
  });
  it('gives a Chinese page’s headings the English ids in order', () => {
    const ids = headingIds(readFileSync('content/en/chapters/convolution.mdx', 'utf8'));
    const tree = { type: 'root', children: ids.map(() => heading('h2')) };
    rehypeLocaleHeadingIds()(tree, { path: zh });
    expect(tree.children.map((h) => h.properties.id)).toEqual(ids);
    expect(ids).toContain('stride');
  });
  it('fails the build when the heading counts differ', () => {
    expect(() => rehypeLocaleHeadingIds()({ type: 'root', children: [heading('h2')] }, { path: zh })).toThrow(/headings/);
  });
  it('every translated page’s English headings can be slugged', () => {
    for (const page of ['chapters/activations', 'chapters/convolution', 'chapters/loss-functions', 'chapters/pooling-and-networks', 'chapters/transfer-learning', 'notation', 'embedding', 'glossary']) {
      const en = join('content/en', `${page}.mdx`);
      expect(existsSync(join('content/zh-cn', `${page}.mdx`)), page).toBe(true);
      expect(() => headingIds(readFileSync(en, 'utf8')), page).not.toThrow();
    }
  });
});
