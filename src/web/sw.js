// Service worker: the app must open on a tablet with no connection, and a
// page must never mix files of two builds. The build hook (sw_build.mjs)
// replaces the three placeholders below with this build's cache name (a hash
// of every file's content), its exact file list and each file's SHA-256.
const CACHE = 'bcdv-BUILD_HASH';
const FILES = ['BUILD_FILES'];
const INTEGRITY = { BUILD_INTEGRITY: '' };
const PREFIX = 'bcdv-';

// On a first visit the page has just downloaded most of these files: take
// them from the browser's HTTP cache ('force-cache', even if stale) instead
// of downloading them a second time. The integrity check makes that sound:
// a cached copy of another build (say an older index.html) fails it and the
// file is fetched again past the HTTP cache ('reload'), still checked, so
// this cache holds exactly the bytes this sw.js was built with or nothing.
// Files with the same bytes ('./' and './index.html') are fetched once.
async function precache(cache) {
  const byHash = new Map();
  for (const url of FILES) {
    const hash = INTEGRITY[url];
    byHash.set(hash, [...(byHash.get(hash) ?? []), url]);
  }
  const fetched = await Promise.all([...byHash].map(async ([integrity, urls]) => {
    const get = (mode) => fetch(new Request(urls[0], { cache: mode, integrity })).then((response) => {
      if (!response.ok) throw new Error(`${urls[0]}: ${response.status}`);
      return response;
    });
    const response = await get('force-cache').catch(() => get('reload'));
    return urls.map((url, i) => [url, i + 1 < urls.length ? response.clone() : response]);
  }));
  // Stored only once every file has arrived, as cache.addAll would.
  await Promise.all(fetched.flat().map(([url, response]) => cache.put(url, response)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then(precache));
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
