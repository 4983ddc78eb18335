/** The smoke pretrain (CI): a few steps in Node through the real script on each trainer, then its outputs load back. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../src/lib/train/model-io.ts';
import { dirReader } from '../../../src/lib/train/node-files.ts';
import { readFileSync } from 'node:fs';
import { cpu } from '../train/helpers.ts';

describe('npm run pretrain -- <name> --smoke', { timeout: 600_000 }, () => {
  it.each([['fashion-cnn', 'webgpu'], ['digits04-cnn', 'webgpu'], ['digits04-cnn', 'cpu']])('%s on the %s trainer: trains, writes model.json, weights and a card that load back', async (name, trainer) => {
    const r = spawnSync('npm', ['run', '--silent', 'pretrain', '--', name, '--smoke', '--trainer', trainer!], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${name}: ${trainer} on `, 'm'));
    const dir = /wrote (\S+)\/model\.json/.exec(r.stdout)![1]!;
    const card = readFileSync(`${dir}/MODEL_CARD.md`, 'utf8');
    expect(card).toContain('SMOKE RUN');
    expect(card).toMatch(/Test accuracy\*\*: \d+\.\d\d%/);
    const tf = await cpu();
    const model = await loadModel(tf, dirReader(dir), dir, [28, 28, 1]);
    expect(model.outputs[0]!.shape).toEqual([null, name === 'fashion-cnn' ? 10 : 5]);
    model.dispose();
  });
});
