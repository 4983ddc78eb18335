import { describe, expect, it } from 'vitest';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { exportModel, importModel, type PickedFile } from '../../../src/lib/doodle/model-files.ts';
import { cpu, values } from '../train/helpers.ts';

const enc = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;
const buf = (d: Uint8Array | string) => (typeof d === 'string' ? enc(d) : (d.slice().buffer as ArrayBuffer));

async function exported(classes: number, names: string[]): Promise<PickedFile[]> {
  const tf = await cpu();
  const model = buildSmallCnn({ classes, seed: 5 });
  const files = await exportModel(tf, model, names);
  model.dispose();
  return files.map((f) => ({ name: f.name, bytes: buf(f.data) }));
}

/** A valid tfjs LayersModel that takes [N, 4] (one dense layer), 40 bytes of weights. */
const tiny = JSON.stringify({
  format: 'layers-model',
  modelTopology: { class_name: 'Sequential', config: { name: 's', layers: [{ class_name: 'Dense', config: { name: 'd', units: 2, batch_input_shape: [null, 4], use_bias: true, activation: 'softmax' } }] }, keras_version: 'tfjs-layers 4.22.0', backend: 'tensor_flow.js' },
  weightsManifest: [{ paths: ['weights.bin'], weights: [{ name: 'd/kernel', shape: [4, 2], dtype: 'float32' }, { name: 'd/bias', shape: [2], dtype: 'float32' }] }],
});

describe('exportModel / importModel', { timeout: 60_000 }, () => {
  it('round-trips the weights and the class names, whatever the files are called', async () => {
    const tf = await cpu();
    const model = buildSmallCnn({ classes: 3, seed: 5 });
    const files = await exportModel(tf, model, ['sun', 'moon', 'star']);
    expect(files.map((f) => f.name)).toEqual(['model.json', 'weights.bin']);
    const picked = files.map((f) => ({ name: f.name === 'model.json' ? 'my-doodles.json' : 'my-doodles.bin', bytes: buf(f.data) }));
    const back = await importModel(tf, picked.reverse());
    expect(back.classNames).toEqual(['sun', 'moon', 'star']);
    const [a, b] = [await values(model.getWeights()), await values(back.model.getWeights())];
    a.forEach((w, i) => expect(b[i]).toEqual(w));
    model.dispose();
    back.model.dispose();
  });

  it('names the classes "class 1…k" when model.json carries no usable names', async () => {
    const tf = await cpu();
    const files = await exported(2, ['a', 'a']);
    const back = await importModel(tf, files);
    expect(back.classNames).toEqual(['class 1', 'class 2']);
    back.model.dispose();
  });

  it.each([
    ['a picture', [{ name: 'cat.png', bytes: new ArrayBuffer(8) }], 'you chose no .json file (cat.png)'],
    ['text that is not JSON', [{ name: 'notes.json', bytes: enc('hello') }], 'Could not import: notes.json is not valid JSON'],
    ['JSON that is not a model', [{ name: 'data.json', bytes: enc('{"a": 1}') }], 'Could not import: data.json is not a tfjs LayersModel'],
    ['a model with another input shape', [{ name: 'tiny.json', bytes: enc(tiny) }, { name: 'tiny.bin', bytes: new ArrayBuffer(40) }], 'Could not import: tiny.json: the model takes input [N, 4], expected [N, 28, 28, 1]'],
    ['weights of the wrong size', [{ name: 'tiny.json', bytes: enc(tiny) }, { name: 'w.bin', bytes: new ArrayBuffer(12) }], 'Could not import: w.bin: 12 bytes of weights, but model.json describes 40 bytes'],
    ['model.json without its weights', [{ name: 'tiny.json', bytes: enc(tiny) }], 'Could not import: could not read weights.bin: not among the chosen files (tiny.json)'],
  ])('refuses %s with a message naming the file', async (_why, picked, message) => {
    const tf = await cpu();
    const before = tf.memory().numTensors;
    await expect(importModel(tf, picked)).rejects.toThrow(message);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a 28×28 model with more outputs than the lab has classes', async () => {
    const tf = await cpu();
    await expect(importModel(tf, await exported(10, []))).rejects.toThrow('Could not import: model.json gives 10 outputs, but this lab needs one probability for each of 2–5 classes.');
  });
});
