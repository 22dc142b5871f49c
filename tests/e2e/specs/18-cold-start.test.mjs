// Cold start of an on-demand screen (issue 16, the cold print budget): the
// print view is a wasm chunk that the app would request only after the main
// module has been downloaded, compiled and started. On the print route the
// page asks for the print view's chunks (preloads written by the build hook,
// src/web/split.mjs, added by src/web/print_fonts.js) while the main module
// is still downloading, and the app's loader reuses them: each file crosses
// the network once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, watchedPage, appReady, createReport, distDir } from '../lib/harness.mjs';

// A slow connection for the main module only: whatever is requested while it
// is held back was requested before the app could have started.
const MAIN_WASM_DELAY_MS = 3000;
const isMainWasm = (path) => /\/bao-cao-dan-van-[0-9a-f]+_bg\.wasm$/.test(path);
const isChunk = (path) => path.endsWith('.wasm') && !isMainWasm(path);

/** A new draft made in a page of its own (closed after), so the next page loads cold; returns its id. */
async function draftOnServer(browser, server) {
  const setup = await watchedPage(browser.context, server.origin);
  await setup.page.goto(server.url);
  await appReady(setup.page);
  const id = await createReport(setup.page);
  await setup.page.close();
  return id;
}

test('a cold load of the print view requests its chunks while the main module is still downloading, each once', async () => {
  const server = await startServer(distDir, { delay: (path) => (isMainWasm(path) ? MAIN_WASM_DELAY_MS : 0) });
  // No service worker: its precache would fetch every chunk, and the cold
  // load below must go to the server as a first visit does.
  const browser = await launch({ serviceWorkers: 'block' });
  try {
    const id = await draftOnServer(browser, server);
    assert.deepEqual(server.requests.filter((r) => isChunk(r.path)).map((r) => r.path), [],
      'home and the editor fetched no chunk');

    // A new document on the print route (the server sends `no-cache` and no
    // validator: the main module is downloaded again, as slowly).
    const from = server.requests.length;
    const { page, consoleErrors, foreignRequests } = await watchedPage(browser.context, server.origin);
    await page.goto(`${server.origin}/#/in/${id}`);
    await appReady(page);
    await page.locator('.print-root .sheet').first().waitFor();
    await page.locator('.print-root h1.doc-title').waitFor();

    const load = server.requests.slice(from);
    const main = load.filter((r) => isMainWasm(r.path));
    assert.equal(main.length, 1, 'the main module was downloaded once');
    const chunks = load.filter((r) => isChunk(r.path));
    const printChunk = chunks.filter((r) => /\/bao-cao-dan-van-print-screen-[0-9a-f]{16}\.wasm$/.test(r.path));
    assert.equal(printChunk.length, 1, `the print view's chunk was fetched once: ${chunks.map((r) => r.path).join(', ')}`);
    // `sentAt` is when the server answered: the main module's answer was held
    // back, the chunks' were not.
    const late = chunks.filter((r) => r.sentAt >= main[0].sentAt).map((r) => r.path);
    assert.deepEqual(late, [], 'every chunk the print view needs was requested before the main module arrived');
    const paths = chunks.map((r) => r.path);
    assert.deepEqual(paths.filter((p, i) => paths.indexOf(p) !== i), [], 'no chunk was fetched twice (the preloads were used)');
    assert.deepEqual(load.filter((r) => r.status !== 200), [], 'every request answered');
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(foreignRequests, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

// The editor's first frame (issue 16, item 4): its fields come before the
// report's evaluation, which follows that frame; meanwhile the checklist and
// the issue panel say they are working, never that nothing was found.
test('the editor shows its fields first, and its progress and checks right after', async () => {
  const server = await startServer(distDir);
  const browser = await launch({ serviceWorkers: 'block' });
  try {
    const id = await draftOnServer(browser, server);

    const { page, consoleErrors } = await watchedPage(browser.context, server.origin);
    // Every state of the checklist's summary and of the issue panel, with
    // whether an editable field was on the page at that moment.
    await page.addInitScript(() => {
      window.__states = [];
      new MutationObserver(() => {
        const progress = document.querySelector('.checklist .overall p')?.textContent;
        const checks = document.querySelector('.issue-panel')?.textContent;
        if (progress == null || checks == null) return;
        const last = window.__states.at(-1);
        if (last && last.progress === progress && last.checks === checks) return;
        const field = !!document.querySelector('.editor-main input:not([readonly]):not([disabled])');
        window.__states.push({ progress, checks, field });
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(`${server.origin}/#/bao-cao/${id}`);
    await page.locator('.checklist .overall', { hasText: 'Đã xong' }).waitFor();
    await page.locator('.issue-panel .badge.error').waitFor();
    const states = await page.evaluate(() => window.__states);
    const first = states[0];
    assert.ok(first.field, `a field is shown in the first state: ${JSON.stringify(states)}`);
    assert.equal(first.progress.trim(), 'Đang tính tiến độ…');
    assert.match(first.checks, /Đang kiểm tra số liệu…/);
    assert.doesNotMatch(first.checks, /Không phát hiện sai lệch/, 'no "nothing found" before checking');
    const done = states.at(-1);
    assert.match(done.progress, /Đã xong \d+% \(\d+\/\d+ mục bắt buộc\)/);
    assert.match(done.checks, /\d+ lỗi/);
    // The checklist marks the sections that hold errors, with their number, once checked.
    const panelErrors = Number((await page.locator('.issue-panel .badge.error').innerText()).match(/\d+/)[0]);
    const sectionErrors = (await page.locator('nav.checklist .badge.error').allInnerTexts())
      .map((t) => Number(t.match(/^(\d+) lỗi$/)[1]));
    assert.ok(sectionErrors.length > 0 && sectionErrors.every((n) => n > 0), `section badges: ${sectionErrors}`);
    assert.ok(sectionErrors.reduce((a, b) => a + b, 0) <= panelErrors, `${sectionErrors} of ${panelErrors} errors`);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
