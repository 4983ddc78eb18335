import { afterEach, describe, expect, it, vi } from 'vitest';
import { langFromQuery, normaliseLang } from '../../../src/lib/i18n/locales.ts';
import { resolveLang, type LangNode } from '../../../src/lib/i18n/resolve-lang.ts';

describe('normaliseLang', () => {
  it.each([
    ['zh', 'zh-CN'], ['zh-CN', 'zh-CN'], ['zh-cn', 'zh-CN'], ['zh-Hans', 'zh-CN'], ['zh-Hans-CN', 'zh-CN'], ['ZH-HANS-cn', 'zh-CN'],
    ['zh_CN', 'zh-CN'], ['zh-SG', 'zh-CN'], [' zh-CN ', 'zh-CN'],
    ['en', 'en'], ['en-GB', 'en'], ['en-US', 'en'],
  ])('%j → %s', (raw, lang) => {
    expect(normaliseLang(raw)).toBe(lang);
  });

  it.each([['xx'], ['fr'], ['zh-TW'], ['zh-Hant'], ['zh-HK'], [''], ['   '], [null], [undefined], ['<script>alert(1)</script>'], ['zh-'], ['-'], ['x'.repeat(500)]])(
    'an unknown or malformed %j is English, without throwing',
    (raw) => {
      expect(normaliseLang(raw)).toBe('en');
    },
  );

  it('stays right after more distinct tags than it remembers', () => {
    for (let i = 0; i < 100; i++) normaliseLang(`x-${i}`);
    expect(normaliseLang('zh')).toBe('zh-CN');
  });
});

describe('langFromQuery', () => {
  it.each([
    ['?lang=zh-CN', 'zh-CN'], ['lang=zh', 'zh-CN'], ['?lang=zh-Hans-CN&kernel=sobel-x', 'zh-CN'], ['?lang=en-GB', 'en'],
    ['?lang=xx', 'en'], ['?lang=', 'en'], ['?lang=%3Cb%3E', 'en'], ['?kernel=sobel-x', null], ['', null],
  ])('%j → %s', (query, lang) => {
    expect(langFromQuery(query)).toBe(lang);
    expect(langFromQuery(new URLSearchParams(query))).toBe(lang);
  });
});

/** Plain objects shaped like the nodes resolveLang reads: elements (nodeType 1), shadow roots (11, with host), a document (9). */
function element(lang: string | null, parentNode: LangNode | null = null, extra: object = {}): LangNode {
  return { nodeType: 1, parentNode, getAttribute: (n: string) => (n === 'lang' ? lang : null), ...extra };
}
const shadowRoot = (host: LangNode): LangNode => ({ nodeType: 11, parentNode: null, host });
const doc: LangNode = { nodeType: 9, parentNode: null };

describe('resolveLang', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("reads the element's own lang first", () => {
    expect(resolveLang(element('zh-CN', element('en', doc)))).toBe('zh-CN');
  });
  it("else the nearest ancestor's", () => {
    const html = element('en', doc);
    expect(resolveLang(element(null, element(null, element('zh', html))))).toBe('zh-CN');
  });
  it('crosses shadow roots to their hosts (the badge inside a widget speaks the page language)', () => {
    const host = element(null, element('zh-Hans', doc));
    const inner = element(null, element(null, shadowRoot(host)));
    expect(resolveLang(inner)).toBe('zh-CN');
  });
  it('does not mistake an <a> (which has a string `host`) for a shadow root', () => {
    const link = element(null, element('zh-CN', doc), { host: '' });
    expect(resolveLang(element(null, link))).toBe('zh-CN');
  });
  it('skips an empty lang and keeps looking', () => {
    expect(resolveLang(element('', element('zh-CN', doc)))).toBe('zh-CN');
  });
  it("falls back to the document's lang for a detached element", () => {
    vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } });
    expect(resolveLang(element(null))).toBe('zh-CN');
  });
  it('is English with no lang anywhere, or an unknown one', () => {
    expect(resolveLang(element(null, doc))).toBe('en');
    expect(resolveLang(element('xx', element('zh-CN', doc)))).toBe('en');
  });
});
