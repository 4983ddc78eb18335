/**
 * Every "predict, then check" answer in the chapters is at most 80 words (src/lib/chapters/predict-answers.ts
 * counts them); longer material belongs in the text. Each chapter's test title reports its longest answer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countWords, predictAnswers } from '../../../src/lib/chapters/predict-answers.ts';

const MAX_WORDS = 80;
const DIR = 'content/en/chapters';
const chapters = readdirSync(DIR)
  .filter((f) => /^[^_].*\.mdx$/.test(f))
  .map((file) => {
    const mdx = readFileSync(`${DIR}/${file}`, 'utf8');
    const answers = predictAnswers(mdx);
    const longest = answers.reduce((a, b) => (b.words > a.words ? b : a), answers[0]);
    return { file, answers, opened: mdx.match(/<Predict\b/g)?.length ?? 0, max: longest?.words ?? 0, id: longest?.id ?? '–' };
  });

describe('countWords', () => {
  it.each([
    ['plain words', 'Paler everywhere there is an edge.', 6],
    ['an inline formula is one word', 'It gives $\\lfloor (37 - 3)/2 \\rfloor + 1 = 18$ rows.', 4],
    ['a display formula is one word', 'So\n\n$$\ny = \\max(a, b)\n$$\n\nholds.', 3],
    ['tags count for nothing', '<Fragment slot="x">one two</Fragment> <b>three</b>', 3],
    ['a link counts its text only', 'see [the coins explorer](#pool-coins) now', 5],
    ['a dash alone is not a word', 'one — two – three', 3],
    ['numbers and products are words', '7×7 and 3,136 values', 4],
  ])('%s', (_, text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe('predictAnswers', () => {
  const mdx = [
    'Intro.',
    '<Predict id="q-a">',
    '  <Fragment slot="question">A long question that is not counted at all, $x$?</Fragment>',
    '',
    '  Answer with $k = 2$ and **bold** words.',
    '</Predict>',
    '<Predict id="q-b" label="Check">',
    `  <Fragment slot="question">Q?</Fragment>\n  ${'word '.repeat(81)}`,
    '</Predict>',
  ].join('\n');

  it('reads each answer without its question', () => {
    expect(predictAnswers(mdx)).toEqual([
      { id: 'q-a', line: 2, words: 6 },
      { id: 'q-b', line: 7, words: 81 },
    ]);
  });

  it('flags an answer over the limit', () => {
    expect(predictAnswers(mdx).filter((a) => a.words > MAX_WORDS).map((a) => a.id)).toEqual(['q-b']);
  });
});

describe(`predict answers in ${DIR} (at most ${MAX_WORDS} words)`, () => {
  it('finds the five chapters, each with questions', () => {
    expect(chapters.length).toBeGreaterThanOrEqual(5);
    // Every <Predict> is read: one the pattern missed would escape the limit unnoticed.
    for (const c of chapters) expect(c.answers.length, c.file).toBe(c.opened);
  });

  it.each(chapters)('$file: longest answer $max words ($id)', ({ file, answers }) => {
    const long = answers.filter((a) => a.words > MAX_WORDS).map((a) => `${DIR}/${file}:${a.line} ${a.id}: ${a.words} words`);
    expect(long, `\n${long.join('\n')}\n(move the longer material into the text)`).toEqual([]);
  });
});
