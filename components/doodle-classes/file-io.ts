/** Downloads and file picks for the model's export and import (browser plumbing, no model logic), in catalogue messages. */
import type { PickedFile } from '@lib/doodle/model-files.ts';
import { listOf } from '@lib/doodle/edits.ts';
import { msg, whyOf, type Msg } from '@lib/i18n/index.ts';
import type { DoodleLab } from './doodle-lab.ts';
import type { DoodleSession } from './doodle-session.ts';

type Said = { ok: boolean; message: Msg | string };

export async function exportModel(session: DoodleSession | null, lab: DoodleLab): Promise<Said> {
  const m = lab.state.model;
  if (!session?.model || !m) return { ok: false, message: msg('doodleClasses.noExport') };
  await download(await session.exportFiles(m.classNames));
  return { ok: true, message: msg('doodleClasses.exported') };
}

/** Replaces the lab's model with the picked files' (the input is emptied so the same files can be picked again). */
export async function importModel(input: HTMLInputElement, session: DoodleSession | null, lab: DoodleLab): Promise<Said> {
  const files = await picked(input.files);
  input.value = '';
  if (!session) return { ok: false, message: msg('doodleClasses.notReady') };
  try {
    const m = await lab.importFiles(session, files);
    return { ok: true, message: msg('doodleClasses.imported', { files: listOf(files.map((f) => f.name), true), names: listOf(m.classNames) }) };
  } catch (err) {
    return { ok: false, message: whyOf(err) ?? (err as Error).message };
  }
}

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
