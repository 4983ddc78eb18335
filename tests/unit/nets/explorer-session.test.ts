import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { ExplorerSession } from '../../../src/lib/nets/explorer-session.ts';
import { ParamError } from '../../../src/lib/params/index.ts';
import { cpu } from '../train/helpers.ts';

// The session fetches like a page does: serve public/ over HTTP on a free port.
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer(async (req, res) => {
    try {
      res.end(await readFile(join('public', normalize(decodeURIComponent(req.url!.split('?')[0]!)).replace(/^(\.\.[/\\])+/, ''))));
    } catch {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const session = () => new ExplorerSession(`${base}models/`, `${base}data/`);

describe('ExplorerSession', { timeout: 60_000 }, () => {
  it('loads a model once for concurrent requests, runs an image through every layer, leaks nothing', async () => {
    const tf = await cpu();
    const start = tf.memory().numTensors;
    const s = session();
    const [a, b] = await Promise.all([s.useModel(tf as never, 'digits04-cnn'), s.useModel(tf as never, 'digits04-cnn')]);
    expect(a).toBe(b);
    expect(tf.memory().numTensors - start).toBe(14); // one model's weights
    const img = await s.testImage(1024);
    const fwd = await s.run(tf as never, img.pixels);
    expect(fwd.layers).toHaveLength(12);
    expect(fwd.input.data[300]).toBe(img.pixels[300]! / 255);
    expect(tf.memory().numTensors - start).toBe(14);
    await expect(s.testImage(1025)).rejects.toThrow(ParamError);
    s.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('keeps only the model asked for last, and the previous one when a name is unknown', async () => {
    const tf = await cpu();
    const start = tf.memory().numTensors;
    const s = session();
    const first = s.useModel(tf as never, 'fashion-cnn');
    const last = s.useModel(tf as never, 'digits04-cnn');
    await expect(first).rejects.toThrow('fashion-cnn was no longer wanted when it had loaded');
    expect((await last).name).toBe('digits04-cnn');
    await expect(s.useModel(tf as never, 'resnet')).rejects.toThrow('Unknown model "resnet"');
    expect(s.model?.name).toBe('digits04-cnn');
    expect(tf.memory().numTensors - start).toBe(14);
    s.dispose();
  });

  it('releases a model that finishes loading after dispose, and loads again afterwards', async () => {
    const tf = await cpu();
    const start = tf.memory().numTensors;
    const s = session();
    const loading = s.useModel(tf as never, 'digits04-cnn');
    s.dispose();
    await expect(loading).rejects.toThrow('no longer wanted');
    expect(tf.memory().numTensors).toBe(start);
    expect((await s.useModel(tf as never, 'digits04-cnn')).name).toBe('digits04-cnn');
    s.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('names the file when a model file is missing', async () => {
    const tf = await cpu();
    const s = new ExplorerSession(`${base}nowhere/`, `${base}data/`);
    await expect(s.useModel(tf as never, 'digits04-cnn')).rejects.toThrow(/could not read http:\/\/127\.0\.0\.1:\d+\/nowhere\/digits04-cnn\/model\.json: HTTP 404/);
  });
});
