// Browser benchmark of the release build, driven by `.ci/bench` (see
// BENCHMARKS.md for what each metric means). Measures what a ward cadre feels
// on a cheap tablet: bytes on the wire (brotli), cold loads with a fresh
// Chromium profile each time, typing latency, autosave, export, print view,
// merging 200 files, the Word file, a 5,000-row list, memory. Writes
// target/bench/results.json and BENCHMARKS.md, and prints the table.
//
// Environment (all optional; `.ci/bench` sets them):
//   BENCH_DIST      built site (default target/bench-dist)
//   BENCH_NAMED     site with a names-kept wasm for CPU profiles (default target/bench/profile-dist)
//   BENCH_FIXTURES  fixtures from examples/bench_fixtures.rs (default target/bench/fixtures)
//   BENCH_OUT       output folder (default target/bench)
//   BENCH_RUNS      runs per metric (default 5, at least 5 for the table)
//   BENCH_ENGINE    output of `cargo run --release --example bench_engine`
//   BENCH_TWIGGY    `twiggy top -f csv` of the names-kept wasm
//   BENCH_NOTE      a sentence added under the table (e.g. "machine busy")
//   BENCH_ONLY      while working on one metric: only these scenarios
//                   (comma-separated: home1,home4,editor1,editor4,print4,static4,merge4,docx4,biglist4,
//                   firstvisit,staticeditor4);
//                   prints their metrics and writes nothing
import { readFileSync, writeFileSync, readdirSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { brotliCompressSync, constants as zc } from 'node:zlib';
import { launch, openSection } from '../e2e/lib/harness.mjs';
import { startBrotliServer, category } from './lib/server.mjs';
import { summarize, percentile, median, max } from './lib/stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
// playwright-core is installed with the e2e tools (tests/e2e/node_modules).
const DIST = resolve(repo, process.env.BENCH_DIST ?? 'target/bench-dist');
const NAMED = resolve(repo, process.env.BENCH_NAMED ?? 'target/bench/profile-dist');
const FIX = resolve(repo, process.env.BENCH_FIXTURES ?? 'target/bench/fixtures');
const OUT = resolve(repo, process.env.BENCH_OUT ?? 'target/bench');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const PROBE = join(here, 'lib/probe.js');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const STATIC_PATH = '/bench-static-print.html';
const STATIC_EDITOR_PATH = '/bench-static-editor.html';
const TYPE_DELAY = 20; // ms between keystrokes (page.keyboard.type delay)
const TYPED = 'Nhan dan phan khoi, tin tuong vao su lanh dao cua Dang va chinh quyen; 12 khom to chuc ngay chu nhat xanh, ' +
  'thu gom rac thai, khai thong cong ranh, gop phan xay dung do thi van minh. Cac to tu quan duy tri sinh hoat dinh ky, ' +
  'nam tinh hinh va phan anh kip thoi kien nghi cua nhan dan voi cap uy va chinh quyen phuong.';
const TEXT300 = TYPED.slice(0, 300);
if (TEXT300.length !== 300) throw new Error(`typed text is ${TEXT300.length} characters, not 300`);

const t0 = Date.now();
const log = (...a) => console.log(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s]`, ...a);
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

// ---------------------------------------------------------------------------
// Fixtures

const storage = JSON.parse(readFileSync(join(FIX, 'storage.json'), 'utf8'));
const { ids } = JSON.parse(readFileSync(join(FIX, 'ids.json'), 'utf8'));
const wardFiles = readdirSync(join(FIX, 'wards')).filter((f) => f.endsWith('.json')).sort().map((f) => join(FIX, 'wards', f));
if (wardFiles.length !== 200) throw new Error(`expected 200 ward files, found ${wardFiles.length}`);
const CQ = ids.CQ;

// ---------------------------------------------------------------------------
// One cold session: a fresh Chromium profile (no HTTP cache, no service
// worker, no code cache), the probe installed, localStorage seeded from a
// blank page of the same origin, then CPU throttling, then `fn`.

async function session(server, fn, { throttle = 1, seed = true, autoOpen = false, serviceWorkers = 'allow' } = {}) {
  // Same launch as the e2e harness (flags, fresh profile, locale, viewport).
  const browser = await launch({ serviceWorkers });
  const { context } = browser;
  try {
    await context.addInitScript({ path: PROBE });
    const page = context.pages()[0] ?? (await context.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const net = new Map();
    cdp.on('Network.responseReceived', ({ requestId, response }) => {
      const h = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      net.set(requestId, { url: response.url, encoding: h['content-encoding'] ?? 'identity', body: Number(h['content-length'] ?? NaN), fromSW: response.fromServiceWorker });
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      const r = net.get(requestId);
      if (r) r.wire = encodedDataLength;
    });
    await page.goto(`${server.origin}/__bench/blank.html`);
    await page.evaluate(({ entries, autoOpen }) => {
      localStorage.clear();
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
      window.name = autoOpen ? 'bench-autoOpen' : '';
    }, { entries: seed ? storage : {}, autoOpen });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    return await fn({ page, cdp, context, net, errors, origin: server.origin });
  } finally {
    await browser.close();
  }
}

const marks = (page) => page.evaluate(() => ({ ...window.__bench.marks }));
/** When the app's files finished downloading (resource timing), for the load breakdown. */
const loadBreakdown = (page) => page.evaluate(() => {
  const res = performance.getEntriesByType('resource');
  const end = (re) => { const e = res.find((r) => re.test(r.name)); return e ? Math.round(e.responseEnd) : null; };
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
  return { fcp: fcp ? fcp.startTime : null, htmlEnd: nav && Math.round(nav.responseEnd), domContentLoaded: nav && Math.round(nav.domContentLoadedEventEnd), cssEnd: end(/\.css$/), jsEnd: end(/bao-cao-dan-van-[0-9a-f]+\.js$/), wasmEnd: end(/\.wasm$/), appStarted: Math.round(window.__bench.marks.appStarted ?? NaN) };
});
async function waitMark(page, names, timeout = 60_000) {
  const list = Array.isArray(names) ? names : [names];
  const h = await page.waitForFunction((l) => {
    const m = window.__bench && window.__bench.marks;
    return m && l.find((n) => m[n] !== undefined);
  }, list, { timeout, polling: 50 });
  return h.jsonValue();
}
/** A fixed JS loop, to show the throttling took effect and how busy the machine is. */
const calibrate = (page) => page.evaluate(() => {
  const s = performance.now();
  let x = 0;
  for (let i = 0; i < 3e6; i++) x = (x + i * 7) % 1000003;
  return performance.now() - s + (x < 0 ? 1 : 0);
});

// ---------------------------------------------------------------------------
// Scenarios. Each returns one run's numbers.

async function homeCold(server, throttle) {
  return session(server, async ({ page, cdp, net, errors }) => {
    await page.goto(`${server.origin}/#/`, { waitUntil: 'commit' });
    await waitMark(page, 'homeFrame');
    await sleep(300);
    const m = await marks(page);
    const out = { throttle, homeFrame: m.homeFrame, appStarted: m.appStarted, breakdown: await loadBreakdown(page), calibrationMs: await calibrate(page) };
    if (throttle === 4) {
      // Bytes of this page load (service worker precache is not the page's).
      await sleep(700);
      const byCat = {};
      for (const r of net.values()) {
        if (!r.url.startsWith(server.origin) || r.url.includes('/__bench/')) continue;
        const c = category(new URL(r.url).pathname);
        byCat[c] ??= { body: 0, wire: 0, files: 0, encodings: new Set() };
        byCat[c].body += Number.isFinite(r.body) ? r.body : 0;
        byCat[c].wire += r.wire ?? 0;
        byCat[c].files += 1;
        byCat[c].encodings.add(r.encoding);
      }
      out.wire = Object.fromEntries(Object.entries(byCat).map(([k, v]) => [k, { ...v, encodings: [...v.encodings] }]));
      // Memory after load: JS heap (V8, precise) + wasm linear memory.
      const before = await cdp.send('Runtime.getHeapUsage');
      await cdp.send('HeapProfiler.collectGarbage');
      const after = await cdp.send('Runtime.getHeapUsage');
      const wasmBytes = await page.evaluate(() => {
        const w = window.__bench.wasm;
        return w && w.memory ? w.memory.buffer.byteLength : null;
      });
      out.memory = { jsHeapUsed: after.usedSize, jsHeapUsedBeforeGc: before.usedSize, jsHeapTotal: after.totalSize, wasmMemory: wasmBytes, total: after.usedSize + (wasmBytes ?? 0) };
    }
    out.errors = errors.slice(0, 5);
    return out;
  }, { throttle });
}

function keystrokeStats(keys, entries) {
  const kinds = new Set(['keydown', 'keypress', 'input', 'keyup']);
  const ev = entries.filter((e) => kinds.has(e.name));
  const per = keys.map(() => 0);
  for (const e of ev) {
    let i = -1;
    for (let j = 0; j < keys.length; j++) if (keys[j].t <= e.startTime + 0.5) i = j;
    if (i >= 0) per[i] = Math.max(per[i], e.duration);
  }
  const byType = {};
  for (const e of ev) (byType[e.name] ??= []).push(e.duration);
  const slowest = per.map((d, i) => ({ i, d, t: keys[i].t })).sort((a, b) => b.d - a.d).slice(0, 8);
  return {
    slowest,
    keystrokes: keys.length,
    slowEvents: ev.length,
    // Keystrokes with no event >= 16 ms count as 0 (i.e. "< 16 ms").
    p75: percentile(per, 75),
    worst: max(ev.map((e) => e.duration)) ?? 0,
    slowByType: Object.fromEntries(Object.entries(byType).map(([k, v]) => [k, { count: v.length, max: max(v) }])),
    frameP75: percentile(keys.map((k) => k.frame), 75),
    frameMax: max(keys.map((k) => k.frame)),
    paintP75: percentile(keys.map((k) => k.paint), 75),
    paintMax: max(keys.map((k) => k.paint)),
  };
}

