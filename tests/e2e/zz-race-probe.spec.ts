import { test } from './support.ts';
import { buildProbe, PROBE_PATH } from './train-probe/build.ts';
test.beforeAll(async () => buildProbe());
for (const backend of ['webgpu', 'webgl', 'cpu']) test(`probe ${backend}`, async ({ page }) => {
  test.setTimeout(900_000);
  page.on('console', (m) => console.log(backend, m.text()));
  await page.goto(PROBE_PATH + '?backend=' + backend);
  await page.waitForFunction(() => 'trainProbe' in window);
  await page.evaluate(async () => {
    const p = (window as any).trainProbe;
    let t = performance.now();
    const lap = (what: string) => { const n = performance.now(); console.log(what, Math.round(n - t), 'ms'); t = n; };
    const { tf, backend } = await p.getEngine();
    lap('engine ' + backend);
    p.train.installFastConvGrad(tf);
    const model = p.buildSmallCnn({ classes: 10, seed: 1, filters: [8, 16], hidden: 32 });
    lap('build');
    const x = tf.tensor4d(p.uniform(1, 20 * 784, 0, 1), [20, 28, 28, 1]);
    const y = tf.tensor1d(Array.from({ length: 20 }, (_, i) => i % 10), 'int32');
    for (let i = 0; i < 3; i++) { const z = tf.tidy(() => p.train.logits(tf, model, x, false)); await z.data(); z.dispose(); lap('forward 20 #' + i); }
    const vars = p.train.trainableVariables(model);
    for (let i = 0; i < 4; i++) { const r = tf.tidy(() => { const { loss, grads } = p.train.lossAndGrads(tf, model, x, y, vars, 'ce'); return [loss, ...grads]; }); await r[0].data(); tf.dispose(r); lap('grads ce #' + i); }
    for (let i = 0; i < 3; i++) { const r = tf.tidy(() => { const { loss, grads } = p.train.lossAndGrads(tf, model, x, y, vars, 'mse'); return [loss, ...grads]; }); await r[0].data(); tf.dispose(r); lap('grads mse #' + i); }
    const prof = await tf.profile(async () => { const r = tf.tidy(() => { const { loss, grads } = p.train.lossAndGrads(tf, model, x, y, vars, 'ce'); return [loss, ...grads]; }); await r[0].data(); tf.dispose(r); });
    lap('profiled step');
    const by: Record<string, number> = {};
    for (const k of prof.kernels) by[k.name] = (by[k.name] ?? 0) + (typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0);
    console.log('kernels', prof.kernels.length, 'gpu ms', Math.round(Object.values(by).reduce((a, b) => a + b, 0)), JSON.stringify(Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => [k, Math.round(v)])));
  });
});
