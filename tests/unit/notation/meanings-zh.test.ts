/** The Notation table's Chinese meanings (src/lib/notation/meanings-zh.ts): one per symbol, with the English math. */
import { describe, expect, it } from 'vitest';
import { MEANINGS_ZH } from '../../../src/lib/notation/meanings-zh.ts';
import { NOTATION } from '../../../src/lib/notation/symbols.ts';

const entries = NOTATION.flatMap((g) => g.entries);
const math = (text: string) => text.match(/\$[^$]+\$/g) ?? [];

describe('MEANINGS_ZH', () => {
  it('has a meaning for every symbol of the table, and no other', () => {
    expect(Object.keys(MEANINGS_ZH).sort()).toEqual(entries.map((e) => e.tex).sort());
  });

  it.each(entries.map((e) => [e.tex, e]))('%s keeps the English math (in the order Chinese puts it) and is written in Chinese', (tex, e) => {
    const zh = MEANINGS_ZH[tex]!;
    expect(math(zh).sort()).toEqual(math(e.meaning).sort());
    expect(zh.replace(/\$[^$]+\$/g, '')).toMatch(/[\u3400-\u9fff]/);
    expect(zh, 'no typed space between Chinese and Latin letters, digits or math').not.toMatch(/[\u3400-\u9fff] +[A-Za-z0-9$]|[A-Za-z0-9$] +[\u3400-\u9fff]/);
  });
});
