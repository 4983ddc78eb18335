/**
 * The page's binding (src/lib/i18n/page.ts): the words of the pages' own scripts, a selection of the book's
 * catalogue — the same texts, in both languages, and nothing of a widget's.
 */
import { describe, expect, it } from 'vitest';
import en from '../../../src/lib/i18n/messages/en/index.ts';
import zhCN from '../../../src/lib/i18n/messages/zh-cn/index.ts';
import pageEn from '../../../src/lib/i18n/messages/page/en.ts';
import pageZh from '../../../src/lib/i18n/messages/page/zh-cn.ts';
import { t, msg, say } from '../../../src/lib/i18n/page.ts';
import * as book from '../../../src/lib/i18n/t.ts';

describe('the page catalogue', () => {
  it('holds the same keys in both languages, each with the book catalogue\'s text', () => {
    expect(Object.keys(pageZh).sort()).toEqual(Object.keys(pageEn).sort());
    for (const [key, text] of Object.entries(pageEn)) expect(text, key).toEqual((en as Record<string, unknown>)[key]);
    for (const [key, text] of Object.entries(pageZh)) expect(text, key).toEqual((zhCN as Record<string, unknown>)[key]);
  });

  it('is the print, progress, offline, share, copy and search words, not a widget\'s', () => {
    const areas = new Set(Object.keys(pageEn).map((k) => k.split('.')[0]));
    expect([...areas].sort()).toEqual(['book', 'embedControl', 'offline', 'print', 'progress', 'search']);
    expect(Object.keys(pageEn).length).toBeLessThan(Object.keys(en).length / 5);
    // A page script cannot name a widget's words (tsc checks this line); in production they would be blank.
    // @ts-expect-error 'finetuneLab.lossCaption' is not a page key
    expect(() => t('en', 'finetuneLab.lossCaption')).toThrow(/no en message/);
  });

  it('renders as the book\'s binding does, plurals and placeholders included, in both languages', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      expect(t(lang, 'progress.count', { answered: '2', total: '5' })).toBe(book.t(lang, 'progress.count', { answered: '2', total: '5' }));
      const figures = msg('print.figures', { count: 3 });
      expect(say(lang, msg('print.allReady', { figures }))).toBe(book.say(lang, book.msg('print.allReady', { figures: book.msg('print.figures', { count: 3 }) })));
    }
    expect(t('zh-CN', 'print.answers')).toBe('连同答案打印');
  });
});
