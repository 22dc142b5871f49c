// The editor when things go wrong: the page closed right after a keystroke,
// storage full, a corrupted entry, the same draft open in two tabs, drafts
// from a newer or an older version of the app. Each test has a fresh origin
// and a fresh browser profile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  withApp, appReady, appStorage,
  until, storedDraft, storedJson, waitForDraft, field, createReport, openSection, savedChip, downloadOf, editorReady,
  openDraft as openDraftAt,
  releaseTimers, twoTabs,
} from '../lib/harness.mjs';

const N01 = 'ĐẶC ĐIỂM TÌNH HÌNH';

const withSession = withApp;

/** Open draft `id` in `page` at section `title` (N01 unless given). */
const openDraft = (s, page, id, title = N01) => openDraftAt(s, page, id, title);

/** Record every text the save chip shows from now on (window.__chipTexts). */
async function recordChip(page) {
  await page.evaluate(() => {
    const chip = document.querySelector('.save-chip');
    window.__chipTexts = [chip.textContent];
    new MutationObserver(() => window.__chipTexts.push(chip.textContent))
      .observe(chip, { childList: true, subtree: true, characterData: true });
  });
}

test('4. the last keystroke survives closing the page, reloading, or leaving the editor within 100 ms', async () => {
  await withSession({}, async (s) => {
    const id = await createReport(s.page, { kind: 'CQ', period: 'Q3', year: 2025 });
    await openSection(s.page, N01);

    // Close the tab right after typing (well inside the 400 ms debounce).
    const typed = 'Tình hình nhân dân ổn định, phấn khởi';
    await field(s.page, 'N01.text').click();
    await s.page.keyboard.type(typed);
    await s.page.close();
    const b = await s.newPage();
    await openDraft(s, b.page, id);
    assert.equal(await field(b.page, 'N01.text').inputValue(), typed, 'on screen in a new page');
    assert.equal((await storedDraft(b.page, id)).report.texts['N01.text'], typed, 'in storage');

    // Reload right after typing.
    await field(b.page, 'N01.text').press('End');
    await b.page.keyboard.type('. Hết');
    await b.page.reload();
    await editorReady(b.page);
    await openSection(b.page, N01);
    assert.equal(await field(b.page, 'N01.text').inputValue(), `${typed}. Hết`);
    assert.equal((await storedDraft(b.page, id)).report.texts['N01.text'], `${typed}. Hết`);

    // Leave the editor for the home screen right after typing a figure.
    await openSection(b.page, 'Hòa giải ở cơ sở');
    await field(b.page, 'hg_tiep_nhan').click();
    await b.page.keyboard.type('13');
    await b.page.evaluate(() => { location.hash = '#/'; });
    await b.page.getByRole('heading', { level: 1, name: 'Báo cáo của đơn vị' }).waitFor();
    assert.equal((await storedDraft(b.page, id)).report.values.hg_tiep_nhan, 13);
    assert.deepEqual(b.consoleErrors, []);
  });
});

