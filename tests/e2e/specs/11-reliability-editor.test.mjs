// Issue 12, "What is saved always comes back": the editor's defects 5, 6, 8
// and 10. Each test has a fresh origin and a fresh browser profile, real
// localStorage, and asserts on what is stored, not only on the screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  withApp, until, storedDraft, waitForDraft, field, createReport, openSection, savedChip, editorReady,
  appStorage, appReady, openDraft as openDraftAt,
  holdableTimers, holdTimers, releaseTimers, twoTabs,
} from '../lib/harness.mjs';

const N01 = 'ĐẶC ĐIỂM TÌNH HÌNH';
const N09 = 'Hòa giải ở cơ sở';
const N14 = 'Công tác dân vận trong lực lượng vũ trang';
const N17 = 'Mô hình tự quản: Tổ nhân dân tự quản, hội quán';
const GENERAL = 'Thông tin chung';
const SIGNING = 'Ký tên, nơi nhận';

/** Open draft `id` in `page` at section `title` (N01 unless given). */
const openDraft = (s, page, id, title = N01) => openDraftAt(s, page, id, title);

/** Keys of the crash journals of draft `id` (one per editor that has unsaved edits). */
const journalKeys = (page, id) => page.evaluate((prefix) => Object.keys(localStorage)
  .filter((k) => k === prefix || k.startsWith(`${prefix}.`)), `bcdv.journal.${id}`);

/** Kill the renderer of `page` (no pagehide, no unload, no timers). */
async function crash(page) {
  const crashed = new Promise((ok) => page.once('crash', ok));
  page.goto('chrome://crash').catch(() => {});
  await crashed;
}

/**
 * Tab A saved "Bản sửa ở thẻ A" while tab B (timers held) still had
 * "Bản sửa ở thẻ B" unsaved: B shows the conflict notice, and B's text
 * becomes "Bản sửa ở thẻ B (tiếp)".
 */
async function conflict(s) {
  const { id, a, b, bErrors } = await twoTabs(s, { holdB: true });
  await field(b, 'N01.text').fill('Bản sửa ở thẻ B');
  await b.locator('.save-chip').getByText('Đang chờ lưu…').waitFor();
  await field(a, 'N01.text').fill('Bản sửa ở thẻ A');
  const saved = await waitForDraft(a, id, (e) => e.report.texts['N01.text'] === 'Bản sửa ở thẻ A', "A's save");
  await b.locator('.notice.conflict').waitFor();
  // The cadre in B goes on typing before choosing.
  await field(b, 'N01.text').press('End');
  await b.keyboard.type(' (tiếp)');
  await releaseTimers(b);
  return { id, a, b, bErrors, savedRevision: saved.revision };
}

test('defect 5: "Dùng bản ở thẻ kia" shows the other tab\'s version, and reopening never brings the dropped text back', async () => {
  await withApp({}, async (s) => {
    const { id, b, bErrors, savedRevision } = await conflict(s);
    await b.locator('.notice.conflict').getByRole('button', { name: 'Dùng bản ở thẻ kia' }).click();
    await b.locator('.notice.conflict').waitFor({ state: 'detached' });
    await until(async () => (await field(b, 'N01.text').inputValue()) === 'Bản sửa ở thẻ A',
      { what: "A's text on screen in tab B", timeout: 3000 });
    await savedChip(b);
    assert.equal((await storedDraft(b, id)).revision, savedRevision, 'choosing the other tab writes nothing');
    assert.deepEqual(await journalKeys(b, id), [], "B's dropped edits are not kept for a replay");

    // Close B and open the draft again: the stored version, no "restored" notice.
    const c = (await s.newPage()).page;
    await b.close();
    await openDraft(s, c, id);
    assert.equal(await field(c, 'N01.text').inputValue(), 'Bản sửa ở thẻ A');
    assert.equal(await c.getByText(/bị đóng đột ngột/).count(), 0);
    await c.waitForTimeout(700);
    const env = await storedDraft(c, id);
    assert.equal(env.report.texts['N01.text'], 'Bản sửa ở thẻ A');
    assert.equal(env.revision, savedRevision);
    assert.deepEqual(bErrors, []);
  });
});

