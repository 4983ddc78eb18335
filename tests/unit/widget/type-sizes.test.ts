/**
 * Text between Starlight's 12 px and 16 px steps is set on its 13 px and 14 px steps: in a widget, host.css's
 * --fm-text-xs and --fm-text-sm; in the book's and embed pages' sheets, --sl-text-xs and --sl-text-sm or the same rem
 * values. The one size of our own is host.css's base for a widget's body text, --fm-font-size: 0.95rem. Each other
 * size is one more face to set up: Chromium on Linux makes a synchronous call to the browser's font service for each
 * face at each size it draws. With 0.8rem, 0.85rem, 0.88rem and 0.9rem moved onto the steps, Chinese Chapter 2 made
 * 45 -> 37 such calls over a load (each of 3 loads; 17-27 -> 10-15 ms of waiting in all) and Chinese Chapter 3
 * 36-37 -> 28 (2 loads; 19-31 -> 9-11 ms).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stylesheets, withoutComments } from './stylesheets.ts';

// The widgets' sheets (their own and the shared ones under src/lib/widget), and the book's and embed pages'.
const sheets = stylesheets('components', 'src/lib/widget', 'src/styles');
const ON_THE_STEPS = [0.8125, 0.875];

/** Every rem size a sheet gives text (font-size, a font shorthand's size, --fm-font-size), function arguments included. */
function remSizes(css: string): number[] {
  return [...withoutComments(css).matchAll(/(?:(?<![-\w])font-size|(?<![-\w])font|--fm-font-size)\s*:\s*([^;}]+)/g)]
    .map((m) => m[1]!.replace(/\/\s*[^\s]+/, '')) // a shorthand's line height is not a size
    .flatMap((v) => [...v.matchAll(/(\d*\.?\d+)rem\b/gi)].map((r) => Number(r[1])));
}

describe('type sizes', () => {
  it('reads sizes from declarations, shorthands and functions, and not line heights', () => {
    expect(remSizes('a { font-size: .85rem } b { font: italic 0.9rem/1.2rem x } c { --fm-font-size: clamp(0.65rem, 2vw, 0.88rem); margin: 0.8rem }'))
      .toEqual([0.85, 0.9, 0.65, 0.88]);
  });

  it('put text between 12 and 16 px on the 13 and 14 px steps, never a rem size of its own (host.css\'s base excepted)', () => {
    expect(sheets.length).toBeGreaterThan(20);
    const off = sheets.flatMap((f) => {
      let css = readFileSync(f, 'utf8');
      if (f === join('src/lib/widget', 'host.css')) css = css.replace('--fm-font-size: 0.95rem;', '');
      return remSizes(css).filter((rem) => rem > 0.75 && rem < 1 && !ON_THE_STEPS.includes(rem)).map((rem) => `${f}: ${rem}rem`);
    });
    expect(off).toEqual([]);
  });
});