test('5. storage full: the error with "Xuất tệp ngay" shows, the chip never claims a save, the text stays, and the export holds it', async () => {
  await withSession({}, async (s) => {
    const { page } = s;
    const id = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
    await page.locator('header.topbar a.brand').click();
    await page.locator(`li.draft[data-id="${id}"]`).waitFor();
    const before = (await appStorage(page))[`bcdv.draft.${id}`];

    // Fill the origin's quota with keys that are not the app's.
    const fillers = await page.evaluate(() => {
      let i = 0;
      for (let size = 1 << 20; size >= 1; size >>= 1) {
        const chunk = 'x'.repeat(size);
        try { for (;;) { localStorage.setItem(`filler.${i}`, chunk); i++; } } catch { /* full at this size */ }
      }
      return i;
    });
    assert.ok(fillers > 3, `${fillers} filler entries`);
    assert.ok(await page.evaluate(() => { try { localStorage.setItem('filler.probe', 'xx'); return false; } catch (e) { return e.name === 'QuotaExceededError'; } }), 'storage is full');

    await page.locator(`li.draft[data-id="${id}"] a.draft-open`).click();
    await editorReady(page);
    await openSection(page, N01);
    await recordChip(page);
    const typed = 'Nội dung gõ khi bộ nhớ đã đầy';
    await field(page, 'N01.text').click();
    await page.keyboard.type(typed);

    const notice = page.locator('.notices .notice.error', { hasText: 'Bộ nhớ của trình duyệt đã đầy' });
    await notice.waitFor();
    assert.match(await notice.innerText(), /CHƯA được lưu/);
    const exportNow = notice.getByRole('button', { name: 'Xuất tệp ngay' });
    await exportNow.waitFor();
    await page.locator('.save-chip').getByText('Chưa lưu được').waitFor();
    assert.equal(await field(page, 'N01.text').inputValue(), typed, 'the text is still on screen');
    assert.equal((await appStorage(page))[`bcdv.draft.${id}`], before, 'nothing half-written');

    const file = await downloadOf(page, () => exportNow.click());
    assert.match(file.name, /^BCDV_.*_2025Q3_CQ\.json$/);
    const exported = JSON.parse(file.text);
    assert.equal(exported.reportId, id);
    assert.equal(exported.report.texts['N01.text'], typed, 'the export holds the unsaved text');

    // Still not saved, and the chip never said so.
    await page.waitForTimeout(500);
    const chipTexts = await page.evaluate(() => window.__chipTexts);
    assert.ok(!chipTexts.some((t) => /Đã lưu/.test(t)), `chip texts: ${JSON.stringify(chipTexts)}`);
    assert.ok(await notice.isVisible(), 'the error stays while nothing is saved');

    // Space freed: the next edit saves everything and the error goes away.
    await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler.')) localStorage.removeItem(k); });
    await field(page, 'N01.text').press('End');
    await page.keyboard.type('.');
    await waitForDraft(page, id, (e) => e.report.texts['N01.text'] === `${typed}.`, 'saved once space is back');
    await savedChip(page);
    await notice.waitFor({ state: 'detached' });
  }, { allowConsoleErrors: true });
});

test('6. a corrupted entry is quarantined with a notice, and the valid draft still opens', async () => {
  await withSession({}, async (s) => {
    const { page, consoleErrors } = s;
    const id = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
    await openSection(page, N01);
    await field(page, 'N01.text').fill('Bản nháp còn tốt');
    await waitForDraft(page, id, (e) => e.report.texts['N01.text'] === 'Bản nháp còn tốt');
    await page.evaluate(() => localStorage.setItem('bcdv.draft.broken', '{not json'));
    await page.goto(s.server.url); // a new load of the app, on the home screen
    await appReady(page);

    const warn = page.locator('.notices .notice.warn', { hasText: 'cách ly' });
    await warn.waitFor();
    assert.match(await warn.innerText(), /bcdv\.draft\.broken → bcdv\.quarantine\.1\.bcdv\.draft\.broken/);
    await page.locator(`li.draft[data-id="${id}"]`).waitFor();
    assert.equal(await page.locator('li.draft').count(), 1, 'only the valid draft is listed');

    const stored = await page.evaluate(() => ({ ...localStorage }));
    assert.equal(stored['bcdv.quarantine.1.bcdv.draft.broken'], '{not json', 'raw text kept');
    assert.equal(stored['bcdv.draft.broken'], undefined, 'moved out of the drafts');
    assert.deepEqual(JSON.parse(stored['bcdv.index']).drafts.map((d) => d.id), [id]);

    await page.locator(`li.draft[data-id="${id}"] a.draft-open`).click();
    await editorReady(page);
    await openSection(page, N01);
    assert.equal(await field(page, 'N01.text').inputValue(), 'Bản nháp còn tốt');
    // A second start is quiet: nothing left to quarantine, nothing lost.
    await page.goto(s.server.url);
    await appReady(page);
    await page.locator(`li.draft[data-id="${id}"]`).waitFor();
    assert.equal(await page.locator('.notices .notice.warn', { hasText: 'cách ly' }).count(), 0);
    assert.equal(await page.evaluate(() => localStorage.getItem('bcdv.quarantine.1.bcdv.draft.broken')), '{not json');
    assert.deepEqual(consoleErrors, []);
  });
});

