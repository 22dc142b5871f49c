// Shared e2e harness: a static server for dist/ on 127.0.0.1, Debian
// Chromium through playwright-core with a fresh profile, and checks every
// spec needs (console errors, foreign requests, axe-core).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname, resolve, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../..');
export const distDir = process.env.DIST_DIR ?? join(repoRoot, 'dist');
export const outDir = join(repoRoot, 'tests/e2e/out');

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function checkRoot(root) {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run trunk build --release first`);
  }
}

/**
 * Serve `root` on 127.0.0.1 (a free port unless `port` is given). `/` serves
 * index.html. `setRoot(dir)` switches to another build at the same origin,
 * as a new deployment would. `requests` logs every request served, in order
 * ({ path, status, bytes, sentAt, dest }); `delay(path)` may return
 * milliseconds to hold a response back (a slow connection for that file).
 * With `validators`, responses carry an ETag and a matching If-None-Match is
 * answered 304 without a body, as static hosts do.
 */
export async function startServer(root = distDir, { port: wantedPort = 0, delay, validators = false } = {}) {
  checkRoot(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const wait = delay?.(path) ?? 0;
    if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
    const answer = (status, body, headers = {}) => {
      requests.push({ path, status, bytes: body.length, sentAt: Date.now(), dest: req.headers['sec-fetch-dest'] });
      res.writeHead(status, headers).end(body);
    };
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) { answer(403, ''); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { answer(404, 'not found'); return; }
    const body = readFileSync(file);
    const headers = { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (validators) {
      headers.etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
      if (req.headers['if-none-match'] === headers.etag) { answer(304, '', headers); return; }
    }
    answer(200, body, headers);
  });
  await new Promise((ok, fail) => { server.once('error', fail); server.listen(wantedPort, '127.0.0.1', ok); });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    setRoot: (dir) => { checkRoot(dir); root = dir; },
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A Chromium with a fresh, empty profile. Call `close()` to remove it. */
export async function launch(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'bcdv-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
    ...options,
  });
  return {
    context,
    close: async () => {
      // After a renderer crash (fault tests) a normal close can hang; give it
      // a few seconds, then end this browser's processes by their profile dir.
      const closed = await Promise.race([
        context.close().then(() => true, () => false),
        new Promise((ok) => setTimeout(() => ok(false), 5_000)),
      ]);
      if (!closed) spawnSync('pkill', ['-9', '-f', `--user-data-dir=${profile}`]);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Open a page that records console errors, page errors and every request
 * outside `origin`. Returns { page, consoleErrors, foreignRequests }.
 */
export async function watchedPage(context, origin) {
  const page = await context.newPage();
  const consoleErrors = [];
  const foreignRequests = [];
  page.on('console', (msg) => { if (msg.type() === 'error') consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  return { page, consoleErrors, foreignRequests };
}

/** Wait until the wasm app has mounted (the top bar is rendered by Rust, in
 * place of index.html's static shell, which has one too). */
export async function appReady(page) {
  await page.locator('#app-shell').waitFor({ state: 'detached', timeout: 20_000 });
  await page.locator('header.topbar').waitFor({ state: 'visible', timeout: 20_000 });
}

const axeSource = readFileSync(join(repoRoot, 'tests/e2e/node_modules/axe-core/axe.min.js'), 'utf8');

/** Run axe-core (WCAG 2.x A/AA + best practices) and return its violations. */
export async function axeViolations(page) {
  // Injected through CDP-evaluated source, not a <script> tag: the app's CSP
  // (rightly) forbids inline scripts.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }),
  );
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
}

/** Read every app key from localStorage (for "nothing changed" assertions). */
export async function appStorage(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith('bcdv.')) out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

// ---------------------------------------------------------------------------
// Editor helpers (03-editor, 04-editor-faults). Additions only: nothing above
// changes behaviour.

/**
 * A fresh origin and a fresh browser: its own server (a new port is a new
 * origin, so localStorage starts empty) and its own Chromium profile.
 * Returns { server, browser, context, page, consoleErrors, foreignRequests,
 * newPage(), close() }.
 */
export async function openSession({ root = distDir, viewport, launchOptions = {} } = {}) {
  const server = await startServer(root);
  const browser = await launch({ ...(viewport ? { viewport } : {}), ...launchOptions });
  const first = await watchedPage(browser.context, server.origin);
  return {
    server,
    browser,
    context: browser.context,
    ...first,
    newPage: () => watchedPage(browser.context, server.origin),
    close: async () => { await browser.close(); await server.close(); },
  };
}

/**
 * Run `body(session)` in a fresh session opened on the app's home screen
 * (`setup(session)` first, e.g. to record dialogs), then assert that no
 * console error (unless `allowConsoleErrors`) and no request outside the
 * origin happened. The session is always closed.
 */
export async function withApp(options, body, { allowConsoleErrors = false, setup } = {}) {
  const s = await openSession(options);
  try {
    setup?.(s);
    await s.page.goto(s.server.url);
    await appReady(s.page);
    await body(s);
    if (!allowConsoleErrors) assert.deepEqual(s.consoleErrors, [], 'no console error');
    assert.deepEqual(s.foreignRequests, [], 'no request leaves the origin');
  } finally {
    await s.close();
  }
}

/** Poll `fn` until it returns something truthy and return that, or throw. */
export async function until(fn, { timeout = 10_000, interval = 40, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${String(last?.message ?? last)})`);
    await new Promise((ok) => setTimeout(ok, interval));
  }
}

