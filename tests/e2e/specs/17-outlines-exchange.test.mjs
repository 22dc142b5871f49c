// Issue 17, exchange and storage side: a report made from a loaded outline
// (đề cương) names the outline's id, version and hash in its file; a fresh
// profile that has the outline imports it, edits and prints it; one that
// lacks it keeps it read-only and can still export it, until the outline is
// loaded. The home screen states the room localStorage really has and warns
// before it runs out. Outlines are put on the device as the app stores them
// (`bcdv.outline.<id>.<version>`); the outline screen itself is tested by
// 17-outlines.test.mjs. The outline files come from the app's own built-in
// outline (examples/outline_file.rs), so they are what the app loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {
  withApp, appReady, axeViolations, appStorage, outDir, repoRoot, until, storedDraft, waitForDraft, field,
  editorReady, draftIdOf, openSection, savedChip, downloadOf,
} from '../lib/harness.mjs';

const OUTLINE_ID = 'TP_CQ';
const HEADING = 'ĐẶC ĐIỂM TÌNH HÌNH CHUNG CỦA ĐỊA PHƯƠNG';
const HG = 'Hòa giải ở cơ sở';
const fixtures = join(outDir, 'outlines-exchange');
mkdirSync(fixtures, { recursive: true });

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const schemaValid = ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'src/exchange/report.schema.json'), 'utf8')));

/** Version `version` of a province's CQ outline, one heading renamed, as the app loads it. */
function outlineFile(version) {
  const text = execFileSync('cargo', [
    'run', '--quiet', '--locked', '--example', 'outline_file', '--',
    'CQ', OUTLINE_ID, String(version), 'Đề cương báo cáo công tác dân vận chính quyền năm 2026', 'Ban Dân vận Tỉnh ủy', HEADING,
  ], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  writeFileSync(join(fixtures, `${OUTLINE_ID}.${version}.json`), text);
  return text;
}
const outlineText = outlineFile(2);

const withSession = (body, opts) => withApp({ viewport: { width: 1280, height: 800 } }, body, opts);

/** Put the outline on this device as the app stores it, and start the app again. */
async function loadOutline(page, version = 2, text = outlineText) {
  await page.evaluate(([key, t]) => localStorage.setItem(key, t), [`bcdv.outline.${OUTLINE_ID}.${version}`, text]);
  await page.reload();
  await appReady(page);
}

async function goHome(page) {
  await page.goto(new URL('#/', page.url()).href);
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: 'Báo cáo của đơn vị' }).waitFor();
}

async function openNewReportForm(page) {
  await goHome(page);
  const form = page.locator('form.new-report');
  if (!(await form.isVisible())) await page.getByRole('button', { name: 'Tạo báo cáo mới' }).click();
  await form.waitFor();
  return form;
}

/** A new CQ report for 6 tháng đầu năm 2026 of the loaded outline; returns its id. */
async function createFromLoadedOutline(page, version = 2) {
  const form = await openNewReportForm(page);
  await form.locator('input[name="new.kind"][value="CQ"]').check();
  await form.getByLabel('Kỳ báo cáo').selectOption('H1');
  await form.getByLabel('Năm').fill('2026');
  const options = await form.locator('select[name="new.outline"] option').allInnerTexts();
  assert.ok(options.some((o) => o.includes(`${OUTLINE_ID} phiên bản 2`) && o.includes('Ban Dân vận Tỉnh ủy')), `offered: ${options}`);
  assert.ok(options.some((o) => o.includes('CQ phiên bản 1') && o.includes('có sẵn')), 'the built-in outline stays a choice');
  await form.locator('select[name="new.outline"]').selectOption(`${OUTLINE_ID}.${version}`);
  await form.getByRole('button', { name: 'Tạo và mở báo cáo' }).click();
  await page.waitForURL(/#\/bao-cao\/.+/);
  await editorReady(page);
  return draftIdOf(page.url());
}

const results = (page) => page.locator('.import-results > li');

/** Import `file` ({ name, text }) on the home screen; returns the result lines' texts. */
async function importFile(page, file, expected) {
  await goHome(page);
  await page.locator('input[name="import-files"]').setInputFiles([{ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) }]);
  return until(async () => {
    const lines = await results(page).allInnerTexts();
    return lines.length === expected ? lines : null;
  }, { what: `${expected} import result line(s)`, timeout: 15_000 });
}

const exportButton = (page) => page.getByRole('button', { name: 'Xuất tệp', exact: true });

