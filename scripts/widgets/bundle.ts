/**
 * Builds the script-tag entry `/widgets/v1/feature-maps.js` (src/lib/widget/entry.ts) and its chunks with esbuild:
 * an unhashed entry other sites can name, hashed chunks beside it (code splitting, so each element's code loads
 * when a page first uses it). The book's pages load the same entry (astro.config.mjs), so Vite never bundles
 * widget code. Chunks import each other by relative URL, and assets resolve from the chunk's own URL, so the
 * bundle works from any base path and from any host page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { ELEMENT_LOADERS } from '../../src/lib/widget/loaders.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const WIDGETS_DIR = 'widgets/v1';

/** `import css from './x.css?inline'` (Vite's spelling) gives the file's text, as the shadow roots adopt it. */
const inlineCss: esbuild.Plugin = {
  name: 'inline-css',
  setup(build) {
    build.onResolve({ filter: /\?inline$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.replace(/\?inline$/, '')), namespace: 'inline-css' }));
    build.onLoad({ filter: /.*/, namespace: 'inline-css' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};

/**
 * The `long` package probes WebAssembly when it loads; under a host's CSP without 'wasm-unsafe-eval' that is a
 * reported violation on every page, so the probe is removed (as astro.config.mjs's Vite plugin did before). The
 * build fails if the code moves.
 */
const longWithoutWasm: esbuild.Plugin = {
  name: 'long-without-wasm',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]long[\\/]src[\\/]long\.js$/ }, (args) => {
      const code = readFileSync(args.path, 'utf8');
      const out = code.replace(/wasm = new WebAssembly\.Instance\(/, 'wasm = null && new WebAssembly.Instance(');
      if (out === code) throw new Error(`long-without-wasm: ${args.path} no longer has the WebAssembly probe this plugin removes`);
      return { contents: out, loader: 'js' };
    });
  },
};

/**
 * A catalogue (src/lib/i18n/messages/<lang>/index.ts, every widget's words in one language) becomes one
 * `JSON.parse("…")` of its merged table. As source it is 31 object literals spread into one: evaluating that took
 * 9–21 ms of the main thread as the first widget or badge loaded (the literals are each run once, so always on V8's
 * slow path), where JSON.parse of the same table takes 1–4 ms (scripts/bench-catalogue.mts measures both). The TS
 * files stay the source and keep typing every `t()` call; this changes only what the browser runs. Every message is
 * a string or an object of strings (types.ts), and the build fails if a value would not survive JSON.
 */
