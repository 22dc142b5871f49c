// Issue 17: outlines (đề cương) as files. The level above issues an outline
// file, units load it on the "Đề cương" screen, make reports from it,
// exchange and print them; a new version arrives and a draft moves to it
// with a preview of what is carried, dropped (with the values) and newly
// required; an outline in use cannot be removed; a draft whose outline is
// missing is read-only and still exportable. The outline files are made
// from the app's own export of the built-in CQ outline, so they follow the
// published format. Each test has its own origin and browser profile, and
// expects zero console errors and no request leaving the origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  markStale, freshResults, dropFiles,
  withApp, appReady, axeViolations, appStorage, outDir, until, storedDraft, waitForDraft, field,
  openSection, savedChip, editorReady, checklistItem, draftIdOf,
} from '../lib/harness.mjs';

const fixtures = join(outDir, 'outlines');
mkdirSync(fixtures, { recursive: true });

const OUTLINE_ID = 'CQ_TINH_THU';
const TITLE_V1 = 'Đề cương báo cáo công tác dân vận chính quyền (tỉnh, thử nghiệm)';
const ISSUER = 'Ban Dân vận Tỉnh ủy (thử nghiệm)';
const N01 = 'ĐẶC ĐIỂM TÌNH HÌNH';
const N01_V2 = 'ĐẶC ĐIỂM TÌNH HÌNH CHUNG';
const HG = 'Hòa giải ở cơ sở';
const NEW_REQUIRED = 'Số lượt tiếp công dân trực tuyến';
const VIEWPORTS = [{ width: 800, height: 1280 }, { width: 1280, height: 800 }];

const pretty = (json) => JSON.stringify(json, null, 2);

/** A file for setInputFiles, also written under tests/e2e/out/outlines for inspection. */
function fileOf(name, data) {
  const buffer = Buffer.isBuffer(data) ? data : Buffer.from(typeof data === 'string' ? data : pretty(data), 'utf8');
  writeFileSync(join(fixtures, name.replace(/[^\w.-]/g, '_')), buffer);
  return { name, mimeType: 'application/json', buffer };
}

/** Record every dialog; accept confirms (remove, delete), dismiss anything else. */
function recordDialogs(page) {
  const seen = [];
  page.on('dialog', async (d) => {
    seen.push({ type: d.type(), message: d.message() });
    if (d.type() === 'confirm') await d.accept(); else await d.dismiss();
  });
  return seen;
}

const withSession = (body) => withApp({}, body, { setup: (s) => { s.dialogs = recordDialogs(s.page); } });

/** Click `trigger` and return the download as { name, text }. */
async function download(page, trigger) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), trigger()]);
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(await dl.path(), 'utf8');
  const name = dl.suggestedFilename();
  writeFileSync(join(fixtures, `downloaded-${name}`), text);
  return { name, text };
}

// ---------------------------------------------------------------------------
// The "Đề cương" screen.

async function gotoOutlines(page) {
  await page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('link', { name: 'Đề cương' }).click();
  await page.getByRole('heading', { level: 1, name: 'Đề cương báo cáo' }).waitFor();
}

const outlineRow = (page, id, version) => page.locator(`tr[data-outline="${id}.${version}"]`);
const results = (page) => page.locator('.outline-results > li');

/** Give outline files to the picker "Nạp đề cương từ tệp…"; returns the result lines. */
async function loadFiles(page, files) {
  await markStale(page, '.outline-results');
  await page.locator('input[name="outline-files"]').setInputFiles(files);
  return freshResults(page, '.outline-results', files.length);
}

/** The built-in CQ outline as the app exports it ("Xuất tệp đề cương"). */
async function exportBuiltinCq(page) {
  await gotoOutlines(page);
  const row = outlineRow(page, 'CQ', 1);
  assert.match(await row.innerText(), /có sẵn/);
  const file = await download(page, () => row.getByRole('button', { name: /^Xuất tệp đề cương/ }).click());
  assert.match(file.name, /^DeCuong_CQ_v1\.json$/);
  return JSON.parse(file.text);
}

/** Every node of an outline file, depth first. */
function* nodes(list) {
  for (const n of list) {
    yield n;
    yield* nodes(n.children ?? []);
  }
}
const nodeOf = (outline, id) => [...nodes(outline.nodes)].find((n) => n.id === id);