async function focusNarrative(page, name = 'N01.text') {
  await page.evaluate((n) => {
    const t = document.querySelector(`textarea[name="${n}"]`);
    t.focus();
    t.setSelectionRange(t.value.length, t.value.length);
  }, name);
}

async function settleSaves(page, timeout = 8000) {
  // Autosave debounces 400 ms (at most 2 s while typing): wait until a save
  // follows the last keystroke.
  await page.waitForFunction(() => {
    const B = window.__bench;
    const lastKey = B.keys.length ? B.keys[B.keys.length - 1].t : 0;
    return B.saves.some((s) => s.start > lastKey);
  }, null, { timeout, polling: 100 });
}

async function editorCold(server, throttle, { typing = false, capturePrint = false } = {}) {
  return session(server, async ({ page, errors }) => {
    await page.goto(`${server.origin}/#/bao-cao/${CQ}`, { waitUntil: 'commit' });
    await waitMark(page, 'narrativeFrame');
    const m = await marks(page);
    const out = {
      throttle,
      editorFieldFrame: m.editorFieldFrame,
      narrativeFrame: m.narrativeFrame,
      openSectionMs: m.narrativeFrame - m.openClick,
      appStarted: m.appStarted,
      breakdown: await loadBreakdown(page),
      calibrationMs: await calibrate(page),
    };
    await sleep(500);
    await focusNarrative(page);
    await sleep(300);
    await page.evaluate(() => { const B = window.__bench; B.keys = []; B.eventEntries = []; B.saves = []; });
    if (!typing) {
      // A short edit, for autosave at this CPU rate.
      await page.keyboard.type(TEXT300.slice(0, 40), { delay: TYPE_DELAY });
      await settleSaves(page);
      out.saves = await page.evaluate(() => window.__bench.saves);
    } else {
      const start = Date.now();
      await page.keyboard.type(TEXT300, { delay: TYPE_DELAY });
      out.typeWallMs = Date.now() - start;
      await settleSaves(page, 15_000);
      await sleep(500); // let the PerformanceObserver deliver
      const { keys, entries, saves, value } = await page.evaluate(() => ({
        keys: window.__bench.keys,
        entries: window.__bench.eventEntries,
        saves: window.__bench.saves,
        value: document.querySelector('textarea[name="N01.text"]').value,
      }));
      if (!value.endsWith(TEXT300)) throw new Error('typed text did not reach the narrative field');
      out.typing = keystrokeStats(keys, entries);
      // Was a save running during each of the slowest keystrokes?
      // (a save task that started up to 30 ms before counts: the keystroke waited for it)
      for (const k of out.typing.slowest) k.duringSave = saves.some((sv) => sv.start - 30 <= k.t + k.d && sv.end >= k.t);
      out.saves = saves;

      // Export: click "Xuất tệp" → the browser's download event.
      await page.evaluate(() => { window.__bench.downloads = []; });
      const button = page.getByRole('button', { name: 'Xuất tệp', exact: true });
      const s = Date.now();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), button.click()]);
      out.exportDriverMs = Date.now() - s;
      const inPage = await page.evaluate(() => ({ click: window.__bench.lastClick, dl: window.__bench.downloads[0] }));
      out.exportInPageMs = inPage.dl && inPage.click ? inPage.dl.at - inPage.click.at : null;
      const path = await download.path();
      out.exportFile = { name: download.suggestedFilename(), bytes: statSync(path).size };

      if (capturePrint) out.print = await warmPrint(page, server);
    }
    out.errors = errors.slice(0, 5);
    return out;
  }, { throttle, autoOpen: true });
}

/** In the open app: go to the print view; if it exists, keep its HTML as a static page. */
async function warmPrint(page, server) {
  await page.evaluate(() => { delete window.__bench.marks.print; delete window.__bench.marks.printLaidOut; window.__bench.marks.hashAt = performance.now(); });
  await page.evaluate((id) => { location.hash = `#/in/${id}`; }, CQ);
  let which;
  try {
    which = await waitMark(page, ['printLaidOut', 'notFound'], 20_000);
  } catch {
    return { available: false, why: 'neither a print view nor a "not found" page appeared within 20 s' };
  }
  if (which !== 'printLaidOut') return { available: false, why: 'route #/in/<id> shows "Không tìm thấy trang" in this build' };
  const m = await marks(page);
  const html = await page.evaluate(() => {
    const doc = document.documentElement.cloneNode(true);
    doc.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"]').forEach((e) => e.remove());
    return '<!DOCTYPE html>\n' + doc.outerHTML;
  });
  server.setExtra(STATIC_PATH, html);
  return { available: true, warmMs: m.printLaidOut - m.hashAt, staticBytes: html.length };
}

async function printCold(server, throttle) {
  return session(server, async ({ page, errors }) => {
    await page.goto(`${server.origin}/#/in/${CQ}`, { waitUntil: 'commit' });
    const which = await waitMark(page, ['printLaidOut', 'notFound'], 60_000);
    if (which !== 'printLaidOut') return { available: false };
    const m = await marks(page);
    const fonts = await page.evaluate(() => window.__bench.fonts ?? []);
    return { available: true, laidOut: m.printLaidOut, domReady: m.printFrame, fontsReady: m.fontsReady, fonts, errors: errors.slice(0, 5) };
  }, { throttle });
}

async function staticCold(server, throttle) {
  return session(server, async ({ page }) => {
    await page.goto(`${server.origin}${STATIC_PATH}`, { waitUntil: 'commit' });
    await waitMark(page, 'printLaidOut', 60_000);
    const m = await marks(page);
    const fonts = await page.evaluate(() => window.__bench.fonts ?? []);
    return { laidOut: m.printLaidOut, loadEvent: m.loadEvent, fonts };
  }, { throttle, seed: false });
}

/**
 * The editor's first screen of the full CQ report as a static page: the
 * rendered document with scripts and preloads removed, served from the same
 * origin with the same CSS (the yardstick of the cold-load ratios).
 */
async function captureStaticEditor(server) {
  return session(server, async ({ page }) => {
    await page.goto(`${server.origin}/#/bao-cao/${CQ}`, { waitUntil: 'commit' });
    await waitMark(page, 'editorFieldFrame');
    await sleep(500);
    const html = await page.evaluate(() => {
      const doc = document.documentElement.cloneNode(true);
      doc.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"]').forEach((e) => e.remove());
      return '<!DOCTYPE html>\n' + doc.outerHTML;
    });
    server.setExtra(STATIC_EDITOR_PATH, html);
    return { staticBytes: html.length };
  }, { throttle: 1 });
}

