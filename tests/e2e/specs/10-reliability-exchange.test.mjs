// Issue 12, "What is saved always comes back": the exchange defects found by
// an adversarial run against the release build. Each test plants or sends
// what the app once mishandled and checks, on screen and in storage, that
// nothing panics, nothing is lost and nothing hostile is taken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  withApp, appReady, appStorage, until, storedDraft, waitForDraft, field, createReport, openSection, savedChip,
  editorReady, canonical, sha256Hex,
} from '../lib/harness.mjs';

const HG = 'Hòa giải ở cơ sở';
const FAR = '+262142-12-31T23:59:59Z';

/** Record dialogs; accept confirms, dismiss anything else. */
const withSession = (body) => withApp({}, body, {
  setup: (s) => s.page.on('dialog', (d) => (d.type() === 'confirm' ? d.accept() : d.dismiss())),
});

// ---------------------------------------------------------------------------
// Files as the app writes them: canonical JSON and its SHA-256.

const signed = (content) => ({ ...content, sha256: sha256Hex(canonical(content)) });

/** A checksum-valid report file holding `report`. */
function reportFile(report) {
  return signed({
    schema: 'danvan-report', schemaVersion: 2, appVersion: 'e2e', reportId: report.id,
    template: report.template, kind: report.kind, period: report.period, unit: report.unit,
    createdAt: report.created_at, updatedAt: report.updated_at, exportedAt: report.exported_at ?? report.updated_at,
    report,
  });
}

/** A checksum-valid backup holding `reports`. */
const backupFile = (reports, profile = {}) => signed({
  schema: 'danvan-backup', schemaVersion: 1, appVersion: 'e2e', createdAt: '2025-10-01T00:00:00Z', profile, reports,
});

const fileOf = (name, data) => ({
  name, mimeType: 'application/json', buffer: Buffer.from(typeof data === 'string' ? data : JSON.stringify(data, null, 2), 'utf8'),
});
const clone = (x) => structuredClone(x);
const uuid = (n) => `7e0c8a7b-0000-4000-8000-${String(n).padStart(12, '0')}`;

// ---------------------------------------------------------------------------
// Screens.

async function goto(page, hash) {
  await page.goto(new URL(hash, page.url()).href);
  await appReady(page);
}

async function goHome(page) {
  await goto(page, '#/');
  await page.getByRole('heading', { level: 1, name: 'Báo cáo của đơn vị' }).waitFor();
}

/** The fatal banner of a panic or other wasm trap (src/web/fatal.js) is not on screen. */
async function noPanic(page, where) {
  assert.equal(await page.locator('.fatal-banner').count(), 0, `no panic on ${where}`);
}

/** Give `files` to the file input `name`; wait for `expected` fresh result lines; returns [{ cls, text }]. */
async function importFiles(page, files, expected = files.length) {
  await page.locator('.import-results').waitFor({ state: 'attached' });
  await page.evaluate(() => document.querySelectorAll('.import-results > li').forEach((li) => li.setAttribute('data-stale', '')));
  await page.locator('input[name="import-files"]').setInputFiles(files);
  const read = () => page.evaluate(() => [...document.querySelectorAll('.import-results > li')].map((li) => ({
    stale: li.hasAttribute('data-stale'), cls: li.className, text: li.innerText,
  })));
  // The results of one pick replace the old lines at once.
  await until(async () => { const l = await read(); return l.length > 0 && l.every((x) => !x.stale); },
    { what: 'fresh import result lines', timeout: 20_000 });
  const lines = (await read()).map(({ cls, text }) => ({ cls, text }));
  assert.equal(lines.length, expected, `${expected} result line(s): ${JSON.stringify(lines)}`);
  return lines;
}

/** Write draft envelopes into localStorage as src/storage/drafts.rs stores them, then reload. */
async function seed(page, envelopes) {
  await page.evaluate((list) => { for (const e of list) localStorage.setItem(`bcdv.draft.${e.report.id}`, JSON.stringify(e)); }, envelopes);
  await page.reload();
  await appReady(page);
}

/** The envelope of `report` as the app stores it. */
function envelopeOf(report, savedAt = report.updated_at) {
  return {
    storage_version: 1, schema_version: report.schema_version, template_id: report.template.id,
    template_version: report.template.version, revision: 1, saved_at: savedAt,
    summary: {
      id: report.id, name: report.name, unit: report.unit.name, kind: report.kind, period_type: report.period.period_type,
      year: report.period.year, status: report.status, progress: 0, updated_at: report.updated_at,
      exported_at: report.exported_at ?? null,
    },
    report,
  };
}

