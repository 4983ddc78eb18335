/**
 * A reader's model as files: export writes the standard tfjs LayersModel pair (model.json + weights.bin, with
 * the class names in model.json's `userDefinedMetadata`), import reads such a pair back from the files the
 * reader picked, whatever they are called. Messages name the reader's own files. Uses model-io's checks.
 */
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import { loadModel, saveModel, WEIGHTS_FILE } from '../train/model-io.ts';
import { MAX_CLASSES, MIN_CLASSES, cleanName, nameProblems } from './classes.ts';
import { msg } from '../i18n/t.ts';
import { ReaderError } from '../i18n/reader-error.ts';

export interface PickedFile { name: string; bytes: ArrayBuffer }
export interface Imported { model: LayersModel; classNames: string[] }

/** The two files of a model, ready to download. */
export async function exportModel(tf: Tf, model: LayersModel, classNames: string[]): Promise<{ name: string; data: Uint8Array | string }[]> {
  const files: { name: string; data: Uint8Array | string }[] = [];
  await saveModel(tf, model, async (name, data) => { files.push({ name, data }); });
  const json = files.find((f) => f.name === 'model.json')!;
  json.data = JSON.stringify({ ...JSON.parse(json.data as string), userDefinedMetadata: { classNames } });
  return files;
}

const SENTINEL = 'fm-import';

/** Loads a model from picked files: one .json (model.json) and the weights file(s) it lists. */
export async function importModel(tf: Tf, picked: readonly PickedFile[]): Promise<Imported> {
  // File names are the reader's own: listed as they are, comma-separated, in every language.
  const list = picked.map((f) => f.name).join(', ') || 'no file';
  const jsons = picked.filter((f) => /\.json$/i.test(f.name));
  if (jsons.length !== 1) {
    const which = jsons.length ? msg('doodleClasses.jsonFiles', { count: jsons.length, files: jsons.map((f) => f.name).join(', ') })
      : msg('doodleClasses.noJson', { files: picked.length ? list : msg('doodleClasses.noFile') });
    throw new ReaderError(msg('doodleClasses.twoFiles', { which }));
  }
  const json = jsons[0]!;
  const bins = picked.filter((f) => f !== json);
  let parsed: { weightsManifest?: { paths: string[] }[]; userDefinedMetadata?: { classNames?: unknown } } = {};
  try {
    parsed = JSON.parse(new TextDecoder().decode(json.bytes));
  } catch { /* loadModel names the file as not JSON */ }
  const wanted = Array.isArray(parsed.weightsManifest) ? parsed.weightsManifest.flatMap((g) => g.paths ?? []) : [];
  const read = async (name: string): Promise<ArrayBuffer> => {
    if (name === 'model.json') return json.bytes;
    const hit = bins.find((f) => f.name === name) ?? (wanted.length === 1 && bins.length === 1 ? bins[0] : undefined);
    if (!hit) throw new Error(`not among the chosen files (${list}); choose model.json together with its ${name}`);
    return hit.bytes;
  };
  const rename = (msg: string) => {
    let out = msg.split(`${SENTINEL}/model.json`).join(json.name);
    for (const p of wanted.length ? wanted : [WEIGHTS_FILE]) {
      const real = bins.find((f) => f.name === p)?.name ?? (bins.length === 1 ? bins[0]!.name : p);
      out = out.split(`${SENTINEL}/${p}`).join(real);
    }
    return out;
  };
  let model: LayersModel;
  try {
    model = await loadModel(tf, read, SENTINEL, [28, 28, 1]);
  } catch (err) {
    // The cause comes from model-io (src/lib/train/), in English.
    throw new ReaderError(msg('doodleClasses.importFailed', { error: rename((err as Error).message) }));
  }
  const out = model.outputs[0]?.shape ?? [];
  const k = out.length === 2 ? out[1] ?? 0 : 0;
  if (k < MIN_CLASSES || k > MAX_CLASSES) {
    model.dispose();
    const got = out.length === 2 ? msg('doodleClasses.outputs', { count: k }) : msg('doodleClasses.outputShape', { shape: out.join(', ') });
    throw new ReaderError(msg('doodleClasses.wrongOutputs', { file: json.name, got, min: MIN_CLASSES, max: MAX_CLASSES }));
  }
  const names = parsed.userDefinedMetadata?.classNames;
  const ok = Array.isArray(names) && names.length === k && names.every((n) => typeof n === 'string') && nameProblems(names as string[]).length === 0;
  return { model, classNames: ok ? (names as string[]).map(cleanName) : Array.from({ length: k }, (_, i) => `class ${i + 1}`) };
}