async function openDraft(page, id) {
  await page.goto(new URL(`#/bao-cao/${id}`, page.url()).href);
  await editorReady(page);
}

// ---------------------------------------------------------------------------

test('a report of a loaded outline names its id, version and hash in the file; a fresh profile that has the outline imports, edits and prints it', async () => {
  let exported;
  let reportId;
  await withSession(async ({ page }) => {
    await loadOutline(page);
    reportId = await createFromLoadedOutline(page);
    const env = await storedDraft(page, reportId);
    assert.equal(env.report.template.id, OUTLINE_ID);
    assert.equal(env.report.template.version, 2);
    assert.match(env.report.template.hash, /^[0-9a-f]{64}$/);
    assert.deepEqual(env.summary.template, env.report.template, 'the draft list knows its outline');
    assert.ok(await page.locator('nav.checklist').getByText(HEADING).count() > 0, 'the checklist follows the loaded outline');
    await openSection(page, HG);
    await field(page, 'hg_tiep_nhan').fill('14');
    await field(page, 'hg_thanh').fill('12');
    await waitForDraft(page, reportId, (e) => e.report.values.hg_thanh === 12);
    await savedChip(page);
    exported = await downloadOf(page, () => exportButton(page).click());
    const json = JSON.parse(exported.text);
    assert.deepEqual(json.template, env.report.template, 'the file names the outline id, version and hash');
    assert.equal(json.report.template.hash, env.report.template.hash);
    assert.equal(json.outline, undefined, 'the outline itself is not in the file');
    assert.ok(schemaValid(json), `schema-valid: ${JSON.stringify(schemaValid.errors)}`);
    writeFileSync(join(fixtures, exported.name), exported.text);
  });
  await withSession(async ({ page }) => {
    await loadOutline(page);
    const lines = await importFile(page, exported, 1);
    assert.match(lines[0], /đã nhập/i);
    assert.doesNotMatch(lines.join('\n'), /chưa có đề cương/);
    const env = await storedDraft(page, reportId);
    assert.equal(env.report.values.hg_thanh, 12);
    assert.equal(env.report.template.id, OUTLINE_ID);
    await openDraft(page, reportId);
    assert.equal(await page.locator('.notice.warn', { hasText: 'Chỉ xem' }).count(), 0, 'editable');
    await openSection(page, HG);
    await field(page, 'hg_thanh').fill('13');
    await waitForDraft(page, reportId, (e) => e.report.values.hg_thanh === 13, 'an edit saved');
    await page.goto(new URL(`#/in/${reportId}`, page.url()).href);
    await until(async () => (await page.locator('main').innerText()).includes(HEADING), { what: 'the print view with the outline heading' });
  });
});

test('a file whose outline the device lacks is kept read-only and exportable; once the outline is loaded it is editable', async () => {
  let exported;
  let reportId;
  await withSession(async ({ page }) => {
    await loadOutline(page);
    reportId = await createFromLoadedOutline(page);
    await openSection(page, HG);
    await field(page, 'hg_tiep_nhan').fill('9');
    await waitForDraft(page, reportId, (e) => e.report.values.hg_tiep_nhan === 9);
    await savedChip(page);
    exported = await downloadOf(page, () => exportButton(page).click());
  });
  await withSession(async ({ page }) => {
    const before = await appStorage(page);
    assert.deepEqual(Object.keys(before).filter((k) => k.startsWith('bcdv.outline.')), []);
    const lines = await importFile(page, exported, 2);
    assert.match(lines.join('\n'), new RegExp(`theo đề cương «${OUTLINE_ID} phiên bản 2», thiết bị này chưa có đề cương đó`));
    const env = await storedDraft(page, reportId);
    assert.equal(env.report.values.hg_tiep_nhan, 9, 'kept as it came');
    await openDraft(page, reportId);
    const notice = page.locator('.notice.warn', { hasText: 'Chỉ xem' });
    await notice.waitFor();
    assert.match(await notice.innerText(), new RegExp(`đề cương «${OUTLINE_ID} phiên bản 2», thiết bị này chưa có đề cương đó`));
    const again = await downloadOf(page, () => exportButton(page).click());
    const json = JSON.parse(again.text);
    assert.equal(json.template.id, OUTLINE_ID);
    assert.equal(json.report.values.hg_tiep_nhan, 9, 'the export carries the report unchanged');
    assert.equal(json.report.template.hash, JSON.parse(exported.text).report.template.hash);
    assert.deepEqual(await axeViolations(page), [], 'axe on the read-only editor');
    // The outline arrives: the same draft opens editable.
    await loadOutline(page);
    await openDraft(page, reportId);
    assert.equal(await page.locator('.notice.warn', { hasText: 'Chỉ xem' }).count(), 0, 'editable once the outline is on the device');
  });
});

