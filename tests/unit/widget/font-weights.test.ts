/**
 * The book's bold is one weight, 600 (src/styles/zh.css says why: a CJK font has one bold, and Chromium on Linux
 * matched and opened the 20 MB bold font once for each weight a Chinese page asked for). The pages' own text is held
 * to it in a browser (tests/e2e/zh.spec.ts); here every stylesheet a page or a widget ships, and the widgets' shared
 * host sheet's default for the elements a browser makes bold.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stylesheets } from './stylesheets.ts';

const sheets = stylesheets('components', 'src/styles', 'src/lib/widget');

describe('font weights', () => {
  it('no stylesheet asks for a bold other than 600', () => {
    expect(sheets.length).toBeGreaterThan(15);
    const heavy = sheets.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/font-weight\s*:\s*([^;}]+)/g)]
        .map((m) => m[1]!.trim())
        .filter((w) => !['400', '600', 'normal', 'inherit'].includes(w))
        .map((w) => `${f}: ${w}`),
    );
    expect(heavy).toEqual([]);
  });

  it("the widgets' host sheet sets the elements a browser makes bold (strong, b, th, dt, headings) to 600", () => {
    const host = readFileSync('src/lib/widget/host.css', 'utf8');
    expect(host).toMatch(/:is\(strong, b, th, dt, h1, h2, h3, h4, h5, h6\) \{ font-weight: 600; \}/);
  });
});
