/**
 * Edit-to-pixels latency of the convolution playground, before and after a change, in one run: two built sites
 * (`--before DIR`, e.g. main's dist built elsewhere, and `--dist DIR`, default dist/) served side by side, one page
 * of each open at a time, their edits interleaved so both see the same machine load. An edit sets one kernel cell
 * (the `kernel` attribute, as the grid does) and is timed from there to the animation frame after the widget's
 * fm-result (which follows the pixels). Per backend (webgpu, webgl, cpu; ?backend=), at the default photo (300×451)
 * and at 1 megapixel (a 1024×1024 PNG opened through the file input, with the page's createImageBitmap told to keep
 * full size: the playground scales pictures to 512 a side, a limit for software GPUs). `webgpu+canvas` runs Chromium
 * with Vulkan compositing and ?gpu-canvas=on, where the output is drawn straight from the GPU (SwiftShader under GL
 * compositing cannot present WebGPU canvases, so plain `webgpu` draws from the numbers there).
 * Usage: npx astro build && node scripts/bench-playground.mts [--before DIR] [--dist dist] [--reps 7] [--only webgl]
 *   [--sizes default,1mp] [--chromium-args "--flag …"] (e.g. on a machine with a real GPU: --chromium-args "--enable-features=Vulkan")
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { deflateSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { chromium, type Browser, type Page } from '@playwright/test';
import { median } from './bench/median.mts';

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : dflt; };
const after = arg('dist', 'dist');
const before = arg('before', '');
const reps = Number(arg('reps', '7'));
const only = arg('only', 'all');
const sizes = arg('sizes', 'default,1mp').split(',');
const extra = arg('chromium-args', '').split(' ').filter(Boolean);
const quiet = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-webgpu', ...extra];
const VULKAN = ['--enable-features=Vulkan', '--use-vulkan=swiftshader', '--use-angle=swiftshader'];
const ROWS = [
  { name: 'webgpu', backend: 'webgpu', args: quiet, query: '' },
  { name: 'webgpu+canvas', backend: 'webgpu', args: [...quiet, ...VULKAN], query: '&gpu-canvas=on' },
  { name: 'webgl', backend: 'webgl', args: quiet, query: '' },
  { name: 'cpu', backend: 'cpu', args: quiet, query: '' },
].filter((r) => only === 'all' || only === r.name);

/** An 8-bit gray PNG with a pattern (edges everywhere, so the output is not flat). */
function grayPng(side: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = (b: Buffer) => { let c = 0xffffffff; for (const x of b) c = crcTable[(c ^ x) & 255]! ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type: string, body: Buffer) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(body.length);
    const c = Buffer.alloc(4); c.writeUInt32BE(crc(Buffer.concat([Buffer.from(type), body])));
    return Buffer.concat([len, Buffer.from(type), body, c]);
  };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(side, 0); ihdr.writeUInt32BE(side, 4); ihdr[8] = 8; ihdr[9] = 0;
  const raw = Buffer.alloc((side + 1) * side);
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) raw[y * (side + 1) + 1 + x] = ((x >> 4) + (y >> 4)) % 2 ? 200 : (x * 7 + y * 3) & 255;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const MEGAPIXEL = grayPng(1024);

function serve(dir: string, port: number): ChildProcess {
  return spawn(process.execPath, ['scripts/serve.mts', dir, String(port)], { stdio: 'ignore' });
}

async function openPlayground(browser: Browser, port: number, backend: string, query: string, size: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  page.on('console', (m) => m.type() === 'error' && console.error(`  console: ${m.text().slice(0, 200)}`));
  // The 1-megapixel case: decode at full size (the playground asks createImageBitmap to scale to 512 a side).
  if (size === '1mp') {
    await page.addInitScript(() => {
      const original = window.createImageBitmap.bind(window);
      (window as unknown as { createImageBitmap: unknown }).createImageBitmap = (src: ImageBitmapSource, opts?: ImageBitmapOptions) => {
        const { resizeWidth: _w, resizeHeight: _h, resizeQuality: _q, ...keep } = opts ?? {};
        return original(src, keep);
      };
    });
  }
  await page.addInitScript(() => document.addEventListener('fm-result', (e) => ((window as unknown as { __last: unknown }).__last = (e as CustomEvent).detail)));
  await page.goto(`http://127.0.0.1:${port}/embed/conv-playground/?backend=${backend}${query}`);
  const el = page.locator('fm-conv-playground');
  await el.evaluate((e) => (e as unknown as { ready: Promise<void> }).ready, undefined, { timeout: 180_000 });
  await page.waitForFunction(() => (window as unknown as { __last?: unknown }).__last, undefined, { timeout: 180_000 });
  const got = await page.evaluate(() => (window as unknown as { __last: { backend: string } }).__last.backend);
  if (got !== backend) throw new Error(`asked for ${backend}, got ${got}`);
  if (size === '1mp') {
    const done = el.evaluate((e) => new Promise<void>((resolve) => {
      const on = (ev: Event) => { if ((ev as CustomEvent).detail.inputShape[1] === 1024) { e.removeEventListener('fm-result', on); resolve(); } };
      e.addEventListener('fm-result', on);
    }));
    await el.locator('input[type="file"]').setInputFiles({ name: 'megapixel.png', mimeType: 'image/png', buffer: MEGAPIXEL });
    await done;
  }
  return page;
}

