/**
 * The questions and exercises the "For teachers" page lists (src/lib/progress/chapter-items.ts), on a made-up
 * chapter and on the book's own: every <Predict> and <Exercise> in a source is found, with its question text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chapterExercises, chapterQuestions, plainText } from '../../../src/lib/progress/chapter-items.ts';

describe('plainText', () => {
  it.each([
    ['tags go, math stays', 'Is <b>it</b> $2 \\times 2$?', 'Is it $2 \\times 2$?'],
    ['emphasis and code marks go', 'A **bold** and *slanted* `code` word', 'A bold and slanted code word'],
    ['math with a star stays whole', 'Take $a * b$ and $x^*$.', 'Take $a * b$ and $x^*$.'],
    ['links keep their text', 'See [the explorer](#pool-coins), then', 'See the explorer, then'],
    ['lines join', 'one\n   two', 'one two'],
  ])('%s', (_, mdx, text) => expect(plainText(mdx)).toBe(text));
});

const mdx = `
<Predict id="q-a">
  <Fragment slot="question">How big is a **7×7** output?</Fragment>
  Answer.
</Predict>
<Exercise id="ex-one" title="First one" kind="derivation">
  <Fragment slot="task">Task.</Fragment>
  Solution.
</Exercise>
<Predict label="Check" id="q-b"><Fragment slot="question">Why $k$?</Fragment> Because.</Predict>
`;

describe('chapterQuestions / chapterExercises', () => {
  it('reads each question’s id and text, in order', () => {
    expect(chapterQuestions(mdx)).toEqual([
      { id: 'q-a', question: 'How big is a 7×7 output?' },
      { id: 'q-b', question: 'Why $k$?' },
    ]);
  });
  it('reads each exercise’s id, title and kind', () => {
    expect(chapterExercises(mdx)).toEqual([{ id: 'ex-one', title: 'First one', kind: 'derivation' }]);
  });

  const DIR = 'content/en/chapters';
  it.each(readdirSync(DIR).filter((f) => /^[^_].*\.mdx$/.test(f)))('%s: every question and exercise found, none empty', (file) => {
    const source = readFileSync(`${DIR}/${file}`, 'utf8');
    const questions = chapterQuestions(source);
    const exercises = chapterExercises(source);
    expect(questions.length).toBe(source.match(/<Predict\b/g)?.length ?? 0);
    expect(exercises.length).toBe(source.match(/<Exercise\b/g)?.length ?? 0);
    for (const q of questions) expect(q.question, q.id).toMatch(/\S/);
    for (const x of exercises) expect(x.title, x.id).toMatch(/\S/);
  });
});
