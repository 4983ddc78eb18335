/**
 * A `fetch` for Node that serves files from disk, so scripts (pretraining) use the browser's loader unchanged:
 * loadSlice({ base: 'data/', fetch: fileFetch('.cache'), dataset: 'fashion', split: 'train-full' }).
 * Paths are resolved under `root`; a missing file answers 404 like a web server.
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { FetchLike } from '../../src/lib/data/fetch-file.ts';

export function fileFetch(root: string): FetchLike {
  const dir = resolve(root);
  return async (url) => {
    const path = resolve(dir, url.replace(/^\/+/, ''));
    if (!path.startsWith(dir + sep)) return new Response('outside root', { status: 403, statusText: 'Forbidden' });
    try {
      return new Response(await readFile(path));
    } catch {
      return new Response('not found', { status: 404, statusText: 'Not Found' });
    }
  };
}
