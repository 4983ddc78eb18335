/**
 * The shortcuts that spare a page its first `Intl` objects (src/lib/i18n/format.ts, locales.ts) answer exactly as
 * `Intl` does, over the inputs the book meets and many it does not.
 */
import { describe, expect, it } from 'vitest';
import { formatNumber, plainNumber, pluralCategory } from '../../../src/lib/i18n/format.ts';
import { normaliseLang } from '../../../src/lib/i18n/locales.ts';
import { lcg } from '../../../src/lib/random/lcg.ts';

const viaIntl = (tag: string) => {
  try {
    const l = new Intl.Locale(tag).maximize();
    return l.language === 'zh' && l.script === 'Hans' ? 'zh-CN' : 'en';
  } catch { return 'en'; }
};

describe('shortcuts around Intl', () => {
  it('normaliseLang answers as Intl.Locale.maximize() for common and odd tags', () => {
    const tags = ['zh', 'zh-CN', 'zh-cn', 'ZH-SG', 'zh-MY', 'zh-Hans', 'zh-Hans-CN', 'zh-Hans-SG', 'zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-TW',
      'zh-Hant-HK', 'zh-Hant-MO', 'zh-Latn', 'zh-US', 'zh-Hans-US', 'cmn', 'cmn-Hans', 'cmn-TW', 'en', 'en-GB', 'fr', 'de-CH', 'ja', 'ko-KR', 'yue', 'zhx',
      'zh-', 'zh--CN', 'i-klingon', 'x-private', 'und', 'und-Hans', 'und-CN', 'und-TW', '', 'zh-cn-u-nu-hanidec'];
    for (const tag of tags) expect([tag, normaliseLang(tag)]).toEqual([tag, tag.trim() ? viaIntl(tag) : 'en']);
  });

  it('plainNumber writes what Intl.NumberFormat writes, in both languages, or declines', () => {
    const next = lcg(3);
    const values = [0, 1, -1, 0.5, 1.5, 2.5, -2.5, 0.0005, -0.0005, 0.1 + 0.2, 999.9994, 999.9996, -999.9996, 1000, 123.456789, 1e-9, -1e-9, 12, 7.25, 0.125, 0.375];
    for (let i = 0; i < 3000; i++) values.push((next() - 0.5) * 10 ** Math.floor(next() * 14 - 4));
    // Ties in the shortest decimal, where toFixed (the exact binary value) and Intl part ways: 1.005 → 1.01, not 1.00.
    values.push(1.005, -1.005, 2.675, 0.045, 1.45, 8.345, 9.995, 99.9995, 1234.0005, 0.0000005, -0.0000015);
    values.push(-0, NaN, Infinity, 1234.5, -5678, 999999.9996, -1e6, 12345678.125, 1e15 - 1, 1e15, 2 ** 53, 1e21);
    const optionSets: (Intl.NumberFormatOptions | undefined)[] = [undefined, {}, { maximumFractionDigits: 0 }, { maximumFractionDigits: 1 }, { maximumFractionDigits: 2 },
      { minimumFractionDigits: 1, maximumFractionDigits: 1 }, { minimumFractionDigits: 2, maximumFractionDigits: 2 }, { minimumFractionDigits: 2 }, { minimumFractionDigits: 4 },
      { minimumFractionDigits: 1, maximumFractionDigits: 3 }, { maximumFractionDigits: 6 }, { style: 'percent' }, { useGrouping: false }, { useGrouping: true },
      { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }, { useGrouping: 'min2' } as unknown as Intl.NumberFormatOptions];
    let plain = 0;
    for (const options of optionSets) {
      for (const v of values) {
        const fast = plainNumber(v, options);
        for (const lang of ['en', 'zh-CN'] as const) {
          const intl = new Intl.NumberFormat(lang, options).format(v);
          if (fast !== null) expect([v, options, fast]).toEqual([v, options, intl]);
          expect(formatNumber(lang, v, options)).toBe(intl);
        }
        if (fast !== null) plain++;
      }
    }
    expect(plain).toBeGreaterThan(40000); // the shortcut is taken for most of them
    expect(plainNumber(-0)).toBeNull();
    expect(plainNumber(1234)).toBe('1,234');
    expect(plainNumber(-1234567.891, { maximumFractionDigits: 1 })).toBe('-1,234,567.9');
    expect(plainNumber(1e15)).toBeNull();
    expect(plainNumber(1.005, { maximumFractionDigits: 2 })).toBe('1.01');
    expect(plainNumber(9.995, { minimumFractionDigits: 2, maximumFractionDigits: 2 })).toBe('10.00');
    expect(plainNumber(5, { style: 'percent' })).toBeNull();
  });

  it('pluralCategory answers as Intl.PluralRules in both languages', () => {
    for (const n of [0, 1, -1, 1.5, 2, 0.5, 1e6, -0, 21, 101, NaN, Infinity]) {
      expect([n, pluralCategory('en', n)]).toEqual([n, new Intl.PluralRules('en').select(n)]);
      expect([n, pluralCategory('zh-CN', n)]).toEqual([n, new Intl.PluralRules('zh-CN').select(n)]);
    }
  });
});