async function makeConflict(s) {
  const t = await twoTabs(s, { holdB: true });
  const { id, a, b } = t;
  await field(b, 'N01.text').fill('Bản sửa ở thẻ B');
  await b.locator('.save-chip').getByText('Đang chờ lưu…').waitFor();
  await field(a, 'N01.text').fill('Bản sửa ở thẻ A');
  const saved = await waitForDraft(a, id, (e) => e.report.texts['N01.text'] === 'Bản sửa ở thẻ A', "A's save");
  await savedChip(a);
  const conflict = b.locator('.notice.conflict');
  await conflict.waitFor();
  assert.match(await conflict.innerText(), /vừa được lưu ở một thẻ \(tab\) khác[\s\S]*Chưa bản nào bị ghi đè/);
  // B's pending save does not overwrite A's, even when its timer fires.
  await releaseTimers(b);
  await b.waitForTimeout(600);
  assert.equal((await storedDraft(a, id)).revision, saved.revision, 'B wrote nothing');
  assert.equal(await field(b, 'N01.text').inputValue(), 'Bản sửa ở thẻ B', "B's text still on screen");
  assert.doesNotMatch(await b.locator('.save-chip').innerText(), /Đã lưu/);
  return { ...t, conflict, savedRevision: saved.revision };
}

test('7a. two tabs, conflict, "Giữ bản đang sửa ở đây": B\'s text is saved, A\'s kept as the previous revision', async () => {
  await withSession({}, async (s) => {
    const { id, a, b, conflict, savedRevision, bErrors } = await makeConflict(s);
    await conflict.getByRole('button', { name: 'Giữ bản đang sửa ở đây' }).click();
    const env = await waitForDraft(b, id, (e) => e.report.texts['N01.text'] === 'Bản sửa ở thẻ B', "B's text saved");
    assert.equal(env.revision, savedRevision + 1);
    assert.equal((await storedJson(b, `bcdv.draft.${id}.prev`)).report.texts['N01.text'], 'Bản sửa ở thẻ A', "A's text kept in .prev");
    await conflict.waitFor({ state: 'detached' });
    await savedChip(b);
    // A had nothing unsaved: it follows B's save.
    await a.getByText('cập nhật từ một thẻ khác').waitFor();
    await until(async () => (await field(a, 'N01.text').inputValue()) === 'Bản sửa ở thẻ B', { what: "B's text in tab A", timeout: 3000 });
    assert.deepEqual(bErrors, []);
  });
});

test('7b. two tabs, conflict, "Dùng bản ở thẻ kia": B shows A\'s text', async () => {
  await withSession({}, async (s) => {
    const { id, b, conflict, savedRevision, bErrors } = await makeConflict(s);
    await conflict.getByRole('button', { name: 'Dùng bản ở thẻ kia' }).click();
    await conflict.waitFor({ state: 'detached' });
    const env = await storedDraft(b, id);
    assert.equal(env.revision, savedRevision, 'nothing written by choosing the other tab');
    assert.equal(env.report.texts['N01.text'], 'Bản sửa ở thẻ A');
    await until(async () => (await field(b, 'N01.text').inputValue()) === 'Bản sửa ở thẻ A', { what: "A's text in tab B", timeout: 3000 });
    // Editing goes on from A's revision without a new conflict.
    await field(b, 'N01.text').fill('Bản sửa ở thẻ A, thêm ở B');
    await waitForDraft(b, id, (e) => e.report.texts['N01.text'] === 'Bản sửa ở thẻ A, thêm ở B');
    assert.equal(await b.locator('.notice.conflict').count(), 0);
    assert.deepEqual(bErrors, []);
  });
});

test('7c. two tabs, no unsaved edits in B: B updates itself from A\'s save', async () => {
  await withSession({}, async (s) => {
    const { id, a, b, bErrors } = await twoTabs(s, { holdB: false });
    await openSection(b, 'Hòa giải ở cơ sở');
    await openSection(b, N01);
    await field(a, 'N01.text').fill('Bản mới từ thẻ A');
    await openSection(a, 'Hòa giải ở cơ sở');
    await field(a, 'hg_tiep_nhan').fill('13');
    await waitForDraft(a, id, (e) => e.report.values.hg_tiep_nhan === 13 && e.report.texts['N01.text'] === 'Bản mới từ thẻ A');
    await b.locator('.notices .notice.warn', { hasText: 'cập nhật từ một thẻ khác' }).waitFor();
    await until(async () => (await field(b, 'N01.text').inputValue()) === 'Bản mới từ thẻ A', { what: "A's text in tab B", timeout: 3000 });
    assert.equal(await b.locator('.notice.conflict').count(), 0);
    await openSection(b, 'Hòa giải ở cơ sở');
    assert.equal(await field(b, 'hg_tiep_nhan').inputValue(), '13');
    // B's next edit builds on A's revision.
    await field(b, 'hg_thanh').fill('11');
    await waitForDraft(b, id, (e) => e.report.values.hg_thanh === 11 && e.report.values.hg_tiep_nhan === 13);
    assert.equal(await b.locator('.notice.conflict').count(), 0);
    assert.deepEqual(bErrors, []);
  });
});