async function staticEditorCold(server, throttle) {
  return session(server, async ({ page }) => {
    await page.goto(`${server.origin}${STATIC_EDITOR_PATH}`, { waitUntil: 'commit' });
    await waitMark(page, 'editorFieldFrame', 60_000);
    await page.waitForFunction(() => performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint'), null, { timeout: 10_000 }).catch(() => {});
    const m = await marks(page);
    return { editorFieldFrame: m.editorFieldFrame, fcp: (await loadBreakdown(page)).fcp };
  }, { throttle, seed: false });
}

/** What a path costs on a first visit, by what it is (fonts and icons apart). */
function firstVisitKind(path) {
  const c = category(path);
  if (c === 'fonts') return 'fonts';
  if (/\.(png|svg|ico|webp)$/i.test(path)) return 'icons';
  return 'app';
}

/**
 * A first visit as a cadre makes it: a fresh profile with the service worker
 * allowed, the home screen, the worker installed (it fills its cache), then a
 * stored report opened. The page's own requests (CDP) are priced at what the
 * server sends for each path; the server's log tells whether any URL crossed
 * the network twice (page and service worker together).
 */
async function firstVisit(server) {
  return session(server, async ({ page, cdp }) => {
    const pagePaths = new Set();
    cdp.on('Network.requestWillBeSent', ({ request }) => {
      if (request.url.startsWith(server.origin)) pagePaths.add(new URL(request.url).pathname);
    });
    const from = server.requests.length;
    await page.goto(`${server.origin}/#/`, { waitUntil: 'commit' });
    await waitMark(page, 'homeFrame');
    // The worker registers after the first paint and fills its cache; wait until it is active.
    const activated = await page.evaluate(() => Promise.race([
      navigator.serviceWorker.ready.then(() => true),
      new Promise((ok) => setTimeout(() => ok(false), 30_000)),
    ]));
    await sleep(1000);
    await page.evaluate((id) => { location.hash = `#/bao-cao/${id}`; }, CQ);
    await waitMark(page, 'editorFieldFrame');
    await sleep(1500);
    const log = server.requests.slice(from).filter((r) => !r.path.startsWith('/__bench/'));
    const counts = new Map();
    // A 304 (revalidated, no body) did not fetch the file again.
    for (const r of log) if (r.status === 200) counts.set(r.path, (counts.get(r.path) ?? 0) + 1);
    const revalidated = log.filter((r) => r.status === 304).length;
    const twice = [...counts.entries()].filter(([, n]) => n > 1).map(([path, n]) => `${path} ×${n}`);
    const byKind = { app: { br: 0, files: [] }, fonts: { br: 0, files: [] }, icons: { br: 0, files: [] } };
    for (const path of pagePaths) {
      const f = server.files.get(path === '/' ? '/index.html' : path);
      if (!f || path.startsWith('/__bench/')) continue;
      const k = byKind[firstVisitKind(path)];
      k.br += (f.br ?? f.raw).length;
      k.files.push(path);
    }
    return { activated, byKind, requests: log.length, revalidated, urls: counts.size, twice };
  }, { throttle: 1 });
}

async function mergeCold(server, throttle) {
  return session(server, async ({ page, errors }) => {
    await page.goto(`${server.origin}/#/tong-hop`, { waitUntil: 'commit' });
    await page.locator('input[name="summary-files"]').waitFor({ state: 'attached', timeout: 60_000 });
    await sleep(500);
    await page.setInputFiles('input[name="summary-files"]', wardFiles);
    await waitMark(page, 'summaryTableFrame', 240_000);
    const m = await marks(page);
    const changeAt = await page.evaluate(() => window.__bench.changeAt);
    // The app marks the end of reading the files and of the merge itself.
    const appMark = (name) => page.evaluate((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null, name);
    const filesRead = await appMark('bcdv:files-read');
    const merged = await appMark('bcdv:merged');
    const hashed = await appMark('bcdv:hashed');
    await page.waitForFunction(() => performance.getEntriesByName('bcdv:units-checked', 'mark').length > 0, null, { timeout: 60_000 });
    const unitsChecked = await appMark('bcdv:units-checked');
    const count = await page.locator('.summary-count').innerText().catch(() => '');
    const rows = await page.locator('table.summary-table tbody tr').count();
    const columns = await page.locator('table.summary-table thead th').count();
    const cells = await page.evaluate(() => document.querySelectorAll('table.summary-table td').length);
    if (rows !== 200) throw new Error(`summary table has ${rows} rows, expected 200 (${count})`);
    return {
      mergeMs: m.summaryTableFrame - changeAt,
      readMs: filesRead == null ? null : filesRead - changeAt,
      hashedMs: hashed == null ? null : hashed - changeAt,
      mergedMs: merged == null ? null : merged - changeAt,
      checkedMs: unitsChecked == null ? null : unitsChecked - changeAt,
      rows, columns, cells, count, errors: errors.slice(0, 5),
    };
  }, { throttle, seed: false });
}

/**
 * "Tải bản Word (.docx)" of the full CQ and ĐẢNG reports, from the print view
 * or the editor (one cold session per place, both kinds): in page, from the
 * click on the button to the app's download anchor click (as for export).
 */
async function docxCold(server, throttle, where) {
  return session(server, async ({ page, errors }) => {
    const out = { where, errors };
    for (const kind of ['CQ', 'DANG']) {
      await page.goto(`${server.origin}/${where === 'print' ? '#/in' : '#/bao-cao'}/${ids[kind]}`, { waitUntil: 'commit' });
      const button = page.getByRole('button', { name: 'Tải bản Word (.docx)' });
      await button.waitFor({ timeout: 60_000 });
      await sleep(500);
      await page.evaluate(() => { window.__bench.downloads = []; });
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), button.click()]);
      const inPage = await page.evaluate(() => ({ click: window.__bench.lastClick, dl: window.__bench.downloads[0] }));
      if (!inPage.dl || !/Word/.test(inPage.click?.text)) throw new Error(`no .docx download in the ${where} of ${kind}`);
      out[kind] = { ms: inPage.dl.at - inPage.click.at, name: download.suggestedFilename(), bytes: statSync(await download.path()).size };
    }
    out.errors = errors.slice(0, 5);
    return out;
  }, { throttle });
}

const BIG_ROWS = 5000;
const N17 = 'Mô hình tự quản: Tổ nhân dân tự quản, hội quán';

/** Typing `text` where the focus is, with the same measurement as the editor's typing (issue 12, defect 10). */
async function typed(page, text) {
  await page.evaluate(() => { const B = window.__bench; B.keys = []; B.eventEntries = []; B.saves = []; });
  await page.keyboard.type(text, { delay: TYPE_DELAY });
  await settleSaves(page, 20_000);
  await sleep(500); // let the PerformanceObserver deliver
  const { keys, entries } = await page.evaluate(() => ({ keys: window.__bench.keys, entries: window.__bench.eventEntries }));
  const { slowest, ...stats } = keystrokeStats(keys, entries);
  return stats;
}

/**
 * The full CQ report with a hội quán list of 5,000 rows: cold open of the
 * editor, its section, then typing into the last row of the list page on
 * screen and into the N01 narrative.
 */
async function bigListCold(server, throttle) {
  return session(server, async ({ page, errors }) => {
    await page.evaluate(([key, n]) => {
      const env = JSON.parse(localStorage.getItem(key));
      env.report.lists.hoi_quan_ds = Array.from({ length: n }, (_, i) =>
        ({ ten: `Hội quán ${i + 1}`, xa_phuong: `Khóm ${(i % 40) + 1}`, thanh_vien: (i % 50) + 1 }));
      env.report.values.hoi_quan_so = n;
      localStorage.setItem(key, JSON.stringify(env));
    }, [`bcdv.draft.${CQ}`, BIG_ROWS]);
    await page.goto(`${server.origin}/#/bao-cao/${CQ}`, { waitUntil: 'commit' });
    await waitMark(page, 'editorFieldFrame');
    const out = { openMs: (await marks(page)).editorFieldFrame };
    const t = Date.now();
    await openSection(page, N17);
    await page.locator('table.list tbody input').first().waitFor({ timeout: 60_000 });
    out.sectionMs = Date.now() - t;
    // Far down the list: the page before the last one, when the list has pages.
    const pager = page.locator('.list-editor .pager').first();
    out.rowsShown = await page.locator('table.list tbody tr').count();
    out.paged = (await pager.count()) > 0;
    if (out.paged) {
      await pager.getByRole('button', { name: 'Cuối »' }).click();
      await pager.getByRole('button', { name: '‹ Trang trước' }).click();
    }
    const cell = page.locator('table.list tbody tr:last-child input[name$=".ten"]');
    await sleep(500);
    await cell.click();
    await page.keyboard.press('End');
    out.cell = await typed(page, TEXT300.slice(0, 60));
    if (!(await cell.inputValue()).endsWith(TEXT300.slice(0, 60))) throw new Error('typed text did not reach the list cell');
    await openSection(page, 'ĐẶC ĐIỂM TÌNH HÌNH');
    await sleep(300);
    await focusNarrative(page);
    out.narrative = await typed(page, TEXT300.slice(0, 100));
    out.errors = errors.slice(0, 5);
    return out;
  }, { throttle });
}

// ---------------------------------------------------------------------------
// CPU profiles (names-kept wasm, no wasm-opt) for the time budgets missed.

function cleanName(cf) {
  let name = (cf.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}$/, '').replace(/^\$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
  return name;
}

/** Where a CPU-profile frame belongs: a Rust crate, the JS glue, a Web API, the browser. */
function bucketOf(cf, name) {
  if (name.startsWith('(')  && !cf.url) return name; // (program), (garbage collector), (idle), (root)
  if (cf.url.startsWith('wasm://') || /_bg\.wasm$/.test(cf.url)) {
    const m = /^<?(?:impl )?(?:[A-Za-z_][\w]* as )?<?([a-z_][a-z0-9_]*)::/.exec(name);
    return m ? m[1] : 'wasm (other)';
  }
  if (/probe\.js$/.test(cf.url)) return name === 'laidOut' ? 'layout forced by the measurement (would run at the next frame anyway)' : 'benchmark probe';
  if (/bao-cao-dan-van-[0-9a-f]+\.js$/.test(cf.url)) return 'wasm-bindgen JS glue';
  if (!cf.url) return 'Web APIs (DOM, storage, text codecs)';
  return 'other JS';
}

/** Self time of a CPU profile, by function and by crate (JS + wasm samples only). */
function topSelf(profile, n = 12) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const buckets = new Map();
  const special = {};
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = (timeDeltas[i + 1] ?? 0) / 1000;
    const cf = byId.get(samples[i]).callFrame;
    const name = cleanName(cf);
    const bucket = bucketOf(cf, name);
    if (bucket.startsWith('(')) {
      special[bucket] = (special[bucket] ?? 0) + dt;
      continue;
    }
    const key = cf.url && !cf.url.startsWith('wasm://') && !/_bg\.wasm$/.test(cf.url) ? `${name} (${cf.url.split('/').pop()}${process.env.BENCH_PROFILE_ONLY ? ':' + cf.lineNumber : ''})` : name;
    self.set(key, (self.get(key) ?? 0) + dt);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + dt);
  }
  const total = [...self.values()].reduce((a, v) => a + v, 0);
  const list = (m, k) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, ms]) => ({ name, ms: round(ms), pct: round((100 * ms) / total) }));
  return { scriptMs: round(total), special: Object.fromEntries(Object.entries(special).map(([k, v]) => [k, round(v)])), top: list(self, n), byCrate: list(buckets, 8) };
}

