/** Shared by the service worker and the page that fills its cache: one cache, and which files never change. */
export const CACHE_NAME = 'feature-maps-v1';

/** Content-hashed files (a new build gives new names), relative to the site's base. */
export function isImmutable(path: string): boolean {
  return path.startsWith('_astro/') || path.startsWith('widgets/v1/chunks/');
}