/** Version 1 of the test outline: the built-in CQ under its own id, title and issuer. */
function version1(builtin) {
  const v1 = structuredClone(builtin);
  v1.id = OUTLINE_ID;
  v1.version = 1;
  v1.title = TITLE_V1;
  v1.issuer = ISSUER;
  return v1;
}

/** Version 2: N01 renamed, `to_hoa_giai` removed, a new required figure in N07. */
function version2(v1) {
  const v2 = structuredClone(v1);
  v2.version = 2;
  nodeOf(v2, 'N01').title = N01_V2;
  const n09 = nodeOf(v2, 'N09');
  n09.indicators = n09.indicators.filter((i) => i.key !== 'to_hoa_giai');
  nodeOf(v2, 'N07').indicators.push({ key: 'tcd_truc_tuyen_luot', label: NEW_REQUIRED, unit: 'lượt', type: 'INT', req: 'R' });
  return v2;
}

/** Export the built-in outline, make version 1 from it and load it; returns { builtin, v1 }. */
async function loadVersion1(page) {
  const builtin = await exportBuiltinCq(page);
  const v1 = version1(builtin);
  const lines = await loadFiles(page, [fileOf('de-cuong-tinh-v1.json', v1)]);
  assert.equal(lines[0].cls, 'ok', lines[0].text);
  await outlineRow(page, OUTLINE_ID, 1).waitFor();
  return { builtin, v1 };
}

// ---------------------------------------------------------------------------
// Reports.

