/**
 * The catalogue (src/lib/i18n/messages/): every English key in every locale with the same placeholders, the plural
 * forms each locale's rules need, Chinese that is really Chinese (translated, no typed space between Han and Latin
 * letters or digits) and speaks the glossary's terms (src/lib/i18n/glossary.json).
 */
import { describe, expect, it } from 'vitest';
import en from '../../../src/lib/i18n/messages/en/index.ts';
import zhCN from '../../../src/lib/i18n/messages/zh-cn/index.ts';
import glossary from '../../../src/lib/i18n/glossary.json';
import { LANGS, type Lang } from '../../../src/lib/i18n/locales.ts';
import type { RawMessage } from '../../../src/lib/i18n/types.ts';

const catalogues: Record<Lang, Record<string, RawMessage>> = { en, 'zh-CN': zhCN };
const keys = Object.keys(en);
const texts = (m: RawMessage) => (typeof m === 'string' ? [m] : Object.values(m));
const holes = (m: RawMessage) => [...new Set(texts(m).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1])))].sort();
/** Chinese characters, or Chinese punctuation (a message that only joins clauses: `{before}；{after}`). */
const chinese = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
/** Messages that are names or symbols in every language, so Chinese keeps them as they are. */
const SAME_IN_CHINESE = new Set(['engine.backend.webgpu', 'engine.backend.webgl', 'engine.backend.cpu', 'engine.where.adapter']);

describe.each(LANGS)('the %s catalogue', (lang) => {
  const cat = catalogues[lang];

  it('has every English key and no other', () => {
    expect(Object.keys(cat).sort()).toEqual([...keys].sort());
  });

  it('gives each message the same placeholders as the English', () => {
    const differ = keys.filter((k) => cat[k] && JSON.stringify(holes(cat[k])) !== JSON.stringify(holes(en[k as keyof typeof en])));
    expect(differ).toEqual([]);
  });

  it('gives each plural message the forms its plural rules choose from, and a {count}', () => {
    const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const [key, m] of Object.entries(cat)) {
      if (typeof m === 'string') continue;
      expect(Object.keys(m).sort(), key).toEqual([...needed].sort());
      expect(holes(m), key).toContain('count');
    }
  });

  it('has no empty message and no unbalanced brace', () => {
    for (const [key, m] of Object.entries(cat)) {
      for (const s of texts(m)) {
        expect(s.trim(), key).not.toBe('');
        expect(s.replace(/\{\w+\}/g, ''), key).not.toMatch(/[{}]/);
      }
    }
  });
});

describe('the zh-CN messages', () => {
  const entries = Object.entries(zhCN as Record<string, RawMessage>);

  it('are written in Chinese (except names kept as they are)', () => {
    const untranslated = entries.filter(([k, m]) => !SAME_IN_CHINESE.has(k) && !texts(m).every((s) => chinese.test(s))).map(([k]) => k);
    expect(untranslated).toEqual([]);
  });

  it('have no typed space between Chinese and Latin letters, digits or a placeholder (CSS spaces them)', () => {
    const spaced = entries.filter(([, m]) => texts(m).some((s) => /[\u3400-\u9fff] +[A-Za-z0-9{]|[A-Za-z0-9}] +[\u3400-\u9fff]/.test(s)));
    expect(spaced.map(([k]) => k)).toEqual([]);
  });

  const terms = glossary.terms as { en: string; zh: string; avoid?: string[] }[];

  it('use no variant the glossary rejects', () => {
    const found = entries.flatMap(([k, m]) => terms.flatMap((t) => (t.avoid ?? []).filter((v) => texts(m).some((s) => s.includes(v))).map((v) => `${k}: ${v} (use ${t.zh})`)));
    expect(found).toEqual([]);
  });

  /**
   * Messages where an English glossary word has another sense: the engine report's "GPU kernels" are programs run
   * on the GPU (CUDA's 核函数), not convolution kernels (卷积核).
   */
  const OTHER_SENSE: Record<string, string[]> = { 'engineReport.kernelsHeading': ['kernel'], 'engineReport.noKernels': ['kernel'] };

  it("use the glossary's Chinese term wherever the English message uses its English term", () => {
    const missing: string[] = [];
    for (const [key, m] of entries) {
      const english = texts(en[key as keyof typeof en]).join(' ').replace(/\{\w+\}/g, ' ');
      for (const t of terms) {
        const word = t.en.replace(/\s*\(.*\)$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        if (OTHER_SENSE[key]?.includes(t.en)) continue;
        if (new RegExp(`(?<![A-Za-z-])${word}s?(?![A-Za-z-])`, 'i').test(english) && !texts(m).some((s) => s.includes(t.zh))) missing.push(`${key}: ${t.en} → ${t.zh}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
