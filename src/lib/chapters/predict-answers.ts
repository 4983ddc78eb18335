/**
 * The answers of a chapter's "predict, then check" questions (components/predict/Predict.astro), and their
 * length in words. An answer is read in one glance after a guess, so the book keeps it short (≲ 80 words) and
 * moves longer explanations into the text.
 *
 * Words are counted as a reader sees them: a formula ($…$ or $$…$$) is one word, MDX/JSX tags and
 * Markdown link targets count for nothing, and a token with no letter or digit (a dash) is not a word.
 */
export interface PredictAnswer { id: string; line: number; words: number }

const PREDICT = /<Predict\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/Predict>/g;
const QUESTION = /<Fragment\s+slot="question"\s*>[\s\S]*?<\/Fragment>/g;

/** Every <Predict> in an MDX source, with the line it starts on and its answer's word count. */
export function predictAnswers(mdx: string): PredictAnswer[] {
  return [...mdx.matchAll(PREDICT)].map((m) => ({
    id: m[1],
    line: mdx.slice(0, m.index).split('\n').length,
    words: countWords(m[2].replace(QUESTION, ' ')),
  }));
}

/** Words in a piece of MDX prose: formulas count once, tags and link targets not at all. */
export function countWords(mdx: string): number {
  const text = mdx
    .replace(/\$\$[\s\S]*?\$\$|\$[^$\n]+\$/g, ' ƒ ') // display math first, so `$$` is never read as two `$`
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']');
  return text.split(/\s+/).filter((t) => t === 'ƒ' || /[\p{L}\p{N}]/u.test(t)).length;
}