/** "Tạo báo cáo mới" with the outline `id` version `version` (CQ, Q1 2026); returns the draft id. */
async function createFromOutline(page, id, version) {
  await page.goto(new URL('#/', page.url()).href);
  await appReady(page);
  const form = page.locator('form.new-report');
  if (!(await form.isVisible())) await page.getByRole('button', { name: 'Tạo báo cáo mới' }).click();
  await form.waitFor();
  await form.locator('input[name="new.kind"][value="CQ"]').check();
  await form.getByLabel('Kỳ báo cáo').selectOption('Q1');
  await form.getByLabel('Năm').fill('2026');
  await form.locator('select[name="new.outline"]').selectOption(`${id}.${version}`);
  await form.getByRole('button', { name: 'Tạo và mở báo cáo' }).click();
  await page.waitForURL(/#\/bao-cao\/.+/);
  await editorReady(page);
  return draftIdOf(page.url());
}

/** Fill N01's text and the hòa giải figures (with `to_hoa_giai` = 4) and wait for the save. */
async function fillReport(page, id) {
  await openSection(page, N01);
  await field(page, 'N01.text').fill('Tình hình chung của phường ổn định.');
  await openSection(page, HG);
  for (const [k, v] of [['hg_tiep_nhan', 14], ['hg_thanh', 12], ['hg_khong_thanh', 2], ['to_hoa_giai', 4]]) {
    await field(page, k).fill(String(v));
  }
  await waitForDraft(page, id, (e) => e.report.values.to_hoa_giai === 4 && e.report.texts['N01.text']);
  await savedChip(page);
}

async function goHome(page) {
  await page.locator('header.topbar a.brand').click();
  await page.getByRole('heading', { level: 1, name: 'Báo cáo của đơn vị' }).waitFor();
}

const outlineKeys = (storage) => Object.keys(storage).filter((k) => k.startsWith('bcdv.outline.'));

// ---------------------------------------------------------------------------

test('an outline file is loaded (picker and drop), listed, previewed and exported again; bad files are refused naming the file and the place, and nothing is stored', async () => {
  await withSession(async ({ page }) => {
    const builtin = await exportBuiltinCq(page);
    assert.equal(builtin.id, 'CQ');
    const v1 = version1(builtin);

    // Hostile files: each refused with its name and place; storage unchanged.
    const before = await appStorage(page);
    const badFormula = structuredClone(v1);
    const computed = [...nodes(badFormula.nodes)].find((n) => n.computed?.length);
    computed.computed[0].formula = 'hg_thanh / (';
    const unknownKey = structuredClone(v1);
    unknownKey.nodes[0].tieu_de = 'khóa lạ';
    const lines = await loadFiles(page, [
      fileOf('sai-cong-thuc.json', badFormula),
      fileOf('khoa-la.json', unknownKey),
      fileOf('khong-phai-json.json', 'đây không phải JSON {'),
    ]);
    assert.deepEqual(lines.map((l) => l.cls), ['error', 'error', 'error'], JSON.stringify(lines));
    assert.match(lines[0].text, /Tệp “sai-cong-thuc\.json”: nodes\[\d+\].*formula/);
    assert.match(lines[1].text, /^Tệp “khoa-la\.json”: .*tieu_de/);
    assert.match(lines[2].text, /khong-phai-json\.json/);
    assert.deepEqual(await appStorage(page), before, 'nothing stored on refusal');
    assert.equal(await outlineRow(page, OUTLINE_ID, 1).count(), 0);

    // Drag and drop: loaded, stored, listed with id, version, title and issuer.
    const ok = await dropFiles(page, '.outline-results', [fileOf('de-cuong-tinh-v1.json', v1)]);
    assert.equal(ok[0].cls, 'ok', ok[0].text);
    assert.match(ok[0].text, /Đã nạp đề cương/);
    const row = outlineRow(page, OUTLINE_ID, 1);
    const cells = await row.locator('td').allInnerTexts();
    assert.deepEqual(cells.slice(0, 6).map((c) => c.trim()), [OUTLINE_ID, '1', TITLE_V1, ISSUER, 'Chính quyền', 'đã nạp']);
    assert.deepEqual(outlineKeys(await appStorage(page)), [`bcdv.outline.${OUTLINE_ID}.1`]);
    // The same file again changes nothing.
    const again = await loadFiles(page, [fileOf('de-cuong-tinh-v1.json', v1)]);
    assert.equal(again[0].cls, 'ok');
    assert.match(again[0].text, /đã có trên máy/);

    // Preview: the checklist units will see, then the empty printed outline.
    await row.getByRole('button', { name: /^Xem trước/ }).click();
    const preview = page.locator('.outline-preview');
    await preview.getByRole('heading', { name: `Xem trước: ${TITLE_V1} (phiên bản 1)` }).waitFor();
    const checklist = await preview.locator('.outline-checklist').innerText();
    assert.match(checklist, /I\.\s+ĐẶC ĐIỂM TÌNH HÌNH/);
    assert.match(checklist, /Hòa giải thành — số liệu \(vụ\)\s*bắt buộc/);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      assert.deepEqual(await axeViolations(page), [], `outline screen with the checklist at ${viewport.width}×${viewport.height}`);
    }
    await preview.getByLabel('Bản in đề cương trống').check();
    const printed = preview.locator('article.doc');
    await printed.waitFor();
    const text = await printed.innerText();
    assert.match(text, /ĐẶC ĐIỂM TÌNH HÌNH/);
    assert.match(text, /Hòa giải ở cơ sở/);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      assert.deepEqual(await axeViolations(page), [], `outline screen with the printed outline at ${viewport.width}×${viewport.height}`);
    }

    // Exported again: the same outline (id, version, title, issuer, nodes).
    const exported = await download(page, () => row.getByRole('button', { name: /^Xuất tệp đề cương/ }).click());
    assert.equal(exported.name, `DeCuong_${OUTLINE_ID}_v1.json`);
    const back = JSON.parse(exported.text);
    assert.deepEqual(
      [back.id, back.version, back.title, back.issuer, back.nodes.length],
      [OUTLINE_ID, 1, TITLE_V1, ISSUER, v1.nodes.length],
    );

    // A new page load registers the stored outline again.
    await page.reload();
    await appReady(page);
    await gotoOutlines(page);
    await outlineRow(page, OUTLINE_ID, 1).waitFor();
  });
});

test('a report made from a loaded outline is filled, exported, imported in a fresh profile that has the outline, and printed', async () => {
  let exported;
  let v1;
  await withSession(async ({ page }) => {
    ({ v1 } = await loadVersion1(page));
    const id = await createFromOutline(page, OUTLINE_ID, 1);
    const stored = await storedDraft(page, id);
    assert.equal(stored.report.template.id, OUTLINE_ID);
    assert.equal(stored.report.template.version, 1);
    assert.match(stored.report.template.hash, /^[0-9a-f]{64}$/);
    await fillReport(page, id);
    exported = await download(page, () => page.getByRole('button', { name: 'Xuất tệp', exact: true }).click());
    const file = JSON.parse(exported.text);
    assert.deepEqual(file.template, stored.report.template, 'the export names the outline id, version and hash');
  });
  await withSession(async ({ page }) => {
    await gotoOutlines(page);
    const loaded = await loadFiles(page, [fileOf('de-cuong-tinh-v1.json', v1)]);
    assert.equal(loaded[0].cls, 'ok', loaded[0].text);
    await goHome(page);
    await page.locator('input[name="import-files"]').setInputFiles([fileOf(exported.name, exported.text)]);
    await page.locator('.import-results > li.ok').waitFor();
    const row = page.locator('li.draft');
    await row.waitFor();
    const id = await row.getAttribute('data-id');
    await page.goto(new URL(`#/bao-cao/${id}`, page.url()).href);
    await editorReady(page);
    assert.equal(await page.locator('.notice.warn', { hasText: 'Chỉ xem' }).count(), 0, 'editable: the outline is here');
    await openSection(page, HG);
    assert.equal(await field(page, 'to_hoa_giai').inputValue(), '4');
    await page.getByRole('link', { name: 'Xem bản in' }).click();
    const doc = page.locator('article.doc');
    await doc.waitFor();
    const text = await doc.innerText();
    assert.match(text, /Tình hình chung của phường ổn định\./);
    assert.match(text, /Hòa giải ở cơ sở/);
  });
});