export const catalogueAsJson: esbuild.Plugin = {
  name: 'catalogue-as-json',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]lib[\\/]i18n[\\/]messages[\\/][a-z-]+[\\/]index\.ts$/ }, async (args) => {
      const { table, inputs } = await evaluateCatalogue(args.path);
      return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(table))});\n`, loader: 'js', watchFiles: inputs };
    });
  },
};

/** The merged table a catalogue's index exports, checked to be plain strings (and plural forms of strings). */
export async function evaluateCatalogue(path: string): Promise<{ table: Record<string, unknown>; inputs: string[] }> {
  const out = await esbuild.build({ absWorkingDir: ROOT, entryPoints: [path], bundle: true, format: 'esm', platform: 'neutral', write: false, metafile: true, logLevel: 'warning' });
  const code = out.outputFiles[0]!.text;
  const table = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)).default as Record<string, unknown>;
  const plain = (v: unknown): boolean => typeof v === 'string' || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every((x) => typeof x === 'string'));
  const bad = Object.entries(table).filter(([, v]) => !plain(v)).map(([k]) => k);
  if (bad.length) throw new Error(`catalogue-as-json: ${path}: not a string or plural forms: ${bad.slice(0, 5).join(', ')}`);
  return { table, inputs: Object.keys(out.metafile.inputs).map((p) => resolve(ROOT, p)) };
}

/** The badge's WebGPU probe runs in a worker of its own file, built beside the entry (probe-aside.ts starts it). */
const PROBE_WORKER_ENTRY = 'src/lib/engine/probe-worker.ts';

export function widgetBuildOptions(base: string, outdir: string): esbuild.BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: { 'feature-maps': 'src/lib/widget/entry.ts', 'probe-worker': PROBE_WORKER_ENTRY },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify: true,
    // FM_READABLE=1 keeps the names, for profiles to read (npm run bench:tasks -- --detail); never for a build that ships.
    ...(process.env.FM_READABLE === '1' ? { minifyIdentifiers: false } : {}),
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    define: { 'import.meta.env.BASE_URL': JSON.stringify(base.replace(/\/?$/, '/')) },
    plugins: [inlineCss, longWithoutWasm, catalogueAsJson],
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  };
}

type Import = esbuild.Metafile['outputs'][string]['imports'][number];

/**
 * For each element tag, the chunk esbuild made for its element module (an implicit entry point, since the entry
 * imports it dynamically) and every file it reaches through the imports `follow` keeps; under `feature-maps`, what
 * the entry itself reaches that way (not the entry, which a page names in its script tag).
 */
function reachedByTag(meta: esbuild.Metafile, follow: (imp: Import) => boolean): Record<string, string[]> {
  const rel = (p: string) => p.slice(p.indexOf(`${WIDGETS_DIR}/`) + WIDGETS_DIR.length + 1);
  const closure = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const imp of meta.outputs[file]?.imports ?? []) if (!imp.external && follow(imp)) closure(imp.path, seen);
    return seen;
  };
  const result: Record<string, string[]> = {};
  for (const [file, out] of Object.entries(meta.outputs)) {
    const element = /^components\/([a-z-]+)\/\1\.element\.ts$/.exec(out.entryPoint ?? '');
    if (element) result[`fm-${element[1]}`] = [...closure(file)].map(rel).sort();
    if (out.entryPoint === 'src/lib/widget/entry.ts') result['feature-maps'] = [...closure(file)].map(rel).filter((f) => f !== 'feature-maps.js').sort();
  }
  return result;
}

/** Every output file each tag needs: its element's chunk and everything that chunk imports, statically or not. */
export function chunksByTag(meta: esbuild.Metafile): Record<string, string[]> {
  const result = reachedByTag(meta, () => true);
  delete result['feature-maps'];
  // The badge starts its probe's worker by URL, not by import: saved with it for offline reading.
  if (result['fm-device-badge']) result['fm-device-badge'].push('probe-worker.js');
  // A tag without its files would be saved for offline reading without its code: fail the build instead.
  const missing = Object.keys(ELEMENT_LOADERS).filter((tag) => !result[tag]);
  if (missing.length) throw new Error(`widget bundle: no chunk found for ${missing.join(', ')}`);
  return result;
}

/**
 * What each tag's element module imports statically, itself included, and (`feature-maps`) the entry's static
 * imports: the files a page that shows the element needs before its first render (not tfjs and the other code it
 * imports when it first computes).
 */
export function staticChunksByTag(meta: esbuild.Metafile): Record<string, string[]> {
  return reachedByTag(meta, (imp) => imp.kind === 'import-statement');
}

/** Builds the bundle into `<outdir>` (the built site's widgets/v1/) and writes `chunks.json` (tag → files). */
export async function buildWidgets(base: string, siteDir: string): Promise<esbuild.Metafile> {
  const outdir = resolve(siteDir, WIDGETS_DIR);
  const result = await esbuild.build(widgetBuildOptions(base, outdir));
  // The badge starts the probe's worker as a classic script: an import or export in it (code it shares with the
  // page's modules, split into a chunk) would stop it, and the badge would ask on the main thread after all.
  const worker = Object.entries(result.metafile!.outputs).find(([, out]) => out.entryPoint === PROBE_WORKER_ENTRY)?.[1];
  if (!worker || worker.imports.length || worker.exports.length) throw new Error('widget bundle: probe-worker.js must be one script with no imports or exports');
  writeFileSync(resolve(outdir, 'chunks.json'), `${JSON.stringify(chunksByTag(result.metafile!), null, 1)}\n`);
  return result.metafile!;
}
