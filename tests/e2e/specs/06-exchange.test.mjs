// File exchange, driven as ward cadres and the level above would use it:
// export a report and import it back, import twice, conflicts, a corpus of
// bad files, backup and restore, cùng kỳ from last year's report, the summary
// of many wards' files, accessibility, and hostile text in files. Every test
// asserts on localStorage as well as on the screen, has its own origin and
// browser profile, and expects zero console errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {
  openSession, appReady, axeViolations, appStorage, outDir, repoRoot,
  until, storedDraft, storedJson, waitForDraft, field, createReport, openSection, savedChip, editorReady,
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

/** Byte order of UTF-8, as Rust's BTreeMap<String, _> sorts keys. */
const byUtf8 = (a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/**
 * The canonical JSON of src/exchange/export.rs `checksum`: serde_json's
 * compact text of a Value, object keys sorted, no whitespace. (Written by
 * hand: a JS object would put integer-like keys first whatever the order.)
 */
function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v).sort(byUtf8).map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

const sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

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
async function withSession(body, { allowConsoleErrors = false } = {}) {
  const s = await openSession();
  try {
    s.dialogs = recordDialogs(s.page);
    await s.page.goto(s.server.url);
    await appReady(s.page);
    await body(s);
    if (!allowConsoleErrors) assert.deepEqual(s.consoleErrors, [], 'no console error');
    assert.deepEqual(s.foreignRequests, [], 'no request leaves the origin');
  } finally {
    await s.close();
  }
}

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
  await markStale(page);
  await page.locator(`input[name="${input}"]`).setInputFiles(files);
  return freshResults(page, expected);
}

/** Drop `files` ({ name, text }) on `.drop-zone` through a DataTransfer built in the page. */
async function dropFiles(page, files, { expected = files.length } = {}) {
  await markStale(page);
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    const zone = document.querySelector('.drop-zone');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files.map((f) => ({ name: f.name, text: f.buffer.toString('utf8') })));
  return freshResults(page, expected);
}

async function markStale(page) {
  await page.locator('.import-results').waitFor({ state: 'attached' });
  await page.evaluate(() => document.querySelectorAll('.import-results > li').forEach((li) => li.setAttribute('data-stale', '')));
}