/** Main-thread time by kind of work, from a Chromium trace (like DevTools' summary). */
function traceSummary(events) {
  const threads = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') threads.set(`${e.pid}:${e.tid}`, 0);
  const KIND = {
    UpdateLayoutTree: 'style', RecalculateStyles: 'style',
    Layout: 'layout',
    Paint: 'paint', PrePaint: 'paint', Layerize: 'paint', UpdateLayer: 'paint', CompositeLayers: 'paint', Commit: 'paint',
    ParseHTML: 'HTML parse', ParseAuthorStyleSheet: 'CSS parse',
    MinorGC: 'GC', MajorGC: 'GC',
  };
  const per = new Map();
  const open = new Map();
  for (const e of events) {
    const t = `${e.pid}:${e.tid}`;
    if (!threads.has(t)) continue;
    let dur = null;
    if (e.ph === 'X') dur = e.dur ?? 0;
    else if (e.ph === 'B') { (open.get(t + e.name) ?? open.set(t + e.name, []).get(t + e.name)).push(e.ts); continue; }
    else if (e.ph === 'E') { const st = open.get(t + e.name)?.pop(); if (st == null) continue; dur = e.ts - st; }
    else continue;
    const acc = per.get(t) ?? per.set(t, { busy: 0, tasks: [], kinds: {} }).get(t);
    // Both names mark the same tasks (and tasks can nest): busy time is the union.
    if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') acc.tasks.push([e.ts - (e.ph === 'E' ? dur : 0), dur]);
    const kind = KIND[e.name] ?? (/^(v8\.)?wasm\./.test(e.name) ? 'wasm compile' : null);
    if (kind) acc.kinds[kind] = (acc.kinds[kind] ?? 0) + dur / 1000;
  }
  for (const acc of per.values()) {
    let end = -Infinity;
    for (const [ts, dur] of acc.tasks.sort((a, b) => a[0] - b[0])) {
      const from = Math.max(ts, end);
      if (ts + dur > from) acc.busy += (ts + dur - from) / 1000;
      end = Math.max(end, ts + dur);
    }
  }
  const main = [...per.values()].sort((a, b) => b.busy - a.busy)[0];
  if (!main) return null;
  const other = Object.values(main.kinds).reduce((a, v) => a + v, 0);
  const kinds = { 'script (JS + wasm + DOM calls)': Math.max(0, main.busy - other), ...main.kinds };
  return {
    busyMs: round(main.busy),
    kinds: Object.entries(kinds).sort((a, b) => b[1] - a[1]).map(([name, ms]) => ({ name, ms: round(ms), pct: round((100 * ms) / main.busy) })),
  };
}

async function traced(cdp, fn, { cpu = true } = {}) {
  const events = [];
  const onData = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.wasm', '__metadata'] },
  });
  if (cpu) await cdp.send('Profiler.start');
  await fn();
  const profile = cpu ? (await cdp.send('Profiler.stop')).profile : null;
  const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  return { cpu: profile && topSelf(profile), trace: traceSummary(events) };
}

/**
 * One scenario once more, profiled at 1× (CPU throttling pauses the thread
 * and shows up as "(program)", so shares are taken unthrottled) against the
 * names-kept build.
 */
async function profiled(server, what, { cpu = true } = {}) {
  const scenario = {
    editorLoad: { url: `/#/bao-cao/${CQ}`, seed: true, autoOpen: true },
    typing: { url: `/#/bao-cao/${CQ}`, seed: true, autoOpen: true },
    merge: { url: '/#/tong-hop', seed: false },
    print: { url: `/#/in/${CQ}`, seed: true },
    homeLoad: { url: '/#/', seed: true },
    autosave: { url: `/#/bao-cao/${CQ}`, seed: true, autoOpen: true },
  }[what];
  return session(server, async ({ page, cdp }) => {
    if (cpu) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    }
    const go = () => page.goto(`${server.origin}${scenario.url}`, { waitUntil: 'commit' });
    if (what === 'editorLoad') return traced(cdp, async () => { await go(); await waitMark(page, 'narrativeFrame'); }, { cpu });
    if (what === 'homeLoad') return traced(cdp, async () => { await go(); await waitMark(page, 'homeFrame'); }, { cpu });
    if (what === 'print') return traced(cdp, async () => { await go(); await waitMark(page, ['printLaidOut', 'notFound']); }, { cpu });
    await go();
    if (what === 'typing' || what === 'autosave') {
      await waitMark(page, 'narrativeFrame');
      await sleep(500);
      await focusNarrative(page);
      return traced(cdp, async () => {
        await page.keyboard.type(TEXT300.slice(0, 100), { delay: TYPE_DELAY });
        await settleSaves(page);
      }, { cpu });
    }
    if (what === 'merge') {
      await page.locator('input[name="summary-files"]').waitFor({ state: 'attached', timeout: 60_000 });
      await sleep(300);
      return traced(cdp, async () => {
        await page.setInputFiles('input[name="summary-files"]', wardFiles);
        await waitMark(page, 'summaryTableFrame', 240_000);
      }, { cpu });
    }
    throw new Error(`no profile scenario ${what}`);
  }, { throttle: 1, seed: scenario.seed, autoOpen: scenario.autoOpen, serviceWorkers: 'block' });
}

// ---------------------------------------------------------------------------
// Sizes (from the precompressed files: exactly what the server sends).

/** Raw and brotli size of each section of a wasm module (code vs data...). */
function wasmSections(buf) {
  const out = [];
  let p = 8;
  const leb = () => { let r = 0, sh = 0, b; do { b = buf[p++]; r |= (b & 0x7f) << sh; sh += 7; } while (b & 0x80); return r >>> 0; };
  const NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
  while (p < buf.length) {
    const id = buf[p++];
    const size = leb();
    const start = p;
    let name = NAMES[id] ?? String(id);
    if (id === 0) { const n = leb(); name = `custom "${buf.subarray(p, p + n).toString()}"`; }
    const body = buf.subarray(start, start + size);
    out.push({ name, raw: size, br: brotliCompressSync(body, { params: { [zc.BROTLI_PARAM_QUALITY]: 11 } }).length });
    p = start + size;
  }
  return out.sort((a, b) => b.raw - a.raw);
}

function sizes(files) {
  const list = [...files.values()].map((f) => ({ path: f.path, category: category(f.path), raw: f.raw.length, br: (f.br ?? f.raw).length }));
  const by = {};
  for (const f of list) {
    by[f.category] ??= { raw: 0, br: 0, files: 0 };
    by[f.category].raw += f.raw;
    by[f.category].br += f.br;
    by[f.category].files += 1;
  }
  for (const c of ['wasm', 'js', 'css', 'fonts', 'other']) by[c] ??= { raw: 0, br: 0, files: 0 };
  const app = { raw: by.wasm.raw + by.js.raw + by.css.raw, br: by.wasm.br + by.js.br + by.css.br };
  const total = list.reduce((a, f) => ({ raw: a.raw + f.raw, br: a.br + f.br }), { raw: 0, br: 0 });
  // The main module (the first download); the on-demand chunks are `-chunk-*.wasm`.
  const wasm = [...files.values()].find((f) => f.path.endsWith('_bg.wasm'));
  const mainWasm = wasm ? { raw: wasm.raw.length, br: (wasm.br ?? wasm.raw).length } : null;
  return { files: list.sort((a, b) => b.br - a.br), byCategory: by, appCode: app, total, mainWasm, wasmSections: wasm ? wasmSections(wasm.raw) : [] };
}