/** Rewrite the stored envelope of `id` with `edit(envelope)` (before the editor opens it). */
async function rewriteDraft(page, id, edit) {
  const env = await storedDraft(page, id);
  edit(env);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`bcdv.draft.${id}`, JSON.stringify(env)]);
  return env;
}

test('10a. a draft from a newer app (schema_version 99) opens read-only with the explanation and can be exported', async () => {
  await withSession({}, async (s) => {
    const { page } = s;
    const id = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
    await openSection(page, 'Hòa giải ở cơ sở');
    await field(page, 'hg_tiep_nhan').fill('13');
    await waitForDraft(page, id, (e) => e.report.values.hg_tiep_nhan === 13);
    await page.goto(s.server.url);
    await rewriteDraft(page, id, (e) => { e.schema_version = 99; e.report.schema_version = 99; });
    const raw = (await appStorage(page))[`bcdv.draft.${id}`];
    await openDraft(s, page, id, null);

    const why = page.locator('.notices .notice.warn', { hasText: 'phiên bản mới hơn' });
    await why.waitFor();
    assert.match(await why.innerText(), /định dạng 99 > 2[\s\S]*Chỉ xem, xuất tệp hoặc xóa được/);
    assert.ok(await page.getByRole('button', { name: 'Hoàn thành', exact: true }).isDisabled());
    assert.equal(await field(page, 'name').getAttribute('readonly'), '');
    await openSection(page, 'Hòa giải ở cơ sở');
    assert.equal(await field(page, 'hg_tiep_nhan').inputValue(), '13', 'content shown');
    await field(page, 'hg_tiep_nhan').click();
    await page.keyboard.type('9');
    assert.equal(await field(page, 'hg_tiep_nhan').inputValue(), '13', 'read-only');

    const file = await downloadOf(page, () => page.getByRole('button', { name: 'Xuất tệp', exact: true }).click());
    const json = JSON.parse(file.text);
    assert.equal(json.reportId, id);
    assert.equal(json.report.schema_version, 99, 'exported as stored');
    assert.equal(json.report.values.hg_tiep_nhan, 13);
    await page.waitForTimeout(1_000);
    assert.equal((await appStorage(page))[`bcdv.draft.${id}`], raw, 'storage untouched');
    // Nothing will ever be saved here, so the chip must not promise a save.
    assert.doesNotMatch(await page.locator('.save-chip').innerText(), /Đang chờ lưu/, 'chip stuck on "Đang chờ lưu…" for a read-only draft');
  });
});

test('10b. exporting a newer-format draft keeps the data this app does not know', async () => {
  await withSession({}, async (s) => {
    const { page } = s;
    const id = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
    await page.goto(s.server.url);
    await rewriteDraft(page, id, (e) => {
      e.schema_version = 99;
      e.report.schema_version = 99;
      e.report.attachments = [{ name: 'bien-ban.pdf', note: 'added by a newer version' }];
    });
    await openDraft(s, page, id, null);
    await page.locator('.notices .notice.warn', { hasText: 'phiên bản mới hơn' }).waitFor();
    const file = await downloadOf(page, () => page.getByRole('button', { name: 'Xuất tệp', exact: true }).click());
    const json = JSON.parse(file.text);
    assert.deepEqual(json.report.attachments, [{ name: 'bien-ban.pdf', note: 'added by a newer version' }],
      'the export of a read-only (newer) draft dropped fields this version does not know');
  });
});

