// Issue 14 items 4–6, 8: the printed body as the unit signs it. A CQ report
// is filled through the editor with two lists (hội quán as a table, mô hình
// cải cách hành chính as numbered sentences), one required section marked
// "Không phát sinh trong kỳ" with its sentence, a required figure marked
// "Không theo dõi", and tasks typed with the cadre's own numbers. The print
// view (and its PDF, read with pdftotext) shows the lists, the sentence and
// the numbered tasks, no empty heading and numbers without gaps; the marks
// survive a reload, export → delete → import and backup → restore. axe finds nothing on the
// editor with the new controls open, in both tablet orientations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  withApp, axeViolations, outDir, until, storedDraft, waitForDraft, field, createReport, openSection, savedChip, editorReady,
  appReady,
} from '../lib/harness.mjs';
import { layoutText } from '../lib/pdf.mjs';

const PORTRAIT = { width: 800, height: 1280 };
const LANDSCAPE = { width: 1280, height: 800 };

const HOI_QUAN = 'Mô hình tự quản: Tổ nhân dân tự quản, hội quán';
const CCHC = 'Cải cách hành chính, sắp xếp tổ chức bộ máy, chuyển đổi số; chỉ số PAPI, PAR INDEX, PCI';
const DVK = 'Phong trào thi đua “Dân vận khéo”';
const TIEP_DAN = 'Tiếp công dân, đối thoại';
const TASKS = 'PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV NĂM 2025';
const NONE_SENTENCE = 'Trong kỳ, phường chưa tổ chức bình chọn mô hình “Dân vận khéo”.';
const UNTRACKED_SENTENCE = 'Chủ tịch Ủy ban nhân dân phường đối thoại lồng ghép trong các buổi tiếp công dân.';
const TASK_TEXT = '1. Tiếp tục triển khai kế hoạch công tác dân vận.\n2) Nâng cao chất lượng tiếp công dân.\n\n- Sơ kết mô hình hội quán.';
// Typed in another order, then put right with the item's "Đưa mục 2 lên" button.
const TASK_TYPED = '2) Nâng cao chất lượng tiếp công dân.\n1. Tiếp tục triển khai kế hoạch công tác dân vận.\n\n- Sơ kết mô hình hội quán.';
const TASKS_PRINTED = [
  '1. Tiếp tục triển khai kế hoạch công tác dân vận.',
  '2. Nâng cao chất lượng tiếp công dân.',
  '3. Sơ kết mô hình hội quán.',
];

/** Accept the app's delete confirmation; any other dialog fails the test. */
function acceptConfirms(s) {
  s.dialogs = [];
  s.page.on('dialog', async (d) => {
    s.dialogs.push(d.message());
    if (d.type() === 'confirm') await d.accept();
    else await d.dismiss();
  });
}

async function addRows(page, list, rows) {
  for (const [i, cells] of rows.entries()) {
    await page.getByRole('button', { name: '+ Thêm dòng' }).click();
    for (const [col, value] of Object.entries(cells)) await field(page, `${list}.${i}.${col}`).fill(value);
  }
}

// Every required narrative of a CQ report, by the section that shows it.
const REQUIRED_TEXTS = [
  ['ĐẶC ĐIỂM TÌNH HÌNH', 'N01.text', 'Tình hình an ninh, trật tự trên địa bàn phường ổn định.'],
  ['SỰ QUAN TÂM LÃNH, CHỈ ĐẠO CỦA CẤP ỦY', 'N02.text', 'Đảng ủy ban hành kế hoạch lãnh đạo công tác dân vận chính quyền.'],
  ['Công tác tuyên truyền, triển khai', 'N03.tuyen_truyen', 'Triển khai kế hoạch đến các khóm.'],
  ['Công tác kiểm tra', 'N03.kiem_tra', 'Kiểm tra công vụ tại bộ phận một cửa.'],
  [TIEP_DAN, 'N07.text', 'Lãnh đạo phường tiếp công dân theo lịch.'],
  ['Giải quyết đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh', 'N08.text', 'Đơn thư được giải quyết đúng hạn.'],
  ['Hòa giải ở cơ sở', 'N09.text', 'Các tổ hòa giải hoạt động thường xuyên.'],
  ['Thực hiện dân chủ ở cơ sở', 'N12.text', 'Công khai các nội dung theo quy định.'],
  ['Ưu điểm', 'N22.uu_diem', 'Cấp ủy quan tâm lãnh đạo.'],
  ['Hạn chế', 'N22.han_che', 'Nhân rộng mô hình còn chậm.'],
  ['Nguyên nhân', 'N22.nguyen_nhan', 'Cán bộ kiêm nhiệm nhiều việc.'],
];

