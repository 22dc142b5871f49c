// The app shell: loads from dist/, home screen in Vietnamese, no console
// errors, no foreign requests, strict CSP, panic banner, axe-clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, watchedPage, appReady, axeViolations, distDir } from '../lib/harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('home screen loads with no console error and no foreign request', async () => {
  const { page, consoleErrors, foreignRequests } = await watchedPage(browser.context, server.origin);
  await page.goto(server.url);
  await appReady(page);
  assert.equal(await page.title(), 'Báo cáo Dân vận');
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  await page.getByRole('heading', { level: 1, name: 'Báo cáo của đơn vị' }).waitFor();
  await page.getByText('Chưa có báo cáo nào').waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(foreignRequests, []);
  await page.close();
});

test('built index.html has a strict CSP and no inline script', () => {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="?Content-Security-Policy"?/i) && html.match(/content="([^"]*default-src[^"]*)"/)[1];
  assert.ok(csp, 'CSP meta tag present');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval'(?<!wasm-unsafe-eval')|\*/);
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs]) => !/\bsrc=/.test(attrs));
  assert.deepEqual(inline, [], 'no inline <script>');
});

test('drafts saved in localStorage are listed on the home screen', async () => {
  const { page, consoleErrors } = await watchedPage(browser.context, server.origin);
  await page.goto(server.url);
  await appReady(page);
  await page.evaluate(() => {
    const summary = {
      id: 'seeded-1', name: 'Báo cáo quý III', unit: 'Phường 1', kind: 'DANG', period_type: 'Q3', year: 2025,
      status: 'draft', progress: 40, updated_at: '2025-10-02T03:04:05Z', exported_at: null,
    };
    localStorage.setItem('bcdv.draft.seeded-1', JSON.stringify({
      storage_version: 1, schema_version: 1, template_id: 'DANG', template_version: 1, revision: 1,
      saved_at: summary.updated_at, summary, report: {},
    }));
  });
  await page.reload();
  await appReady(page);
  const row = page.locator('.draft', { hasText: 'Báo cáo quý III' });
  await row.waitFor();
  assert.match(await row.innerText(), /Phường 1 · Đảng · quý III năm 2025/);
  assert.deepEqual(consoleErrors, []);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test('a panic shows a Vietnamese error banner instead of a dead page', async () => {
  const { page } = await watchedPage(browser.context, server.origin);
  await page.goto(server.url + '#/kiem-tra-loi');
  const banner = page.getByRole('alert');
  await banner.waitFor({ timeout: 20_000 });
  const text = await banner.innerText();
  assert.match(text, /lỗi ngoài dự kiến.*bản nháp đã lưu vẫn còn nguyên/s);
  assert.equal(text, text.normalize('NFC'));
  await page.getByRole('button', { name: 'Tải lại trang' }).waitFor();
  await page.close();
});

// The banner (src/web/fatal.js) comes from the trap a panic ends in,
// whichever way it reaches the page. The start's panic above arrives as the
// start's failed promise; a panic in a click or timer handler arrives as an
// uncaught error.
test('a wasm trap thrown out of an event handler shows the banner; other script errors do not', async () => {
  const { page } = await watchedPage(browser.context, server.origin);
  await page.goto(server.url);
  await appReady(page);
  const throwLater = (kind) => page.evaluate((k) => new Promise((resolve) => {
    setTimeout(() => { throw k === 'trap' ? new WebAssembly.RuntimeError('unreachable') : new TypeError('x is undefined'); });
    setTimeout(resolve, 50);
  }), kind);
  await throwLater('other');
  assert.equal(await page.locator('#loi-nghiem-trong').count(), 0, 'no banner for an ordinary script error');
  await throwLater('trap');
  await page.getByRole('alert').filter({ hasText: 'lỗi ngoài dự kiến' }).waitFor();
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Tải lại trang' }).click()]);
  await appReady(page);
  assert.equal(await page.locator('#loi-nghiem-trong').count(), 0, 'the reload starts afresh');
  await page.close();
});

for (const [name, viewport] of [
  ['desktop 1280×800', { width: 1280, height: 800 }],
  ['tablet portrait 800×1280', { width: 800, height: 1280 }],
]) {
  test(`home screen has zero axe-core violations (${name})`, async () => {
    const { page } = await watchedPage(browser.context, server.origin);
    await page.setViewportSize(viewport);
    await page.goto(server.url);
    await appReady(page);
    await page.getByText('Chưa có báo cáo nào').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    // Nothing overflows sideways on a tablet.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
    await page.close();
  });
}
