/**
 * TeX to MathML, at build time, for the chapters (scripts/markdown/rehype-math.ts) and the Notation page.
 * Temml writes MathML Core, which Chromium, Firefox and Safari lay out natively with an OpenType math font
 * (src/styles/math.css): a formula is a few dozen elements, where KaTeX's HTML-and-MathML output was three times
 * as many (two thirds of a chapter's 18,000 elements on Chapter 1) and cost most of its style and layout time.
 * Strict: a malformed formula fails the build (and the unit test) instead of printing red text to a reader.
 */
import { createRequire } from 'node:module';

interface Temml { renderToString(tex: string, options: Record<string, unknown>): string }

let temml: Temml | undefined;
function bookTemml(): Temml {
  // Build-time only: resolved from the project, so no page bundle can pull the renderer in.
  temml ??= createRequire(`${process.cwd()}/package.json`)('temml') as Temml;
  return temml;
}

/**
 * MathML Core lets any element carry `scriptlevel` and `displaystyle`; the HTML checker's MathML 3 schema allows
 * them on `<mstyle>` only, which MathML Core lays out as an `<mrow>` with the same attributes. So an `<mrow>` that
 * carries them becomes an `<mstyle>`, and an `<mo>` that does is wrapped in one: the same rendering, valid HTML.
 */
export function mathml3Styles(math: string): string {
  const STYLED = /\s(scriptlevel|displaystyle)="/;
  let out = math.replace(/<mo([^>]*)>([^<]*)<\/mo>/g, (whole, attrs: string, text: string) => {
    const level = /\sscriptlevel="([^"]*)"/.exec(attrs);
    return level ? `<mstyle scriptlevel="${level[1]}"><mo${attrs.replace(level[0], '')}>${text}</mo></mstyle>` : whole;
  });
  for (let at = out.indexOf('<mrow'); at >= 0; at = out.indexOf('<mrow', at + 1)) {
    const open = out.slice(at, out.indexOf('>', at) + 1);
    if (!STYLED.test(open)) continue;
    let depth = 0;
    const tags = /<(\/?)mrow[\s>]/g;
    tags.lastIndex = at;
    for (let m = tags.exec(out); m; m = tags.exec(out)) {
      depth += m[1] ? -1 : 1;
      if (depth === 0) {
        out = `${out.slice(0, at)}<mstyle${open.slice(5)}${out.slice(at + open.length, m.index)}</mstyle>${out.slice(m.index + '</mrow>'.length)}`;
        break;
      }
    }
  }
  return out;
}

/**
 * One formula as MathML; `display` for a block formula (the `.fm-math-display` box wraps it, and scrolls it when
 * wider than the column). An inline formula may break after a top-level relation or operator, as TeX breaks it
 * (Temml's `wrap: 'tex'`, laid out by Temml's stylesheet), so a long one does not push a phone's page sideways;
 * Temml cannot both wrap and annotate, so only display formulas carry their TeX as an annotation.
 */
export function renderTex(tex: string, display = false): string {
  const options = display ? { displayMode: true, annotate: true } : { wrap: 'tex' };
  const math = mathml3Styles(bookTemml().renderToString(tex, { ...options, throwOnError: true, strict: true }));
  return display ? `<div class="fm-math-display">${math}</div>` : math;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Words with `$…$` math in them: the words escaped, the math rendered. */
export function renderMeaning(text: string): string {
  return text.split(/\$([^$]+)\$/).map((part, i) => (i % 2 ? renderTex(part) : escapeHtml(part))).join('');
}
