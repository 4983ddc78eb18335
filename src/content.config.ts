import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

/**
 * Chapters live in content/en/ and, translated, in content/zh-cn/ (the same file names). An entry's id is its
 * address: `en/chapters/x.mdx` → `chapters/x` (the English edition stays at the site's root, so no English URL
 * changed when the book became bilingual), `zh-cn/chapters/x.mdx` → `zh-cn/chapters/x` (Starlight's `zh-cn` locale). Every chapter must state what the
 * reader will learn, what they need first, how long it takes and where it sits: a missing field fails the build.
 * Splash pages (the landing page and 404, built by Starlight from the same schema) are not chapters, and neither
 * are reference pages (content/en/notation.mdx).
 */
const chapterFields = {
  objectives: z.array(z.string().min(1)).min(1),
  prerequisites: z.array(z.string().min(1)).min(1),
  readingTime: z.number().int().positive(),
  order: z.number().int().positive(),
};

/** `kind: reference` marks a page that is not a chapter (the Notation page): no chapter fields required. */
/** `en/x.mdx` → `x`, `zh-cn/x.mdx` → `zh-cn/x` (Starlight reads the locale from the id's first segment). */
export function entryId(path: string): string {
  return path.replace(/\.mdx$/, '').replace(/^en\//, '');
}

/** `preloadMathFont: true` marks a page whose first screen holds formulas: src/components/Head.astro preloads the math font there. */
const extend = z.object(chapterFields).partial().extend({ kind: z.enum(['chapter', 'reference']).default('chapter'), preloadMathFont: z.boolean().optional() });

export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content', pattern: '{en,zh-cn}/**/[^_]*.mdx', generateId: ({ entry }) => entryId(entry) }),
    schema: (context) =>
      docsSchema({ extend })(context).superRefine((data, ctx) => {
        if (data.template === 'splash' || data.kind === 'reference') return;
        for (const key of Object.keys(chapterFields) as (keyof typeof chapterFields)[]) {
          if (data[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `A chapter needs \`${key}\` in its frontmatter.` });
        }
      }),
  }),
};