/** Fill the report through the editor; returns its id once everything is stored. */
async function fillReport(page) {
  const id = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
  for (const [section, name, text] of REQUIRED_TEXTS) {
    await openSection(page, section);
    await field(page, name).fill(text);
  }
  await openSection(page, HOI_QUAN);
  await field(page, 'to_ndtq').fill('12');
  await field(page, 'hoi_quan_so').fill('2');
  await addRows(page, 'hoi_quan_ds', [
    { ten: 'Hội quán Sen Hồng', xa_phuong: 'Khóm 3', thanh_vien: '35' },
    { ten: 'Hội quán Đồng Xanh', xa_phuong: 'Khóm 5', thanh_vien: '8' },
  ]);
  await openSection(page, CCHC);
  await addRows(page, 'mo_hinh_cchc', [
    { ten: 'Mô hình “Một cửa thân thiện”', don_vi_ap_dung: 'Bộ phận một cửa' },
    { ten: 'Mô hình “Thứ Năm không hẹn”' },
  ]);
  await openSection(page, DVK);
  await field(page, 'none_in_period.N16').check();
  await field(page, 'none_in_period.N16.text').fill(NONE_SENTENCE);
  await openSection(page, TIEP_DAN);
  await field(page, 'not_tracked.doi_thoai_chu_tich').check();
  await field(page, 'not_tracked.doi_thoai_chu_tich.text').fill(UNTRACKED_SENTENCE);
  await openSection(page, TASKS);
  await field(page, 'N23.text').fill(TASK_TYPED);
  await page.getByRole('button', { name: 'Đưa mục 2 lên' }).click();
  assert.equal(await field(page, 'N23.text').inputValue(), TASK_TEXT, 'the item moved up in the text area');
  assert.ok(await page.getByRole('button', { name: 'Đưa mục 1 lên' }).isDisabled(), 'the first item cannot move up');
  // The editor previews the numbered items the paper will print.
  const preview = page.locator('.items-preview li span');
  await until(async () => (await preview.allInnerTexts()).length === 3, { what: 'three previewed items' });
  assert.deepEqual(await preview.allInnerTexts(), TASKS_PRINTED.map((t) => t.replace(/^\d\. /, '')));
  await waitForDraft(page, id, (e) => e.report.texts['N23.text'] === TASK_TEXT
    && REQUIRED_TEXTS.every(([, name, text]) => e.report.texts[name] === text)
    && e.report.none_in_period?.N16 === NONE_SENTENCE
    && e.report.not_tracked?.doi_thoai_chu_tich === UNTRACKED_SENTENCE
    && e.report.lists.mo_hinh_cchc?.length === 2
    && e.report.lists.hoi_quan_ds?.[1]?.thanh_vien === 8, 'the filled report in storage');
  await savedChip(page);
  return id;
}

/** Headings of the print view in order: { level, number, text, next } (next: tag of the following block). */
async function printedHeadings(page) {
  return page.evaluate(() => [...document.querySelectorAll('article.doc .h')].map((h) => ({
    level: Number(h.className.match(/h-(\d)/)[1]),
    number: h.querySelector('.h-num').textContent,
    text: h.textContent,
    next: h.nextElementSibling ? `${h.nextElementSibling.tagName.toLowerCase()}.${h.nextElementSibling.className}` : '',
  })));
}

/** Numbers at each level run 1, 2, 3 … under their parent (roman at level 1, letters at level 3). */
function assertNoGaps(headings) {
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
  const letters = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k'];
  const count = [0, 0, 0, 0];
  for (const h of headings) {
    count[h.level] += 1;
    for (let deeper = h.level + 1; deeper < count.length; deeper++) count[deeper] = 0;
    const n = count[h.level];
    const want = h.level === 1 ? `${roman[n - 1]}.` : h.level === 2 ? `${n}.` : `${letters[n - 1]})`;
    assert.equal(h.number, want, `heading “${h.text}” is numbered ${want}`);
  }
}

