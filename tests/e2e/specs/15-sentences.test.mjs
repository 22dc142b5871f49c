// Issue 14 item 1: every generated sentence under the cadre's control. The
// trích yếu and the opening (căn cứ) sentence are replaced through the
// editor ("Sửa câu này"), print as written (Chromium PDF + pdftotext), and
// survive a reload, export → delete → import, and backup → restore; a
// figure line replaced and then outdated by a changed figure raises W07
// until "Vẫn dùng câu này". axe finds nothing with the controls open, at
// 800×1280 and 1280×800.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  withApp, createReport, openSection, field, waitForDraft, storedDraft, savedChip, editorReady, appReady,
  axeViolations, outDir, until,
} from '../lib/harness.mjs';
import { layoutText } from '../lib/pdf.mjs';

const HG = 'Hòa giải ở cơ sở';
const GENERAL = 'Thông tin chung';
const TRICH_YEU = 'Kết quả công tác dân vận chính quyền quý III năm 2025 trên địa bàn phường';
const OPENING = 'Thực hiện Kế hoạch phối hợp số 98/KHPH-UBND-BDVĐU ngày 15 tháng 3 năm 2025 giữa Ủy ban nhân dân phường và Ban Dân vận Đảng ủy phường, Ủy ban nhân dân phường Tân Phú báo cáo kết quả như sau:';
const FIGURE = '- Các tổ hòa giải đã hòa giải thành 11 vụ, đạt tỷ lệ cao.';
const FIGURE_ID = 'figure.N09.hg_thanh';
const out = join(outDir, 'sentences');
mkdirSync(out, { recursive: true });

const withSession = (body) => withApp({}, body, {
  setup: (s) => s.page.on('dialog', (d) => (d.type() === 'confirm' ? d.accept() : d.dismiss())),
});

const sentence = (page, id) => page.locator(`.sentence[data-sentence="${id}"]`);

/** "Sửa câu này" on sentence `id`, then type `text` in its box. */
async function takeOver(page, id, text) {
  await sentence(page, id).getByRole('button', { name: 'Sửa câu này' }).click();
  const box = field(page, `sentences.${id}`);
  await box.waitFor();
  await box.fill(text);
}

/** Text of the print view as pdftotext reads the PDF, whitespace collapsed. */
async function printedText(page, id, name) {
  await page.goto(new URL(`#/in/${id}`, page.url()).href);
  await page.locator('article.doc').first().waitFor({ timeout: 20_000 });
  await page.evaluate(() => document.fonts.ready);
  await page.emulateMedia({ media: 'print' });
  const path = join(out, `${name}.pdf`);
  await page.pdf({ path, format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  return layoutText(path).replace(/\s+/g, ' ');
}

async function goHome(page) {
  await page.goto(new URL('#/', page.url()).href);
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: 'Báo cáo của đơn vị' }).waitFor();
}

async function download(page, trigger) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), trigger()]);
  return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), 'utf8') };
}