/** A stored CQ quý III 2025 report made through the UI, with hòa giải figures. */
async function madeReport(page) {
  const id = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
  await openSection(page, HG);
  await field(page, 'hg_tiep_nhan').fill('13');
  await field(page, 'hg_thanh').fill('11');
  await waitForDraft(page, id, (e) => e.report.values.hg_thanh === 11);
  await savedChip(page);
  return (await storedDraft(page, id)).report;
}

/** Clear the tablet, as a new one would be. */
async function wipe(page) {
  await goHome(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await appReady(page);
  await page.getByText('Chưa có báo cáo nào').waitFor();
}

// ---------------------------------------------------------------------------

test('defect 1: far-future and out-of-range dates in storage or a file never take a screen down; import refuses them naming the field', async () => {
  await withSession(async (s) => {
    const { page } = s;
    const base = await madeReport(page);
    await page.goto(new URL('#/don-vi', page.url()).href);
    await page.getByRole('heading', { level: 1, name: 'Thông tin đơn vị' }).waitFor();

    // A: every moment at the far end of what chrono can hold.
    const a = clone(base);
    a.id = uuid(1);
    a.name = 'Báo cáo ngày xa';
    Object.assign(a, { created_at: FAR, updated_at: FAR, exported_at: FAR });
    // B: dates and years in the report's own fields far out of range.
    const b = clone(base);
    b.id = uuid(2);
    b.name = 'Báo cáo năm lạ';
    b.period = { ...b.period, year: 20255, from: '+262142-01-01', to: '+262142-12-31' };
    b.header = { ...b.header, year: 20255, day: 45, month: 13, due_date: '+262142-12-31', number: '9'.repeat(80) };
    b.can_cu = [{ loai: 'Kế hoạch', so_ky_hieu: '1/KH', ngay: '+262142-12-31', co_quan: 'UBND', trich_yeu: 'x' }];
    await seed(page, [envelopeOf(a, FAR), envelopeOf(b, FAR)]);

    // Home: the list, import, backup and delete are reachable; the time reads "không rõ".
    await goHome(page);
    const rowA = page.locator(`li.draft[data-id="${a.id}"]`);
    await rowA.waitFor();
    assert.match(await rowA.innerText(), /Lưu lúc không rõ · Xuất tệp lúc không rõ/);
    await page.locator(`li.draft[data-id="${b.id}"]`).waitFor();
    await noPanic(page, 'home');

    // Every screen opens on both drafts.
    for (const id of [a.id, b.id]) {
      await goto(page, `#/bao-cao/${id}`);
      await editorReady(page);
      await noPanic(page, `editor of ${id}`);
      await goto(page, `#/in/${id}`);
      await page.locator('.print-root .sheet').first().waitFor({ timeout: 20_000 });
      await noPanic(page, `print view of ${id}`);
    }
    await goto(page, '#/tong-hop');
    await page.getByRole('heading', { level: 1, name: 'Tổng hợp báo cáo các đơn vị' }).waitFor();
    await goto(page, '#/don-vi');
    await page.getByRole('heading', { level: 1, name: 'Thông tin đơn vị' }).waitFor();
    await goHome(page);

    // The conflict question about draft A (stored "in +262142") asks without panicking.
    const newer = clone(a);
    Object.assign(newer, { created_at: '2025-10-01T00:00:00Z', updated_at: '2025-10-02T00:00:00Z', exported_at: null });
    newer.values = { ...newer.values, hg_thanh: 12 };
    const [question] = await importFiles(page, [fileOf('ban-moi.json', reportFile(newer))]);
    assert.match(question.cls, /conflict/);
    assert.match(question.text, /lưu lúc không rõ/);
    await noPanic(page, 'the conflict question');

    // Files: every moment and date out of range is refused, naming the field; nothing is stored.
    const before = await appStorage(page);
    const bad = (n, edit) => { const r = clone(base); r.id = uuid(10 + n); edit(r); return reportFile(r); };
    const files = [
      ['xuat-nam-262142.json', bad(1, (r) => { r.exported_at = FAR; }), 'exported_at'],
      ['sua-nam-262142.json', bad(2, (r) => { r.updated_at = FAR; }), 'updated_at'],
      ['tao-nam-1970.json', bad(3, (r) => { r.created_at = '1970-01-01T00:00:00Z'; }), 'created_at'],
      ['ky-den-262142.json', bad(4, (r) => { r.period = { ...r.period, to: '+262142-12-31' }; }), 'period.to'],
      ['han-gui-9999.json', bad(5, (r) => { r.header = { ...r.header, due_date: '9999-01-01' }; }), 'header.due_date'],
      ['gui-tu-2099.json', bad(6, (r) => { r.updated_at = '2099-01-01T00:00:00Z'; }), 'updated_at'],
    ];
    const lines = await importFiles(page, files.map(([name, f]) => fileOf(name, f)));
    for (const [name, , path] of files) {
      const line = lines.find((l) => l.text.startsWith(`Tệp «${name}»: `));
      assert.ok(line, `${name}: a line of its own in ${JSON.stringify(lines)}`);
      assert.match(line.cls, /error/, `${name} refused: ${line.text}`);
      assert.ok(line.text.includes(`«${path}»`), `${name}: the message names ${path}: ${line.text}`);
    }
    assert.deepEqual(await appStorage(page), before, 'nothing stored');
    await noPanic(page, 'home after the imports');
  });
});

test('defect 2: whatever the editor stores, "Sao lưu tất cả" makes a backup that restores it on a new tablet; a bad report costs only itself', async () => {
  await withSession(async ({ page }) => {
    // What a cadre can leave in a draft: a whole number typed as "12,7", a
    // day of 45, a document number of 60 characters, a year of 20255.
    const id = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
    await openSection(page, HG);
    await field(page, 'hg_thanh').fill('12,7');
    await field(page, 'hg_tiep_nhan').fill('1.000.000.000.000.001');
    await openSection(page, 'Thông tin chung');
    await field(page, 'header.day').fill('45');
    await field(page, 'header.number').fill('1'.repeat(60));
    await field(page, 'header.year').fill('20255');
    await field(page, 'name').fill('Báo cáo gõ dở');
    await waitForDraft(page, id, (e) => e.report.name === 'Báo cáo gõ dở');
    await savedChip(page);
    const typed = (await storedDraft(page, id)).report;
    assert.ok(typed.values.hg_thanh !== undefined, 'the half-typed figure is kept');

    // A tổng hợp of 200 wards holds some 6 600 list rows.
    const big = clone(typed);
    Object.assign(big, { id: uuid(21), name: 'Tổng hợp 200 phường', values: { hg_thanh: 5 }, header: { ...typed.header } });
    big.lists = { hoi_quan_ds: Array.from({ length: 6_600 }, (_, i) => ({ ten: `Hội quán ${i + 1}`, thanh_vien: 40 })) };
    await seed(page, [envelopeOf(big)]);
    await goHome(page);
    const stored = { [id]: (await storedDraft(page, id)).report, [big.id]: (await storedDraft(page, big.id)).report };

    const [dl] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.getByRole('button', { name: 'Sao lưu tất cả' }).click(),
    ]);
    const backupText = (await import('node:fs')).readFileSync(await dl.path(), 'utf8');
    await page.locator('.import-results > li.ok', { hasText: 'Đã tạo tệp sao lưu gồm 2 báo cáo và thông tin đơn vị.' }).waitFor();

    // A new tablet: every draft comes back identical.
    await wipe(page);
    const lines = await importFiles(page, [fileOf(dl.suggestedFilename(), backupText)], 2);
    assert.ok(lines.every((l) => /\bok\b/.test(l.cls)), JSON.stringify(lines));
    for (const [k, report] of Object.entries(stored)) {
      assert.deepEqual((await storedDraft(page, k)).report, report, `${report.name} restored identically`);
    }
    await page.goto(new URL(`#/bao-cao/${id}`, page.url()).href);
    await editorReady(page);
    await openSection(page, HG);
    assert.equal(await field(page, 'hg_thanh').inputValue(), '12,7', 'the half-typed figure is on screen again');

    // A backup written by an older version, with one report today's checks
    // refuse: the others are restored and that one is named.
    await wipe(page);
    const good = clone(stored[id]);
    good.id = uuid(22);
    good.name = 'Báo cáo tốt';
    const broken = clone(stored[id]);
    broken.id = uuid(23);
    broken.name = 'Báo cáo hỏng';
    broken.values = { hg_thanh: -4 };
    const restore = await importFiles(page, [fileOf('SaoLuu_cu.json', backupFile([broken, good]))], 2);
    const ok = restore.find((l) => /\bok\b/.test(l.cls));
    const refused = restore.find((l) => /\berror\b/.test(l.cls));
    assert.equal(ok?.text, 'Tệp «SaoLuu_cu.json»: đã nhập báo cáo «Báo cáo tốt».', JSON.stringify(restore));
    assert.match(refused?.text ?? '', /^Tệp «SaoLuu_cu\.json»: báo cáo «Báo cáo hỏng» không khôi phục được \(.*hg_thanh.*\)/);
    assert.deepEqual((await storedDraft(page, good.id)).report, good);
    assert.equal(await storedDraft(page, broken.id), null);

    // A draft stored by an older version that a restore would refuse is named when the backup is made.
    const old = clone(good);
    old.id = uuid(24);
    old.name = 'Bản cũ ngày 45';
    old.header = { ...old.header, day: 45 };
    await seed(page, [envelopeOf(old)]);
    await goHome(page);
    await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.getByRole('button', { name: 'Sao lưu tất cả' }).click(),
    ]);
    const warning = page.locator('.import-results > li.error', { hasText: '«Bản cũ ngày 45»' });
    await warning.waitFor();
    assert.match(await warning.innerText(), /chỉ 1 báo cáo khôi phục được/);
  });
});