test('1. lists, a "Không phát sinh trong kỳ" section, an untracked figure and numbered tasks print as the unit signs them; the marks survive reload, export → delete → import and backup → restore', async () => {
  mkdirSync(outDir, { recursive: true });
  await withApp({}, async (s) => {
    const { page } = s;
    const id = await fillReport(page);

    // Reload: the marks and their sentences are shown again.
    await page.reload();
    await editorReady(page);
    await openSection(page, DVK);
    assert.ok(await field(page, 'none_in_period.N16').isChecked(), 'the mark survives a reload');
    assert.equal(await field(page, 'none_in_period.N16.text').inputValue(), NONE_SENTENCE);
    // The marked section and the untracked figure no longer block "Hoàn thành" (E10);
    // the untracked figure is a notice in the issues panel.
    const panel = page.locator('.issue-panel');
    await panel.locator('li.info', { hasText: 'không theo dõi' }).waitFor();
    assert.doesNotMatch(await panel.innerText(), /Phong trào thi đua “Dân vận khéo”” còn thiếu/);
    assert.doesNotMatch(await panel.innerText(), /còn thiếu:[^\n]*Đối thoại giải quyết khiếu nại/);

    // The print view: lists, sentence, tasks; no empty heading; no gaps.
    await page.goto(`${s.server.url}#/in/${id}`);
    await page.locator('article.doc').waitFor({ timeout: 20_000 });
    const headings = await printedHeadings(page);
    assertNoGaps(headings);
    for (const h of headings) {
      const [tag] = h.next.split('.');
      const nextLevel = /^h[2-4]$/.test(tag) ? Number(tag[1]) - 1 : Infinity;
      assert.ok(nextLevel > h.level, `heading “${h.text}” has content under it (next: ${h.next})`);
    }
    for (const empty of ['Trong phát triển kinh tế - xã hội', 'Công tác dân vận trong lực lượng vũ trang', 'KIẾN NGHỊ, ĐỀ XUẤT']) {
      assert.ok(!headings.some((h) => h.text.includes(empty)), `the empty optional section “${empty}” is left out`);
    }
    const table = page.locator('article.doc table.list-table');
    assert.equal(await table.count(), 1, 'the hội quán list is a table');
    assert.deepEqual(await table.locator('thead th').allInnerTexts(), ['STT', 'Tên hội quán', 'Ấp, khóm / xã, phường', 'Số thành viên (người)']);
    assert.deepEqual(await table.locator('tbody tr').nth(1).locator('td').allInnerTexts(), ['2', 'Hội quán Đồng Xanh', 'Khóm 5', '08']);

    await page.emulateMedia({ media: 'print' });
    const pdf = join(outDir, '14-print-content.pdf');
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    const text = layoutText(pdf);
    const squash = (t) => t.replace(/\s+/g, ' ');
    const flat = squash(text);
    for (const want of [
      'Mô hình cải cách hành chính:',
      '1. Mô hình “Một cửa thân thiện” (đơn vị áp dụng: Bộ phận một cửa).',
      '2. Mô hình “Thứ Năm không hẹn”.',
      'Danh sách hội quán:',
      NONE_SENTENCE,
      UNTRACKED_SENTENCE,
      ...TASKS_PRINTED,
    ]) {
      assert.ok(flat.includes(want), `the PDF prints “${want}”`);
    }
    assert.match(text, /Hội quán Sen Hồng\s+Khóm 3\s+35/, 'a table row of the hội quán list');
    assert.ok(!flat.includes('1. 1.') && !flat.includes('2. 2)') && !flat.includes('3. -'), 'typed numbers are not doubled');
    assert.ok(!flat.includes('Đối thoại giải quyết khiếu nại của Chủ tịch UBND:'), 'no figure line for the untracked figure');

    // Export → delete → import: the marks travel in the file and come back.
    await page.goto(`${s.server.url}#/bao-cao/${id}`);
    await editorReady(page);
    const [dl] = await Promise.all([
      page.waitForEvent('download', { timeout: 10_000 }),
      page.getByRole('button', { name: 'Xuất tệp', exact: true }).click(),
    ]);
    const bytes = readFileSync(await dl.path());
    const file = JSON.parse(bytes.toString('utf8'));
    assert.deepEqual(file.report.none_in_period, { N16: NONE_SENTENCE });
    assert.deepEqual(file.report.not_tracked, { doi_thoai_chu_tich: UNTRACKED_SENTENCE });
    await savedChip(page);
    await page.locator('header.topbar a.brand').click();
    const row = page.locator(`li.draft[data-id="${id}"]`);
    await row.getByRole('button', { name: 'Xóa' }).click();
    await row.waitFor({ state: 'detached' });
    await until(async () => (await storedDraft(page, id)) === null, { what: 'the draft removed' });
    await page.locator('input[name="import-files"]').setInputFiles([{ name: dl.suggestedFilename(), mimeType: 'application/json', buffer: bytes }]);
    const back = await until(() => storedDraft(page, id), { what: 'the imported draft' });
    assert.deepEqual(back.report.none_in_period, { N16: NONE_SENTENCE });
    assert.deepEqual(back.report.not_tracked, { doi_thoai_chu_tich: UNTRACKED_SENTENCE });
    await page.goto(`${s.server.url}#/bao-cao/${id}`);
    await editorReady(page);
    await openSection(page, DVK);
    assert.ok(await field(page, 'none_in_period.N16').isChecked(), 'the mark is back after import');

    // Backup → wipe → restore: the marks come back with the draft.
    await page.locator('header.topbar a.brand').click();
    const [backup] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.getByRole('button', { name: 'Sao lưu tất cả' }).click(),
    ]);
    const backupBytes = readFileSync(await backup.path());
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await appReady(page);
    await page.getByText('Chưa có báo cáo nào').waitFor();
    await page.locator('input[name="import-files"]').setInputFiles([{ name: backup.suggestedFilename(), mimeType: 'application/json', buffer: backupBytes }]);
    const restored = await until(() => storedDraft(page, id), { what: 'the restored draft' });
    assert.deepEqual(restored.report.none_in_period, { N16: NONE_SENTENCE }, 'the Không phát sinh mark is restored');
    assert.deepEqual(restored.report.not_tracked, { doi_thoai_chu_tich: UNTRACKED_SENTENCE }, 'the Không theo dõi mark is restored');
    assert.equal(restored.report.texts['N23.text'], TASK_TEXT, 'the tasks are restored');
    assert.deepEqual(s.dialogs.length, 1, 'one dialog: the delete confirmation');
  }, { setup: acceptConfirms });
});

