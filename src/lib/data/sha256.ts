import { msg } from '../i18n/t.ts';
import { ReaderError } from '../i18n/reader-error.ts';

/** SHA-256 as lowercase hex with Web Crypto (browsers in a secure context, and Node ≥ 20). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new ReaderError(msg('datasets.error.noCrypto'));
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
