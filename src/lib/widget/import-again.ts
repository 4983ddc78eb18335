/**
 * A widget's lazily imported code, importable again after a failed fetch. Some browsers keep a module whose fetch
 * failed in the document's module map, so importing the same URL again fails at once without asking the network
 * (Debian's Chromium 150 does; 156 asks again): a widget's Retry could then never work, however long the network has
 * been back. When an import fails and the error names the module's URL (Chromium's and Firefox's messages do), it is
 * imported once more at that URL with a query the map has not seen; each failure uses a new one, so the Retry after
 * the network returns fetches it. The module's own imports are the usual URLs (its shared chunks stay one copy).
 */
let tries = 0;

/** The URL a failed dynamic import names in its message, or null (Safari's names none). */
export function failedModuleUrl(err: unknown): string | null {
  const message = err instanceof Error ? err.message : String(err);
  const m = /dynamically imported module:\s*(\S+)/i.exec(message);
  if (!m) return null;
  try {
    return new URL(m[1]!).href;
  } catch {
    return null;
  }
}

/** `load()` (a dynamic import), tried once more at a fresh URL when it fails as above. */
export async function importAgain<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    const url = failedModuleUrl(err);
    if (!url) throw err;
    const again = new URL(url);
    again.searchParams.set('fm-retry', String(++tries));
    return (await import(/* @vite-ignore */ again.href)) as T;
  }
}
