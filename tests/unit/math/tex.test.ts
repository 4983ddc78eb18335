/**
 * The book's math: TeX → MathML at build time (src/lib/math/tex.ts), and the math font cut to what the formulas use
 * (scripts/fonts/math-unicodes.txt; scripts/fonts/subset-math-font.sh). A formula that needs a character the font
 * lacks would be drawn in another face, so the coverage test renders every formula of every page and checks.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mathml3Styles, renderMeaning, renderTex } from '../../../src/lib/math/tex.ts';
import { ENTRIES } from '../../../src/lib/notation/symbols.ts';

describe('renderTex', () => {
  it('writes MathML: an inline formula in pieces a line may break between, a display one in its scroll box with its TeX', () => {
    const inline = renderTex('a + b = c');
    expect(inline).toBe('<math><mrow><mi>a</mi><mo>+</mo></mrow><mrow><mi>b</mi><mo>=</mo></mrow><mrow><mi>c</mi></mrow></math>');
    const display = renderTex('\\sum_i x_i', true);
    expect(display).toMatch(/^<div class="fm-math-display"><math display="block"/);
    expect(display).toContain('<annotation encoding="application/x-tex">\\sum_i x_i</annotation>');
  });

  it('fails on a malformed formula instead of printing it in red', () => {
    expect(() => renderTex('\\frac{1}{')).toThrow();
    expect(() => renderTex('\\notamacro x')).toThrow();
  });

  it('escapes the words around inline math', () => {
    expect(renderMeaning('a <b> & $x$')).toMatch(/^a &lt;b&gt; &amp; <math/);
  });
});

/** The ranges of scripts/fonts/math-unicodes.txt as a predicate. */
function coverage(): (cp: number) => boolean {
  const ranges = readFileSync('scripts/fonts/math-unicodes.txt', 'utf8').trim().split(',').map((r) => {
    const [a, b] = r.replace(/U\+/g, '').split('-');
    return [parseInt(a!, 16), parseInt(b ?? a!, 16)] as const;
  });
  return (cp) => ranges.some(([a, b]) => cp >= a && cp <= b);
}

/** MathML draws a one-letter <mi> in the italic letter of Unicode's Mathematical Alphanumeric Symbols. */
function italic(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (ch === 'h') return 'ℎ';
  if (c >= 0x41 && c <= 0x5a) return String.fromCodePoint(0x1d434 + c - 0x41);
  if (c >= 0x61 && c <= 0x7a) return String.fromCodePoint(0x1d44e + c - 0x61);
  if (c >= 0x391 && c <= 0x3a9) return String.fromCodePoint(0x1d6e2 + c - 0x391);
  if (c >= 0x3b1 && c <= 0x3c9) return String.fromCodePoint(0x1d6fc + c - 0x3b1);
  return ch;
}

/** Every character a MathML string draws (annotations excluded). */
function drawn(mathml: string): string[] {
  const body = mathml.replace(/<annotation[\s\S]*?<\/annotation>/g, '');
  const out: string[] = [];
  for (const m of body.matchAll(/<(m[a-z]+)([^>]*)>([^<]*)</g)) {
    const text = m[3]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)));
    const chars = [...text];
    const auto = m[1] === 'mi' && chars.length === 1 && !/mathvariant="normal"/.test(m[2]!);
    out.push(...chars.map((c) => (auto ? italic(c) : c)));
  }
  return out;
}

describe('the math font', () => {
  it('holds every character that every formula of the book draws', () => {
    const mdx = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.mdx')).map((f) => `${dir}/${f}`);
    const pages = [...mdx('content/en/chapters'), ...mdx('content/en')];
    const formulas: Array<[string, boolean]> = [];
    for (const page of pages) {
      const text = readFileSync(page, 'utf8');
      for (const m of text.matchAll(/\$\$([\s\S]+?)\$\$/g)) formulas.push([m[1]!.trim(), true]);
      for (const m of text.replace(/\$\$[\s\S]+?\$\$/g, '').matchAll(/(?<![\\$])\$([^$\n]+?)\$/g)) formulas.push([m[1]!, false]);
    }
    for (const e of ENTRIES) formulas.push([e.tex, false]);
    expect(formulas.length).toBeGreaterThan(1000);
    const has = coverage();
    const missing = new Set<string>();
    for (const [tex, display] of formulas) {
      let mathml: string;
      try {
        mathml = renderTex(tex, display);
      } catch {
        continue; // not math: a dollar amount in prose, say; the build renders exactly what remark-math marks
      }
      for (const ch of drawn(mathml)) if (!/\s/.test(ch) && !has(ch.codePointAt(0)!)) missing.add(`${ch} U+${ch.codePointAt(0)!.toString(16).toUpperCase()} in ${tex}`);
    }
    expect([...missing]).toEqual([]);
  });
});

describe('mathml3Styles', () => {
  it('moves scriptlevel and displaystyle onto <mstyle>, keeping the tree and the text', () => {
    expect(mathml3Styles('<msup><mi>j</mi><mo lspace="0em" scriptlevel="2" class="p">′</mo></msup>'))
      .toBe('<msup><mi>j</mi><mstyle scriptlevel="2"><mo lspace="0em" class="p">′</mo></mstyle></msup>');
    expect(mathml3Styles('<mrow><mrow scriptlevel="0" displaystyle="true"><mrow><mi>a</mi></mrow><mi>b</mi></mrow><mi>c</mi></mrow>'))
      .toBe('<mrow><mstyle scriptlevel="0" displaystyle="true"><mrow><mi>a</mi></mrow><mi>b</mi></mstyle><mi>c</mi></mrow>');
    expect(mathml3Styles('<mrow><mi>x</mi></mrow>')).toBe('<mrow><mi>x</mi></mrow>');
  });
});
