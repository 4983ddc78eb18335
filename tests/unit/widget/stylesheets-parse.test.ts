/**
 * Every stylesheet of the widgets and the book parses with no error, as a browser would read it with nothing
 * dropped. A browser recovers from a stray brace by throwing away the rule after it: a `}` left after a container
 * query once dropped the receptive field's visually-hidden class, whose "Remove" then widened its table by 36 px.
 * lightningcss (no error recovery) names the first error and where it is.
 */
import { readFileSync } from 'node:fs';
import { transform } from 'lightningcss';
import { describe, expect, it } from 'vitest';
import { stylesheets } from './stylesheets.ts';

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

describe('stylesheets parse', () => {
  it('finds a stray brace and names where it is', () => {
    expect(parseError('x.css', '.a { color: red }\n}\n.sr { position: absolute }')).toMatch(/^x\.css:2:\d+ /);
    expect(parseError('x.css', '@container (max-width: 20rem) { .a { color: light-dark(#fff, #000) } }\n:host(:lang(zh)) { --x: 1 }')).toBe('');
  });

  it(`every sheet (${sheets.length}) parses with nothing dropped`, () => {
    expect(sheets.length).toBeGreaterThan(20);
    expect(sheets.map((f) => parseError(f, readFileSync(f, 'utf8'))).filter(Boolean)).toEqual([]);
  });
});