/** One localStorage entry parsed as JSON (null when absent). */
export async function storedJson(page, key) {
  const raw = await page.evaluate((k) => localStorage.getItem(k), key);
  return raw === null ? null : JSON.parse(raw);
}

/** The stored envelope of draft `id` (null when absent). */
export const storedDraft = (page, id) => storedJson(page, `bcdv.draft.${id}`);

/** Wait until the stored envelope of `id` satisfies `predicate(envelope)`; returns it. */
export async function waitForDraft(page, id, predicate, what = 'the draft in storage', timeout = 10_000) {
  return until(async () => {
    const env = await storedDraft(page, id);
    return env && predicate(env) ? env : null;
  }, { what, timeout });
}

/** Locator of the form control named `name` (the field naming contract). */
export const field = (page, name) => page.locator(`[name="${name}"]`);

/** The draft id of the editor URL `#/bao-cao/<id>`. */
export function draftIdOf(url) {
  const m = /#\/bao-cao\/([^/?#]+)$/.exec(url);
  if (!m) throw new Error(`not an editor URL: ${url}`);
  return decodeURIComponent(m[1]);
}

/** Wait until the editor of a draft is on screen. */
export async function editorReady(page) {
  await appReady(page);
  await page.locator('nav.checklist').waitFor({ timeout: 20_000 });
}

/**
 * Create a report through the home screen ("Tạo báo cáo mới"): kind `CQ` or
 * `DANG`, period code (Q1..Q4, H1, M9, Y) and year. Returns the new id once
 * the editor is open.
 */
