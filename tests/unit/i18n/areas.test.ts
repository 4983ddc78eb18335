/**
 * The catalogue's areas (one file per widget or part of the book, spread into each locale's index.ts): a key
 * defined in two areas would silently take the later file's text, so every key belongs to exactly one area, and
 * every area file is registered in its locale's index.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../../src/lib/i18n/messages/en/index.ts';
import zhCN from '../../../src/lib/i18n/messages/zh-cn/index.ts';

describe.each([['en', en], ['zh-cn', zhCN]] as const)('the %s areas', (dir, index) => {
  it('define each key once, and the index holds every area', async () => {
    const base = new URL(`../../../src/lib/i18n/messages/${dir}/`, import.meta.url);
    const files = readdirSync(base).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    const owner = new Map<string, string[]>();
    let total = 0;
    for (const f of files) {
      const area = (await import(new URL(f, base).href)).default as Record<string, unknown>;
      for (const key of Object.keys(area)) owner.set(key, [...(owner.get(key) ?? []), f]);
      total += Object.keys(area).length;
    }
    expect([...owner].filter(([, fs]) => fs.length > 1).map(([k, fs]) => `${k}: ${fs.join(', ')}`)).toEqual([]);
    expect(Object.keys(index).length).toBe(total);
  });
});