test('defect 5: a tab closed during a conflict does not replay its journal over the other tab\'s save; its text is kept in a copy', async () => {
  await withApp({}, async (s) => {
    const { id, a, b, savedRevision } = await conflict(s);
    // B's pending save is refused (the conflict stands); B is closed without choosing.
    const c = (await s.newPage()).page;
    await b.close();
    assert.equal((await storedDraft(a, id)).report.texts['N01.text'], 'Bản sửa ở thẻ A');
    assert.equal((await journalKeys(a, id)).length, 1, "B's journal is left behind");

    await openDraft(s, c, id);
    assert.equal(await field(c, 'N01.text').inputValue(), 'Bản sửa ở thẻ A', "the other tab's save opens");
    assert.equal(await c.getByText(/bị đóng đột ngột/).count(), 0, 'no claim of a crash recovery');
    const notice = c.locator('.notice.recovered');
    await notice.waitFor();
    assert.match(await notice.innerText(), /lưu ở một thẻ khác[\s\S]*bản sao «.*\(bản khôi phục\)»/);
    await c.waitForTimeout(700);
    const env = await storedDraft(c, id);
    assert.equal(env.report.texts['N01.text'], 'Bản sửa ở thẻ A', 'not overwritten');
    assert.equal(env.revision, savedRevision);

    // Both texts are kept: B's in a new draft, which opens from the notice.
    const drafts = Object.entries(await appStorage(c))
      .filter(([k]) => /^bcdv\.draft\.[^.]+$/.test(k)).map(([, v]) => JSON.parse(v));
    const copy = drafts.find((d) => d.summary.id !== id);
    assert.ok(copy, 'a copy was saved');
    assert.equal(copy.report.texts['N01.text'], 'Bản sửa ở thẻ B (tiếp)');
    assert.deepEqual(await journalKeys(c, id), [], 'the journal is taken into the copy');
    await notice.getByRole('link', { name: 'Mở bản sao' }).click();
    await editorReady(c);
    await openSection(c, N01);
    assert.equal(await field(c, 'N01.text').inputValue(), 'Bản sửa ở thẻ B (tiếp)');
  });
});

test('defect 6: "Lấy số liệu cùng kỳ" asks before replacing typed values, lists them, and can put them back', async () => {
  await withApp({}, async (s) => {
    const { page } = s;
    // Last year's report of the same period.
    const last = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2024 });
    await openSection(page, N09);
    for (const [k, v] of [['hg_tiep_nhan', '16'], ['hg_thanh', '12'], ['hg_khong_thanh', '4']]) await field(page, k).fill(v);
    await waitForDraft(page, last, (e) => e.report.values.hg_khong_thanh === 4);
    await savedChip(page);

    const id = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
    await openSection(page, N09);
    await field(page, 'cung_ky.hg_tiep_nhan').fill('20');
    await field(page, 'cung_ky.hg_thanh').fill('11');
    await waitForDraft(page, id, (e) => e.report.cung_ky.hg_thanh === 11);

    const take = async () => {
      await page.getByRole('button', { name: 'Lấy số liệu cùng kỳ' }).click();
      await page.locator('.cung-ky-picker .panel li button', { hasText: '2024' }).click();
    };
    await take();
    const ask = page.locator('.cung-ky-confirm');
    await ask.waitFor();
    const listed = await ask.locator('li').allInnerTexts();
    assert.equal(listed.length, 2, JSON.stringify(listed));
    assert.ok(listed.some((t) => /20 → 16$/.test(t)), JSON.stringify(listed));
    assert.ok(listed.some((t) => /11 → 12$/.test(t)), JSON.stringify(listed));
    assert.equal((await storedDraft(page, id)).report.cung_ky.hg_thanh, 11, 'nothing replaced before the answer');

    // Keep the typed values: only the blank one is filled.
    await ask.getByRole('button', { name: 'Giữ số đã nhập, chỉ điền ô trống' }).click();
    let env = await waitForDraft(page, id, (e) => e.report.cung_ky.hg_khong_thanh === 4);
    assert.deepEqual(env.report.cung_ky, { hg_tiep_nhan: 20, hg_thanh: 11, hg_khong_thanh: 4 });
    await page.locator('.cung-ky-picker .notice', { hasText: 'Giữ nguyên 2 số đã nhập tay' }).waitFor();

    // Replace them: the message says so, and they can be put back.
    await take();
    await ask.getByRole('button', { name: 'Thay bằng số của báo cáo năm trước' }).click();
    env = await waitForDraft(page, id, (e) => e.report.cung_ky.hg_thanh === 12);
    assert.deepEqual(env.report.cung_ky, { hg_tiep_nhan: 16, hg_thanh: 12, hg_khong_thanh: 4 });
    const done = page.locator('.cung-ky-picker .notice', { hasText: 'Đã thay 2 số đã nhập tay' });
    await done.waitFor();
    assert.equal(await field(page, 'cung_ky.hg_thanh').inputValue(), '12');
    await done.getByRole('button', { name: 'Khôi phục số đã nhập' }).click();
    env = await waitForDraft(page, id, (e) => e.report.cung_ky.hg_thanh === 11);
    assert.deepEqual(env.report.cung_ky, { hg_tiep_nhan: 20, hg_thanh: 11, hg_khong_thanh: 4 });
    assert.equal(await field(page, 'cung_ky.hg_tiep_nhan').inputValue(), '20');
  });
});

