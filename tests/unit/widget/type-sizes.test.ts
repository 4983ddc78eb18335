/**
 * The widgets' text sizes between Starlight's 12 px and 16 px steps are its 13 px and 14 px steps (host.css's
 * --fm-text-xs and --fm-text-sm), or the widget's own base size (--fm-font-size); so are the book's and the embed
 * pages' (--sl-text-xs, --sl-text-sm). Each other size is one more face to
 * set up: Chromium on Linux asks the browser's font service for every face at every size it draws, a synchronous call
 * of 0.2-3 ms. With 0.8rem, 0.85rem, 0.88rem and 0.9rem moved onto the scale, Chinese Chapter 2 made 45 -> 37 such
 * calls over a load (each of 3 loads; 17-27 -> 10-15 ms of waiting) and Chinese Chapter 3 36-37 -> 28 (2 loads;
 * 19-31 -> 9-11 ms).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The widgets' sheets, and the book's and embed pages' (an embed page's credit line sits beside the widget's text).
const sheets = ['components', 'src/styles']
  .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.css')).map((f) => join(dir, f)));

describe("the widgets' type sizes", () => {
  it('put text between 12 and 16 px on the 13 and 14 px steps, never a rem size of their own (the book\'s sheets too)', () => {
    expect(sheets.length).toBeGreaterThan(15);
    const off = sheets.flatMap((f) =>
      [...readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/(?:font-size|(?<![-\w])font|--fm-font-size)\s*:\s*([^;}]+)/g)]
        .flatMap((m) => [...m[1]!.matchAll(/(?<![\w.(,-])(\d*\.\d+|\d+)rem\b(?!\s*[,)])/g)].map((r) => Number(r[1])))
        .filter((rem) => rem > 0.75 && rem < 1 && rem !== 0.8125 && rem !== 0.875)
        .map((rem) => `${f}: ${rem}rem`),
    );
    expect(off).toEqual([]);
  });
});
