/**
 * Builds the script-tag entry `/widgets/v1/feature-maps.js` (src/lib/widget/entry.ts) and its chunks with esbuild:
 * an unhashed entry other sites can name, hashed chunks beside it (code splitting, so each element's code loads
 * when a page first uses it). The book's pages load the same entry (astro.config.mjs), so Vite never bundles
 * widget code. Chunks import each other by relative URL, and assets resolve from the chunk's own URL, so the
 * bundle works from any base path and from any host page.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

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

export function widgetBuildOptions(base: string, outdir: string): esbuild.BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: { 'feature-maps': 'src/lib/widget/entry.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify: true,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    define: { 'import.meta.env.BASE_URL': JSON.stringify(base.replace(/\/?$/, '/')) },
    plugins: [inlineCss, longWithoutWasm],
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  };
}

/** Every output file each tag needs (its element module and everything it imports, dynamically or not). */
export function chunksByTag(meta: esbuild.Metafile): Record<string, string[]> {
  const rel = (p: string) => p.slice(p.indexOf(`${WIDGETS_DIR}/`) + WIDGETS_DIR.length + 1);
  const byInput = new Map<string, string>();
  for (const [file, out] of Object.entries(meta.outputs)) {
    for (const input of Object.keys(out.inputs)) byInput.set(input, file);
  }
  const closure = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const imp of meta.outputs[file]?.imports ?? []) if (!imp.external) closure(imp.path, seen);
    return seen;
  };
  const result: Record<string, string[]> = {};
  const entry = readFileSync(resolve(ROOT, 'src/lib/widget/loaders.ts'), 'utf8');
  for (const m of entry.matchAll(/'(fm-[a-z-]+)': \(\) => import\('@components\/([^']+)'\)/g)) {
    const out = byInput.get(`components/${m[2]}`);
    if (out) result[m[1]!] = [...closure(out)].map(rel).sort();
  }
  return result;
}

/** Builds the bundle into `<outdir>` (the built site's widgets/v1/) and writes `chunks.json` (tag → files). */
export async function buildWidgets(base: string, siteDir: string): Promise<void> {
  const outdir = resolve(siteDir, WIDGETS_DIR);
  const result = await esbuild.build(widgetBuildOptions(base, outdir));
  const { writeFileSync } = await import('node:fs');
  writeFileSync(resolve(outdir, 'chunks.json'), `${JSON.stringify(chunksByTag(result.metafile!), null, 1)}\n`);
}
