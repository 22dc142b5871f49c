// Screens on demand (issue 16, item 3): the release build splits the wasm
// (src/web/split.mjs) into the main module, which home and the editor need,
// and chunks for the print view, tổng hợp, the unit profile, reading imported
// files and backups, making a backup, the Word writer, the Đề cương screen,
// the draft move page, the export writer and the check of stored outlines at
// start (only on a device that has some). Home and the editor
// never ask for a chunk; each screen asks for its own when opened; the
// service worker precaches every chunk, so after one online visit every
// screen opens with the server stopped. Each test gets its own server (with
// a request log) and a fresh browser profile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { builtServiceWorker,
  servedBodies,
  startServer, launch, watchedPage, appReady, editorReady, createReport, distDir, downloadOf, field, waitForDraft,
} from '../lib/harness.mjs';

/** The wasm files of the build other than the main module: the chunks. */
function chunkFiles() {
  return builtServiceWorker().files.filter((f) => f.endsWith('.wasm') && !f.endsWith('_bg.wasm'))
    .map((f) => f.slice(2));
}

// The chunk of each on-demand piece, by the name of its `on_demand_fn!` function
// (src/web/split.mjs names a chunk after it; shared code is in `-chunk-` files).
const PIECES = {
  print: 'print-screen', summary: 'summary-screen', profile: 'profile-screen', import: 'import-files',
  backup: 'backup-all', docx: 'docx-file', editorDocx: 'report-docx-file', cungKyFile: 'read-previous',
  outlines: 'outlines-screen', moveDraft: 'move-draft-screen', exportFile: 'export-file',
  storedOutlines: 'register-stored-outlines',
};
const isPiece = (file, piece) => new RegExp(`^bao-cao-dan-van-${PIECES[piece]}-[0-9a-f]{16}\\.wasm$`).test(file);
const fileName = (url) => new URL(url).pathname.split('/').pop();

/** The build's chunks, after checking that each on-demand piece has its own. */
function splitChunks() {
  const chunks = chunkFiles();
  for (const piece of Object.keys(PIECES)) {
    assert.equal(chunks.filter((f) => isPiece(f, piece)).length, 1, `the build has one ${piece} chunk`);
  }
  return chunks;
}

/** Every same-origin request the page makes (through the service worker or not). */
function recordRequests(page, origin) {
  const seen = [];
  page.on('request', (req) => { if (req.url().startsWith(origin)) seen.push(req.url()); });
  return seen;
}

/** Every same-origin response the page receives, with where it came from. */
function recordResponses(page) {
  const seen = [];
  page.on('response', (res) => seen.push({ url: res.url(), fromServiceWorker: res.fromServiceWorker(), status: res.status() }));
  return seen;
}

/** Wait until the service worker controls the page (its precache is complete). */
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

/** Open `hash` in the page and wait for the app. */
async function open(page, origin, hash) {
  await page.goto(`${origin}/${hash}`);
  await appReady(page);
}

/** Backup of everything, then that backup restored: reading the file is its own chunk. */
async function backupAndRestore(page) {
  const backup = await downloadOf(page, () => page.getByRole('button', { name: 'Sao lưu tất cả' }).click());
  assert.match(backup.name, /\.json$/);
  await page.locator('.import-results li.ok').filter({ hasText: 'Đã tạo tệp sao lưu' }).waitFor();
  await page.locator('input[type="file"][name="import-files"]').setInputFiles({
    name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text, 'utf8'),
  });
  await page.locator('.import-results li.ok').filter({ hasText: 'đã có sẵn, không có gì thay đổi' }).first().waitFor();
  return backup;
}

/** Key of a stored outline that no longer loads: its check at start is a chunk. */
const BROKEN_OUTLINE = 'bcdv.outline.OD_BROKEN.1';

