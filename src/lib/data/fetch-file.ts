/**
 * Fetches one packed file, streams its progress, and checks its size and SHA-256 against the manifest.
 * Every failure is a DataError naming the file, so a widget can show the reader which file is at fault.
 */
import { msg } from '../i18n/t.ts';
import { DataError } from './data-error.ts';
import type { FileEntry } from './manifest.ts';
import { sha256Hex } from './sha256.ts';

export type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

/** `bytes` is the number of new bytes since the last call. */
export type OnBytes = (bytes: number) => void;

export async function fetchBytes(fetchFn: FetchLike, url: string, name: string, onBytes?: OnBytes, signal?: AbortSignal): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetchFn(url, { signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new DataError(name, msg('datasets.error.load', { file: name, error: (err as Error).message }));
  }
  if (!res.ok) throw new DataError(name, msg('datasets.error.load', { file: name, error: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` }));
  if (!res.body) {
    const all = new Uint8Array(await res.arrayBuffer());
    onBytes?.(all.length);
    return all;
  }
  const parts: Uint8Array[] = [];
  let length = 0;
  const reader = res.body.getReader();
  for (;;) {
    // The connection can also drop half-way through a file.
    const { done, value } = await reader.read().catch((err: Error) => {
      if (signal?.aborted) throw err;
      throw new DataError(name, msg('datasets.error.load', { file: name, error: err.message }));
    });
    if (done) break;
    parts.push(value);
    length += value.length;
    onBytes?.(value.length);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Fetches `entry` under `base` and verifies it. */
export async function fetchVerified(fetchFn: FetchLike, base: string, entry: FileEntry, onBytes?: OnBytes, signal?: AbortSignal): Promise<Uint8Array> {
  const bytes = await fetchBytes(fetchFn, base + entry.path, entry.path, onBytes, signal);
  if (bytes.length < entry.bytes) {
    throw new DataError(entry.path, msg('datasets.error.truncated', { file: entry.path, got: String(bytes.length), expected: String(entry.bytes) }));
  }
  if (bytes.length > entry.bytes) {
    throw new DataError(entry.path, msg('datasets.error.size', { file: entry.path, got: String(bytes.length), expected: String(entry.bytes) }));
  }
  const hash = await sha256Hex(bytes);
  if (hash !== entry.sha256) {
    throw new DataError(entry.path, msg('datasets.error.corrupted', { file: entry.path, got: hash.slice(0, 12), expected: entry.sha256.slice(0, 12) }));
  }
  return bytes;
}