test('defect 8: after a renderer crash every kind of field edited since the last save comes back', async () => {
  await withApp({}, async (s) => {
    const { page } = s;
    await holdableTimers(page);
    await page.reload();
    await appReady(page);
    const id = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
    await openSection(page, N17);
    // A stored list to remove and edit rows of.
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: '+ Thêm dòng' }).click();
      await field(page, `hoi_quan_ds.${i}.ten`).fill(`Hội quán ${i + 1}`);
    }
    await waitForDraft(page, id, (e) => e.report.lists.hoi_quan_ds?.[2]?.ten === 'Hội quán 3');
    await savedChip(page);
    const again = (await s.newPage()).page; // a headless browser whose only tab crashed cannot open one
    await page.bringToFront();
    await holdTimers(page); // from here on nothing is saved: only the journal holds the edits
    const before = await storedDraft(page, id);

    // List rows: remove row 1, edit a row, add a row and fill it, move it up.
    await page.getByRole('button', { name: 'Xóa dòng 1' }).click();
    await field(page, 'hoi_quan_ds.0.thanh_vien').fill('25');
    await page.getByRole('button', { name: '+ Thêm dòng' }).click();
    await field(page, 'hoi_quan_ds.2.ten').fill('Hội quán mới');
    await page.getByRole('button', { name: 'Đưa dòng 3 lên' }).click();
    await field(page, 'hoi_quan_so').fill('3'); // number
    await openSection(page, N14);
    await field(page, 'camera_gia_tri').fill('1.250.000.000'); // money
    await openSection(page, N09);
    await field(page, 'hg_tiep_nhan').fill('13');
    await field(page, 'cung_ky.hg_tiep_nhan').fill('16'); // cùng kỳ
    await openSection(page, N01);
    await field(page, 'N01.text').fill('Tình hình ổn định'); // narrative
    await openSection(page, GENERAL);
    await field(page, 'name').fill('Báo cáo quý III');
    await field(page, 'header.number').fill('15');
    await field(page, 'header.day').fill('5');
    await field(page, 'header.month').fill('9');
    await field(page, 'header.year').fill('2025');
    await field(page, 'period.from').fill('2025-07-01');
    await field(page, 'period.to').fill('2025-09-30');
    await field(page, 'header.due_date').fill('2025-10-05');
    await page.getByRole('button', { name: '+ Thêm văn bản căn cứ' }).click();
    await field(page, 'can_cu.0.so_ky_hieu').fill('12-KH/ĐU');
    await field(page, 'can_cu.0.ngay').fill('2025-02-03');
    await field(page, 'can_cu.0.trich_yeu').fill('về công tác dân vận năm 2025');
    await field(page, 'options.pad_small_counts').uncheck();
    await field(page, 'options.hg_denominator').check();
    await openSection(page, SIGNING);
    await field(page, 'signature.quyen_han').fill('TM. ỦY BAN NHÂN DÂN');
    await field(page, 'signature.chuc_vu').fill('CHỦ TỊCH');
    await field(page, 'signature.ho_ten').fill('Nguyễn Văn A');
    await field(page, 'recipients').fill('UBND quận;\nLưu: VT.');
    await page.getByRole('button', { name: '+ Thêm chú thích' }).click();
    await field(page, 'footnotes.0.id').fill('1');
    await field(page, 'footnotes.0.text').fill('Số liệu đến 30/9');
    assert.equal((await storedDraft(page, id)).revision, before.revision, 'nothing saved before the crash');
    await crash(page);

    await openDraft(s, again, id, null);
    await again.getByText(/Đã khôi phục \d+ ô vừa nhập/).waitFor();
    const env = await waitForDraft(again, id, (e) => e.revision > before.revision, 'the restored edits saved');
    const r = env.report;
    assert.deepEqual(r.lists.hoi_quan_ds, [
      { ten: 'Hội quán 2', thanh_vien: 25 },
      { ten: 'Hội quán mới' },
      { ten: 'Hội quán 3' },
    ], 'rows removed, edited, added and moved');
    assert.equal(r.values.hoi_quan_so, 3);
    assert.equal(r.values.camera_gia_tri, 1250000000);
    assert.equal(r.values.hg_tiep_nhan, 13);
    assert.equal(r.cung_ky.hg_tiep_nhan, 16);
    assert.equal(r.texts['N01.text'], 'Tình hình ổn định');
    assert.equal(r.name, 'Báo cáo quý III');
    assert.deepEqual(r.header, { number: '15', day: 5, month: 9, year: 2025, due_date: '2025-10-05' });
    assert.deepEqual([r.period.from, r.period.to], ['2025-07-01', '2025-09-30']);
    assert.deepEqual(r.can_cu.map((c) => [c.so_ky_hieu, c.ngay, c.trich_yeu]),
      [['12-KH/ĐU', '2025-02-03', 'về công tác dân vận năm 2025']]);
    assert.equal(r.options.pad_small_counts, false);
    assert.equal(r.options.hg_denominator, 'thanh_plus_khong_thanh');
    assert.deepEqual(r.signature, { quyen_han: 'TM. ỦY BAN NHÂN DÂN', chuc_vu: 'CHỦ TỊCH', ho_ten: 'Nguyễn Văn A' });
    assert.deepEqual(r.recipients, ['UBND quận', 'Lưu: VT']);
    assert.deepEqual(r.footnotes, [{ id: '1', text: 'Số liệu đến 30/9' }]);
    // And on screen.
    await openSection(again, GENERAL);
    assert.equal(await field(again, 'header.day').inputValue(), '5');
    assert.equal(await field(again, 'can_cu.0.so_ky_hieu').inputValue(), '12-KH/ĐU');
    assert.equal(await field(again, 'options.pad_small_counts').isChecked(), false);
    await until(async () => (await journalKeys(again, id)).length === 0, { what: 'the journal cleared after the save' });
  });
});