function twiggySummary(csvPath) {
  if (!csvPath || !existsSync(csvPath)) return null;
  const rows = readFileSync(csvPath, 'utf8').trim().split('\n').slice(1).map((line) => {
    const m = /^"((?:[^"]|"")*)",(\d+),([\d.]+)/.exec(line) ?? /^([^,]*),(\d+),([\d.]+)/.exec(line);
    return m ? { name: m[1].replace(/""/g, '"'), bytes: Number(m[2]) } : null;
  }).filter(Boolean);
  const names = rows.find((r) => r.name.includes('function names'));
  const body = rows.filter((r) => r !== names && !r.name.startsWith('Σ') && !/^\.\.\. and/.test(r.name));
  const total = body.reduce((a, r) => a + r.bytes, 0);
  const crates = new Map();
  for (const r of body) {
    let c;
    if (r.name.startsWith('data segment')) c = 'data segments (.rodata: string literals, embedded JSON, Unicode tables)';
    else if (/^(code|type|import|export|elem|table|memory|global)\[/.test(r.name) || /section|custom/.test(r.name)) c = 'wasm sections / glue';
    else {
      const m = /([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/.exec(r.name.replace(/^<impl /, '<'));
      c = m ? m[1] : 'other';
    }
    crates.set(c, (crates.get(c) ?? 0) + r.bytes);
  }
  const byCrate = [...crates.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([name, bytes]) => ({ name, bytes, pct: round((100 * bytes) / total) }));
  const top = body.sort((a, b) => b.bytes - a.bytes).slice(0, 10).map((r) => ({ name: r.name.replace(/::h[0-9a-f]{16}$/, ''), bytes: r.bytes, pct: round((100 * r.bytes) / total) }));
  return { codeAndDataBytes: total, nameSectionBytes: names?.bytes ?? 0, byCrate, top };
}

function engineSummary(path) {
  if (!path || !existsSync(path)) return null;
  const text = readFileSync(path, 'utf8');
  const toMs = (s) => {
    const m = /^([\d.]+)(ns|µs|us|ms|s)$/.exec(s);
    if (!m) return null;
    return Number(m[1]) * { ns: 1e-6, µs: 1e-3, us: 1e-3, ms: 1, s: 1000 }[m[2]];
  };
  const out = {};
  for (const line of text.split('\n')) {
    const m = /^(\w+): (.*?); per evaluation over (\d+) runs: fastest batch (\S+), median batch (\S+)$/.exec(line.trim());
    if (m) out[m[1]] = { what: m[2], runs: Number(m[3]), fastestMs: toMs(m[4]), medianMs: toMs(m[5]) };
  }
  return { kinds: out, raw: text.trim().split('\n').filter((l) => /^\w+: /.test(l)) };
}

// ---------------------------------------------------------------------------
// Main

function machine() {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  let chromiumVersion = 'unknown';
  try {
    chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch { /* keep unknown */ }
  return { cpu, cores: cpus().length, chromium: chromiumVersion, node: process.version, loadAverageAtStart: loadavg().map((x) => round(x, 2)) };
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const mach = machine();
  log(`${mach.cpu}, ${mach.cores} cores, ${mach.chromium}, load ${mach.loadAverageAtStart.join(' ')}`);
  if (process.env.BENCH_REPORT_ONLY) {
    // Re-render BENCHMARKS.md from the last results.json (e.g. after editing tests/bench/NOTES.md).
    const md = markdown(JSON.parse(readFileSync(join(OUT, 'results.json'), 'utf8')));
    writeFileSync(join(repo, 'BENCHMARKS.md'), md);
    console.log(md);
    return;
  }
  if (process.env.BENCH_PROFILE_ONLY) {
    // Debugging aid: only the named profiles (comma-separated), printed.
    const named = await startBrotliServer(NAMED);
    for (const what of process.env.BENCH_PROFILE_ONLY.split(',')) console.log(what, JSON.stringify(await profiled(named, what), null, 1));
    await named.close();
    return;
  }
  const server = await startBrotliServer(DIST);
  log(`serving ${DIST} with brotli at ${server.url}`);
  const size = sizes(server.files);

  const R = { home1: [], home4: [], editor1: [], editor4: [], print4: [], static4: [], merge4: [], docx4: [], biglist4: [], firstvisit: [], staticeditor4: [] };
  const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
  const wanted = (k) => !only || only.has(k);
  let print = { available: false, why: 'not checked' };
  const failures = [];
  const attempt = async (label, fn) => {
    try {
      return await fn();
    } catch (e) {
      failures.push(`${label}: ${String(e.message ?? e).split('\n')[0]}`);
      log(`FAILED ${label}: ${String(e.message ?? e).split('\n')[0]}`);
      return null;
    }
  };

  // Once: the static copy of the editor's first screen (yardstick of the cold-load ratios).
  const staticEditor = (wanted('editor4') || wanted('staticeditor4')) ? await attempt('static editor page', () => captureStaticEditor(server)) : null;

  // Rounds interleave the scenarios, so background load spreads evenly.
  for (let run = 1; run <= RUNS; run++) {
    log(`round ${run}/${RUNS}`);
    const push = (k, v) => { if (v) R[k].push(v); };
    if (wanted('home1')) push('home1', await attempt(`home 1× run ${run}`, () => homeCold(server, 1)));
    if (wanted('home4')) push('home4', await attempt(`home 4× run ${run}`, () => homeCold(server, 4)));
    if (wanted('editor1')) push('editor1', await attempt(`editor 1× run ${run}`, () => editorCold(server, 1)));
    // Bytes and the server's log do not change from run to run.
    if (run === 1 && wanted('firstvisit')) push('firstvisit', await attempt('first visit', () => firstVisit(server)));
    if (staticEditor && wanted('staticeditor4')) push('staticeditor4', await attempt(`static editor 4× run ${run}`, () => staticEditorCold(server, 4)));
    // The print scenarios need the editor's first run (it checks the print view exists).
    if (wanted('editor4') || (run === 1 && (wanted('print4') || wanted('static4')))) {
      const e4 = await attempt(`editor 4× run ${run}`, () => editorCold(server, 4, { typing: true, capturePrint: true }));
      push('editor4', e4);
      if (run === 1) {
        print = e4?.print ?? { available: false, why: 'the editor session failed' };
        log(`print view: ${print.available ? 'available' : `not yet available (${print.why})`}`);
      }
    }
    if (print.available) {
      if (wanted('print4')) push('print4', await attempt(`print 4× run ${run}`, () => printCold(server, 4)));
      if (wanted('static4')) push('static4', await attempt(`static print 4× run ${run}`, () => staticCold(server, 4)));
    }
    if (wanted('merge4')) push('merge4', await attempt(`merge 4× run ${run}`, () => mergeCold(server, 4)));
    if (wanted('docx4')) {
      push('docx4', await attempt(`docx 4× print view run ${run}`, () => docxCold(server, 4, 'print')));
      push('docx4', await attempt(`docx 4× editor run ${run}`, () => docxCold(server, 4, 'editor')));
    }
    if (wanted('biglist4')) push('biglist4', await attempt(`5,000-row list 4× run ${run}`, () => bigListCold(server, 4)));
    const last = (k) => R[k].at(-1);
    log(`  home4 ${round(last('home4')?.homeFrame)} ms, editor4 field ${round(last('editor4')?.editorFieldFrame)} ms, ` +
      `typing p75 ${last('editor4')?.typing?.p75} ms, merge ${round(last('merge4')?.mergeMs)} ms, ` +
      `docx (editor CQ) ${round(last('docx4')?.CQ?.ms)} ms, ` +
      `5,000 rows: typing p75 ${last('biglist4')?.cell?.p75} ms, calib 1× ${round(last('home1')?.calibrationMs)} / 4× ${round(last('home4')?.calibrationMs)} ms`);
  }
  await server.close();

  // ---- metrics
  const pick = (k, f) => R[k].map(f).filter((x) => typeof x === 'number' && Number.isFinite(x));
  const M = {};
  const add = (key, label, unit, runs, budget, extra = {}) => {
    const s = summarize(runs);
    const pass = budget == null || s.median == null ? null : s.median <= budget;
    M[key] = { label, unit, ...s, budget, pass, ...extra };
  };
  const kB = (b) => b / 1000;
  const fv = R.firstvisit[0];
  if (fv) {
    const list = (k) => fv.byKind[k].files.map((p) => (p === '/' ? 'index.html' : p.slice(1))).sort().join(', ');
    add('bytes.firstVisit', `first visit, what the home screen and the editor fetched (wasm, JS, CSS, HTML, manifest; brotli): ${list('app')}`, 'kB', [kB(fv.byKind.app.br)], 160, { group: 'size' });
    add('bytes.firstVisitFonts', `  fonts fetched on that visit: ${list('fonts') || 'none'}`, 'kB', [kB(fv.byKind.fonts.br)], null, { group: 'size' });
    add('bytes.firstVisitIcons', `  icons fetched on that visit: ${list('icons') || 'none'}`, 'kB', [kB(fv.byKind.icons.br)], null, { group: 'size' });
    add('net.twice', `first visit (home, service worker installed, a report opened): URLs fetched from the network more than once (${fv.urls} URLs, ${fv.requests} requests of which ${fv.revalidated} answered 304 Not Modified${fv.twice.length ? ': ' + fv.twice.join(', ') : ''}${fv.activated ? '' : '; the service worker did not activate'})`, '', [fv.twice.length], 0, { group: 'size' });
  }
  add('bytes.appCode', 'the whole app: wasm + JS + CSS of every file in the build (brotli)', 'kB', [kB(size.appCode.br)], null, { group: 'size' });
  add('bytes.wasm', 'wasm (brotli)', 'kB', [kB(size.byCategory.wasm.br)], null, { group: 'size' });
  add('bytes.js', 'JS (brotli)', 'kB', [kB(size.byCategory.js.br)], null, { group: 'size' });
  add('bytes.css', 'CSS (brotli)', 'kB', [kB(size.byCategory.css.br)], null, { group: 'size' });
  if (size.byCategory.fonts.files) add('bytes.fonts', 'fonts (print, woff2)', 'kB', [kB(size.byCategory.fonts.br)], 120, { group: 'size' });
  else add('bytes.fonts', 'fonts (print): none in this build yet', 'kB', [0], null, { group: 'size' });
  add('bytes.other', 'other (HTML, icons, manifest, sw.js)', 'kB', [kB(size.byCategory.other.br)], null, { group: 'size' });
  add('bytes.total', 'everything (brotli)', 'kB', [kB(size.total.br)], null, { group: 'size' });
  add('bytes.totalRaw', 'everything uncompressed', 'kB', [kB(size.total.raw)], null, { group: 'size' });
  add('bytes.wasmRaw', 'wasm uncompressed', 'kB', [kB(size.byCategory.wasm.raw)], null, { group: 'size' });
  add('bytes.homeWire', 'home load, page body bytes on the wire', 'kB',
    R.home4.map((r) => r.wire && kB(Object.values(r.wire).reduce((a, c) => a + c.body, 0))), null, { group: 'size' });

  add('load.home1', 'cold load, home (draft list) 1×', 'ms', pick('home1', (r) => r.homeFrame), null, { group: 'load' });
  add('load.home4', 'cold load, home (draft list) 4×', 'ms', pick('home4', (r) => r.homeFrame), 900, { group: 'load' });
  add('load.editor1', 'cold load → first editable field, full report 1×', 'ms', pick('editor1', (r) => r.editorFieldFrame), null, { group: 'load' });
  add('load.editor4', 'cold load → first editable field, full report 4×', 'ms', pick('editor4', (r) => r.editorFieldFrame), 900, { group: 'load' });
  add('load.narrative1', 'cold load → narrative textarea (opens section 1) 1×', 'ms', pick('editor1', (r) => r.narrativeFrame), null, { group: 'load' });
  add('load.narrative4', 'cold load → narrative textarea (opens section 1) 4×', 'ms', pick('editor4', (r) => r.narrativeFrame), 900, { group: 'load' });
  add('load.editor4.wasm', '  of which: wasm fully downloaded (resource timing) 4×', 'ms', pick('editor4', (r) => r.breakdown?.wasmEnd), null, { group: 'load' });
  add('load.editor4.started', '  of which: app started (wasm compiled, main() mounted the editor) 4×', 'ms', pick('editor4', (r) => r.breakdown?.appStarted), null, { group: 'load' });
  add('load.home4.wasm', 'home 4×: wasm fully downloaded (resource timing)', 'ms', pick('home4', (r) => r.breakdown?.wasmEnd), null, { group: 'load' });
  // Yardstick: the editor's first screen as a static page, in a fresh profile at 4× in the same round.
  const sameRound = (f) => R.editor4.map((e, i) => (R.staticeditor4[i] && f(e) != null && f(R.staticeditor4[i]) ? f(e) / f(R.staticeditor4[i]) : null)).filter((x) => x != null);
  add('load.fcp4', 'first contentful paint, cold load of the editor 4×', 'ms', pick('editor4', (r) => r.breakdown?.fcp), null, { group: 'load' });
  add('load.fcpHome4', 'first contentful paint, cold load of home 4×', 'ms', pick('home4', (r) => r.breakdown?.fcp), null, { group: 'load' });
  add('load.staticFcp4', 'the editor\'s first screen as a static HTML page (no scripts): first contentful paint 4×', 'ms', pick('staticeditor4', (r) => r.fcp), null, { group: 'load' });
  add('load.staticField4', 'that static page: first editable field shown 4×', 'ms', pick('staticeditor4', (r) => r.editorFieldFrame), null, { group: 'load' });
  add('load.fcpRatio', 'first contentful paint 4×, editor ÷ static page (same round)', '×', sameRound((r) => r.breakdown ? r.breakdown.fcp : r.fcp), 1.2, { group: 'load' });
  add('load.editorRatio', 'cold load → first editable field of the full report 4× ÷ static page (same round)', '×', sameRound((r) => r.editorFieldFrame), 1.3, { group: 'load' });
  add('load.openSection4', 'open section 1 (click → textarea shown) 4×', 'ms', pick('editor4', (r) => r.openSectionMs), null, { group: 'load' });

  add('typing.p75', 'typing 300 chars 4×: p75 event duration per keystroke', 'ms', pick('editor4', (r) => r.typing?.p75), 40, { group: 'typing' });
  add('typing.worst', 'typing 300 chars 4×: worst event duration', 'ms', pick('editor4', (r) => r.typing?.worst), 100, { group: 'typing' });
  add('typing.frameP75', 'typing 4×: keydown → next frame, p75', 'ms', pick('editor4', (r) => r.typing?.frameP75), null, { group: 'typing' });
  add('typing.frameMax', 'typing 4×: keydown → next frame, worst', 'ms', pick('editor4', (r) => r.typing?.frameMax), null, { group: 'typing' });
  add('typing.paintP75', 'typing 4×: keydown → after that frame, p75', 'ms', pick('editor4', (r) => r.typing?.paintP75), null, { group: 'typing' });
  add('typing.wall', `typing 4×: wall time for 300 chars (${TYPE_DELAY} ms delay each = ${300 * TYPE_DELAY} ms floor)`, 'ms', pick('editor4', (r) => r.typeWallMs), null, { group: 'typing' });

  const saveMed = (r, f) => median((r.saves ?? []).map(f));
  add('autosave.total4', 'autosave of the full report 4×: whole save (revision check, serialise, write, read back)', 'ms', pick('editor4', (r) => saveMed(r, (s) => s.totalMs)), 5, { group: 'autosave' });
  add('autosave.set4', 'autosave 4×: setItem of the draft alone', 'ms', pick('editor4', (r) => saveMed(r, (s) => s.setMs)), null, { group: 'autosave' });
  add('autosave.storage4', 'autosave 4×: of the whole save, time inside localStorage calls', 'ms', pick('editor4', (r) => saveMed(r, (s) => s.storageMs)), null, { group: 'autosave' });
  add('autosave.total1', 'autosave 1×: whole save', 'ms', pick('editor1', (r) => saveMed(r, (s) => s.totalMs)), null, { group: 'autosave' });
  add('autosave.set1', 'autosave 1×: setItem of the draft alone', 'ms', pick('editor1', (r) => saveMed(r, (s) => s.setMs)), null, { group: 'autosave' });

  add('export.inPage4', 'export 4×: click "Xuất tệp" → file handed to the browser (in page)', 'ms', pick('editor4', (r) => r.exportInPageMs), null, { group: 'export' });
  add('export.driver4', 'export 4×: click → download event (driver)', 'ms', pick('editor4', (r) => r.exportDriverMs), null, { group: 'export' });

  if (print.available) {
    const ratios = R.print4.map((p, i) => (R.static4[i] ? p.laidOut / R.static4[i].laidOut : null));
    // Issue 6's figure: from opening the print view (from the editor, as a
    // user does) to all pages laid out, against the static page of the same round.
    const warm = R.editor4.map((e) => e.print?.warmMs ?? null);
    const warmRatios = warm.map((w, i) => (w != null && R.static4[i] ? w / R.static4[i].laidOut : null));
    add('print.cold4', 'print view of the full report, cold load → laid out with fonts 4×', 'ms', pick('print4', (r) => r.laidOut), 1000, { group: 'print' });
    add('print.dom4', '  of which: print document in the DOM 4×', 'ms', pick('print4', (r) => r.domReady), null, { group: 'print' });
    add('print.fonts4', '  of which: its fonts loaded (document.fonts.ready) 4×', 'ms', pick('print4', (r) => r.fontsReady), null, { group: 'print' });
    add('print.static4', 'same content as a static HTML page (no scripts) 4×', 'ms', pick('static4', (r) => r.laidOut), null, { group: 'print' });
    add('print.warm4', 'print view opened from the editor → all pages laid out with fonts 4×', 'ms', warm.filter((x) => x != null), null, { group: 'print' });
    add('print.warmRatio', 'print view opened from the editor ÷ static HTML (same round)', '×', warmRatios, 1.2, { group: 'print' });
    add('print.ratio', 'cold load of the print view (app download and start included) ÷ static HTML (same round)', '×', ratios, 1.5, { group: 'print' });
  }
  const shape = R.merge4[0] ? `; table of ${R.merge4[0].rows} rows × ${R.merge4[0].columns} columns, ${R.merge4[0].cells.toLocaleString('en')} cells` : '';
  add('merge.200', `merge 200 full ward files 4× (files picked → table shown${shape})`, 'ms', pick('merge4', (r) => r.mergeMs), 1000, { group: 'merge' });
  add('merge.read', '  of which: the 200 files read (picked → bytes in wasm) 4×', 'ms', pick('merge4', (r) => r.readMs), null, { group: 'merge' });
  add('merge.hashed', '  of which: read, and checksums computed by the browser (WebCrypto) 4×', 'ms', pick('merge4', (r) => r.hashedMs), null, { group: 'merge' });
  add('merge.merged', '  of which: read and merged (file checks, checksums, sums, recomputed rates) 4×', 'ms', pick('merge4', (r) => r.mergedMs), null, { group: 'merge' });
  add('merge.checked', 'then every unit\'s own rates and issues filled in (table usable meanwhile) 4×', 'ms', pick('merge4', (r) => r.checkedMs), null, { group: 'merge' });

  const DOCX = 'Word file 4×: click "Tải bản Word (.docx)" → file handed to the browser (in page)';
  for (const [where, label] of [['print', 'print view'], ['editor', 'editor']]) {
    for (const kind of ['CQ', 'DANG']) {
      add(`docx.${where}${kind}4`, `${DOCX}, full ${kind === 'CQ' ? 'CQ' : 'ĐẢNG'} report, ${label}`, 'ms',
        pick('docx4', (r) => (r.where === where ? r[kind]?.ms : null)), kind === 'CQ' ? 150 : null, { group: 'docx' });
    }
  }
  // Not measured by this run: it needs a second release build with `save_docx` stubbed out (see the method below).
  add('docx.wasmAdded', 'wasm the Word writer adds (brotli -q 11: 416,289 → 423,871 B; by hand, main c7523f7)', 'kB',
    [kB(423871 - 416289)], 25, { group: 'docx' });
  const BIG = `full CQ report with a ${BIG_ROWS.toLocaleString('en')}-row hội quán list 4×`;
  add('biglist.open4', `cold load → first editable field, ${BIG}`, 'ms', pick('biglist4', (r) => r.openMs), null, { group: 'biglist' });
  add('biglist.section4', '  then its section opened (click → list shown, by the driver)', 'ms', pick('biglist4', (r) => r.sectionMs), null, { group: 'biglist' });
  add('biglist.cellP75', 'typing 60 chars into a row far down the list: p75 event duration per keystroke', 'ms', pick('biglist4', (r) => r.cell?.p75), 40, { group: 'biglist' });
  add('biglist.cellWorst', 'typing into that row: worst event duration', 'ms', pick('biglist4', (r) => r.cell?.worst), 100, { group: 'biglist' });
  add('biglist.textP75', 'then typing 100 chars into the N01 narrative: p75 event duration per keystroke', 'ms', pick('biglist4', (r) => r.narrative?.p75), 40, { group: 'biglist' });
  add('biglist.textWorst', 'typing into the narrative: worst event duration', 'ms', pick('biglist4', (r) => r.narrative?.worst), 100, { group: 'biglist' });

  const MB = (b) => b / 1e6;
  add('memory.total', 'JS heap + wasm memory after home load', 'MB', pick('home4', (r) => r.memory && MB(r.memory.total)), 4, { group: 'memory' });
  add('memory.js', 'JS heap used (after GC)', 'MB', pick('home4', (r) => r.memory && MB(r.memory.jsHeapUsed)), null, { group: 'memory' });
  add('memory.jsBeforeGc', 'JS heap used (before GC)', 'MB', pick('home4', (r) => r.memory && MB(r.memory.jsHeapUsedBeforeGc)), null, { group: 'memory' });
  add('memory.wasm', 'wasm linear memory', 'MB', pick('home4', (r) => r.memory && MB(r.memory.wasmMemory)), null, { group: 'memory' });

  add('calibration.1', 'calibration loop 1× (machine load indicator)', 'ms', pick('home1', (r) => r.calibrationMs), null, { group: 'calibration' });
  add('calibration.4', 'calibration loop 4× (CDP rate 4; a long loop measures ≈ 3× here)', 'ms', pick('home4', (r) => r.calibrationMs), null, { group: 'calibration' });

  if (only) {
    for (const m of Object.values(M)) {
      if ((m.group !== 'size' || /^(first visit|  fonts fetched|  icons fetched)/.test(m.label)) && m.median != null) console.log(`${m.label}: ${fmt(m.median, m.unit)} ${m.unit} (${fmt(m.min, m.unit)}–${fmt(m.max, m.unit)})${m.budget != null ? `, budget ${m.budget}` : ''}`);
    }
    return;
  }

  // ---- profiles for missed budgets
  const profiles = {};
  const missed = Object.entries(M).filter(([, m]) => m.pass === false).map(([k]) => k);
  const wantProfile = new Set();
  for (const k of missed) {
    if (k === 'load.home4') wantProfile.add('homeLoad');
    if (k === 'load.editor4' || k === 'load.narrative4') wantProfile.add('editorLoad');
    if (k.startsWith('typing.')) wantProfile.add('typing');
    if (k.startsWith('autosave.')) wantProfile.add('autosave');
    if (k === 'merge.200') wantProfile.add('merge');
    if (k.startsWith('print.')) wantProfile.add('print');
  }
  if (wantProfile.size && existsSync(join(NAMED, 'index.html'))) {
    // Trace of the measured build (where main-thread time goes), CPU profile
    // of the names-kept build (which functions).
    const real = await startBrotliServer(DIST);
    const named = await startBrotliServer(NAMED);
    for (const what of wantProfile) {
      log(`trace (measured build) + CPU profile (names-kept wasm), 1×: ${what}`);
      const t = await attempt(`trace ${what}`, () => profiled(real, what, { cpu: false }));
      const c = await attempt(`profile ${what}`, () => profiled(named, what));
      if (t || c) profiles[what] = { trace: t?.trace ?? null, cpu: c?.cpu ?? null, namedTrace: c?.trace ?? null };
    }
    await real.close();
    await named.close();
  }

  const results = {
    date: new Date().toISOString(),
    machine: { ...mach, loadAverageAtEnd: loadavg().map((x) => round(x, 2)) },
    note: process.env.BENCH_NOTE ?? null,
    runs: RUNS,
    durationSeconds: Math.round((Date.now() - t0) / 1000),
    method: { typeDelayMs: TYPE_DELAY, typedChars: 300, wardFiles: wardFiles.length, report: CQ, viewport: '1280×800', units: 'kB = 1000 bytes, MB = 10^6 bytes' },
    printView: print,
    metrics: M,
    sizes: size,
    engine: engineSummary(process.env.BENCH_ENGINE),
    twiggy: twiggySummary(process.env.BENCH_TWIGGY),
    profiles,
    failures,
    raw: R,
  };
  writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2));
  const md = markdown(results);
  writeFileSync(join(repo, 'BENCHMARKS.md'), md);
  console.log('\n' + md);
  log(`wrote ${join(OUT, 'results.json')} and BENCHMARKS.md`);
  if (failures.length) {
    console.log(`\n${failures.length} scenario run(s) failed:\n- ${failures.join('\n- ')}`);
    process.exitCode = 1;
  }
}

// ---------------------------------------------------------------------------
// Markdown

function fmt(x, unit) {
  if (x == null) return '–';
  if (unit === '') return String(Math.round(x)); // a count
  if (unit === '×') return x.toFixed(2);
  if (unit === 'MB') return x.toFixed(2);
  if (unit === 'kB') return x >= 100 ? x.toFixed(0) : x.toFixed(1);
  return x >= 100 ? x.toFixed(0) : x.toFixed(1);
}

function markdown(r) {
  const L = [];
  const m = r.machine;
  L.push('# Benchmarks', '');
  L.push('Measured by `bash .ci/bench` (see README, "Benchmarks"): the release build served with brotli on 127.0.0.1, driven in Debian Chromium by playwright-core with a fresh profile for every cold run. Latest run:', '');
  L.push(`- **Date:** ${r.date.replace('T', ' ').slice(0, 16)} UTC; ${r.runs} runs per metric (median, min, max); the whole benchmark took ${Math.round(r.durationSeconds / 60)} min.`);
  L.push(`- **Machine:** ${m.cpu}, ${m.cores} cores; ${m.chromium}; Node ${m.node}. Load average at start ${m.loadAverageAtStart.join(' / ')}, at end ${m.loadAverageAtEnd.join(' / ')}.`);
  if (r.note) L.push(`- **Note:** ${r.note}`);
  L.push(`- **Throttling:** "4×" is \`Emulation.setCPUThrottlingRate\` 4, standing in for a cheap 10-inch tablet. Viewport ${r.method.viewport}. Units: ${r.method.units}.`);
  L.push('');
  L.push('| metric | median | min | max | budget | |');
  L.push('|---|---:|---:|---:|---:|:-:|');
  const groups = { size: 'Size (on the wire)', load: 'Cold load', typing: 'Typing', autosave: 'Autosave', export: 'Export', print: 'Print view', merge: 'Tổng hợp', docx: 'Word file (.docx)', biglist: 'Long lists', memory: 'Memory', calibration: 'Calibration' };
  for (const [g, title] of Object.entries(groups)) {
    const rows = Object.values(r.metrics).filter((x) => x.group === g);
    if (!rows.length && g !== 'print') continue;
    L.push(`| **${title}** | | | | | |`);
    if (g === 'print' && !rows.length) {
      L.push(`| print view of the full report (≤ 1000 ms at 4×, ≤ 1.2× static HTML) | not yet available | | | | – |`);
      continue;
    }
    for (const x of rows) {
      const one = x.n <= 1;
      const status = x.pass == null ? '' : x.pass ? '✅' : '❌';
      const budget = x.budget == null ? '' : `≤ ${x.budget}${x.unit === '×' ? '×' : ' ' + x.unit}`;
      L.push(`| ${x.label} | ${fmt(x.median, x.unit)}${x.unit === '×' ? '×' : ' ' + x.unit} | ${one ? '' : fmt(x.min, x.unit)} | ${one ? '' : fmt(x.max, x.unit)} | ${budget} | ${status} |`);
    }
  }
  L.push('');
  if (r.engine) {
    L.push('**Native engine** (`cargo run --release --example bench_engine`, `evaluate` of a full report, 1000 runs in batches of 100):', '');
    for (const [k, v] of Object.entries(r.engine.kinds)) L.push(`- ${k}: fastest batch ${fmt(v.fastestMs * 1000)} µs, median batch ${fmt(v.medianMs * 1000)} µs per evaluation (${v.what}).`);
    L.push('');
  }
  L.push('## Budgets', '');
  L.push('- First visit (issue 16): what the home screen and the editor fetch (wasm, JS, CSS, HTML, manifest) ≤ 160 kB brotli, fonts and icons listed apart; the whole app is reported beside it; no URL fetched from the network twice during the first visit (server log). The bundled print fonts ≤ 120 kB.');
  L.push('- Against a static HTML page of the editor\'s first screen in the same round (issue 16): first contentful paint at 4× ≤ 1.2×, cold load → first editable field of the full report at 4× ≤ 1.3×; a cold print view ≤ 1.5× the static print page.');
  L.push('- Cold load at 4× ≤ 900 ms (home screen, and a stored full report\'s editor to its first editable field; the narrative textarea, one click later, is held to the same budget).');
  L.push('- Typing at 4×: p75 ≤ 40 ms and worst ≤ 100 ms (Event Timing durations of keydown/keypress/input/keyup).');
  L.push('- Autosave of a full report ≤ 5 ms (the whole save, measured at 4×).');
  L.push('- Print view: a cold load of `#/in/<id>` ≤ 1 s at 4× (issue 8); opening it from the editor ≤ 1.2× the same content as static HTML (issue 6: "from opening the print view … to all pages laid out"); a cold load, which also downloads and starts the app, ≤ 1.5× the static page (issue 16).');
  L.push('- Merge of 200 ward files ≤ 1 s at 4×: files picked → merged table on screen; each unit\'s own rates and issues fill in right after (shown as a separate line).');
  L.push('- JS heap + wasm memory ≤ 4 MB after the home screen has loaded.');
  L.push('- Word file (issue 15): click to download of the full CQ report\'s .docx ≤ 150 ms at 4×, from the print view and from the editor; the Word writer adds ≤ 25 kB brotli to the download.');
  L.push(`- Long lists (issue 12, defect 10): a report with a ${BIG_ROWS.toLocaleString('en')}-row list opens and is edited within the typing budget at 4× (p75 ≤ 40 ms, worst ≤ 100 ms).`);
  L.push('');
  const missed = Object.values(r.metrics).filter((x) => x.pass === false);
  L.push('## What dominates (missed budgets)', '');
  if (!missed.length) L.push('Every budget is met.');
  if (missed.some((x) => x.group === 'size') && r.twiggy) {
    const t = r.twiggy;
    const main = r.sizes.mainWasm;
    L.push(`**Size.** The first download's wasm (the main module, without the on-demand chunks) is ${main ? `${fmt(main.br / 1000)} kB brotli (${fmt(main.raw / 1000)} kB raw)` : 'not found'}; all the app's wasm is ${fmt(r.metrics['bytes.wasm'].median, 'kB')} kB brotli. \`twiggy top\` of that main module in a build with names kept and no wasm-opt (${fmt(t.codeAndDataBytes / 1000)} kB of code and data, not counting ${fmt(t.nameSectionBytes / 1000)} kB of names), by crate:`);
    L.push('', '| crate / part | bytes | share |', '|---|---:|---:|');
    for (const c of t.byCrate) L.push(`| ${c.name} | ${c.bytes.toLocaleString('en')} | ${c.pct}% |`);
    const secs = r.sizes.wasmSections.filter((x) => x.raw > 4000);
    if (secs.length) L.push('', 'Sections of the shipped main module (each brotli-compressed alone): ' + secs.map((x) => `${x.name} ${fmt(x.raw / 1000)} kB raw → ${fmt(x.br / 1000)} kB`).join('; ') + '.');
    L.push('', 'Largest single items: ' + t.top.slice(0, 6).map((x) => `\`${x.name.slice(0, 90)}\` ${fmt(x.bytes / 1000)} kB`).join('; ') + '.', '');
  }
  const PROFILE_TITLES = { homeLoad: 'Cold load of the home screen', editorLoad: 'Cold load of the editor (to the N01 narrative)', typing: 'Typing (100 characters, until saved)', autosave: 'Typing with autosave', merge: 'Merge of 200 files', print: 'Print view' };
  for (const [what, p] of Object.entries(r.profiles ?? {})) {
    if (!p || what === 'autosave' && r.profiles.typing) continue;
    const tr = p.trace ? `Main thread of the measured build, ${fmt(p.trace.busyMs)} ms busy at 1×: ` + p.trace.kinds.filter((k) => k.pct >= 1).map((k) => `${k.name} ${k.pct}%`).join(', ') + '. ' : '';
    L.push(`**${PROFILE_TITLES[what]}.** ${tr}` + (p.cpu ? `Of the ${fmt(p.cpu.scriptMs)} ms sampled in JS and wasm (CPU profile of the names-kept wasm): ` +
      p.cpu.byCrate.map((c) => `${c.name} ${c.pct}%`).join(', ') + '. Top functions by self time:' : ''), '');
    for (const f of p.cpu?.top.slice(0, 8) ?? []) L.push(`- ${f.pct}% (${fmt(f.ms)} ms) \`${f.name.slice(0, 140)}\``);
    L.push('');
  }
  L.push('<!-- notes: the paragraph below is written by hand after looking at the profiles; the generator keeps it. -->');
  L.push(NOTES_PLACEHOLDER);
  L.push('');
  L.push('## How each metric is measured', '');
  L.push(METHOD);
  return L.join('\n') + '\n';
}

const NOTES_PLACEHOLDER = existsSync(join(repo, 'tests/bench/NOTES.md')) ? readFileSync(join(repo, 'tests/bench/NOTES.md'), 'utf8').trim() : '';

const METHOD = `- **Bytes**: every file of the build is brotli-compressed at quality 11 when the server starts (PNG and woff2 are sent as they are); the table adds up what the server sends for each category. "Home load, page body bytes" is the sum of \`content-length\` of the responses the page itself received (CDP \`Network\`), i.e. without the service worker's precache, which downloads the whole build once more on a first visit.
- **First visit**: once per benchmark, a fresh profile with the service worker allowed (the two fixture reports stored, so one can be opened): \`#/\` until the draft list is shown, then until the service worker is active (it fills its cache), then \`#/bao-cao/<id>\` of the CQ report until its first editable field is shown. The bytes are every path the page itself requested (CDP \`Network\`), priced at what the server sends for it (brotli when smaller), fonts and icons apart; the server's log of the whole visit (page and service worker) counts the URLs sent with a body more than once (a revalidation answered 304 Not Modified, as a static host with ETags answers, has no body).
- **Static pages**: the editor's first screen of the full CQ report (rendered once at the start, \`outerHTML\` without scripts and preloads) and the print view (from the editor session of round 1), served from the same origin with the same CSS and fonts; each round loads them in a fresh profile at 4× and times them as the app (first contentful paint from the \`paint\` entries; the first editable field as for the editor).
- **Cold load**: a new Chromium profile per run (no HTTP cache, no service worker, no code cache); the two full fixture reports (CQ and ĐẢNG, \`src/fixtures.rs\`) are written to localStorage from a blank page of the same origin exactly as the app stores them, then CPU throttling is set and the app URL is opened. Times are \`performance.now()\` (from navigation start) at the animation frame in which the element first exists (MutationObserver in an init script): the draft list for home; for the editor (\`#/bao-cao/<id>\` of the CQ report) the first input/textarea/select in the form that is neither readonly nor disabled; then the probe clicks section 1 in the checklist and times its narrative textarea \`N01.text\`.
- **Typing**: in the 4× editor session, 300 ASCII characters are typed at the end of \`N01.text\` with \`page.keyboard.type\` (${TYPE_DELAY} ms delay), which sends real keydown/keypress/input/keyup. A \`PerformanceObserver\` on \`event\` entries (\`durationThreshold: 16\`, buffered) gives each event's duration; every keystroke gets the longest of its events (0 when none reached 16 ms), p75 is over the 300 keystrokes, worst is the longest event. "keydown → next frame" is measured in page: keydown's timestamp to the next \`requestAnimationFrame\`; "after that frame" to a task queued from it.
- **Autosave**: one save is the span between the editor's performance marks \`bcdv:save-start\` and \`bcdv:save-end\` around \`drafts::save\` (read the stored revision from the head of the entry, serialise the report, write it, read it back; \`.prev\` is written once per editing session and the index only for a new draft). \`Storage.prototype.setItem\`/\`getItem\` are wrapped in page to report the \`setItem\` of the draft alone and the time inside storage calls. Median of the saves made while typing (about one every 2 s).
- **Export**: the "Xuất tệp" button is clicked; in page, from the click event to the app's download anchor click; by the driver, to Playwright's \`download\` event.
- **Print view**: cold load of \`#/in/<id>\` until \`article.doc\` exists, then forced layout, \`document.fonts.ready\` and the next frame; "opened from the editor" is the same, from setting \`location.hash\` to \`#/in/<id>\` in the editor session of each round. The static comparison is the rendered print view's \`outerHTML\` with scripts and preloads removed, served from the same origin with the same CSS and fonts, timed the same way from its \`load\` event, in a fresh profile at 4× in the same round.
- **Merge**: \`#/tong-hop\` in a fresh profile at 4×; \`setInputFiles\` with 200 export files of full CQ reports (distinct unit codes and ids, valid sha256); from the input's \`change\` event to the frame showing \`.summary-table\` with 200 rows.
- **Word file**: in a fresh profile at 4×, the print view (\`#/in/<id>\`) or the editor (\`#/bao-cao/<id>\`) of the full CQ report, then of the ĐẢNG report in the same session; "Tải bản Word (.docx)" is clicked half a second after it appears; in page, from the click event to the app's download anchor click (building the document, writing the WordprocessingML and the ZIP, the Blob). The size the writer adds is measured by hand, not by \`.ci/bench\`: \`brotli -q 11\` of the release wasm (\`trunk build --release\`) against the same build with the body of \`ui::shared::save_docx\` replaced by \`Err(String::new())\`, so that the linker drops \`src/print/docx\` (on main c7523f7, with it: 1,429,856 B raw, 423,871 B brotli; without it: 1,404,559 B and 416,289 B).
- **Long lists**: in a fresh profile, the stored full CQ report gets ${BIG_ROWS.toLocaleString('en')} rows in its hội quán list (\`hoi_quan_ds\`, and \`hoi_quan_so\` to match) before the app starts; at 4× the editor is opened cold, then that section; on the page before the last one of the list, the last row's name cell is clicked and 60 characters typed, then 100 characters at the end of \`N01.text\`; each keystroke is measured as for Typing (after the following autosave).
- **Memory**: after the 4× home load, CDP \`HeapProfiler.collectGarbage\` then \`Runtime.getHeapUsage\` (used JS heap), plus the wasm linear memory \`memory.buffer.byteLength\` from the exports trunk passes in its \`TrunkApplicationStarted\` event.
- **Profiles** (only for missed time budgets): the scenario once more, unthrottled (throttling pauses the main thread, which a profile cannot tell from work), against a build whose wasm keeps its function names (\`wasm-bindgen --keep-debug\` of the same cargo output, without wasm-opt, so somewhat slower than the measured build). A Chromium trace splits main-thread time into script, style, layout, paint, GC; the CDP \`Profiler\` (200 µs sampling) splits the script part by function and by crate (self time).
- **Calibration**: a fixed 3-million-iteration JS loop after each home load; it shows that throttling applied and how loaded the machine was.`;

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
