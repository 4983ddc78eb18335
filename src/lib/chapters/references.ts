/**
 * A chapter's reference list (the "- …" items under "## References") and which of them its text never cites.
 * The book cites author–year in several shapes — "(Zhang et al., 2023, §7.5)", "Lin, Chen and Yan (2014)",
 * "Goodfellow, Bengio and Courville (2016, §9.1)" — so a reference counts as cited when its first author's
 * surname appears before the list with its year (suffix included: 2016a) within the next few words. An undated
 * work (course notes) is cited by its author or by the start of its italic title ("CS231n's notes").
 */
export interface Reference { line: number; surname: string; year: string | null; title: string | null; text: string }

const HEADING = /^## References\s*$/m;
/** How far after a surname its year may sit: "Goodfellow, Bengio and Courville (2016" is ~35 characters. */
const YEAR_WITHIN = 60;

/** The items of the References list, each with its first author's surname and year. */
export function references(mdx: string): Reference[] {
  const at = mdx.search(HEADING);
  if (at < 0) return [];
  const first = mdx.slice(0, at).split('\n').length;
  return mdx
    .slice(at)
    .split('\n')
    .map((text, i) => ({ text, line: first + i }))
    .filter(({ text }) => text.startsWith('- '))
    .map(({ text, line }) => ({
      line,
      text: text.slice(2),
      surname: text.slice(2).split(',')[0].trim(),
      year: /\((\d{4}[a-z]?)\)/.exec(text)?.[1] ?? null,
      title: /\*([^*:]+)/.exec(text)?.[1].trim() ?? null,
    }));
}

/** The references whose author and year are never cited in the text before the list. */
export function uncitedReferences(mdx: string): Reference[] {
  const at = mdx.search(HEADING);
  const body = at < 0 ? mdx : mdx.slice(0, at);
  return references(mdx).filter(({ surname, year, title }) => {
    if (!year && title && body.includes(title)) return false;
    const name = new RegExp(`(?<![\\p{L}])${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
    return ![...body.matchAll(name)].some((m) => {
      if (!year) return true;
      const after = body.slice(m.index + m[0].length, m.index + m[0].length + YEAR_WITHIN);
      return new RegExp(`${year}(?![a-z\\d])`).test(after);
    });
  });
}
