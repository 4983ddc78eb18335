/**
 * Chinese text names one list of CJK fonts everywhere: the book's and the embed pages' (src/styles/zh-fonts.css,
 * --fm-font-zh); a Chinese widget's text and monospace faces (src/lib/widget/host.css, whose :host otherwise takes the
 * page's --sl-font, which only the book defines); and the device badge's Chinese words (its own sheet, without
 * host.css). The copies must not drift apart, and a widget's sheets must take their faces from host.css.
 */
import { describe, expect, it } from 'vitest';
import { cssText as read, stylesheets, withoutComments } from './stylesheets.ts';

/** A font-family list's names, comments dropped and quotes made one kind. */
const families = (list: string) => withoutComments(list).split(',').map((f) => f.trim().replace(/"/g, "'")).filter(Boolean);

describe('the Chinese font list', () => {
  const book = families(read('src/styles/zh-fonts.css').match(/--fm-font-zh:\s*([^;]+);/)![1]!);
  const host = read('src/lib/widget/host.css').match(/:host\(:lang\(zh\)\)\s*\{([^}]*)\}/)?.[1] ?? '';
  /** One of the rule's lists, with the CJK families it names once (--fm-cjk-families) written out. */
  const hostList = (name: string) => {
    const cjk = host.match(/--fm-cjk-families:\s*([^;]+);/)?.[1] ?? '';
    return families(host.match(new RegExp(`${name}:\\s*([^;]+);`))![1]!.replace('var(--fm-cjk-families)', cjk));
  };

  it('is the system face first, the CJK families, then the generic family', () => {
    expect(book[0]).toBe('system-ui');
    expect(book).toContain("'Noto Sans CJK SC'");
    expect(book.at(-1)).toBe('sans-serif');
  });

  it("is copied unchanged into the widgets' host sheet as a Chinese widget's text face", () => {
    expect(host, 'host.css has a :host(:lang(zh)) rule').not.toBe('');
    expect(hostList('--fm-font')).toEqual(book);
  });

  it("follows the monospace face in a Chinese widget's monospace list", () => {
    const plain = read('src/lib/widget/host.css').match(/:host\s*\{[^}]*--fm-font-mono:\s*([^;]+);/)![1]!;
    const mono = hostList('--fm-font-mono');
    const head = families(plain);
    expect(mono.slice(0, head.length)).toEqual(head);
    expect(mono.slice(head.length)).toEqual(book.filter((f) => f !== 'system-ui'));
  });

  it("is copied unchanged into the device badge's sheet, for its Chinese words", () => {
    const rule = read('components/device-badge/device-badge.css').match(/\.badge:lang\(zh\)\s*\{\s*font-family:\s*([^;]+);/);
    expect(rule, 'device-badge.css has a .badge:lang(zh) rule').not.toBeNull();
    expect(families(rule![1]!)).toEqual(book);
  });

  it("reaches every widget's text: a widget sheet's font or font-family is var(--fm-font), var(--fm-font-mono) or inherit", () => {
    const sheets = stylesheets('components').filter((f) => !f.startsWith('components/device-badge/'));
    expect(sheets.length).toBeGreaterThan(15);
    const own = sheets.flatMap((f) => [...read(f).matchAll(/(?<![-\w])font(?:-family)?\s*:\s*([^;}]+)/g)]
      .map((m) => m[1]!.trim())
      .filter((v) => v !== 'inherit' && !/var\(--fm-font(-mono)?\)/.test(v))
      .map((v) => `${f}: ${v}`));
    expect(own).toEqual([]);
  });
});
