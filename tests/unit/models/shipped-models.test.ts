/**
 * CI's check of the shipped pretrained models: each public/models/<name>/ loads in TensorFlow.js, is evaluated
 * on its whole held-out test split, and must reach the accuracy its MODEL_CARD.md states, minus 0.5 points.
 * The whole split runs through the CPU net (the same weights; tfjs-wasm's forward here takes ~30 ms an image),
 * and TensorFlow.js itself (wasm backend, inference) must predict the same classes on the first 300 images.
 * Also holds the card to the facts a reader relies on (size, input, parameters).
 */
import { readFileSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { MODELS, loadTestSplit } from '../../../scripts/pretrain/datasets.ts';
import { loadModel } from '../../../src/lib/train/model-io.ts';
import { dirReader } from '../../../src/lib/train/node-files.ts';
import { predictClasses } from '../../../src/lib/train/evaluate.ts';
import { cpuNetFromModel } from '../../../src/lib/train/cpu/convert.ts';
import { evaluateCpu } from '../../../src/lib/train/cpu/train.ts';
import { wasmGemm } from '../../../scripts/pretrain/wasm-gemm.ts';
import { parameterCount } from '../../../src/lib/models/small-cnn.ts';

beforeAll(async () => {
  await wasmGemm(); // registers and selects the wasm backend
  expect(tf.getBackend()).toBe('wasm');
});

describe.each(Object.values(MODELS))('shipped model $name', { timeout: 300_000 }, (spec) => {
  const dir = `public/models/${spec.name}`;
  const card = () => readFileSync(`${dir}/MODEL_CARD.md`, 'utf8');

  it('has a card with the facts a reader needs, and stays under 1 MB', () => {
    const text = card();
    expect(text).not.toContain('SMOKE RUN');
    for (const fact of ['Architecture', 'Parameters', 'Input', 'Data and split', 'Training', 'Command', 'Wall time', 'Test accuracy']) expect(text).toContain(`**${fact}**`);
    expect(text).toContain('`[N, 28, 28, 1]`');
    expect(statSync(`${dir}/weights.bin`).size).toBeLessThan(1_000_000);
  });

  it("reaches its card's test accuracy (minus 0.5 points) on the whole held-out split", async () => {
    const stated = Number(/\*\*Test accuracy\*\*: (\d+\.\d+)% on ([\d,]+) /.exec(card())![1]) / 100;
    expect(stated, 'the accuracy the book promises').toBeGreaterThanOrEqual(spec.target);
    const test = await loadTestSplit(spec);
    const model = await loadModel(tf as never, dirReader(dir), dir, [28, 28, 1]);
    const net = await cpuNetFromModel(model);
    net.useGemm(await wasmGemm());
    const result = evaluateCpu(net, test, spec.classes);
    expect(result.count).toBe(test.count);
    const head = { images: test.images.subarray(0, 300 * 784), labels: Array.from(test.labels).slice(0, 300), count: 300 };
    const before = tf.memory().numTensors;
    const viaTf = await predictClasses(tf as never, model, head);
    expect(tf.memory().numTensors).toBe(before);
    const ours = evaluateCpu(net, head, spec.classes);
    expect(viaTf.reduce((n, p, i) => n + (p === head.labels[i] ? 1 : 0), 0) / 300).toBe(ours.accuracy);
    expect(card()).toContain(`on ${test.count.toLocaleString('en')} held-out images`);
    expect(result.accuracy).toBeGreaterThanOrEqual(stated - 0.005);
    expect(card()).toContain(`**Parameters**: ${parameterCount(model).total.toLocaleString('en')}`);
    model.dispose();
  });
});