test('defect 10: in a tổng hợp one ward is one row whatever invisible characters or tone placement its code or name carries, and a file dated 2099 cannot win', async () => {
  await withSession(async ({ page }) => {
    const base = await madeReport(page);
    const ward = (n, unit, hg, edit = () => {}) => {
      const r = clone(base);
      r.id = uuid(100 + n);
      r.unit = { ...r.unit, ...unit };
      r.name = `Báo cáo ${n}`;
      r.values = { hg_tiep_nhan: hg, hg_thanh: hg };
      r.updated_at = `2025-10-0${n}T00:00:00Z`;
      edit(r);
      return fileOf(`ward-${n}.json`, reportFile(r));
    };
    const files = [
      ward(1, { code: 'P1', name: 'PHƯỜNG 1' }, 10),
      ward(2, { code: 'P\u200B1', name: 'PHƯỜNG 1' }, 10),
      ward(3, { code: '', name: 'Phường Hoà Thuận' }, 7),
      ward(4, { code: '', name: 'PHƯỜNG HÒA THUẬN' }, 7),
      ward(5, { code: 'P1', name: 'PHƯỜNG 1' }, 999, (r) => { r.updated_at = '2099-01-01T00:00:00Z'; }),
    ];
    await goto(page, '#/tong-hop');
    await page.getByRole('heading', { level: 1, name: 'Tổng hợp báo cáo các đơn vị' }).waitFor();
    await page.locator('input[name="summary-files"]').setInputFiles(files);
    await page.getByText('Đã nhận 5 tệp: lấy 2, để riêng 3.', { exact: true }).waitFor({ timeout: 20_000 });
    const aside = await page.locator('ul.set-aside > li').allInnerTexts();
    assert.equal(aside.filter((t) => t.includes('trùng đơn vị')).length, 2, JSON.stringify(aside));
    const future = aside.find((t) => t.includes('«ward-5.json»'));
    assert.match(future ?? '', /updated_at.*tương lai/, JSON.stringify(aside));
    const total = await page.locator('table.summary-table tfoot tr').first().innerText();
    assert.match(total, /\b17\b/, `the total counts each ward once (10 + 7): ${total}`);
  });
});

