import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as tfl from '@tensorflow/tfjs-layers';
import type { io } from '@tensorflow/tfjs-core';
import { runSliced, runSync } from '../../../src/lib/schedule/slices.ts';
import { camel, sequentialSliced, tsConfig } from '../../../src/lib/train/sequential-sliced.ts';
import { cpu, values } from './helpers.ts';

const SHIPPED = ['digits04-cnn', 'fashion-cnn'];

function files(name: string): { topology: unknown; specs: io.WeightsManifestEntry[]; data: ArrayBuffer } {
  const dir = join('public/models', name);
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as io.ModelJSON;
  const bin = readFileSync(join(dir, 'weights.bin'));
  return { topology: json.modelTopology, specs: json.weightsManifest.flatMap((g) => g.weights), data: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) };
}

describe('a Sequential model built layer by layer', { timeout: 60_000 }, () => {
  it('is the model tfjs loads: the same config, weight names and values, and outputs, for both shipped models', async () => {
    const tf = await cpu();
    for (const name of SHIPPED) {
      const { topology, specs, data } = files(name);
      const before = tf.memory().numTensors;
      let pauses = 0;
      const gen = sequentialSliced(tf, topology, specs, data);
      let r = gen.next();
      for (; !r.done; r = gen.next()) pauses++;
      const ours = r.value!;
      const theirs = await tfl.loadLayersModel(tf.io.fromMemory({ modelTopology: topology as object, weightSpecs: specs, weightData: data }));
      expect(pauses, name).toBe(ours.layers.length + 1);
      expect(ours.toJSON(null, false), name).toEqual(theirs.toJSON(null, false));
      expect(ours.weights.map((w) => w.originalName), name).toEqual(theirs.weights.map((w) => w.originalName));
      const [a, b] = [await values(ours.getWeights()), await values(theirs.getWeights())];
      expect(a.length).toBe(specs.length);
      a.forEach((w, i) => expect(w, `${name} weight ${i}`).toEqual(b[i]));
      const x = tf.randomUniform([5, 28, 28, 1], 0, 1, 'float32', 7);
      const [ya, yb] = [ours.predict(x) as import('@tensorflow/tfjs-core').Tensor, theirs.predict(x) as import('@tensorflow/tfjs-core').Tensor];
      expect(Array.from(await ya.data()), name).toEqual(Array.from(await yb.data()));
      tf.dispose([x, ya, yb]);
      theirs.dispose();
      ours.dispose();
      expect(tf.memory().numTensors, `${name}: nothing left behind`).toBe(before);
    }
  });

  it('leaves a functional model or one with a training config to tfjs (null, nothing made)', async () => {
    const tf = await cpu();
    const input = tfl.input({ shape: [4] });
    const functional = tfl.model({ inputs: input, outputs: tfl.layers.dense({ units: 2 }).apply(input) as tfl.SymbolicTensor });
    const before = tf.memory().numTensors;
    expect(runSync(sequentialSliced(tf, functional.toJSON(null, false), [], new ArrayBuffer(0)))).toBeNull();
    const { topology, specs, data } = files(SHIPPED[0]!);
    expect(runSync(sequentialSliced(tf, { ...(topology as object), training_config: { loss: 'x' } }, specs, data))).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
    functional.dispose();
  });

  it('an unknown layer or a weight the file lacks: an error, and every tensor made so far released', async () => {
    const tf = await cpu();
    const { topology, specs, data } = files(SHIPPED[0]!);
    const before = tf.memory().numTensors;
    const broken = JSON.parse(JSON.stringify(topology));
    broken.config.layers[3].class_name = 'NoSuchLayer';
    await expect(runSliced(sequentialSliced(tf, broken, specs, data))).rejects.toThrow(/NoSuchLayer/);
    expect(tf.memory().numTensors).toBe(before);
    await expect(runSliced(sequentialSliced(tf, topology, specs.slice(1), data.slice(0, data.byteLength - 4 * specs[0]!.shape.reduce((a, b) => a * b, 1))))).rejects.toThrow();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('spells a Keras config as tfjs does', () => {
    expect(['kernel_size', 'a__b', 'x', 'plain', 'trailing_', 'VarianceScaling'].map(camel)).toEqual(['kernelSize', 'aB', 'x', 'plain', 'trailing', 'VarianceScaling']);
    expect(tsConfig({ class_name: 'Conv2D', config: { name: 'conv_1', kernel_size: [3, 3], padding: 'same', data_format: 'channels_last', inbound_nodes: [['dense_1', 0]] } })).toEqual({
      className: 'Conv2D', config: { name: 'conv_1', kernelSize: [3, 3], padding: 'same', dataFormat: 'channelsLast', inboundNodes: [['dense_1', 0]] },
    });
  });
});
