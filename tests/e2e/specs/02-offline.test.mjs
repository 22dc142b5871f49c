// Offline for real: after one visit the app opens from the service worker
// with the server gone or the network off, a new deployment is offered and
// taken only on request, and the manifest and icons are right. Each test gets
// its own server and a fresh browser profile (service workers and caches
// live in the profile).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtServiceWorker, startServer, launch, watchedPage, appReady, axeViolations, distDir, repoRoot, outDir } from '../lib/harness.mjs';

const { writeServiceWorker } = await import(join(repoRoot, 'src/web/sw_build.mjs'));

/** One server, one fresh browser, and every request outside the app's origin
 * made by any page or by the service worker itself. */
async function setup(root = distDir) {
  const server = await startServer(root);
  const browser = await launch();
  const foreign = [];
  browser.context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(server.origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  return {
    server, browser, foreign,
    close: async () => { await browser.close(); await server.close(); },
  };
}

/** Wait until the service worker controls the page (clients.claim on first visit). */
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

async function appCaches(page) {
  return page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('bcdv-')).sort());
}

/** Same shape as 01-shell.test.mjs: a draft as the storage layer saves it. */
async function seedDraft(page, id = 'seeded-offline', name = 'Báo cáo 6 tháng đầu năm') {
  await page.evaluate(([id, name]) => {
    const summary = {
      id, name, unit: 'Phường 2', kind: 'DANG', period_type: 'Q3', year: 2025,
      status: 'draft', progress: 60, updated_at: '2025-10-02T03:04:05Z', exported_at: null,
    };
    localStorage.setItem(`bcdv.draft.${id}`, JSON.stringify({
      storage_version: 1, schema_version: 1, template_id: 'DANG', template_version: 1, revision: 1,
      saved_at: summary.updated_at, summary, report: {},
    }));
  }, [id, name]);
}

/** A watched page of the app holding a seeded draft, once the service worker controls it. */
async function seededAppPage(env) {
  const watched = await watchedPage(env.browser.context, env.server.origin);
  await watched.page.goto(env.server.url);
  await appReady(watched.page);
  await seedDraft(watched.page);
  await controlled(watched.page);
  return watched;
}

/** Every same-origin response the page receives, with where it came from. */
function recordResponses(page) {
  const seen = [];
  page.on('response', (res) => seen.push({ url: res.url(), fromServiceWorker: res.fromServiceWorker(), status: res.status() }));
  return seen;
}

function assertAllFromServiceWorker(responses) {
  assert.ok(responses.some((r) => r.url.endsWith('.wasm')), 'the wasm was requested');
  const network = responses.filter((r) => !r.fromServiceWorker);
  assert.deepEqual(network, [], 'every response came from the service worker');
  assert.deepEqual(responses.filter((r) => r.status !== 200), [], 'every response is 200');
}

const banner = (page) => page.locator('.update-banner');

