/**
 * What the book remembers of a reader's work on one "predict, then check" question or exercise: the text they
 * wrote and whether they opened the solution. Kept in localStorage only (components/progress/), one key per
 * question, so nothing leaves the reader's browser and clearing one page never touches another.
 *
 * A question counts as answered when the reader wrote something (not only spaces) or revealed the solution:
 * either shows they engaged with it, and a reader who checks in their head before opening the answer —
 * the book's own advice — should not be told they skipped it.
 */
export interface AnswerRecord { answer: string; revealed: boolean }

/** Longer text is cut when stored: a prediction is a few sentences, and localStorage is small (≈ 5 MB a site). */
export const MAX_ANSWER_CHARS = 20_000;

const PREFIX = 'fm-progress:v1:';

/** A page's path as a key part: with its trailing slash, without query or hash, so /x and /x/ are one page. */
export function pageKey(pathname: string): string {
  return pathname.replace(/[?#].*$/, '').replace(/\/?$/, '/');
}

/** The storage key of one question on one page (ids are unique on a page; see Predict.astro and Exercise.astro). */
export function answerKey(pathname: string, id: string): string {
  return `${PREFIX}${pageKey(pathname)}#${id}`;
}

/** Whether a storage key belongs to a question on the given page (for "Clear my answers on this page"). */
export function isKeyOfPage(key: string, pathname: string): boolean {
  return key.startsWith(`${PREFIX}${pageKey(pathname)}#`);
}

/**
 * A stored value read back. Storage is the reader's to edit (or an older book's to have written), so anything
 * that is not the expected shape reads as "nothing stored" instead of breaking the page.
 */
export function parseRecord(raw: string | null): AnswerRecord {
  const empty = { answer: '', revealed: false };
  if (!raw) return empty;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return empty;
  }
  if (typeof value !== 'object' || value === null) return empty;
  const { answer, revealed } = value as Record<string, unknown>;
  return {
    answer: typeof answer === 'string' ? answer.slice(0, MAX_ANSWER_CHARS) : '',
    revealed: revealed === true,
  };
}

/** The value to store, or null when there is nothing worth keeping (the key is then removed). */
export function serializeRecord(record: AnswerRecord): string | null {
  if (record.answer === '' && !record.revealed) return null;
  return JSON.stringify({ answer: record.answer.slice(0, MAX_ANSWER_CHARS), revealed: record.revealed });
}

export function isAnswered(record: AnswerRecord): boolean {
  return record.revealed || record.answer.trim() !== '';
}
