/**
 * Which chapters the reader has read, for the ✓ in the sidebar. A chapter counts as read once the reader has
 * scrolled to its Summary section (every chapter ends with one, before its references): reaching the summary
 * means having been through the chapter, whereas opening it does not. Stored in localStorage as a list of page
 * paths, on the reader's device only.
 */
import { pageKey } from './record.ts';

export const READ_KEY = 'fm-read:v1';

/** The stored list read back; anything malformed reads as "nothing read yet". */
export function parseReadSet(raw: string | null): Set<string> {
  if (!raw) return new Set();
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return new Set();
    return new Set(value.filter((p): p is string => typeof p === 'string' && p.startsWith('/')).map(pageKey));
  } catch {
    return new Set();
  }
}

/** The list with one more page, as the value to store. */
export function withRead(raw: string | null, pathname: string): string {
  const set = parseReadSet(raw);
  set.add(pageKey(pathname));
  return JSON.stringify([...set].sort());
}
