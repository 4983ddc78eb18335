/**
 * TeX to HTML for the Notation page, at build time, with the KaTeX that renders the chapters: rehype-katex's own
 * copy, whose stylesheet the book loads (class names differ between KaTeX versions; see astro.config.mjs).
 * Strict, like the chapters: a malformed symbol fails the build (and the unit test) instead of printing red text.
 */
import { createRequire } from 'node:module';

interface Katex { version: string; renderToString(tex: string, options: Record<string, unknown>): string }

let katex: Katex | undefined;
export function bookKatex(): Katex {
  const fromRoot = createRequire(`${process.cwd()}/package.json`);
  katex ??= createRequire(fromRoot.resolve('rehype-katex'))('katex') as Katex;
  return katex;
}

export function renderTex(tex: string): string {
  return bookKatex().renderToString(tex, { output: 'htmlAndMathml', strict: 'error', throwOnError: true });
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Words with `$…$` math in them: the words escaped, the math rendered. */
export function renderMeaning(text: string): string {
  return text.split(/\$([^$]+)\$/).map((part, i) => (i % 2 ? renderTex(part) : escapeHtml(part))).join('');
}