test('defect 11: a file with a member named twice (hidden first value) is refused on both checksum roads, on import and in tổng hợp', async () => {
  await withSession(async ({ page }) => {
    const base = await madeReport(page);
    const r = clone(base);
    r.id = uuid(200);
    r.values = { ...r.values, hg_thanh: 11 };
    const file = reportFile(r);
    // Careful road: an indented file whose checksum covers the last value only.
    const pretty = JSON.stringify(file, null, 2).replace('"hg_thanh": 11', '"hg_thanh": 999,\n      "hg_thanh": 11');
    assert.ok(pretty.includes('"hg_thanh": 999'));
    // Quick road: the app's own compact form, hashed as text with both values.
    const { sha256: _, ...content } = file;
    const text = canonical(content).replace('"hg_thanh":11', '"hg_thanh":999,"hg_thanh":11');
    const quick = `${text.slice(0, -1)},"sha256":"${sha256Hex(text)}"}`;
    const files = [fileOf('trung-khoa-1.json', pretty), fileOf('trung-khoa-2.json', quick)];

    await goHome(page);
    const before = await appStorage(page);
    const lines = await importFiles(page, files);
    for (const l of lines) {
      assert.match(l.cls, /error/, l.text);
      assert.match(l.text, /trường «hg_thanh» xuất hiện hai lần/, l.text);
    }
    assert.deepEqual(await appStorage(page), before, 'nothing stored');

    await goto(page, '#/tong-hop');
    await page.getByRole('heading', { level: 1, name: 'Tổng hợp báo cáo các đơn vị' }).waitFor();
    await page.locator('input[name="summary-files"]').setInputFiles(files);
    await until(async () => (await page.locator('.notice, ul.set-aside > li').allInnerTexts()).join('\n').match(/hai lần[\s\S]*hai lần/),
      { what: 'both files set aside for the duplicate member', timeout: 20_000 });
  });
});
