/**
 * Every chapter writes each role in the notation table with the table's symbol (src/lib/notation/symbols.ts):
 * the scan (src/lib/notation/scan.ts) reads each chapter's math and the prose around it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scanMdx } from '../../../src/lib/notation/scan.ts';

const DIR = 'content/en/chapters';
const chapters = readdirSync(DIR).filter((f) => /^[^_].*\.mdx$/.test(f));

describe('scanMdx on the chapters', () => {
  it('finds the five chapters', () => {
    expect(chapters.length).toBeGreaterThanOrEqual(5);
  });

  it.each(chapters)('%s uses the notation table’s symbols', (file) => {
    const found = scanMdx(readFileSync(`${DIR}/${file}`, 'utf8'));
    const report = found.map((v) => `${DIR}/${file}:${v.line} [${v.rule}] ${v.message} — found “${v.found}”`).join('\n');
    expect(found, `\n${report}\n(see the Notation page, src/lib/notation/symbols.ts)`).toEqual([]);
  });
});
