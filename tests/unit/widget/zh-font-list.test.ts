/**
 * Chinese text names one list of CJK fonts everywhere: the book's and the embed pages' (src/styles/zh-fonts.css,
 * --fm-font-zh), a widget's shadow root (src/lib/widget/host.css, which no page font reaches on an embed page or
 * another site) and the device badge's (its own sheet, without host.css). The copies must not drift apart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const families = (list: string) => list.split(',').map((f) => f.trim()).filter(Boolean);
const read = (file: string) => readFileSync(file, 'utf8');

describe('the Chinese font list', () => {
  const book = families(read('src/styles/zh-fonts.css').match(/--fm-font-zh:\s*([^;]+);/)![1]!);

  it('is the system face first, the CJK families, then the generic family', () => {
    expect(book[0]).toBe('system-ui');
    expect(book).toContain("'Noto Sans CJK SC'");
    expect(book.at(-1)).toBe('sans-serif');
  });

  it("is copied unchanged into the widgets' host sheet, for a Chinese widget", () => {
    const rule = read('src/lib/widget/host.css').match(/:host\(:lang\(zh\)\)\s*\{\s*--fm-font:\s*([^;]+);/);
    expect(rule, 'host.css has a :host(:lang(zh)) rule setting --fm-font').not.toBeNull();
    expect(families(rule![1]!)).toEqual(book);
  });

  it("is copied unchanged into the device badge's sheet, for its Chinese words", () => {
    const rule = read('components/device-badge/device-badge.css').match(/\.badge:lang\(zh\)\s*\{\s*font-family:\s*([^;]+);/);
    expect(rule, 'device-badge.css has a .badge:lang(zh) rule').not.toBeNull();
    expect(families(rule![1]!)).toEqual(book);
  });

  it("is what a widget's text in the book face gets: widget sheets use var(--fm-font), not a list of their own", () => {
    const sheets = readdirSync('components', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.css'));
    expect(sheets.length).toBeGreaterThan(15);
    expect(sheets.filter((f) => /var\(--sl-font,|font(-family)?:[^;]*system-ui/.test(read(join('components', f))) && !f.startsWith('device-badge'))).toEqual([]);
  });
});
