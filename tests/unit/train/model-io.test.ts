import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { loadModel, saveModel } from '../../../src/lib/train/model-io.ts';
import { dirReader, dirWriter } from '../../../src/lib/train/node-files.ts';
import { cpu, values } from './helpers.ts';

describe('saveModel / loadModel (files)', { timeout: 30_000 }, () => {
  it('round-trips every weight exactly and keeps the architecture', async () => {
    const tf = await cpu();
    const dir = mkdtempSync(join(tmpdir(), 'fm-model-'));
    const model = buildSmallCnn({ classes: 10, seed: 3 });
    const { bytes } = await saveModel(tf, model, dirWriter(dir));
    expect(bytes).toBe(readFileSync(join(dir, 'weights.bin')).byteLength);
    // Loading prints nothing: tfjs warns (once per model, 28 times on a chapter) about deprecated call forms.
    const warn = vi.spyOn(console, 'warn');
    const back = await loadModel(tf, dirReader(dir), dir, [28, 28, 1]);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    expect(back.layers.map((l) => l.getClassName())).toEqual(model.layers.map((l) => l.getClassName()));
    const [a, b] = [await values(model.getWeights()), await values(back.getWeights())];
    a.forEach((w, i) => expect(b[i]).toEqual(w));
    model.dispose();
    back.dispose();
  });

  it('names the file when model.json is missing or broken, weights are truncated, or the input shape differs', async () => {
    const tf = await cpu();
    const dir = mkdtempSync(join(tmpdir(), 'fm-model-'));
    const model = buildSmallCnn({ classes: 10, seed: 3 });
    await saveModel(tf, model, dirWriter(dir));
    model.dispose();
    await expect(loadModel(tf, dirReader(dir), dir, [32, 32, 3])).rejects.toThrow(`${dir}/model.json: the model takes input [N, 28, 28, 1], expected [N, 32, 32, 3]`);
    await expect(loadModel(tf, dirReader(join(dir, 'nope')), 'x/nope')).rejects.toThrow('could not read x/nope/model.json');
    truncateSync(join(dir, 'weights.bin'), 1000);
    await expect(loadModel(tf, dirReader(dir), dir)).rejects.toThrow(`${dir}/weights.bin: 1000 bytes of weights, but model.json describes`);
    writeFileSync(join(dir, 'model.json'), '{"modelTopology": ');
    await expect(loadModel(tf, dirReader(dir), dir)).rejects.toThrow(`${dir}/model.json is not valid JSON`);
  });
});
