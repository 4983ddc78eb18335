/**
 * The "predict, then check" questions and exercises of a chapter, read from its MDX source at build time for the
 * "For teachers" page, so the page lists exactly what the chapters contain and never a retyped copy.
 * Text keeps its `$…$` math (the page renders it like the chapter does); tags, emphasis and link targets go.
 */
export interface ChapterQuestion { id: string; question: string }
export interface ChapterExercise { id: string; title: string; kind: string }

const PREDICT = /<Predict\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/Predict>/g;
const QUESTION = /<Fragment\s+slot="question"\s*>([\s\S]*?)<\/Fragment>/;
const EXERCISE = /<Exercise\b([^>]*)>/g;
const attribute = (attrs: string, name: string): string => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1] ?? '';

/** MDX prose as one line of plain text with its math: tags, `**`/`*`/`` ` `` marks and link targets removed. */
export function plainText(mdx: string): string {
  const parts = mdx.split(/(\$[^$]+\$)/);
  return parts
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
            .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
            .replace(/\*\*|__|(?<![\w*])\*(?!\s)|(?<!\s)\*(?![\w*])|`/g, ''),
    )
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every <Predict> question of a chapter, in order, with its id (the anchor the chapter renders). */
export function chapterQuestions(mdx: string): ChapterQuestion[] {
  return [...mdx.matchAll(PREDICT)].map((m) => ({ id: m[1], question: plainText(QUESTION.exec(m[2])?.[1] ?? '') }));
}

/** Every <Exercise> of a chapter, in order, with its id, title and kind. */
export function chapterExercises(mdx: string): ChapterExercise[] {
  return [...mdx.matchAll(EXERCISE)].map((m) => ({ id: attribute(m[1], 'id'), title: attribute(m[1], 'title'), kind: attribute(m[1], 'kind') }));
}
