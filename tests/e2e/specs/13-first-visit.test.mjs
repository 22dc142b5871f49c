// The first visit (issue 16, items 1 and 2): every file crosses the network
// once, even though the service worker precaches the whole build while the
// page is still starting; and the page paints index.html's static shell (top
// bar, "Đang mở…") before the wasm has arrived, then the app takes its place
// without moving anything. Each test gets its own server (with a request
// log) and a fresh browser profile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtServiceWorker, startServer, launch, watchedPage, appReady, distDir, until, servedBodies } from '../lib/harness.mjs';

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

test('on a first visit every file is fetched from the server once, the service worker precache included', async () => {
  // ETags as a static host sends them: the page's own revalidations of a
  // file it already has (the icon, shown twice) are 304s without a body.
  const server = await startServer(distDir, { validators: true });
  const browser = await launch();
  try {
    const { page, consoleErrors, foreignRequests } = await watchedPage(browser.context, server.origin);
    await page.goto(server.url);
    await appReady(page);
    // Activated means installed: the precache is complete, and the worker
    // now controls this page (clients.claim).
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
      }
    });
    const { cacheName, files } = builtServiceWorker();
    const cached = await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      return (await cache.keys()).map((request) => new URL(request.url).pathname).sort();
    }, cacheName);
    const expected = files.map((f) => new URL(f, server.url).pathname).sort();
    assert.deepEqual(cached, expected, 'the precache holds every file of the build');

    // Let late requests (icons, manifest) arrive before reading the log.
    await page.waitForTimeout(500);
    const { bodies, twice } = servedBodies(server);
    const total = bodies.reduce((sum, r) => sum + r.bytes, 0);
    const wasm = bodies.filter((r) => r.path.endsWith('_bg.wasm'));
    const revalidated = server.requests.filter((r) => r.status === 304).length;
    console.log(`first visit: ${bodies.length} files served, ${kB(total)} (uncompressed), ` +
      `${revalidated} revalidations answered 304, wasm ${wasm.length}× ${kB(wasm[0]?.bytes ?? 0)}\n`);
    assert.deepEqual(twice, [], 'no URL is fetched from the server twice');
    assert.equal(wasm.length, 1, 'the wasm crossed the network once');
    assert.deepEqual(server.requests.filter((r) => ![200, 304].includes(r.status)), [], 'every request answered');
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(foreignRequests, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('the shell is painted before the wasm arrives and the app replaces it without a layout shift', async () => {
  // A slow connection for the wasm alone: everything else is at hand.
  const WASM_DELAY_MS = 3_000;
  const server = await startServer(distDir, { delay: (path) => (path.endsWith('_bg.wasm') ? WASM_DELAY_MS : 0) });
  const browser = await launch();
  try {
    const { page, consoleErrors, foreignRequests } = await watchedPage(browser.context, server.origin);
    const wasmServed = () => server.requests.some((r) => r.path.endsWith('_bg.wasm'));
    await page.goto(server.url, { waitUntil: 'commit' });

    const shell = page.locator('#app-shell');
    await shell.locator('header.topbar').waitFor({ state: 'visible', timeout: 10_000 });
    await shell.getByText('Báo cáo Dân vận', { exact: true }).waitFor({ state: 'visible' });
    await shell.getByRole('status').getByText('Đang mở…').waitFor({ state: 'visible' });
    // Painted, not merely in the DOM: the first contentful paint happened.
    await until(() => page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length > 0),
      { what: 'the first contentful paint' });
    assert.equal(wasmServed(), false, 'the shell was painted while the wasm was still on its way');
    const shellBar = await shell.locator('header.topbar').boundingBox();

    await appReady(page);
    assert.equal(wasmServed(), true);
    assert.equal(await page.locator('#app-shell').count(), 0, 'the shell is gone');
    assert.equal(await page.locator('header.topbar').count(), 1, 'one top bar, the app\'s');
    assert.equal(await page.locator('main').count(), 1, 'one main region');
    assert.equal(await page.getByText('Đang mở…').count(), 0, 'no placeholder left');
    await page.getByRole('heading', { level: 1, name: 'Báo cáo của đơn vị' }).waitFor();
    assert.deepEqual(await page.locator('header.topbar').boundingBox(), shellBar, 'the app\'s top bar is where the shell\'s was');

    // Cumulative layout shift of the whole load, read after the fact
    // (buffered entries), so the page needs no inline script.
    await page.waitForTimeout(300);
    const cls = await page.evaluate(() => new Promise((ok) => {
      let sum = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) sum += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => ok(sum), 100);
    }));
    console.log(`layout shift during the load: ${cls.toFixed(4)}\n`);
    assert.ok(cls < 0.01, `cumulative layout shift ${cls} < 0.01`);
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(foreignRequests, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