for (const [label, viewport] of [['tablet portrait 800×1280', PORTRAIT], ['tablet landscape 1280×800', LANDSCAPE]]) {
  test(`2. zero axe-core violations on the editor with the new controls open (${label})`, async () => {
    await withApp({ viewport }, async ({ page }) => {
      const id = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
      const check = async (what) => assert.deepEqual(await axeViolations(page), [], `${what}: axe violations`);
      await openSection(page, DVK);
      await field(page, 'none_in_period.N16').check();
      await field(page, 'none_in_period.N16.text').fill(NONE_SENTENCE);
      await check('a section marked “Không phát sinh trong kỳ”');
      await openSection(page, TIEP_DAN);
      await field(page, 'not_tracked.doi_thoai_chu_tich').check();
      await field(page, 'not_tracked.doi_thoai_chu_tich.text').fill(UNTRACKED_SENTENCE);
      await page.locator('.issue-panel li.info').first().waitFor();
      await check('a figure marked “Không theo dõi”, its notice in the panel');
      await openSection(page, TASKS);
      await field(page, 'N23.text').fill(TASK_TEXT);
      await page.locator('.items-preview li').nth(2).waitFor();
      await check('tasks with their numbered preview');
      await waitForDraft(page, id, (e) => e.report.texts['N23.text'] === TASK_TEXT && e.report.none_in_period?.N16 === NONE_SENTENCE,
        'the tasks and the mark in storage');
    });
  });
}