test('the home screen states the room localStorage really has, warns before it runs out, and the new-report form passes axe', async () => {
  await withSession(async ({ page }) => {
    const status = page.locator('.storage-status');
    await status.waitFor();
    const text = await status.innerText();
    assert.match(text, /trong khoảng 5,0 MB bộ nhớ mà trình duyệt dành cho ứng dụng/);
    assert.doesNotMatch(text, /10240|sắp đầy/);
    // About 85 % of the 5 Mi units taken by the app's own keys.
    await page.evaluate(() => localStorage.setItem('bcdv.quarantine.1.filler', 'x'.repeat(Math.floor(5 * 1024 * 1024 * 0.85))));
    await page.reload();
    await appReady(page);
    await until(async () => /Bộ nhớ sắp đầy/.test(await page.locator('.storage-status').innerText()), { what: 'the warning' });
    assert.match(await page.locator('.storage-status').innerText(), /\(8[5-6] %\)/);
    await page.evaluate(() => localStorage.removeItem('bcdv.quarantine.1.filler'));
    await page.reload();
    await appReady(page);
    await loadOutline(page);
    for (const viewport of [{ width: 800, height: 1280 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(viewport);
      await openNewReportForm(page);
      assert.deepEqual(await axeViolations(page), [], `axe on home with the new-report form at ${viewport.width}×${viewport.height}`);
    }
  });
});

test('a stored outline that no longer loads is reported on the home screen and kept as it was', async () => {
  await withSession(async ({ page }) => {
    const broken = outlineText.slice(0, outlineText.length / 2);
    await page.evaluate((t) => localStorage.setItem('bcdv.outline.TP_HONG.1', t), broken);
    await page.reload();
    await appReady(page);
    const notice = page.locator('.notices .notice.warn', { hasText: 'TP_HONG phiên bản 1' });
    await notice.waitFor();
    assert.match(await notice.innerText(), /Đề cương đã lưu «TP_HONG phiên bản 1» không mở được nữa/);
    assert.equal((await appStorage(page))['bcdv.outline.TP_HONG.1'], broken, 'kept as it was');
  });
});

test('tổng hợp merges units of two versions of an outline, groups them by version and says so', async () => {
  await withSession(async ({ page }) => {
    await loadOutline(page);
    await loadOutline(page, 3, outlineFile(3));
    const files = [];
    for (const [version, figure] of [[2, 5], [3, 7]]) {
      const id = await createFromLoadedOutline(page, version);
      await openSection(page, HG);
      await field(page, 'hg_tiep_nhan').fill(String(figure));
      await waitForDraft(page, id, (e) => e.report.values.hg_tiep_nhan === figure);
      await savedChip(page);
      files.push(await downloadOf(page, () => exportButton(page).click()));
    }
    await page.goto(new URL('#/tong-hop', page.url()).href);
    await appReady(page);
    await page.locator('input[name="summary-files"]').setInputFiles(
      files.map((f, i) => ({ name: `don-vi-${i + 1}.json`, mimeType: 'application/json', buffer: Buffer.from(f.text) })),
    );
    const notice = page.locator('.summary-outlines');
    await notice.waitFor({ timeout: 15_000 });
    assert.match(
      await notice.innerText(),
      new RegExp(`Các đơn vị theo 2 phiên bản đề cương, xếp thành nhóm theo phiên bản: «${OUTLINE_ID} phiên bản 3» \\(1 đơn vị\\), «${OUTLINE_ID} phiên bản 2» \\(1 đơn vị\\)`),
    );
    const rows = await page.locator('.summary-table tbody th[scope="row"] .unit-outline').allInnerTexts();
    assert.deepEqual(rows, [`Đề cương ${OUTLINE_ID} phiên bản 3`, `Đề cương ${OUTLINE_ID} phiên bản 2`], 'units grouped by version');
    assert.equal(await page.locator('.set-aside li').count(), 0, 'no file set aside');
    assert.deepEqual(await axeViolations(page), [], 'axe on the summary with outline groups');
  });
});
