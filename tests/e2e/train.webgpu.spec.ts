/**
 * The training engine in Chromium on WebGPU (SwiftShader here): seeded steps lower the loss, IndexedDB
 * round trip, freezing incl. BatchNorm statistics, and one step's gradients against the CPU backend.
 * Small filters keep SwiftShader quick; the code path is the one pretraining and widgets use.
 */
import { test, expect } from './support.ts';
import { buildProbe, PROBE_PATH } from './train-probe/build.ts';

test.beforeAll(async () => buildProbe());
test.describe.configure({ timeout: 300_000 });

async function open(page: import('@playwright/test').Page) {
  await page.goto(PROBE_PATH);
  await page.waitForFunction(() => 'trainProbe' in window);
  const backend = await page.evaluate(async () => (await (window as any).trainProbe.getEngine()).backend);
  expect(backend).toBe('webgpu');
}

test('seeded training steps on webgpu lower the loss and leave no tensors', async ({ page, watch }) => {
  await open(page);
  const r = await page.evaluate(async () => {
    const p = (window as any).trainProbe;
    const { tf } = await p.getEngine();
    const model = p.buildSmallCnn({ classes: 4, seed: 1, filters: [4, 8], hidden: 16 });
    const n = 64;
    const next = p.uniform(3, n * 784, 0, 60);
    const labels = Uint8Array.from({ length: n }, (_, i) => i % 4);
    const images = Uint8Array.from(next, (v: number, i: number) => v + (Math.floor((i % 784) / 28) === 2 * labels[Math.floor(i / 784)]! + 4 ? 180 : 0));
    const before = tf.memory().numTensors;
    const res = await p.train.train(tf, model, { images, labels, count: n }, { epochs: 6, batchSize: 16, seed: 2, learningRate: 0.01, readEvery: 4 });
    return { losses: res.losses, leaked: tf.memory().numTensors - before };
  });
  expect(r.losses.length).toBe(6);
  expect(r.losses.at(-1)[1]).toBeLessThan(r.losses[0][1] * 0.7);
  expect(r.leaked).toBe(0);
  expect(watch.consoleErrors).toEqual([]);
});

test('a second batch size compiles no new GPU pipeline (batch-dependent sizes are uniforms); losses come back in batched reads', async ({ page, watch }) => {
  // Observes every pipeline the page's GPU device compiles (a count; each call goes through to the real method).
  await page.addInitScript(() => {
    const w = window as unknown as { pipelines: number };
    w.pipelines = 0;
    const proto = (globalThis as unknown as { GPUDevice?: { prototype: Record<string, (...a: unknown[]) => unknown> } }).GPUDevice?.prototype;
    for (const name of ['createComputePipeline', 'createComputePipelineAsync']) {
      const original = proto?.[name];
      if (original) proto![name] = function (this: unknown, ...args: unknown[]) { w.pipelines++; return original.apply(this, args); };
    }
  });
  await open(page);
  const r = await page.evaluate(async () => {
    const p = (window as any).trainProbe;
    const w = window as unknown as { pipelines: number };
    const { tf } = await p.getEngine();
    const n = 48;
    const images = Uint8Array.from(p.uniform(5, n * 784, 0, 255), Math.floor);
    const labels = Uint8Array.from({ length: n }, (_, i) => i % 4);
    const model = p.buildSmallCnn({ classes: 4, seed: 1, filters: [4, 8], hidden: 16 });
    const counts: number[] = [w.pipelines];
    const runs = [];
    for (const batchSize of [16, 8, 12]) {
      runs.push(await p.train.train(tf, model, { images, labels, count: n }, { epochs: 1, batchSize, seed: 2, learningRate: 0.01, readIntervalMs: 60_000 }));
      counts.push(w.pipelines);
    }
    model.dispose();
    return { counts, steps: runs.map((x: any) => x.stepLosses.length), reads: runs.map((x: any) => x.losses.length) };
  });
  // The first run compiles the step's programs; batches of 8 and 12 reuse every one of them.
  expect(r.counts[1]! - r.counts[0]!).toBeGreaterThan(20);
  expect(r.counts.slice(1)).toEqual([r.counts[1], r.counts[1], r.counts[1]]);
  // Every step's loss comes back in two reads: after the first step (its timing), then the rest at once (a minute fits them).
  expect(r.steps).toEqual([3, 6, 4]);
  expect(r.reads).toEqual([2, 2, 2]);
  expect(watch.consoleErrors).toEqual([]);
});