test('sw.js precaches exactly the files of this build under a content-hashed cache name', () => {
  const { cacheName, files } = builtServiceWorker();
  const built = readdirSync(distDir, { recursive: true })
    .filter((f) => f !== 'sw.js')
    .map((f) => `./${f}`);
  assert.deepEqual([...files].sort(), ['./', ...built].sort());
  for (const needed of ['./index.html', './manifest.webmanifest', './icon.svg', './icon-192.png', './icon-512.png',
    './icon-maskable-512.png', './apple-touch-icon.png']) {
    assert.ok(files.includes(needed), `${needed} precached`);
  }
  assert.ok(files.some((f) => /^\.\/boot-[0-9a-f]+\.js$/.test(f)), 'boot js precached');
  assert.ok(files.some((f) => f.endsWith('_bg.wasm')), 'wasm precached');
  assert.match(cacheName, /^bcdv-[0-9a-f]{16}$/);

  // The hook is deterministic, and one changed byte anywhere changes the cache name.
  const copy = mkdtempSync(join(tmpdir(), 'bcdv-sw-'));
  try {
    cpSync(distDir, copy, { recursive: true });
    assert.equal(writeServiceWorker(copy).cacheName, cacheName);
    const css = files.find((f) => f.endsWith('.css')).slice(2);
    writeFileSync(join(copy, css), readFileSync(join(copy, css), 'utf8') + '\n');
    assert.notEqual(writeServiceWorker(copy).cacheName, cacheName);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test('after one visit the app opens from the service worker with the server stopped', async () => {
  const env = await setup();
  try {
    const first = await seededAppPage(env);
    assert.deepEqual(await appCaches(first.page), [builtServiceWorker().cacheName]);

    await env.server.close();

    const second = await watchedPage(env.browser.context, env.server.origin);
    const responses = recordResponses(second.page);
    const navigation = await second.page.goto(env.server.url);
    assert.ok(navigation.fromServiceWorker(), 'navigation answered by the service worker');
    await appReady(second.page);
    await second.page.getByRole('heading', { level: 1, name: 'Báo cáo của đơn vị' }).waitFor();
    await second.page.locator('.draft', { hasText: 'Báo cáo 6 tháng đầu năm' }).waitFor();

    responses.length = 0;
    const reloaded = await second.page.reload();
    assert.ok(reloaded.fromServiceWorker(), 'reload answered by the service worker');
    await appReady(second.page);
    await second.page.locator('.draft', { hasText: 'Báo cáo 6 tháng đầu năm' }).waitFor();
    // A deep link (another screen) is index.html too.
    await second.page.goto(env.server.url + '#/tong-hop');
    await appReady(second.page);
    assertAllFromServiceWorker(responses);

    assert.ok(await banner(second.page).isHidden(), 'no update offered');
    assert.deepEqual(first.consoleErrors, []);
    assert.deepEqual(second.consoleErrors, []);
    assert.deepEqual(env.foreign, []);
  } finally {
    await env.close();
  }
});

test('with the network off, a reload still opens the app', async () => {
  const env = await setup();
  try {
    const { page, consoleErrors } = await seededAppPage(env);

    await env.browser.context.setOffline(true);
    const responses = recordResponses(page);
    const reloaded = await page.reload();
    assert.ok(reloaded.fromServiceWorker());
    await appReady(page);
    await page.locator('.draft', { hasText: 'Báo cáo 6 tháng đầu năm' }).waitFor();
    // The page becoming visible again checks for an update; offline that must stay quiet.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await page.waitForTimeout(500);
    assertAllFromServiceWorker(responses);
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(env.foreign, []);
    await env.browser.context.setOffline(false);
  } finally {
    await env.close();
  }
});

/** Build B: dist/ with a marker in index.html, and sw.js rewritten by the
 * real hook logic, so its cache name follows the changed content. */
function makeBuildB() {
  const dir = mkdtempSync(join(tmpdir(), 'bcdv-build-b-'));
  cpSync(distDir, dir, { recursive: true });
  const index = join(dir, 'index.html');
  const html = readFileSync(index, 'utf8');
  assert.ok(html.includes('<title>'));
  writeFileSync(index, html.replace('<title>', '<meta name="bcdv-test-build" content="B"><title>'));
  return { dir, cacheName: writeServiceWorker(dir).cacheName };
}

test('a new deployment is offered, and taken only when the user asks', async () => {
  const { dir: buildB, cacheName: cacheB } = makeBuildB();
  const cacheA = builtServiceWorker().cacheName;
  assert.notEqual(cacheB, cacheA);
  const isBuildB = (page) => page.locator('meta[name="bcdv-test-build"]').count().then((n) => n === 1);

  const env = await setup();
  try {
    const { page, consoleErrors } = await seededAppPage(env);
    assert.ok(await banner(page).isHidden(), 'nothing offered on the first visit');

    // Deploy B at the same origin; the reload's registration checks sw.js.
    env.server.setRoot(buildB);
    await page.reload();
    await appReady(page);
    await banner(page).getByText('Có phiên bản mới của ứng dụng.').waitFor({ timeout: 20_000 });
    assert.equal(await isBuildB(page), false, 'still build A until the user agrees');
    assert.deepEqual(await appCaches(page), [cacheA, cacheB].sort(), 'B precached next to A');
    const region = page.locator('.update-region');
    assert.equal(await region.getAttribute('role'), 'status');
    assert.equal(await region.getAttribute('aria-live'), 'polite');
    const button = banner(page).getByRole('button', { name: 'Cập nhật ngay' });
    const box = await button.boundingBox();
    assert.ok(box.height >= 44 && box.width >= 44, `touch target ${box.width}×${box.height}`);
    assert.deepEqual(await axeViolations(page), []);
    mkdirSync(outDir, { recursive: true });
    await page.screenshot({ path: join(outDir, 'update-banner.png') });

    // A reload alone does not switch builds (no automatic skipWaiting).
    await page.reload();
    await appReady(page);
    assert.equal(await isBuildB(page), false);
    await banner(page).getByText('Có phiên bản mới của ứng dụng.').waitFor({ timeout: 20_000 });

    let loads = 0;
    page.on('load', () => loads++);
    const loaded = page.waitForEvent('load');
    await button.click();
    await loaded;
    await appReady(page);
    assert.equal(await isBuildB(page), true, 'reloaded into build B');
    await page.waitForTimeout(1000);
    assert.equal(loads, 1, 'exactly one reload');
    assert.deepEqual(await appCaches(page), [cacheB], 'the old cache is deleted');
    assert.ok(await banner(page).isHidden());
    await page.locator('.draft', { hasText: 'Báo cáo 6 tháng đầu năm' }).waitFor();
    assert.ok(await page.evaluate(() => localStorage.getItem('bcdv.draft.seeded-offline') !== null));
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(env.foreign, []);
  } finally {
    await env.close();
    rmSync(buildB, { recursive: true, force: true });
  }
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'is a PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('the web app manifest is served, valid, and its icons have the sizes it claims', async () => {
  const env = await setup();
  try {
    const { page, consoleErrors } = await watchedPage(env.browser.context, env.server.origin);
    await page.goto(env.server.url);
    await appReady(page);
    const links = await page.evaluate(() => ({
      manifest: document.querySelector('link[rel="manifest"]')?.href,
      apple: document.querySelector('link[rel="apple-touch-icon"]')?.href,
    }));
    assert.equal(links.manifest, env.server.url + 'manifest.webmanifest');

    const res = await fetch(links.manifest);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/manifest\+json/);
    const manifest = await res.json();
    assert.equal(manifest.lang, 'vi');
    assert.equal(manifest.name, 'Báo cáo Dân vận');
    assert.equal(manifest.short_name, 'Dân vận');
    assert.match(manifest.description, /Dân vận.*không có mạng/);
    assert.equal(manifest.description, manifest.description.normalize('NFC'));
    assert.equal(manifest.start_url, './');
    assert.equal(manifest.scope, './');
    assert.equal(manifest.display, 'standalone');
    assert.equal(manifest.theme_color, '#b3261e');
    assert.equal(manifest.background_color, '#f6f3f1');

    const icons = manifest.icons.map((i) => `${i.src} ${i.sizes} ${i.purpose}`);
    assert.deepEqual(icons, [
      'icon.svg any any',
      'icon-192.png 192x192 any',
      'icon-512.png 512x512 any',
      'icon-maskable-512.png 512x512 maskable',
    ]);
    for (const icon of manifest.icons) {
      const r = await fetch(new URL(icon.src, links.manifest));
      assert.equal(r.status, 200, icon.src);
      assert.equal(r.headers.get('content-type'), icon.type, icon.src);
      const bytes = Buffer.from(await r.arrayBuffer());
      if (icon.type === 'image/png') assert.equal(pngSize(bytes), icon.sizes, icon.src);
      else assert.match(bytes.toString('utf8'), /^<svg /);
    }
    const apple = Buffer.from(await (await fetch(links.apple)).arrayBuffer());
    assert.equal(pngSize(apple), '180x180');

    // Pixels: the maskable and Apple icons are full bleed (iOS turns
    // transparency black); the plain icon keeps its rounded, clear corners.
    const corners = await page.evaluate(async (srcs) => {
      const out = {};
      for (const src of srcs) {
        const img = new Image();
        img.src = src;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const ctx = canvas.getContext('2d');
        ctx.drawImage(img, 0, 0);
        out[src] = Array.from(ctx.getImageData(0, 0, 1, 1).data);
      }
      return out;
    }, ['icon-512.png', 'icon-maskable-512.png', 'apple-touch-icon.png']);
    assert.equal(corners['icon-512.png'][3], 0, 'plain icon: transparent corner');
    assert.deepEqual(corners['icon-maskable-512.png'], [0xb3, 0x26, 0x1e, 255], 'maskable: red corner');
    assert.deepEqual(corners['apple-touch-icon.png'], [0xb3, 0x26, 0x1e, 255], 'apple: red corner');

    // Chromium's own parser accepts it, and (with the worker active) Chromium
    // would offer to install the app.
    await controlled(page);
    const cdp = await env.browser.context.newCDPSession(page);
    const parsed = await cdp.send('Page.getAppManifest');
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.url, links.manifest);
    assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, []);
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(env.foreign, []);
  } finally {
    await env.close();
  }
});

