/**
 * Every character the book's formulas draw, as MathML lays them out: a one-letter <mi> becomes its italic letter of
 * Unicode's Mathematical Alphanumeric Symbols. Read from the sources of both editions (chapters, pages, their
 * frontmatter objectives and questions), the notation table with its Chinese meanings, and the MathML a widget writes
 * itself. `tests/unit/math/tex.test.ts` checks that scripts/fonts/math-unicodes.txt holds all of them.
 *
 * Run: `node_modules/.bin/node scripts/fonts/math-characters.mts --write` rewrites math-unicodes.txt (these
 * characters and EXTRA), then `scripts/fonts/subset-math-font.sh` cuts the font to it.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMeaning, renderTex } from '../../src/lib/math/tex.ts';
import { ENTRIES } from '../../src/lib/notation/symbols.ts';
import { MEANINGS_ZH } from '../../src/lib/notation/meanings-zh.ts';

/**
 * Kept beyond the characters of the formulas' text: the radical sign, which <msqrt> draws from the font without it
 * being in the text; and, so that a new formula in plain letters and digits needs no new font, printable ASCII, the
 * no-break space, the middle dot and the italic Latin letters (~10 KB of the font's 70 KB).
 */
export const EXTRA = 'U+0020-007E,U+00A0,U+00B7,U+221A,U+1D434-1D467';

const ROOT = new URL('../../', import.meta.url).pathname;

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

/** Every character a MathML string draws inside its <math> elements (annotations and white space excluded). */
export function drawn(html: string): string[] {
  const out: string[] = [];
  for (const math of html.matchAll(/<math[\s>][\s\S]*?<\/math>/g)) {
    const body = math[0].replace(/<annotation[\s\S]*?<\/annotation>/g, '');
    for (const m of body.matchAll(/<(m[a-z]+)([^>]*)>([^<]*)(?=<)/g)) {
      const text = m[3]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)));
      const chars = [...text];
      const auto = m[1] === 'mi' && chars.length === 1 && !/mathvariant="normal"/.test(m[2]!);
      // Chromium lays a one-letter <mi> out with the font of its letter as written, then draws the italic letter:
      // without the plain letter in the font the box came out 1 px shorter, so both are kept.
      out.push(...chars.flatMap((c) => (auto && italic(c) !== c ? [c, italic(c)] : [c])).filter((c) => !/\s/.test(c)));
    }
  }
  return out;
}

/** The MathML of every formula in the book, each with a label saying where it is. */
export function bookMath(): Array<[where: string, mathml: string]> {
  const out: Array<[string, string]> = [];
  const mdx = (dir: string) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.mdx')).map((f) => `${dir}/${f}`);
  for (const page of ['en', 'zh-cn'].flatMap((l) => [...mdx(`content/${l}/chapters`), ...mdx(`content/${l}`)])) {
    const text = readFileSync(join(ROOT, page), 'utf8');
    const add = (tex: string, display: boolean) => {
      try {
        out.push([`${page}: ${tex}`, renderTex(tex, display)]);
      } catch {
        // not math: a dollar amount in prose, say; the build renders exactly what remark-math marks
      }
    };
    for (const m of text.matchAll(/\$\$([\s\S]+?)\$\$/g)) add(m[1]!.trim(), true);
    for (const m of text.replace(/\$\$[\s\S]+?\$\$/g, '').matchAll(/(?<![\\$])\$([^$\n]+?)\$/g)) add(m[1]!, false);
  }
  for (const e of ENTRIES) out.push([`notation: ${e.tex}`, renderTex(e.tex) + renderMeaning(e.meaning)]);
  for (const [tex, meaning] of Object.entries(MEANINGS_ZH)) out.push([`notation (zh): ${tex}`, renderMeaning(meaning)]);
  // MathML a widget writes itself (the receptive field's general formula).
  for (const dir of readdirSync(join(ROOT, 'components'))) {
    for (const f of readdirSync(join(ROOT, 'components', dir)).filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(join(ROOT, 'components', dir, f), 'utf8');
      if (text.includes('<math')) out.push([`components/${dir}/${f}`, text]);
    }
  }
  return out;
}

/** Characters outside the math font's own scripts (CJK in a \text{}) are drawn in the text face; they are left out. */
export function inMathFont(cp: number): boolean {
  return cp < 0x2e80 || cp > 0xffef;
}

/** The code points the book's formulas draw, ascending. */
export function bookMathCharacters(): number[] {
  const set = new Set<number>();
  for (const [, mathml] of bookMath()) for (const ch of drawn(mathml)) set.add(ch.codePointAt(0)!);
  return [...set].filter(inMathFont).sort((a, b) => a - b);
}

/** The ranges of a `U+0020-007E,U+00B7,…` list as a predicate. */
export function unicodeRanges(list: string): (cp: number) => boolean {
  const ranges = list.trim().split(',').map((r) => {
    const [a, b] = r.replace(/U\+/g, '').split('-');
    return [parseInt(a!, 16), parseInt(b ?? a!, 16)] as const;
  });
  return (cp) => ranges.some(([a, b]) => cp >= a && cp <= b);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '')) && process.argv.includes('--write')) {
  const extra = unicodeRanges(EXTRA);
  const list = bookMathCharacters().filter((cp) => !extra(cp)).map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
  writeFileSync(join(ROOT, 'scripts/fonts/math-unicodes.txt'), `${[EXTRA, ...list].join(',')}\n`);
  console.log(`scripts/fonts/math-unicodes.txt: ${EXTRA} and ${list.length} more characters the formulas draw`);
}
