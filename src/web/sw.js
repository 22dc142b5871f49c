// Service worker: the app must open on a tablet with no connection, and a
// page must never mix files of two builds. The build hook (sw_build.mjs)
// replaces the two placeholders below with this build's cache name (a hash
// of every file's content) and its exact file list.
const CACHE = 'bcdv-BUILD_HASH';
const FILES = ['BUILD_FILES'];
const PREFIX = 'bcdv-';

self.addEventListener('install', (event) => {
  // 'reload' skips the HTTP cache: a stale copy would poison this build's cache.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(FILES.map((url) => new Request(url, { cache: 'reload' })))),
  );
  // No skipWaiting here: the page asks for it when the user agrees
  // (SKIP_WAITING), so an open report is never swapped under the user.
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // Anything else goes to the network untouched and is never cached.
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // Every screen is index.html + #/route; serving it from this build's
      // cache keeps the page and its hashed files in step.
      const hit = request.mode === 'navigate'
        ? await cache.match('./index.html')
        : await cache.match(request);
      return hit || fetch(request);
    }),
  );
});