test('save to IndexedDB and load back: identical weights and predictions', async ({ page }) => {
  await open(page);
  const r = await page.evaluate(async () => {
    const p = (window as any).trainProbe;
    const { tf } = await p.getEngine();
    const model = p.buildSmallCnn({ classes: 10, seed: 5 });
    await model.save('indexeddb://fm-probe');
    const back = await p.tfl.loadLayersModel('indexeddb://fm-probe');
    const a = await Promise.all(model.getWeights().map((w: any) => w.data()));
    const b = await Promise.all(back.getWeights().map((w: any) => w.data()));
    const same = a.length === b.length && a.every((w: Float32Array, i: number) => w.length === b[i].length && w.every((v, j) => v === b[i][j]));
    const x = tf.tensor4d(p.uniform(9, 2 * 784, 0, 1), [2, 28, 28, 1]);
    const pa = await model.predict(x).data();
    const pb = await back.predict(x).data();
    return { same, count: a.length, predsSame: pa.every((v: number, i: number) => v === pb[i]) };
  });
  expect(r).toEqual({ same: true, count: 14, predsSame: true }); // 2 conv kernels, 2 × 4 BatchNorm, 2 × dense kernel + bias
});

test('frozen layers keep every weight and BatchNorm moving statistic on webgpu', async ({ page }) => {
  await open(page);
  const moved = await page.evaluate(async () => {
    const p = (window as any).trainProbe;
    const { tf } = await p.getEngine();
    const model = p.buildSmallCnn({ classes: 4, seed: 1, filters: [4, 8], hidden: 16 });
    for (const name of ['conv1', 'bn1']) model.getLayer(name).trainable = false;
    const snap = async () => Promise.all(model.weights.map(async (w: any) => [w.originalName, Array.from(await w.read().data())]));
    const before = await snap();
    const n = 32;
    await p.train.train(tf, model, { images: Uint8Array.from(p.uniform(4, n * 784, 0, 255)), labels: Uint8Array.from({ length: n }, (_, i) => i % 4), count: n }, { epochs: 1, batchSize: 16, seed: 3, learningRate: 0.01 });
    const after = await snap();
    return Object.fromEntries(before.map(([name, v]: [string, number[]], i: number) => [name, v.some((x, j) => x !== (after[i][1] as number[])[j])]));
  });
  for (const [name, m] of Object.entries(moved)) expect(m, name).toBe(!/^(conv1|bn1)\//.test(name));
  expect(Object.keys(moved)).toContain('bn1/moving_mean');
});

test('one step on webgpu (fast filter gradient, our loop) equals tf.variableGrads on the cpu backend', async ({ page }) => {
  await open(page);
  const r = await page.evaluate(async () => {
    const p = (window as any).trainProbe;
    const { tf } = await p.getEngine();
    p.train.installFastConvGrad(tf);
    const n = 8;
    const set = { images: Uint8Array.from(p.uniform(6, n * 784, 0, 255)), labels: Uint8Array.from({ length: n }, (_, i) => i % 10), count: n };
    const run = async (backend: string, ours: boolean) => {
      await tf.setBackend(backend);
      const model = p.buildSmallCnn({ classes: 10, seed: 2 });
      const d = p.train.upload(tf, set);
      const vars = model.trainableWeights.map((w: any) => w.read());
      let loss, grads;
      if (ours) ({ loss, grads } = p.train.lossAndGrads(tf, model, d.x, d.y));
      else {
        const g = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(tf.oneHot(d.y, 10), tf.log(model.apply(d.x, { training: true }))), vars);
        loss = g.value;
        grads = vars.map((v: any) => g.grads[v.name]);
      }
      const out = { loss: (await loss.data())[0], grads: await Promise.all(grads.map(async (g: any) => Array.from(await g.data()))) };
      model.dispose();
      return out;
    };
    const gpu = await run('webgpu', true);
    const cpu = await run('cpu', false);
    await tf.setBackend('webgpu');
    const rel = cpu.grads.map((ref: number[], i: number) => {
      let err = 0;
      let scale = 0;
      ref.forEach((v, j) => {
        err = Math.max(err, Math.abs((gpu.grads[i] as number[])[j]! - v));
        scale = Math.max(scale, Math.abs(v));
      });
      return err / scale;
    });
    return { dLoss: Math.abs(gpu.loss - cpu.loss), rel };
  });
  expect(r.dLoss).toBeLessThan(1e-4);
  expect(r.rel.length).toBe(10);
  for (const e of r.rel) expect(e).toBeLessThan(1e-3);
});