test('an update waits until a pending edit is saved, then reloads with the edit stored', async () => {
  const { dir: buildB } = makeBuildB();
  const env = await setup();
  try {
    const { page, consoleErrors } = await watchedPage(env.browser.context, env.server.origin);
    await page.goto(env.server.url);
    await appReady(page);
    await page.getByRole('button', { name: 'Tạo báo cáo mới' }).click();
    await page.getByRole('button', { name: 'Tạo và mở báo cáo' }).click();
    await page.waitForSelector('.editor-body');
    const id = new URL(page.url()).hash.replace('#/bao-cao/', '');
    await controlled(page);
    env.server.setRoot(buildB);
    await page.reload();
    await page.waitForSelector('.editor-body');
    const button = banner(page).getByRole('button', { name: 'Cập nhật ngay' });
    await button.waitFor({ timeout: 20_000 });
    await page.locator('.checklist .check-item').nth(1).click();
    // Type, then ask for the update inside the 400 ms autosave debounce.
    const waiting = banner(page).getByText('Đang lưu bản nháp').waitFor({ timeout: 5_000 });
    const loaded = page.waitForEvent('load');
    await page.locator('textarea[name="N01.text"]').fill('Sửa ngay trước khi cập nhật');
    await button.click();
    await waiting;
    await loaded;
    await appReady(page);
    assert.equal(await page.locator('meta[name="bcdv-test-build"]').count(), 1, 'reloaded into build B');
    const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).report.texts['N01.text'], `bcdv.draft.${id}`);
    assert.equal(stored, 'Sửa ngay trước khi cập nhật', 'the pending edit was saved before the reload');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await env.close();
    rmSync(buildB, { recursive: true, force: true });
  }
});