export async function createReport(page, { kind = 'CQ', period = 'Q3', year = 2025 } = {}) {
  const here = new URL(page.url());
  if (here.hash !== '' && here.hash !== '#/') await page.goto(new URL('#/', here).href);
  await appReady(page);
  const form = page.locator('form.new-report');
  if (!(await form.isVisible())) await page.getByRole('button', { name: 'Tạo báo cáo mới' }).click();
  await form.waitFor();
  await form.locator(`input[name="new.kind"][value="${kind}"]`).check();
  await form.getByLabel('Kỳ báo cáo').selectOption(period);
  await form.getByLabel('Năm').fill(String(year));
  await form.getByRole('button', { name: 'Tạo và mở báo cáo' }).click();
  await page.waitForURL(/#\/bao-cao\/.+/);
  await editorReady(page);
  return draftIdOf(page.url());
}

/** The checklist button of the section titled exactly `title`. */
export function checklistItem(page, title) {
  return page.locator('nav.checklist .check-item').filter({
    has: page.locator('.check-title', { hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }),
  });
}

/** Open a section of the editor by its exact checklist title. */
export async function openSection(page, title) {
  await checklistItem(page, title).click();
  await page.locator('#section-heading', { hasText: title }).waitFor();
}

/** Wait until the save chip says "Đã lưu lúc HH:MM"; returns its text. */
export async function savedChip(page, timeout = 10_000) {
  const chip = page.locator('.save-chip');
  await chip.getByText(/^Đã lưu lúc \d{2}:\d{2}$/).waitFor({ timeout });
  return (await chip.innerText()).trim();
}

/** Click `trigger` and return the download it starts as { name, text }. */
export async function downloadOf(page, trigger) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), trigger()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Byte order of UTF-8, as Rust's BTreeMap<String, _> sorts keys. */
const byUtf8 = (a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/**
 * The canonical JSON of src/exchange/export.rs `checksum`: serde_json's
 * compact text of a Value, object keys sorted, no whitespace. (Written by
 * hand: a JS object would put integer-like keys first whatever the order.)
 */
export function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    // Members holding `undefined` are absent, as JSON.stringify leaves them out.
    const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort(byUtf8);
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export const sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Open draft `id` of session `s` in `page`, at section `title` when given. */
export async function openDraft(s, page, id, title) {
  await page.goto(`${s.server.url}#/bao-cao/${id}`);
  await editorReady(page);
  if (title) await openSection(page, title);
}

/**
 * Let `page`'s timers be held: while held, window.setTimeout callbacks are
 * queued until released, so autosave never runs in that page, as if the
 * cadre were still typing (a conflict with another tab, or a crash where
 * only the journal holds the edits). Playwright's clock is per context and
 * would freeze every tab. Call before the page loads the app.
 */
export async function holdableTimers(page) {
  await page.addInitScript(() => {
    const real = window.setTimeout.bind(window);
    const held = [];
    window.__hold = false;
    window.setTimeout = (fn, ms, ...args) => {
      if (window.__hold) { held.push([fn, args]); return 0; }
      return real(fn, ms, ...args);
    };
    window.__release = () => { window.__hold = false; for (const [fn, args] of held.splice(0)) real(fn, 0, ...args); };
  });
}
/** Hold `page`'s timers from now on (see `holdableTimers`). */
export const holdTimers = (page) => page.evaluate(() => { window.__hold = true; });
/** Run the held timers of `page` and stop holding. */
export const releaseTimers = (page) => page.evaluate(() => window.__release());

/**
 * Two pages on one new CQ draft (Q3 2025) whose N01 text "Bản gốc" is
 * saved: page A (`s.page`) and page B, a second page opened on it. With
 * `holdB`, B's timers are held once it shows the draft (see
 * `holdableTimers`), so its edits stay unsaved while A saves: the conflict
 * case, made deterministic.
 */
export async function twoTabs(s, { holdB }) {
  const id = await createReport(s.page, { kind: 'CQ', period: 'Q3', year: 2025 });
  await openSection(s.page, 'ĐẶC ĐIỂM TÌNH HÌNH');
  await field(s.page, 'N01.text').fill('Bản gốc');
  await waitForDraft(s.page, id, (e) => e.report.texts['N01.text'] === 'Bản gốc');
  await savedChip(s.page);
  const bw = await s.newPage();
  const b = bw.page;
  if (holdB) await holdableTimers(b);
  await openDraft(s, b, id, 'ĐẶC ĐIỂM TÌNH HÌNH');
  assert.equal(await field(b, 'N01.text').inputValue(), 'Bản gốc');
  if (holdB) await holdTimers(b);
  return { id, a: s.page, b, bErrors: bw.consoleErrors };
}

/**
 * Result lists that keep earlier lines (import results, outline results):
 * mark the lines shown now, so `freshResults` waits for new ones only.
 */
export async function markStale(page, list) {
  await page.locator(list).waitFor({ state: 'attached' });
  await page.evaluate((sel) => document.querySelectorAll(`${sel} > li`).forEach((li) => li.setAttribute('data-stale', '')), list);
}

/** Wait until `expected` lines of `list`, none marked by `markStale`, are shown; returns their class and text. */
export async function freshResults(page, list, expected) {
  return until(async () => {
    const lines = await page.evaluate((sel) => [...document.querySelectorAll(`${sel} > li`)].map((li) => ({
      stale: li.hasAttribute('data-stale'), cls: li.className, text: li.innerText,
    })), list);
    return lines.length === expected && lines.every((l) => !l.stale) ? lines.map(({ cls, text }) => ({ cls, text })) : null;
  }, { what: `${expected} new line(s) in ${list}`, timeout: 15_000 });
}

/**
 * Drop `files` ({ name, buffer }) on the page's `.drop-zone` through a
 * DataTransfer built in the page, and wait for `expected` fresh lines of `list`.
 */
export async function dropFiles(page, list, files, expected = files.length) {
  await markStale(page, list);
  await page.evaluate((items) => {
    const dt = new DataTransfer();
    for (const f of items) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    const zone = document.querySelector('.drop-zone');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files.map((f) => ({ name: f.name, text: f.buffer.toString('utf8') })));
  return freshResults(page, list, expected);
}

/** From a server's request log: how many times each path was sent in full, and the paths sent more than once. */
export function servedBodies(server) {
  const bodies = server.requests.filter((r) => r.status === 200);
  const counts = new Map();
  for (const r of bodies) counts.set(r.path, (counts.get(r.path) ?? 0) + 1);
  const twice = [...counts].filter(([, n]) => n > 1).map(([path, n]) => `${path} ×${n}`);
  return { bodies, counts, twice };
}

/** The cache name and file list the build hook wrote into `dir`/sw.js. */
export function builtServiceWorker(dir = distDir) {
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  return {
    cacheName: JSON.parse(sw.match(/const CACHE = ("[^"]*");/)[1]),
    files: JSON.parse(sw.match(/const FILES = (\[[^\]]*\]);/)[1]),
  };
}
