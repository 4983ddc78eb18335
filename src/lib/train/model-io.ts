/**
 * Saving and loading in the tfjs LayersModel format (model.json + one weights file), through a file reader
 * so the same checks run on files in Node and on URLs in the browser: a missing file, JSON that does not
 * parse, a weights file of the wrong size or a model whose input shape is not the expected one each give a
 * message naming the file. A reader's own models go to IndexedDB (`indexeddb://name`) with tfjs's handler.
 */
import type { io } from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import { runSliced } from '../schedule/slices.ts';
import { sequentialSliced } from './sequential-sliced.ts';

export const WEIGHTS_FILE = 'weights.bin';

/** Reads one file of a model folder by its relative name; throws (any message) when it cannot. */
export type FileReader = (name: string) => Promise<ArrayBuffer>;
/** Writes one file of a model folder. */
export type FileWriter = (name: string, data: Uint8Array | string) => Promise<void>;

/** model.json (with one weights file, `weights.bin`) and the weights, as the standard format expects. */
export async function saveModel(tf: Tf, model: tfl.LayersModel, write: FileWriter): Promise<{ bytes: number }> {
  let bytes = 0;
  await model.save(tf.io.withSaveHandler(async (a: io.ModelArtifacts) => {
    const data = new Uint8Array(tf.io.CompositeArrayBuffer.join(a.weightData as ArrayBuffer | ArrayBuffer[]));
    bytes = data.byteLength;
    const json = {
      modelTopology: a.modelTopology, format: 'layers-model', generatedBy: a.generatedBy, convertedBy: null,
      weightsManifest: [{ paths: [WEIGHTS_FILE], weights: a.weightSpecs }],
    };
    await write('model.json', JSON.stringify(json));
    await write(WEIGHTS_FILE, data);
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: bytes } };
  }));
  return { bytes };
}

/** Loads a model folder; `where` names it in messages (a path or URL). `inputShape` e.g. [28, 28, 1]. */
export async function loadModel(tf: Tf, read: FileReader, where: string, inputShape?: number[]): Promise<tfl.LayersModel> {
  const file = (name: string) => `${where.replace(/\/$/, '')}/${name}`;
  const get = async (name: string) => {
    try {
      return await read(name);
    } catch (err) {
      throw new Error(`could not read ${file(name)}: ${(err as Error).message}`);
    }
  };
  let json: io.ModelJSON;
  try {
    json = JSON.parse(new TextDecoder().decode(await get('model.json')));
  } catch (err) {
    if ((err as Error).message.startsWith('could not read')) throw err;
    throw new Error(`${file('model.json')} is not valid JSON (${(err as Error).message})`);
  }
  if (!json.modelTopology || !Array.isArray(json.weightsManifest)) throw new Error(`${file('model.json')} is not a tfjs LayersModel (no modelTopology or weightsManifest)`);
  const specs = json.weightsManifest.flatMap((g) => g.weights);
  const buffers: ArrayBuffer[] = [];
  const expected = specs.reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1) * 4, 0);
  for (const path of json.weightsManifest.flatMap((g) => g.paths)) buffers.push(await get(path));
  const got = buffers.reduce((s, b) => s + b.byteLength, 0);
  if (got !== expected) {
    const names = json.weightsManifest.flatMap((g) => g.paths).map(file).join(', ');
    throw new Error(`${names}: ${got} bytes of weights, but model.json describes ${expected} bytes (truncated or wrong file)`);
  }
  const data = tf.io.CompositeArrayBuffer.join(buffers);
  // A Sequential model is built layer by layer with pauses (sequential-sliced.ts); anything else by tfjs in one go.
  const model = (await runSliced(sequentialSliced(tf, json.modelTopology, specs, data))) ?? (await tfl.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: specs, weightData: data })));
  const shape = (model.inputs[0]?.shape ?? []).slice(1);
  if (inputShape && shape.join(',') !== inputShape.join(',')) {
    model.dispose();
    throw new Error(`${file('model.json')}: the model takes input [N, ${shape.join(', ')}], expected [N, ${inputShape.join(', ')}]`);
  }
  return model;
}

/** A reader for a model folder served over HTTP (the built site's /models/<name>/). */
export function urlReader(base: string): FileReader {
  return async (name) => {
    const res = await fetch(`${base.replace(/\/$/, '')}/${name}`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.arrayBuffer();
  };
}
