/**
 * The book's math: TeX → MathML at build time (src/lib/math/tex.ts), and the math font cut to what the formulas use
 * (scripts/fonts/math-unicodes.txt; scripts/fonts/subset-math-font.sh). A formula that needs a character the font
 * lacks would be drawn in another face, so the coverage test renders every formula of every page and checks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mathml3Styles, renderMeaning, renderTex } from '../../../src/lib/math/tex.ts';
import { bookMath, bookMathCharacters, drawn, inMathFont, unicodeRanges } from '../../../scripts/fonts/math-characters.mts';

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

describe('the math font', () => {
  it('holds every character that every formula of the book draws, in both editions and in the widgets', () => {
    const formulas = bookMath();
    expect(formulas.length).toBeGreaterThan(2000);
    const has = unicodeRanges(readFileSync('scripts/fonts/math-unicodes.txt', 'utf8'));
    const missing = new Set<string>();
    for (const [where, mathml] of formulas) {
      for (const ch of drawn(mathml)) {
        const cp = ch.codePointAt(0)!;
        if (!has(cp) && inMathFont(cp)) missing.add(`${ch} U+${cp.toString(16).toUpperCase()} in ${where}`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('reads what MathML draws: a one-letter <mi> as its letter and its italic one unless mathvariant="normal"; no annotation, no space', () => {
    expect(drawn('<p>a</p><math><mi>x</mi><mi mathvariant="normal">Φ</mi><mi>sin</mi><mo>&lt;</mo><mtext>a b</mtext>'
      + '<annotation encoding="application/x-tex">\\Omega</annotation></math>')).toEqual(['x', '𝑥', 'Φ', 's', 'i', 'n', '<', 'a', 'b']);
    expect(bookMathCharacters()).toContain(0x1d70e); // σ, italic: the sigmoid of Chapter 3
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
