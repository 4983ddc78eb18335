/** src/lib/glossary/rows.ts: the glossary page's rows in both languages, every note translated. */
import { describe, expect, it } from 'vitest';
import { NOTES_ZH, TERMS, glossaryRows } from '../../../src/lib/glossary/rows.ts';

describe('glossaryRows', () => {
  it('has one row per glossary term in each language', () => {
    expect(glossaryRows('en')).toHaveLength(TERMS.length);
    expect(glossaryRows('zh-CN').map((r) => r.zh)).toEqual(TERMS.map((t) => t.zh));
  });
  it('gives every English note its Chinese, and keeps no Chinese note for a term that lost its note', () => {
    const noted = TERMS.filter((t) => t.note).map((t) => t.en).sort();
    expect(Object.keys(NOTES_ZH).sort()).toEqual(noted);
  });
  it('names the variants the book does not write, in the reader’s language', () => {
    const stride = (lang: 'en' | 'zh-CN') => glossaryRows(lang).find((r) => r.en === 'stride')!.note;
    expect(stride('en')).toMatch(/Not: 步长\.$/);
    expect(stride('zh-CN')).toMatch(/不写作：步长。$/);
    expect(glossaryRows('zh-CN').find((r) => r.en === 'batch normalisation (BatchNorm)')!.note).toBe('不写作：批标准化、批归一化。');
  });
  it('writes no space between Chinese and Latin letters or digits in a Chinese note', () => {
    const bad = Object.values(NOTES_ZH).filter((n) => /[\u4e00-\u9fff] +[A-Za-z0-9]|[A-Za-z0-9] +[\u4e00-\u9fff]/.test(n));
    expect(bad).toEqual([]);
  });
});
