/**
 * The Astro side of the widget bundle (scripts/widgets/bundle.ts): after `astro build` it writes
 * `<dist>/widgets/v1/`, names each embed page's widget code in its head (embed-preload.ts), then writes the offline
 * list and service worker (offline-files.ts); and `astro dev` serves the same files from memory, rebuilt on each request for the entry.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as esbuild from 'esbuild';
import { WIDGETS_DIR, buildWidgets, staticChunksByTag, widgetBuildOptions } from './bundle.ts';
import { preloadEmbedPages } from './embed-preload.ts';
import { writeOfflineFiles } from './offline-files.ts';

export function widgetBundle(): AstroIntegration {
  let base = '/';
  return {
    name: 'fm-widget-bundle',
    hooks: {
      'astro:config:setup': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir }) => {
        const meta = await buildWidgets(base, fileURLToPath(dir));
        preloadEmbedPages(fileURLToPath(dir), staticChunksByTag(meta), base);
        await writeOfflineFiles(fileURLToPath(dir), base.replace(/\/?$/, '/'));
      },
      'astro:server:setup': async ({ server }) => {
        const prefix = `${base.replace(/\/?$/, '/')}${WIDGETS_DIR}/`;
        const ctx = await esbuild.context({ ...widgetBuildOptions(base, `/virtual/${WIDGETS_DIR}`), write: false });
        let files = new Map<string, Uint8Array>();
        server.middlewares.use(async (req, res, next) => {
          const path = (req.url ?? '').split('?')[0]!;
          if (!path.startsWith(prefix)) return next();
          const name = path.slice(prefix.length);
          if (name === 'feature-maps.js' || !files.has(name)) {
            const out = await ctx.rebuild();
            files = new Map(out.outputFiles!.map((f) => [f.path.slice(`/virtual/${WIDGETS_DIR}/`.length), f.contents]));
          }
          const body = files.get(name);
          if (!body) return next();
          res.setHeader('content-type', 'text/javascript');
          res.end(body);
        });
      },
    },
  };
}
