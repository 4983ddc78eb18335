/**
 * Where a reader's doodles live between visits: one IndexedDB record per widget (its `key`), holding the
 * serialised classes and drawings; the trained model sits beside it in tfjs's own IndexedDB store under
 * `indexeddb://fm-doodle-<key>`. Browser only.
 */
import type { StoredState } from './state.ts';

const DB_NAME = 'feature-maps-doodles';
const STORE = 'states';
/** Dispatched on `window` after each save (detail `{ key }`), so a fine-tuning lab on the page can pick it up. */
export const SAVED_EVENT = 'fm-doodles-saved';

export const modelUrl = (key: string) => `indexeddb://fm-doodle-${key}`;

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('this browser has no IndexedDB'));
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted (storage full?)'));
    });
  } finally {
    db.close();
  }
}

/** The saved record, or undefined when there is none (it is checked by parseState, not here). */
export function loadRecord(key: string): Promise<unknown> {
  return run('readonly', (s) => s.get(key));
}

export async function saveRecord(key: string, value: StoredState): Promise<void> {
  await run('readwrite', (s) => s.put(value, key));
  globalThis.dispatchEvent?.(new CustomEvent(SAVED_EVENT, { detail: { key } }));
}

/** Every saved record with its key (unchecked), e.g. for the fine-tuning lab's "your own classes". */
export async function loadAllRecords(): Promise<{ key: string; value: unknown }[]> {
  let keys!: IDBRequest<IDBValidKey[]>;
  const values = await run('readonly', (s) => { keys = s.getAllKeys(); return s.getAll(); }); // one transaction: pairs match
  return keys.result.map((key, i) => ({ key: String(key), value: values[i] }));
}
