/** Downloads and file picks for the model's export and import (browser plumbing, no model logic). */
import type { PickedFile } from '@lib/doodle/model-files.ts';

/** Saves each file through a temporary link; the short pause lets browsers accept the second download. */
export async function download(files: { name: string; data: Uint8Array | string }[]): Promise<void> {
  for (const f of files) {
    const type = typeof f.data === 'string' ? 'application/json' : 'application/octet-stream';
    const url = URL.createObjectURL(new Blob([f.data as BlobPart], { type }));
    const a = Object.assign(document.createElement('a'), { href: url, download: f.name });
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function picked(list: FileList | null): Promise<PickedFile[]> {
  return Promise.all([...(list ?? [])].map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
}