test('version 2 is loaded and a draft moves to it: the preview lists carried, dropped (with values) and new required items; cancel changes nothing; the old revision stays restorable', async () => {
  await withSession(async ({ page }) => {
    const { v1 } = await loadVersion1(page);
    const id = await createFromOutline(page, OUTLINE_ID, 1);
    await fillReport(page, id);
    await gotoOutlines(page);
    const lines = await loadFiles(page, [fileOf('de-cuong-tinh-v2.json', version2(v1))]);
    assert.equal(lines[0].cls, 'ok', lines[0].text);

    await page.goto(new URL(`#/bao-cao/${id}`, page.url()).href);
    await editorReady(page);
    const move = page.getByRole('link', { name: 'Chuyển sang phiên bản 2' });
    await move.click();
    await page.getByRole('heading', { level: 1, name: 'Chuyển báo cáo sang đề cương mới' }).waitFor();
    const dropped = await page.locator('table.move-dropped tbody tr').evaluateAll((rows) =>
      rows.map((r) => [r.dataset.path, ...[...r.cells].map((c) => c.innerText.trim())]));
    assert.deepEqual(dropped, [['to_hoa_giai', 'Số tổ hòa giải', '4']]);
    assert.match(await page.locator('ul.move-new').innerText(), new RegExp(NEW_REQUIRED));
    const carried = await page.locator('ul.move-carried li').evaluateAll((li) => li.map((l) => l.dataset.path));
    for (const path of ['N01.text', 'hg_tiep_nhan', 'hg_thanh', 'hg_khong_thanh']) assert.ok(carried.includes(path), `${path} carried: ${carried}`);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      assert.deepEqual(await axeViolations(page), [], `migration preview at ${viewport.width}×${viewport.height}`);
    }

    // Cancel: back to the editor, nothing written.
    const before = await appStorage(page);
    await page.getByRole('link', { name: 'Hủy' }).click();
    await editorReady(page);
    assert.deepEqual(await appStorage(page), before);

    // Confirm: the draft names version 2, carried values kept, the dropped one gone.
    await page.getByRole('link', { name: 'Chuyển sang phiên bản 2' }).click();
    await page.getByRole('button', { name: 'Chuyển sang phiên bản 2' }).click();
    await page.waitForURL(/#\/bao-cao\/.+/);
    await editorReady(page);
    const moved = await waitForDraft(page, id, (e) => e.report.template.version === 2, 'the moved draft');
    assert.equal(moved.template_version, 2);
    assert.equal(moved.report.texts['N01.text'], 'Tình hình chung của phường ổn định.');
    assert.equal(moved.report.values.hg_thanh, 12);
    assert.equal(moved.report.values.to_hoa_giai, undefined);
    await checklistItem(page, N01_V2).waitFor();
    assert.equal(await page.getByRole('link', { name: /^Chuyển sang phiên bản/ }).count(), 0);

    // The revision before the move is restorable.
    await page.getByRole('button', { name: 'Khôi phục bản lưu trước' }).click();
    const restored = await waitForDraft(page, id, (e) => e.report.template.version === 1, 'the restored draft');
    assert.equal(restored.report.values.to_hoa_giai, 4);
    await checklistItem(page, N01).waitFor();
  });
});