/** Give one file to the home screen's import and wait for its "ok" line. */
async function importFile(page, name, text, okText) {
  await page.locator('input[name="import-files"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
  await page.locator('.import-results > li.ok', { hasText: okText }).first().waitFor({ timeout: 20_000 });
}

test('replaced trích yếu and opening print as written and survive reload, export → delete → import and backup → restore; a changed figure raises W07 until confirmed', async () => {
  await withSession(async ({ page }) => {
    const id = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
    await openSection(page, HG);
    await field(page, 'hg_tiep_nhan').fill('13');
    await field(page, 'hg_thanh').fill('11');
    await field(page, 'hg_khong_thanh').fill('2');

    // The opening and the trích yếu, where they belong: "Thông tin chung".
    await openSection(page, GENERAL);
    const generated = (await sentence(page, 'trich_yeu').locator('.sentence-generated').innerText()).trim();
    assert.equal(generated, 'Kết quả thực hiện công tác dân vận quý III năm 2025', 'the generated trích yếu, without the plan');
    await takeOver(page, 'trich_yeu', TRICH_YEU);
    await takeOver(page, 'opening', OPENING);
    await waitForDraft(page, id, (e) => e.report.sentences?.opening?.text === OPENING && e.report.sentences?.trich_yeu?.text === TRICH_YEU,
      'both replaced sentences stored');
    await savedChip(page);

    // axe with the override controls open, portrait tablet and landscape laptop.
    for (const viewport of [{ width: 800, height: 1280 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(viewport);
      assert.deepEqual(await axeViolations(page), [], `axe at ${viewport.width}×${viewport.height}`);
    }

    // A figure line taken over, then a figure it was written against changes: W07.
    await openSection(page, HG);
    await takeOver(page, FIGURE_ID, FIGURE);
    await waitForDraft(page, id, (e) => e.report.sentences?.[FIGURE_ID]?.text === FIGURE, 'the figure line stored');
    for (const viewport of [{ width: 800, height: 1280 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(viewport);
      assert.deepEqual(await axeViolations(page), [], `axe on the section with a figure line taken over, ${viewport.width}×${viewport.height}`);
    }
    assert.equal(await sentence(page, FIGURE_ID).locator('.msg.warning').count(), 0, 'no W07 before the figure changes');
    await field(page, 'hg_thanh').fill('10');
    await field(page, 'hg_khong_thanh').fill('3');
    const warning = sentence(page, FIGURE_ID).locator('.msg.warning');
    await warning.first().waitFor();
    assert.match(await warning.first().innerText(), /Hòa giải thành.*câu tự động nay là «- Hòa giải thành: 10 vụ/s);
    await page.locator('.issue-panel li.warning', { hasText: 'W07' }).first().waitFor();
    await sentence(page, FIGURE_ID).getByRole('button', { name: 'Vẫn dùng câu này' }).click();
    await until(async () => (await warning.count()) === 0, { what: 'W07 cleared by "Vẫn dùng câu này"' });
    assert.equal(await page.locator('.issue-panel li', { hasText: 'W07' }).count(), 0, 'W07 left the issue panel');
    await waitForDraft(page, id, (e) => e.report.sentences?.[FIGURE_ID]?.written_against?.includes('10 vụ'), 'confirmation stored');
    await savedChip(page);

    // Printed as written.
    const printed = await printedText(page, id, 'replaced');
    assert.ok(printed.includes(TRICH_YEU), 'trích yếu as written');
    assert.ok(printed.includes(OPENING), 'opening as written');
    assert.ok(printed.includes(FIGURE), 'figure line as written');
    assert.ok(!printed.includes('như sau: Căn cứ'), 'no generated opening besides');

    // Reload: the editor shows them again.
    await page.goto(new URL(`#/bao-cao/${id}`, page.url()).href);
    await page.reload();
    await editorReady(page);
    await openSection(page, GENERAL);
    assert.equal(await field(page, 'sentences.opening').inputValue(), OPENING);
    assert.equal(await field(page, 'sentences.trich_yeu').inputValue(), TRICH_YEU);
    const stored = (await storedDraft(page, id)).report;

    // Export → delete → import.
    const file = await download(page, () => page.getByRole('button', { name: 'Xuất tệp', exact: true }).click());
    const json = JSON.parse(file.text);
    assert.equal(json.schemaVersion, 2);
    assert.equal(json.report.schema_version, 2);
    assert.equal(json.report.sentences.opening.text, OPENING);
    await goHome(page);
    await page.locator(`li.draft[data-id="${id}"]`).getByRole('button', { name: 'Xóa' }).click();
    await until(async () => (await storedDraft(page, id)) === null, { what: 'the draft deleted' });
    await importFile(page, file.name, file.text, '');
    const imported = await until(async () => (await storedDraft(page, id))?.report, { what: 'the imported draft' });
    assert.deepEqual(imported.sentences, json.report.sentences, 'replaced sentences imported');
    assert.deepEqual(imported.sentences.opening, stored.sentences.opening);

    // Backup → wipe → restore.
    const backup = await download(page, () => page.getByRole('button', { name: 'Sao lưu tất cả' }).click());
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await appReady(page);
    await page.getByText('Chưa có báo cáo nào').waitFor();
    await importFile(page, backup.name, backup.text, '');
    const restored = await until(async () => (await storedDraft(page, id))?.report, { what: 'the restored draft' });
    assert.deepEqual(restored.sentences, imported.sentences, 'replaced sentences restored');
    const again = await printedText(page, id, 'restored');
    assert.ok(again.includes(TRICH_YEU) && again.includes(OPENING) && again.includes(FIGURE), 'printed as written after restore');
  });
});
