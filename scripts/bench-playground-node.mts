/**
 * `npm run bench:playground-node`: the convolution playground's GPU work per kernel edit, in Node on the engine's
 * backend (WebGPU through Dawn: the machine's GPU where it has one, SwiftShader here) — for a machine with a real
 * GPU and no Chromium (the device machine). Per edit, exactly what the page does on WebGPU
 * (components/conv-playground): the picture stays uploaded; the kernel changes one cell; `convOn` convolves;
 * `extentTensor` and `packedColours` colour each output channel where it lies; then the two numbers of the extent
 * are read (`await data()`), which is when the page draws the legend. Not included: the copy of the packed pixels
 * into the canvas's texture and the compositor (no canvas in Node) — bench-playground.mts times those in Chromium.
 * Sizes: the default photo's 300×451 (gray) and 1024×1024 (gray and RGB). Prints ms per edit (median, min–max of
 * --reps edits after 3 warm-ups) and edits per second.
 * Usage: node scripts/bench-playground-node.mts [--reps 30] [--sizes 451x300,1024x1024]
 */
import { relaunchWithVulkan, getNodeEngine } from '../src/lib/engine/node.ts';
relaunchWithVulkan();
import { convOn } from '../src/lib/conv/tf-conv.ts';
import { extentTensor, packedColours } from '../src/lib/charts/tf-paint.ts';
import type { Tensor4D } from '@tensorflow/tfjs-core';
import { median } from './bench/median.mts';

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : dflt; };
const reps = Number(arg('reps', '30'));
const sizes = arg('sizes', '451x300,1024x1024').split(',').map((s) => s.split('x').map(Number) as [number, number]);

const engine = await getNodeEngine();
const { tf } = engine;
console.error(`engine: ${engine.backend} (${engine.adapter ? `${engine.adapter.vendor} ${engine.adapter.architecture} ${engine.adapter.description}` : engine.fallbackReason})`);

const rows: string[] = [];
for (const [h, w] of sizes) {
  for (const cin of h * w > 200_000 ? [1, 3] : [1]) {
    // A picture with edges everywhere (the output is not flat), uploaded once as the page keeps it.
    const data = new Float32Array(h * w * cin);
    for (let i = 0; i < h * w; i++) for (let c = 0; c < cin; c++) data[i * cin + c] = (((i % w) >> 3) + ((i / w) >> 3)) % 2 ? 0.8 : 0.2 + 0.1 * c;
    const x = tf.tensor4d(data, [1, h, w, cin]);
    const kernel = { data: new Float32Array(9 * cin), shape: [3, 3, cin, 1] };
    const times: number[] = [];
    for (let r = 0; r < reps + 3; r++) {
      // One cell edited, as the grid does: a new kernel each time (the page builds it from the cells).
      kernel.data = kernel.data.slice();
      kernel.data[(r % 9) * cin] = ((r % 7) - 3) / 3;
      const t0 = performance.now();
      const y: Tensor4D = convOn(tf, x, kernel, { stride: 1, padding: 'valid', dilation: 1 }, 'conv2d');
      const extent = extentTensor(tf, y);
      const packed = packedColours(tf, y, extent, 0, 'diverging');
      await extent.data();
      const ms = performance.now() - t0;
      await packed.data(); // the canvas copy's input is complete before the next edit (not timed)
      tf.dispose([y, extent, packed]);
      if (r >= 3) times.push(ms);
    }
    x.dispose();
    const m = median(times);
    rows.push(`| ${h}×${w}×${cin} | ${m.toFixed(2)} (${Math.min(...times).toFixed(2)}–${Math.max(...times).toFixed(2)}) | ${(1000 / m).toFixed(0)} |`);
    console.error(`  ${h}×${w}×${cin}: ${m.toFixed(2)} ms`);
  }
}
console.log(`\nPlayground GPU work per kernel edit, Node + ${engine.backend}, ${engine.adapter ? engine.adapter.description || engine.adapter.vendor : 'no adapter'}; ${reps} edits after 3 warm-ups\n`);
console.log('| input (h×w×channels) | ms per edit, median (min–max) | edits/s |');
console.log('|---|---|---|');
for (const r of rows) console.log(r);
console.log(`tensors left: ${tf.memory().numTensors}`);
process.exit(0);
