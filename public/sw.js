/*
 * Backprop Studio's service worker: once the page has loaded, it keeps working offline (a
 * classroom's network can drop mid-lesson), including a reload and the chunks fetched later
 * (the equation panel, the training worker). Why precache from a list the build writes: those
 * later chunks have hashed names this file cannot know, and a lesson may need them offline
 * before they were ever fetched.
 *
 * Pages (navigations) go to the network first and fall back to the cached page; every other
 * same-origin GET is served from the cache first (hashed files never change) and cached on a miss.
 */
const CACHE = 'backprop-studio-v1';
/** Written by the build (vite.config.ts, precacheList): the file names to cache on install. */
const PRECACHE_LIST = 'precache.json';

const appUrl = (path) => new URL(path, self.registration.scope).href;

async function precache() {
  const cache = await caches.open(CACHE);
  // The page itself (the build's list names every other file, public/'s included).
  const files = new Set(['./']);
  const response = await fetch(appUrl(PRECACHE_LIST), { cache: 'no-store' });
  if (response.ok) for (const file of await response.json()) files.add(file);
  await cache.addAll([...files].map(appUrl));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(appUrl('./'), response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(appUrl('./'));
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  // ignoreVary: a static host may send Vary: Origin, and the precache's requests had no Origin.
  const cached = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === 'navigate' ? networkFirst(request) : cacheFirst(request));
});