test('defect 10: a stored 5,000-row list opens with a bounded number of row inputs, and a row far down is edited and saved', async () => {
  await withApp({}, async (s) => {
    const { page } = s;
    const id = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
    await page.goto(s.server.url);
    const rows = 5000;
    await page.evaluate(([key, n]) => {
      const env = JSON.parse(localStorage.getItem(key));
      env.report.lists.hoi_quan_ds = Array.from({ length: n }, (_, i) => ({
        ten: `Hội quán ${i + 1}`, xa_phuong: `Khóm ${(i % 40) + 1}`, thanh_vien: (i % 50) + 1,
      }));
      env.report.values.hoi_quan_so = n;
      localStorage.setItem(key, JSON.stringify(env));
    }, [`bcdv.draft.${id}`, rows]);

    await openDraft(s, page, id, N17);
    const inputs = page.locator('table.list tbody input');
    await inputs.first().waitFor();
    const count = await inputs.count();
    assert.ok(count > 0 && count <= 300, `${count} row inputs in the DOM`);
    const pager = page.locator('.list-editor .pager').first();
    assert.match(await pager.innerText(), /Trang 1\/250/);

    // Every row is reachable: the last page by its button, one page back,
    // then any row by its number.
    await pager.getByRole('button', { name: 'Cuối »' }).click();
    await field(page, 'hoi_quan_ds.4999.ten').waitFor();
    assert.match(await pager.innerText(), /Trang 250\/250/);
    await pager.getByRole('button', { name: '‹ Trang trước' }).click();
    await field(page, 'hoi_quan_ds.4979.ten').waitFor();
    await pager.getByLabel('Đến dòng').fill('4950');
    await pager.getByLabel('Đến dòng').press('Enter');
    const far = field(page, 'hoi_quan_ds.4949.thanh_vien');
    await far.waitFor();
    assert.equal(await far.inputValue(), '50');
    assert.ok((await inputs.count()) <= 300);
    await far.fill('777');
    const env = await waitForDraft(page, id, (e) => e.report.lists.hoi_quan_ds[4949].thanh_vien === 777, 'the far row saved');
    assert.equal(env.report.lists.hoi_quan_ds.length, rows);
    assert.equal(env.report.lists.hoi_quan_ds[4948].thanh_vien, 49, 'its neighbours untouched');
    await savedChip(page);
  });
});