test('10c. a draft of an older format / outline version opens with the migration notice and stays editable', async () => {
  await withSession({}, async (s) => {
    const { page } = s;
    const id = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
    await page.goto(s.server.url);
    await rewriteDraft(page, id, (e) => {
      e.schema_version = 0;
      e.template_version = 0;
      e.report.schema_version = 0;
      e.report.template.version = 0;
      e.report.values.retired_key = 7;
    });
    await openDraft(s, page, id);
    const notice = page.locator('.notices .notice.warn', { hasText: 'phiên bản cũ' });
    await notice.waitFor();
    assert.match(await notice.innerText(), /định dạng 0, đề cương 0[\s\S]*Số liệu cũ được giữ nguyên/);
    assert.equal(await field(page, 'N01.text').getAttribute('readonly'), null, 'editable');
    assert.ok(await page.getByRole('button', { name: 'Hoàn thành', exact: true }).isEnabled());
    await field(page, 'N01.text').fill('Sửa sau khi chuyển phiên bản');
    const env = await waitForDraft(page, id, (e) => e.report.texts['N01.text'] === 'Sửa sau khi chuyển phiên bản');
    assert.equal(env.report.schema_version, 2);
    assert.equal(env.report.template.version, 1);
    assert.equal(env.template_version, 1);
    assert.equal(env.report.values.retired_key, 7, 'values the outline no longer shows are kept');
    await savedChip(page);
  });
});

test('10d. a stored report this version cannot read is kept, explained, and can still be exported as a backup', async () => {
  await withSession({}, async (s) => {
    const { page } = s;
    const id = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
    await page.goto(s.server.url);
    await rewriteDraft(page, id, (e) => { e.schema_version = 99; e.report.schema_version = 99; e.report.period = '2025-Q3'; });
    const raw = (await appStorage(page))[`bcdv.draft.${id}`];
    await page.goto(s.server.url);
    await appReady(page);
    await page.locator(`li.draft[data-id="${id}"]`).waitFor(); // still listed from its summary
    await page.locator(`li.draft[data-id="${id}"] a.draft-open`).click();
    await page.getByRole('heading', { level: 1, name: 'Không mở được báo cáo' }).waitFor();
    const alert = page.locator('.notice.error[role="alert"]');
    assert.match(await alert.innerText(), /Bản lưu vẫn được giữ nguyên; hãy xuất sao lưu/);
    assert.equal((await appStorage(page))[`bcdv.draft.${id}`], raw, 'kept as is');
    // The message asks for a backup export: the screen must offer one.
    const exportButton = page.getByRole('button', { name: /Xuất tệp/ });
    assert.equal(await exportButton.count(), 1, 'no way to export the draft the message asks to back up');
    const file = await downloadOf(page, () => exportButton.click());
    assert.ok(file.text.includes('2025-Q3'));
  });
});

test('autosave: continuous typing is saved within the 2 s maximum wait, before the typing stops', async () => {
  await withSession({}, async (s) => {
    const { page } = s;
    const id = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
    await openSection(page, N01);
    await field(page, 'N01.text').click();
    const text = 'Nhân dân tin tưởng vào sự lãnh đạo của Đảng, chính quyền.';
    const start = Date.now();
    let firstSave = null;
    let typingDone = null;
    const typing = page.keyboard.type(text, { delay: 80 }).then(() => { typingDone = Date.now() - start; });
    const watching = until(async () => {
      const t = (await storedDraft(page, id)).report.texts['N01.text'];
      if (t && firstSave === null) firstSave = { at: Date.now() - start, text: t };
      return typingDone !== null;
    }, { what: 'the typing to end', timeout: 20_000, interval: 50 });
    await Promise.all([typing, watching]);
    assert.ok(typingDone > 3_000, `typing took ${typingDone} ms`);
    assert.ok(firstSave, 'nothing saved while typing');
    assert.ok(firstSave.at < 2_800, `first save ${firstSave.at} ms after the first keystroke`);
    assert.ok(text.startsWith(firstSave.text) && firstSave.text.length < text.length, 'a partial text was saved while typing');
    await waitForDraft(page, id, (e) => e.report.texts['N01.text'] === text, 'the whole text after the debounce');
    await savedChip(page);
  });
});