/** Open each on-demand screen and use each on-demand piece; returns nothing, fails if one does not render. */
async function visitEveryPiece(page, origin, id) {
  await open(page, origin, '#/');
  await page.getByRole('heading', { level: 1, name: 'Báo cáo của đơn vị' }).waitFor();
  // A device with a stored outline checks it at start, from its chunk, and
  // says that this one no longer loads.
  await page.evaluate((key) => localStorage.setItem(key, '{"id":"OD_BROKEN"'), BROKEN_OUTLINE);
  await page.reload();
  await appReady(page);
  await page.getByText('Đề cương đã lưu «OD_BROKEN phiên bản 1» không mở được nữa').waitFor();
  await page.evaluate((key) => localStorage.removeItem(key), BROKEN_OUTLINE);
  const backup = await backupAndRestore(page);

  await open(page, origin, `#/in/${id}`);
  await page.locator('.print-root .sheet').first().waitFor();
  await page.locator('.print-root h1.doc-title').waitFor();
  const printed = await downloadOf(page, () => page.getByRole('button', { name: 'Tải bản Word (.docx)' }).click());
  assert.match(printed.name, /\.docx$/);
  assert.ok(printed.text.startsWith('PK'), 'the Word file of the print view is a ZIP archive');

  await open(page, origin, `#/bao-cao/${id}`);
  await editorReady(page);
  const exported = await downloadOf(page, () => page.getByRole('button', { name: 'Xuất tệp', exact: true }).click());
  assert.match(exported.name, /\.json$/);
  assert.equal(JSON.parse(exported.text).report.id, id, 'the export file holds the report');
  const docx = await downloadOf(page, () => page.getByRole('button', { name: 'Tải bản Word (.docx)' }).click());
  assert.match(docx.name, /\.docx$/);
  assert.ok(docx.text.startsWith('PK'), 'the Word file is a ZIP archive');
  // Last year's figures from a file: the import checks run (and refuse a backup).
  await page.getByRole('button', { name: 'Lấy số liệu cùng kỳ' }).click();
  await page.locator('input[name="cung-ky-file"]').setInputFiles({
    name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text, 'utf8'),
  });
  await page.getByText(`«${backup.name}»`).first().waitFor();

  await open(page, origin, '#/tong-hop');
  await page.getByRole('heading', { level: 1, name: 'Tổng hợp báo cáo các đơn vị' }).waitFor();

  await open(page, origin, '#/don-vi');
  await page.getByRole('heading', { level: 1, name: 'Thông tin đơn vị' }).waitFor();

  await open(page, origin, '#/de-cuong');
  await page.getByRole('heading', { level: 1, name: 'Đề cương báo cáo' }).waitFor();
  await page.getByText('Đề cương báo cáo kết quả thực hiện công tác dân vận chính quyền').first().waitFor();

  // A built-in draft has no newer version: the page says so, from its chunk.
  await open(page, origin, `#/chuyen-de-cuong/${id}`);
  await page.getByRole('heading', { level: 1, name: 'Chuyển báo cáo sang đề cương mới' }).waitFor();
}

