/**
 * scripts/widgets/bundle.ts: catalogueAsJson ships each widget catalogue as one JSON.parse of its merged table.
 * The table it ships must be the one the source exports, message for message and in the same order, and a value
 * JSON would change must fail the build.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCatalogue } from '../../../scripts/widgets/bundle.ts';
import en from '../../../src/lib/i18n/messages/en/index.ts';
import zh from '../../../src/lib/i18n/messages/zh-cn/index.ts';

describe('catalogueAsJson', () => {
  it('ships the English and the Chinese tables as their sources give them', async () => {
    for (const [lang, source] of [['en', en], ['zh-cn', zh]] as const) {
      const { table, inputs } = await evaluateCatalogue(`src/lib/i18n/messages/${lang}/index.ts`);
      expect(JSON.parse(JSON.stringify(table))).toStrictEqual(source);
      expect(Object.keys(table)).toEqual(Object.keys(source));
      expect(Object.keys(table).length).toBeGreaterThan(1000);
      // Each area's file is watched (astro dev rebuilds when one changes).
      expect(inputs.filter((p) => p.includes(`messages/${lang}/`)).length).toBeGreaterThan(25);
    }
  });

  it('fails on a message that is neither a text nor plural forms of texts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fm-catalogue-'));
    mkdirSync(join(dir, 'xx'));
    writeFileSync(join(dir, 'xx', 'index.ts'), "export default { 'a.ok': 'fine', 'a.plural': { one: '1 thing', other: '{count} things' }, 'a.bad': { other: 3 }, 'a.fn': (() => 'x') as unknown as string };\n");
    await expect(evaluateCatalogue(join(dir, 'xx', 'index.ts'))).rejects.toThrow(/a\.bad, a\.fn/);
    writeFileSync(join(dir, 'xx', 'index.ts'), "export default { 'a.ok': 'fine', 'a.plural': { one: '1 thing', other: '{count} things' } };\n");
    await expect(evaluateCatalogue(join(dir, 'xx', 'index.ts'))).resolves.toMatchObject({ table: { 'a.ok': 'fine' } });
  });
});