test('a draft deleted in another tab: the editor says so and keeps the text on screen', async () => {
  await withSession({}, async (s) => {
    const id = await createReport(s.page, { kind: 'CQ', period: 'Q3', year: 2025 });
    await openSection(s.page, N01);
    await field(s.page, 'N01.text').fill('Văn bản đang sửa');
    await waitForDraft(s.page, id, (e) => e.report.texts['N01.text'] === 'Văn bản đang sửa');
    const other = await s.newPage();
    await other.page.goto(s.server.url);
    await appReady(other.page);
    other.page.once('dialog', (d) => d.accept());
    await other.page.locator(`li.draft[data-id="${id}"]`).getByRole('button', { name: 'Xóa' }).click();
    await other.page.getByRole('button', { name: 'Hoàn tác' }).waitFor();
    await s.page.getByText('Báo cáo này vừa bị xóa ở một thẻ khác').waitFor();
    assert.equal(await field(s.page, 'N01.text').inputValue(), 'Văn bản đang sửa');
    // "Hoàn tác" in the other tab brings it back for both.
    await other.page.getByRole('button', { name: 'Hoàn tác' }).click();
    await waitForDraft(s.page, id, (e) => e.report.texts['N01.text'] === 'Văn bản đang sửa');
    assert.deepEqual(other.consoleErrors, []);
  });
});

test('"Sao lưu tất cả" still backs up every readable draft when one stored report cannot be read', async () => {
  await withSession({}, async (s) => {
    const { page } = s;
    const good = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
    await openSection(page, N01);
    await field(page, 'N01.text').fill('Bản nháp còn tốt');
    await waitForDraft(page, good, (e) => e.report.texts['N01.text'] === 'Bản nháp còn tốt');
    const bad = await createReport(page, { kind: 'CQ', period: 'Q4', year: 2025 });
    await page.goto(s.server.url);
    await rewriteDraft(page, bad, (e) => { e.schema_version = 99; e.report.schema_version = 99; e.report.period = '2025-Q4'; });
    await page.goto(s.server.url);
    await appReady(page);
    await page.locator(`li.draft[data-id="${good}"]`).waitFor();
    const backup = page.getByRole('button', { name: 'Sao lưu tất cả' });
    const download = page.waitForEvent('download', { timeout: 5_000 }).catch(() => null);
    await backup.click();
    const result = page.locator('.import-results li');
    await result.first().waitFor();
    const dl = await download;
    assert.ok(dl, `no backup file; the screen says: ${await result.first().innerText()}`);
    const json = JSON.parse(readFileSync(await dl.path(), 'utf8'));
    assert.ok(json.reports.some((r) => r.id === good && r.texts['N01.text'] === 'Bản nháp còn tốt'), 'the readable draft is in the backup');
  });
});

test('storage full when creating a report: the reason is shown and nothing half-made is left', async () => {
  await withSession({}, async (s) => {
    const { page } = s;
    await page.evaluate(() => {
      let i = 0;
      for (let size = 1 << 20; size >= 1; size >>= 1) {
        const chunk = 'x'.repeat(size);
        try { for (;;) { localStorage.setItem(`filler.${i}`, chunk); i++; } } catch { /* full at this size */ }
      }
    });
    await page.getByRole('button', { name: 'Tạo báo cáo mới' }).click();
    await page.getByRole('button', { name: 'Tạo và mở báo cáo' }).click();
    await page.getByText(/Bộ nhớ của trình duyệt đã đầy/).first().waitFor();
    assert.equal(new URL(page.url()).hash, '', 'stays on the home screen');
    assert.deepEqual(Object.keys(await appStorage(page)).filter((k) => k.startsWith('bcdv.draft.')), [], 'no draft written');
  }, { allowConsoleErrors: true });
});

test('a corrupted draft list (bcdv.index) is set aside and rebuilt from the drafts', async () => {
  await withSession({}, async (s) => {
    const { page } = s;
    const id = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
    await page.evaluate(() => localStorage.setItem('bcdv.index', '[garbage'));
    await page.goto(s.server.url);
    await appReady(page);
    await page.locator('.notices .notice.warn', { hasText: 'cách ly' }).waitFor();
    await page.locator(`li.draft[data-id="${id}"]`).waitFor();
    const stored = await page.evaluate(() => ({ ...localStorage }));
    assert.equal(stored['bcdv.quarantine.1.bcdv.index'], '[garbage');
    assert.deepEqual(JSON.parse(stored['bcdv.index']).drafts.map((d) => d.id), [id], 'index rebuilt');
  });
});