test('home and the editor load no chunk; each on-demand screen loads its own, and every file crosses the network once', async () => {
  const chunks = splitChunks();
  const server = await startServer(distDir, { validators: true });
  const browser = await launch();
  try {
    const { page, consoleErrors, foreignRequests } = await watchedPage(browser.context, server.origin);
    const requested = recordRequests(page, server.origin);
    await open(page, server.origin, '');
    await page.getByRole('heading', { level: 1, name: 'Báo cáo của đơn vị' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Nhập, sao lưu và khôi phục' }).waitFor();
    const id = await createReport(page);
    await page.getByRole('button', { name: 'Tải bản Word (.docx)' }).waitFor();
    await controlled(page);

    const wasmOf = () => requested.filter((u) => u.endsWith('.wasm')).map(fileName);
    const before = wasmOf();
    assert.equal(before.length, 1, `home and the editor ask for the main module only: ${before.join(', ')}`);
    assert.ok(before[0].endsWith('_bg.wasm'));
    assert.deepEqual(before.filter((f) => chunks.includes(f)), [], 'no chunk before an on-demand screen opens');

    // Each piece asks for its own chunk when it is used, and not before.
    const opened = (piece) => wasmOf().some((f) => isPiece(f, piece));
    // Pointing at the editor's Word button fetches the Word writer, so the click rarely waits for it.
    const wordWriter = page.waitForResponse((res) => isPiece(fileName(res.url()), 'editorDocx'), { timeout: 10_000 });
    await page.getByRole('button', { name: 'Tải bản Word (.docx)' }).hover();
    assert.equal((await wordWriter).status(), 200, 'the Word writer was fetched when the button was pointed at');
    await page.mouse.move(0, 0);
    await open(page, server.origin, `#/in/${id}`);
    await page.locator('.print-root .sheet').first().waitFor();
    assert.ok(opened('print'), 'the print view fetched its chunk');
    assert.ok(!opened('summary') && !opened('profile') && !opened('docx'), 'only the print chunk so far');
    await open(page, server.origin, '#/tong-hop');
    await page.getByRole('heading', { level: 1, name: 'Tổng hợp báo cáo các đơn vị' }).waitFor();
    assert.ok(opened('summary'), 'tổng hợp fetched its chunk');
    assert.ok(!opened('profile') && !opened('import') && !opened('backup'));
    assert.ok(!opened('exportFile') && !opened('storedOutlines'), 'no export yet, no stored outline');

    await visitEveryPiece(page, server.origin, id);
    for (const piece of Object.keys(PIECES)) assert.ok(opened(piece), `${piece} fetched its chunk`);

    // Let late requests (icons, manifest) arrive before reading the log.
    await page.waitForTimeout(500);
    const { counts, twice } = servedBodies(server);
    assert.deepEqual(twice, [], 'no URL is fetched from the server twice');
    for (const chunk of chunks) assert.equal(counts.get(`/${chunk}`), 1, `${chunk} served once (the precache)`);
    assert.deepEqual(server.requests.filter((r) => ![200, 304].includes(r.status)), [], 'every request answered');
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(foreignRequests, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('after one online visit every screen and every on-demand piece opens with the server stopped', async () => {
  const chunks = splitChunks();
  const server = await startServer(distDir);
  const browser = await launch();
  try {
    const first = await watchedPage(browser.context, server.origin);
    await open(first.page, server.origin, '');
    const id = await createReport(first.page, { kind: 'DANG', period: 'H1', year: 2025 });
    await controlled(first.page);
    const { cacheName } = builtServiceWorker();
    const cached = await first.page.evaluate(async (name) =>
      (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname.slice(1)), cacheName);
    for (const chunk of chunks) assert.ok(cached.includes(chunk), `${chunk} precached`);
    await first.page.close();

    const served = server.requests.length;
    await server.close();

    const second = await watchedPage(browser.context, server.origin);
    const responses = recordResponses(second.page);
    await visitEveryPiece(second.page, server.origin, id);

    const wasm = responses.filter((r) => r.url.endsWith('.wasm')).map((r) => fileName(r.url));
    for (const chunk of chunks) assert.ok(wasm.includes(chunk), `${chunk} was loaded`);
    assert.deepEqual(responses.filter((r) => !r.fromServiceWorker), [], 'every response came from the service worker');
    assert.deepEqual(responses.filter((r) => r.status !== 200), [], 'every response is 200');
    assert.equal(server.requests.length, served, 'no request reached the (stopped) server');
    assert.deepEqual(first.consoleErrors, []);
    assert.deepEqual(second.consoleErrors, []);
    assert.deepEqual(second.foreignRequests, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a piece that does not arrive is said in Vietnamese, the app keeps working, and «Thử lại» loads it', async () => {
  const server = await startServer(distDir);
  // No service worker: the chunks come from the network, which is cut for them.
  const browser = await launch({ serviceWorkers: 'block' });
  try {
    const { page, foreignRequests } = await watchedPage(browser.context, server.origin);
    const crashes = [];
    page.on('pageerror', (err) => crashes.push(String(err)));
    let offline = true;
    const pieces = new RegExp(`-(${PIECES.print}|${PIECES.editorDocx}|${PIECES.docx})-[0-9a-f]{16}\\.wasm$`);
    await page.route(pieces, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    await open(page, server.origin, '');
    const id = await createReport(page);
    const missing = 'Chưa tải được phần này của ứng dụng';

    // The editor's Word file: told, and the editor goes on saving what is typed.
    await page.getByRole('button', { name: 'Tải bản Word (.docx)' }).click();
    await page.getByText(`Không tải được bản Word: ${missing}`).waitFor();
    await field(page, 'name').fill('Vẫn lưu được khi thiếu một phần');
    await waitForDraft(page, id, (d) => d.report.name === 'Vẫn lưu được khi thiếu một phần');

    // The print view: a message in place of the screen, then «Thử lại» once the network is back.
    await open(page, server.origin, `#/in/${id}`);
    const alert = page.getByRole('alert').filter({ hasText: missing });
    await alert.waitFor();
    assert.equal(await page.locator('#loi-nghiem-trong').count(), 0, 'no panic banner');
    offline = false;
    await alert.getByRole('button', { name: 'Thử lại' }).click();
    await page.locator('.print-root .sheet').first().waitFor();
    await page.locator('.print-root h1.doc-title').waitFor();
    assert.equal(await alert.count(), 0, 'the message is gone');
    const printed = await downloadOf(page, () => page.getByRole('button', { name: 'Tải bản Word (.docx)' }).click());
    assert.ok(printed.text.startsWith('PK'), 'the Word file, from its chunk now, is a ZIP archive');
    assert.deepEqual(crashes, [], 'the wasm did not abort');
    assert.deepEqual(foreignRequests, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
