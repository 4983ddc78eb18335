/** The notation table: one symbol per enforced role, real chapters, TeX that the book's math renderer (Temml) renders. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTRIES, NOTATION, entryFor, type Role } from '../../../src/lib/notation/symbols.ts';
import { renderMeaning, renderTex } from '../../../src/lib/math/tex.ts';

const ROLES: Role[] = ['class-count', 'class-index', 'kernel-size', 'frozen-layers', 'dense-layer', 'label-smoothing', 'noise', 'learning-rate', 'bn-constant', 'domain-risk'];

describe('NOTATION', () => {
  it('gives each enforced role to exactly one entry, with the decided symbols', () => {
    for (const role of ROLES) expect(ENTRIES.filter((e) => e.role === role), role).toHaveLength(1);
    expect(entryFor('class-count').tex).toBe('K');
    expect(entryFor('kernel-size').tex).toBe('k');
    expect(entryFor('label-smoothing').tex).toBe('\\alpha');
    expect(entryFor('noise').tex).toBe('\\varepsilon');
    expect(entryFor('dense-layer').tex).toContain('W_l h_{l-1} + b_l');
  });

  it('points every entry at a chapter that exists', () => {
    for (const e of ENTRIES) expect(existsSync(`content/en/chapters/${e.first}.mdx`), e.tex).toBe(true);
  });

  it('renders every symbol and meaning with the book’s math renderer, strictly', () => {
    for (const e of ENTRIES) {
      expect(() => renderTex(e.tex), e.tex).not.toThrow();
      expect(() => renderMeaning(e.meaning), e.meaning).not.toThrow();
    }
  });

  it('has each group on the Notation page', () => {
    const page = readFileSync('content/en/notation.mdx', 'utf8');
    for (const g of NOTATION) expect(page).toContain(`<NotationTable group="${g.title}" />`);
  });
});