/** One kernel-cell edit, timed from setting the attribute to the frame after its fm-result. */
function timeEdit(page: Page, i: number): Promise<number> {
  return page.locator('fm-conv-playground').evaluate((e, i) => new Promise<number>((resolve, reject) => {
    const t0 = performance.now();
    e.addEventListener('fm-result', () => requestAnimationFrame(() => resolve(performance.now() - t0)), { once: true });
    e.addEventListener('fm-error', (ev) => reject(new Error((ev as CustomEvent).detail.message)), { once: true });
    e.setAttribute('kernel', `${(i % 7) - 3},0,-1; 2,0,-2; 1,0,-1`);
  }), i, { timeout: 120_000 });
}

const fmt = (xs: number[]) => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
const eps = (xs: number[]) => (1000 * xs.length / xs.reduce((a, b) => a + b, 0)).toFixed(1);

const builds = [...(before ? [{ name: 'before', dir: before, port: 4481 }] : []), { name: 'after', dir: after, port: 4482 }];
const servers = builds.map((b) => serve(b.dir, b.port));
await new Promise((r) => setTimeout(r, 1500));
const table: string[] = [];
const start = performance.now();
try {
  for (const row of ROWS) {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: row.args });
    for (const size of sizes) {
      const times = new Map<string, number[]>(builds.map((b) => [b.name, []]));
      let device = '';
      for (const b of builds) {
        // One page at a time per build, both open: edits alternate between them.
        (b as { page?: Page }).page = await openPlayground(browser, b.port, row.backend, row.query, size);
        device ||= await (b as { page?: Page }).page!.evaluate(async () => { const fm = window.FeatureMaps; if (!fm) return ''; const e = await fm.getEngine(); return e.adapter ? `${e.adapter.vendor} ${e.adapter.architecture}`.trim() : e.backend; });
      }
      for (let i = 0; i < reps + 2; i++) {
        for (const b of i % 2 ? [...builds].reverse() : builds) {
          const ms = await timeEdit((b as { page?: Page }).page!, i);
          if (i >= 2) times.get(b.name)!.push(ms); // two warm-up edits: pipelines for the new kernel values' shapes
        }
      }
      for (const b of builds) await (b as { page?: Page }).page!.close();
      const a = times.get('after')!, bf = times.get('before');
      const ratio = bf ? `${(median(bf) / median(a)).toFixed(2)}×` : '–';
      table.push(`| ${row.name} | ${device} | ${size === '1mp' ? '1024×1024' : '300×451'} | ${bf ? fmt(bf) : '–'} | ${fmt(a)} | ${ratio} | ${bf ? eps(bf) : '–'} | ${eps(a)} | ${loadavg()[0]!.toFixed(1)} |`);
      console.error(`${row.name} ${size}: done (${((performance.now() - start) / 1000).toFixed(0)} s)`);
    }
    await browser.close();
  }
} finally {
  for (const s of servers) s.kill();
}

console.log(`\nConvolution playground, edit-to-pixels (set a kernel cell → frame after fm-result), ms: median (min–max) of ${reps} edits after 2 warm-up, before/after interleaved;`);
console.log(`edits/s = edits one after another (each waiting for its pixels). Chromium (Debian), ${cpus().length} cores; load = 1-min load average after the row.`);
console.log(`before: ${before || '(not given)'}; after: ${after}. The before build debounces edits by 40 ms, the after build does not wait.\n`);
console.log('| backend | device | image | before ms | after ms | speed-up | before edits/s | after edits/s | load |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const line of table) console.log(line);
console.log(`\nWall time ${((performance.now() - start) / 1000).toFixed(0)} s.`);
