/**
 * The book's service worker (built to `<base>sw.js`), registered only when a reader saves a chapter for offline
 * reading (offline-control.ts). Same-origin GETs under the base go to the network first and fall back to the
 * cache, and every answer it gets is cached, so what a reader has used keeps working offline; content-hashed
 * files (`_astro/`, the widget chunks) never change and come from the cache first. It fetches nothing itself:
 * the page fills the cache with a chapter's files (offline.json) when the reader asks.
 */
/// <reference lib="webworker" />
import { CACHE_NAME, isImmutable } from './cache-rules.ts';

declare const self: ServiceWorkerGlobalScope;
const scope = new URL(self.registration.scope).pathname;

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(scope)) return;
  const path = url.pathname.slice(scope.length);
  event.respondWith(isImmutable(path) ? cacheFirst(request) : networkFirst(request));
});

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE_NAME);
  const hit = await cache.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE_NAME);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(request, res.clone());
    return res;
  } catch (err) {
    // A page is stored under its folder URL; `ignoreSearch` lets /chapters/x/?kernel=… find it.
    const hit = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (hit) return hit;
    throw err;
  }
}
