// Faults a tablet in a commune hall meets: the tab is killed right after
// typing, the network goes away mid-edit, storage is disabled, hostile text.
// Every test asserts on what is stored, not only on the screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, launch, watchedPage, appReady, appStorage } from '../lib/harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

/** Create a CQ report through the UI; returns its id, editor open on N01. */
async function newReport(page) {
  await page.goto(server.url);
  await appReady(page);
  await page.getByRole('button', { name: 'Tạo báo cáo mới' }).click();
  await page.getByRole('button', { name: 'Tạo và mở báo cáo' }).click();
  await page.waitForSelector('.editor-body');
  const id = new URL(page.url()).hash.replace('#/bao-cao/', '');
  await page.locator('.checklist .check-item').nth(1).click();
  await page.locator('textarea[name="N01.text"]').waitFor();
  return id;
}

function storedReport(storage, id) {
  return JSON.parse(storage[`bcdv.draft.${id}`]).report;
}

test('renderer crash right after typing loses no keystroke', async () => {
  const browser = await launch();
  try {
    const { page } = await watchedPage(browser.context, server.origin);
    const id = await newReport(page);
    // The tab that reopens the draft exists before the crash: a headless
    // browser whose only tabs crashed cannot open a new one.
    const { page: again, consoleErrors } = await watchedPage(browser.context, server.origin);
    await page.bringToFront();
    await page.locator('textarea[name="N01.text"]').click();
    await page.keyboard.type('Tình hình ổn định, nhân dân phấn khởi');
    // No wait: the debounced save has not run, and a crash fires no pagehide.
    // Kill this tab's renderer (as an out-of-memory kill on a tablet would):
    // no pagehide, no unload, no timers run. CDP Page.crash takes the whole
    // headless browser down with it here; chrome://crash kills one renderer.
    const crashed = new Promise((ok) => page.once('crash', ok));
    page.goto('chrome://crash').catch(() => {});
    await crashed;
    await again.goto(`${server.url}#/bao-cao/${id}`);
    await again.waitForSelector('.editor-body');
    await again.getByText(/Đã khôi phục 1 ô vừa nhập/).waitFor();
    await again.locator('.checklist .check-item').nth(1).click();
    assert.equal(await again.inputValue('textarea[name="N01.text"]'), 'Tình hình ổn định, nhân dân phấn khởi');
    // The restored text is then saved as a normal revision and the journal cleared.
    await again.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).report.texts['N01.text']?.endsWith('phấn khởi'), `bcdv.draft.${id}`);
    await again.waitForFunction((key) => localStorage.getItem(key) === null, `bcdv.journal.${id}`);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
  }
});

test('going offline mid-edit: editing, saving and exporting keep working', async () => {
  const browser = await launch();
  try {
    const { page, consoleErrors, foreignRequests } = await watchedPage(browser.context, server.origin);
    const id = await newReport(page);
    await browser.context.setOffline(true);
    await page.locator('textarea[name="N01.text"]').fill('Viết khi mất mạng');
    await page.getByText(/Đã lưu lúc \d\d:\d\d/).waitFor();
    assert.equal(storedReport(await appStorage(page), id).texts['N01.text'], 'Viết khi mất mạng');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất tệp', exact: true }).click(),
    ]);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(file.report.texts['N01.text'], 'Viết khi mất mạng');
    assert.equal(storedReport(await appStorage(page), id).status, 'exported');
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(foreignRequests, []);
  } finally {
    await browser.close();
  }
});

test('storage disabled by the browser is said plainly and nothing crashes', async () => {
  const browser = await launch();
  try {
    await browser.context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
      });
    });
    const { page } = await watchedPage(browser.context, server.origin);
    await page.goto(server.url);
    await appReady(page);
    await page.getByText(/Trình duyệt không cho phép lưu dữ liệu/).first().waitFor();
    assert.equal(await page.locator('#loi-nghiem-trong').count(), 0, 'no panic banner');
    await page.goto(`${server.url}#/bao-cao/khong-co`);
    await page.getByRole('heading', { name: 'Không mở được báo cáo' }).waitFor();
    assert.equal(await page.locator('#loi-nghiem-trong').count(), 0, 'no panic banner');
  } finally {
    await browser.close();
  }
});

test('hostile text typed or pasted is stored and shown as text, never run', async () => {
  const browser = await launch();
  try {
    const { page, consoleErrors } = await watchedPage(browser.context, server.origin);
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    const id = await newReport(page);
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script> javascript:alert(3) \u202Eabc ' + 'x'.repeat(20000);
    await page.locator('textarea[name="N01.text"]').fill(evil);
    await page.locator('.checklist .check-item').last().click();
    await page.locator('input[name="signature.ho_ten"]').fill('<b onmouseover=alert(4)>Nguyễn</b>');
    await page.getByText(/Đã lưu lúc/).waitFor();
    await page.reload();
    await page.waitForSelector('.editor-body');
    await page.locator('.checklist .check-item').nth(1).click();
    assert.equal(await page.inputValue('textarea[name="N01.text"]'), evil);
    await page.goto(server.url);
    await appReady(page);
    assert.equal(await page.locator('img[src="x"], b[onmouseover]').count(), 0);
    const report = storedReport(await appStorage(page), id);
    assert.equal(report.texts['N01.text'], evil);
    assert.equal(report.signature.ho_ten, '<b onmouseover=alert(4)>Nguyễn</b>');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
  }
});
