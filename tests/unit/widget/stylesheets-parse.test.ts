/**
 * Every stylesheet of the widgets and the book parses with no syntax error, and its braces pair up. A browser
 * recovers from a stray `}` by throwing away the rule after it (one left after a container query once dropped the
 * receptive field's visually-hidden class, whose "Remove" then widened its table by 36 px), and closes a block left
 * open at the end of the file, pulling every rule after it into that block. lightningcss (no error recovery) names
 * the first syntax error and where; it accepts a block left open, so the braces are counted too. Values a browser
 * would drop (a colour of 12px) are not checked. The two sheets written in TypeScript, generated from colour tables
 * (the charts' palette and the strategies' colours), are parsed too; every other widget sheet is a .css file.
 */
import { readFileSync } from 'node:fs';
import { transform } from 'lightningcss';
import { describe, expect, it } from 'vitest';
import { stylesheets, withoutComments } from './stylesheets.ts';
import { PALETTE_CSS } from '../../../src/lib/charts/palette.ts';
import { STRATEGY_CSS } from '../../../src/lib/experiments/palette.ts';

const sheets = stylesheets('components', 'src/lib/widget', 'src/styles');

/** The first parse error in a sheet, as "file:line:column message", or '' where it parses whole. */
function parseError(filename: string, code: string): string {
  try {
    transform({ filename, code: Buffer.from(code), errorRecovery: false });
    return '';
  } catch (err) {
    const e = err as { message: string; loc?: { line: number; column: number } };
    return `${filename}:${e.loc?.line ?? '?'}:${e.loc?.column ?? '?'} ${e.message}`;
  }
}

/** `{` minus `}` outside comments and strings: 0 where every block is closed. */
function openBlocks(css: string): number {
  const bare = withoutComments(css).replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""');
  return (bare.match(/{/g)?.length ?? 0) - (bare.match(/}/g)?.length ?? 0);
}

describe('stylesheets parse', () => {
  it('finds a stray brace and names where it is', () => {
    expect(parseError('x.css', '.a { color: red }\n}\n.sr { position: absolute }')).toMatch(/^x\.css:2:\d+ /);
    expect(parseError('x.css', '@container (max-width: 20rem) { .a { color: light-dark(#fff, #000) } }\n:host(:lang(zh)) { --x: 1 }')).toBe('');
  });

  it('counts a block left open, braces in comments and strings aside', () => {
    expect(openBlocks('@container (max-width: 20rem) { .a { color: red }\n.b { color: blue }')).toBe(1);
    expect(openBlocks('/* { */ .a::before { content: "}" } .b { content: \'{\' }')).toBe(0);
  });

  it(`every sheet (${sheets.length}) parses, its blocks all closed`, () => {
    expect(sheets.length).toBeGreaterThan(20);
    const texts = sheets.map((f) => [f, readFileSync(f, 'utf8')] as const);
    expect(texts.map(([f, css]) => parseError(f, css)).filter(Boolean)).toEqual([]);
    expect(texts.filter(([, css]) => openBlocks(css) !== 0).map(([f]) => f)).toEqual([]);
  });

  it('the sheets written in TypeScript parse, their blocks all closed', () => {
    const generated = { PALETTE_CSS, STRATEGY_CSS };
    expect(Object.entries(generated).map(([name, css]) => parseError(name, css)).filter(Boolean)).toEqual([]);
    expect(Object.entries(generated).filter(([, css]) => openBlocks(css) !== 0).map(([name]) => name)).toEqual([]);
  });
});
