/**
 * The words of a page's own scripts (the chapter's answer boxes, progress line, print, offline and share controls,
 * the code listings' copy buttons): the `book` and `tools` areas of the English catalogue, and nothing of the
 * widgets'. src/lib/i18n/page.ts binds it; its keys type what those scripts may say.
 */
import book from '../en/book.ts';
import tools from '../en/tools.ts';

export default { ...book, ...tools } as const;
