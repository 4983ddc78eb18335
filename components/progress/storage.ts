/**
 * localStorage, or null where the browser refuses it (storage disabled, some private modes): progress is a
 * convenience, so a refusal leaves the page working and only the saving off.
 */
export function progressStorage(): Storage | null {
  try {
    const s = window.localStorage;
    const probe = 'fm-progress:probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

/** Writes, or removes the key for null; a full or refused storage is ignored (the text stays in the page). */
export function store(storage: Storage | null, key: string, value: string | null): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    /* quota exceeded: nothing to do but keep the page working */
  }
}
