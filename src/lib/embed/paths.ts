/**
 * Where contract v1 lives, in one place: the embed pages, the host helper and the script-tag entry. The version in
 * each path is a promise to other sites (a published version never changes meaning); the chapter's embed control,
 * the Embedding page and the tests all build their URLs here. `base` is the site's base path (Astro's BASE_URL).
 */
export const EMBED_VERSION = 1;

function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** `/embed/v1/<slug>/`: one widget alone, for an iframe. */
export function embedPath(slug: string, base = '/'): string {
  return `${withSlash(base)}embed/v${EMBED_VERSION}/${slug}/`;
}

/** `/embed/<slug>/`: the unversioned alias kept for pages that embedded before v1 (it renders the v1 page). */
export function legacyEmbedPath(slug: string, base = '/'): string {
  return `${withSlash(base)}embed/${slug}/`;
}

/** `/embed/v1/embed.js`: the host helper that sizes frames and exposes `FeatureMaps.on/getState/setState/run`. */
export function embedScriptPath(base = '/'): string {
  return `${withSlash(base)}embed/v${EMBED_VERSION}/embed.js`;
}

/** `/widgets/v1/feature-maps.js`: the script-tag entry that defines every `fm-*` element. */
export function widgetsScriptPath(base = '/'): string {
  return `${withSlash(base)}widgets/v${EMBED_VERSION}/feature-maps.js`;
}
