import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WIDGETS } from '../../../src/lib/widget/registry.ts';
import { attributeNames, attributeTable, camelCase, checkProps } from '../../../src/lib/widget/attribute-spec.ts';
import { tableIn } from '../../../src/lib/widget/readme-table.ts';
import { usageBlock } from '../../../src/lib/widget/readme-usage.ts';
import { ParamError } from '../../../src/lib/params/index.ts';
import { SPEC as RACE } from '../../../components/loss-race/attributes.ts';
import { RACE_PARSERS } from '../../../src/lib/race/config.ts';
import { SPEC as POOL } from '../../../components/pool-explorer/attributes.ts';
import { POOL_PARSE } from '../../../components/pool-explorer/pool-settings.ts';

describe.each(WIDGETS.map((w) => [w.slug, w] as const))('%s', (slug, w) => {
  it('registry attributes are the spec’s names, each once', () => {
    expect(w.attributes).toEqual(attributeNames(w.spec));
    expect(new Set(w.attributes).size).toBe(w.attributes.length);
  });
  it('README attribute table is the one generated from the spec', () => {
    const readme = readFileSync(`components/${slug}/README.md`, 'utf8');
    expect(tableIn(readme), 'run npm run attribute-tables').toBe(attributeTable(w.spec));
  });
  it('README says where the element\'s code comes from: the generated script-tag and frame snippets', () => {
    const readme = readFileSync(`components/${slug}/README.md`, 'utf8');
    expect(readme, 'run npm run attribute-tables').toContain(usageBlock(w, w.spec));
    expect(usageBlock(w, w.spec)).toContain(`<${w.tag}`);
  });
  it('every range is ordered and every default is stated', () => {
    for (const s of w.spec) {
      if (s.range) expect(s.range[0], s.name).toBeLessThan(s.range[1]);
      expect(s.default !== null || s.defaultNote !== undefined, s.name).toBe(true);
    }
  });
});

// The spec's ranges are what the parsers enforce: the ends are accepted, one step beyond is refused by name.
describe.each([
  ['loss-race', RACE, (name: string, raw: string) => RACE_PARSERS[name as keyof typeof RACE_PARSERS](raw)],
  ['pool-explorer', POOL, (name: string, raw: string) => POOL_PARSE[name as keyof typeof POOL_PARSE](raw)],
] as const)('%s ranges match its parsers', (_slug, spec, parse) => {
  for (const s of spec) {
    if (!('range' in s) || s.kind !== 'integer') continue;
    it(`${s.name}: ${s.range[0]}–${s.range[1]}`, () => {
      expect(() => parse(s.name, String(s.range[0]))).not.toThrow();
      expect(() => parse(s.name, String(s.range[1]))).not.toThrow();
      expect(() => parse(s.name, String(s.range[1] + 1))).toThrow(ParamError);
      expect(() => parse(s.name, String(s.range[0] - 1))).toThrow(s.name);
    });
  }
  it('parses each default', () => {
    for (const s of spec) if (s.default !== null) expect(() => parse(s.name, s.default!)).not.toThrow();
  });
});

describe('checkProps', () => {
  const parse = (name: string, raw: string) => RACE_PARSERS[name as keyof typeof RACE_PARSERS](raw);
  it('returns the props given as attribute text, named as attributes', () => {
    expect(checkProps(RACE, { perClass: 40, learningRate: 0.01, id: 'x' }, parse)).toEqual({ 'per-class': '40', 'learning-rate': '0.01' });
  });
  it('refuses a bad prop with the element’s own message', () => {
    expect(() => checkProps(RACE, { perClass: 1 }, parse)).toThrow('per-class must be from 2 to 160; got 1.');
  });
  it('camelCases attribute names as MDX props', () => {
    expect(camelCase('head-lr')).toBe('headLr');
    expect(camelCase('rgb-mode')).toBe('rgbMode');
  });
});