test('an outline in use is not removed (its drafts are listed); after its last draft is deleted it is', async () => {
  await withSession(async ({ page, dialogs }) => {
    await loadVersion1(page);
    const id = await createFromOutline(page, OUTLINE_ID, 1);
    const name = (await storedDraft(page, id)).report.name;
    await gotoOutlines(page);
    await markStale(page, '.outline-results');
    await outlineRow(page, OUTLINE_ID, 1).getByRole('button', { name: /^Xóa/ }).click();
    const [refused] = await freshResults(page, '.outline-results', 1);
    assert.equal(refused.cls, 'error');
    assert.ok(refused.text.includes(`«${name}»`), refused.text);
    assert.deepEqual(outlineKeys(await appStorage(page)), [`bcdv.outline.${OUTLINE_ID}.1`]);
    await outlineRow(page, OUTLINE_ID, 1).waitFor();
    assert.equal(await outlineRow(page, 'CQ', 1).getByRole('button', { name: /^Xóa/ }).count(), 0, 'built-in outlines cannot be removed');

    await goHome(page);
    await page.locator(`li.draft[data-id="${id}"]`).getByRole('button', { name: 'Xóa' }).click();
    await page.locator(`li.draft[data-id="${id}"]`).waitFor({ state: 'detached' });
    await gotoOutlines(page);
    await markStale(page, '.outline-results');
    await outlineRow(page, OUTLINE_ID, 1).getByRole('button', { name: /^Xóa/ }).click();
    const [removed] = await freshResults(page, '.outline-results', 1);
    assert.equal(removed.cls, 'ok', removed.text);
    await outlineRow(page, OUTLINE_ID, 1).waitFor({ state: 'detached' });
    assert.deepEqual(outlineKeys(await appStorage(page)), []);
    assert.ok(dialogs.some((d) => d.type === 'confirm' && d.message.includes(OUTLINE_ID)), 'removal asked first');
  });
});

test('a draft whose outline is missing opens read-only with a plain message and can still be exported', async () => {
  await withSession(async ({ page }) => {
    await loadVersion1(page);
    const id = await createFromOutline(page, OUTLINE_ID, 1);
    await openSection(page, N01);
    await field(page, 'N01.text').fill('Nội dung phải giữ được.');
    await waitForDraft(page, id, (e) => e.report.texts['N01.text'] === 'Nội dung phải giữ được.');
    await savedChip(page);
    // The outline disappears from the device (e.g. storage cleared by hand).
    await goHome(page);
    await page.evaluate((key) => localStorage.removeItem(key), `bcdv.outline.${OUTLINE_ID}.1`);
    await page.goto(new URL(`#/bao-cao/${id}`, page.url()).href);
    await page.reload();
    await editorReady(page);
    const notice = page.locator('.notices .notice.warn').filter({ hasText: OUTLINE_ID });
    await notice.waitFor();
    assert.match(await notice.innerText(), /Chỉ xem/);
    const file = await download(page, () => page.getByRole('button', { name: 'Xuất tệp', exact: true }).click());
    const json = JSON.parse(file.text);
    assert.equal(json.report.texts['N01.text'], 'Nội dung phải giữ được.');
    assert.equal(json.template.id, OUTLINE_ID);
    await until(async () => (await storedDraft(page, id)).report.texts['N01.text'] === 'Nội dung phải giữ được.');
  });
});

test('a stored outline that no longer loads is listed, can be saved as a file and removed, and its file loads again', async () => {
  await withSession(async ({ page }) => {
    const { v1 } = await loadVersion1(page);
    const key = `bcdv.outline.${OUTLINE_ID}.1`;
    const damaged = '{"format": 1, "id": "' + OUTLINE_ID + '", "version": 1, "title": "hỏng"';
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, damaged]);
    await page.reload();
    await appReady(page);
    await gotoOutlines(page);
    const row = outlineRow(page, OUTLINE_ID, 1);
    await row.waitFor();
    assert.match(await row.innerText(), /đã lưu, không mở được/);
    assert.equal(await row.getByRole('button', { name: /^Xem trước/ }).count(), 0);
    const saved = await download(page, () => row.getByRole('button', { name: /^Xuất tệp bản lưu/ }).click());
    assert.equal(saved.text, damaged, 'the stored text, unchanged');
    await markStale(page, '.outline-results');
    await row.getByRole('button', { name: /^Xóa/ }).click();
    const [removed] = await freshResults(page, '.outline-results', 1);
    assert.equal(removed.cls, 'ok', removed.text);
    assert.deepEqual(outlineKeys(await appStorage(page)), []);
    const again = await loadFiles(page, [fileOf('de-cuong-tinh-v1.json', v1)]);
    assert.equal(again[0].cls, 'ok', again[0].text);
    assert.match(await outlineRow(page, OUTLINE_ID, 1).innerText(), /đã nạp/);
  });
});