async function freshResults(page, expected) {
  return until(async () => {
    const lines = await page.evaluate(() => [...document.querySelectorAll('.import-results > li')].map((li) => ({
      stale: li.hasAttribute('data-stale'), cls: li.className, text: li.innerText,
    })));
    return lines.length === expected && lines.every((l) => !l.stale) ? lines.map(({ cls, text }) => ({ cls, text })) : null;
  }, { what: `${expected} new import result line(s)`, timeout: 15_000 });
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
    const third = await dropFiles(page, [f]);
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
    ['phien-ban-moi.json', resign({ ...clone(base), schemaVersion: 2 }), /phiên bản mới hơn của ứng dụng \(định dạng 2, ứng dụng này đọc đến 1\)/],
    ['thieu-ma-kiem-tra.json', (({ sha256: _, ...rest }) => rest)(base), /thiếu mã kiểm tra \(sha256\)/],
    ['sua-tay.json', (() => { const f = clone(base); f.report.values.hg_thanh = 12; return f; })(), /mã kiểm tra không khớp/],
    ['thieu-report.json', resign((({ report: _, ...rest }) => rest)(base)), /không đúng cấu trúc báo cáo \(thiếu phần report\)/],
    ['de-cuong-la.json', edit((r) => { r.template.id = 'CQ-2030'; }), /đề cương «CQ-2030» phiên bản 1, ứng dụng không có đề cương này/],
    ['de-cuong-moi-hon.json', edit((r) => { r.template.version = 7; }), /đề cương «CQ» phiên bản 7/],
    ['sai-loai-bao-cao.json', edit((r) => { r.kind = 'MTTQ'; }), /không đúng cấu trúc báo cáo \(.*MTTQ/],
    ['so-dang-chu.json', edit((r) => { r.values.hg_thanh = '11'; }), /giá trị không hợp lệ ở «hg_thanh»: cần một số, tệp ghi «11»/],
    ['so-am.json', edit((r) => { r.values.hg_tiep_nhan = -13; }), /giá trị không hợp lệ ở «hg_tiep_nhan»: số âm \(-13\)/],
    ['so-le.json', edit((r) => { r.values.hg_thanh = 10.5; }), /giá trị không hợp lệ ở «hg_thanh»: cần một số/],
    ['so-qua-lon.json', edit((r) => { r.values.hg_thanh = 1e18; }), /giá trị không hợp lệ ở «hg_thanh»: số quá lớn/],
    ['cung-ky-am.json', edit((r) => { r.cung_ky.hg_thanh = -2; }), /giá trị không hợp lệ ở «hg_thanh»: số âm \(-2\)/],
    ['chi-tieu-la.json', edit((r) => { r.values.chi_tieu_bia = 5; }), /«chi_tieu_bia»: chỉ tiêu không có trong đề cương/],
    ['muc-viet-la.json', edit((r) => { r.texts['N99.text'] = 'Mục không có'; }), /«N99\.text»: mục viết không có trong đề cương/],
    ['van-ban-qua-dai.json', edit((r) => { r.texts['N01.text'] = 'ẩ'.repeat(200_001); }), /«N01\.text»: văn bản dài quá 200000 ký tự/],
    ['nam-sai.json', edit((r) => { r.period = { ...r.period, year: 1899 }; }), /«period\.year»: năm 1899 nằm ngoài 1990–2100/],
    ['ma-bao-cao-sai.json', edit((r) => { r.id = '../bcdv.index'; }), /«reportId»: mã báo cáo không hợp lệ/],
    ['o-danh-sach-sai.json', edit((r) => { r.lists.hoi_quan_ds = [{ ten: 'Hội quán Ấp 1', thanh_vien: 'bốn mươi' }]; }), /«hoi_quan_ds\.0\.thanh_vien»: cần một số, tệp ghi «bốn mươi»/],
    ['cot-la.json', edit((r) => { r.lists.hoi_quan_ds = [{ ten: 'Hội quán Ấp 1', so_dien_thoai: '0909' }]; }), /«hoi_quan_ds\.0\.so_dien_thoai»: cột không có trong danh sách/],
    ['danh-sach-la.json', edit((r) => { r.lists.ds_bia = []; }), /«ds_bia»: danh sách không có trong đề cương/],
    ['qua-lon.json', Buffer.alloc(5 * 1024 * 1024 + 1, 0x20), /tệp quá lớn \(5[.,]0 MB; tối đa 5 MB\)/],
    ['sao-luu-hong.json', backupOf([base.report, (() => { const r = clone(base.report); r.id = uuid(99); r.values.hg_thanh = -5; return r; })()],
      { code: 'P9', name: 'PHƯỜNG 9' }), /«reports\[1\]\.hg_thanh»: số âm \(-5\)/],
    ['sao-luu-moi-hon.json', resign({ ...backupOf([base.report], { code: 'P9' }), schemaVersion: 3 }), /phiên bản mới hơn của ứng dụng \(định dạng 3/],
    ['Báo cáo phường 3 – sửa tay.json', (() => { const f = clone(base); f.report.texts['N01.text'] = 'Sửa tay'; return f; })(), /mã kiểm tra không khớp/],
  ];
}

test('4. a corpus of bad files (picker, one by one, drag and drop): each is refused with its own Vietnamese message naming the file, and storage is byte-identical', async () => {
  const base = await baseFile();
  const corpus = badCorpus(base);
  assert.ok(corpus.length >= 20);
  // None of the hand-made report files validates against the schema except
  // those whose fault the schema cannot see (checksum, unknown keys, limits).
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
    check(await dropFiles(page, drop), drop);
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
