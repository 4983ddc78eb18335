/**
 * The zh-CN chapters (content/zh-cn/) against their English originals and the glossary (src/lib/i18n/glossary.json):
 * the same structure (headings, figures and their ids, links, imports, settings) so every figure, link and section
 * anchor of the English holds in Chinese; the glossary's terms, never a variant it rejects; a term's English never
 * stands alone in the text (it follows the Chinese, in parentheses, at first use); no hand-typed space between
 * Chinese and Latin letters or digits (the stylesheet spaces them).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import glossary from '../../../src/lib/i18n/glossary.json';

const EN = 'content/en';
const ZH = 'content/zh-cn';
const pages = readdirSync(`${EN}/chapters`).filter((f) => /^[^_].*\.mdx$/.test(f)).map((f) => `chapters/${f}`).concat('notation.mdx', 'embedding.mdx');
const translated = pages.filter((p) => existsSync(`${ZH}/${p}`));

const frontmatter = (s: string) => /^---\n([\s\S]*?)\n---\n/.exec(s)?.[1] ?? '';
const body = (s: string) => s.replace(/^---\n[\s\S]*?\n---\n/, '');
/** Lines outside code fences. */
const outsideCode = (s: string) => s.replace(/^```[\s\S]*?^```/gm, '');
const headings = (s: string) => outsideCode(body(s)).split('\n').filter((l) => /^#{1,6} /.test(l)).map((l) => l.split(' ')[0]);
const tags = (s: string) => [...body(s).matchAll(/<([A-Z][A-Za-z]*)/g)].map((m) => m[1]);
const ids = (s: string) => [...body(s).matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
const anchors = (s: string) => [...body(s).matchAll(/\]\((#[^)\s]+)\)/g)].map((m) => m[1]).sort();
const imports = (s: string) => body(s).split('\n').filter((l) => l.startsWith('import '));
const setting = (s: string, key: string) => new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(frontmatter(s))?.[1];
/** Reader-facing prose: code, math and tags each become one neutral mark (∎), so the text around them is checked as written. */
const prose = (s: string) =>
  outsideCode(body(s))
    .replace(/\{`[\s\S]*?`\}/g, '∎') // code passed to a component as a template literal
    .replace(/\$\$[\s\S]*?\$\$/g, '∎')
    .replace(/\$[^$\n]+\$/g, '∎')
    .replace(/`[^`\n]*`/g, '∎')
    .replace(/<[^>]*>/g, '∎')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/^import .*$/gm, '');

const terms = glossary.terms as { en: string; zh: string; avoid?: string[] }[];

it('the English pages that have a Chinese edition so far', () => {
  // The list grows as chapters are translated; each one present is held to every check below.
  expect(translated.length).toBeGreaterThan(0);
});

describe.each(translated)('%s', (page) => {
  const en = readFileSync(`${EN}/${page}`, 'utf8');
  const zh = readFileSync(`${ZH}/${page}`, 'utf8');

  it('keeps the headings (levels and order), so each section keeps its English anchor', () => {
    expect(headings(zh)).toEqual(headings(en));
  });
  it('keeps every figure, question and exercise in order, with the same ids and link targets', () => {
    expect(tags(zh)).toEqual(tags(en));
    expect(ids(zh)).toEqual(ids(en));
    expect(anchors(zh)).toEqual(anchors(en));
  });
  it('keeps the imports and the chapter settings', () => {
    expect(imports(zh)).toEqual(imports(en));
    for (const key of ['order', 'readingTime', 'kind', 'template']) expect(setting(zh, key), key).toBe(setting(en, key));
  });
  // Cited works keep their own titles (English), so the References section is left out of the wording checks.
  const cited = /^## References\s*$/m.test(en) ? zh.slice(0, zh.lastIndexOf('\n## ')) : zh;
  it('uses no variant the glossary rejects', () => {
    const text = prose(cited);
    const found = terms.flatMap((t) => (t.avoid ?? []).filter((v) => text.includes(v)).map((v) => `${v} (use ${t.zh})`));
    expect(found).toEqual([]);
  });
  it('never leaves a glossary term in English alone: its first use follows the Chinese term', () => {
    const text = prose(cited);
    const alone: string[] = [];
    for (const t of terms) {
      if (/[A-Za-z]/.test(t.zh)) continue; // kept in Latin letters (softmax, logit)
      const en = t.en.replace(/\s*\(.*\)$/, '');
      const at = text.search(new RegExp(`(?<![A-Za-z-])${en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z-])`, 'i'));
      if (at < 0) continue;
      if (!text.slice(Math.max(0, at - t.zh.length - 12), at).includes(t.zh)) alone.push(`${en} → ${t.zh}: “${text.slice(Math.max(0, at - 20), at + en.length + 10).replace(/\s+/g, ' ')}”`);
    }
    expect(alone).toEqual([]);
  });
  it('has no typed space between Chinese and Latin letters or digits', () => {
    const bad = prose(zh).split('\n').filter((l) => /[\u4e00-\u9fff] +[A-Za-z0-9]|[A-Za-z0-9] +[\u4e00-\u9fff]/.test(l));
    expect(bad.map((l) => l.trim().slice(0, 80))).toEqual([]);
  });
});
