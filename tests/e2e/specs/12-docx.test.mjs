// "Tải bản Word (.docx)": the full CQ and ĐẢNG fixture reports (src/fixtures.rs,
// stored as the app stores them by examples/bench_fixtures.rs) are opened in
// the print view, printed to PDF by Chromium, and downloaded as .docx through
// the UI. LibreOffice (headless) converts the .docx to PDF; poppler then
// checks that it reads the same words in the same order as the browser print,
// page numbers from page 2, Phụ lục I on a landscape page, Times New Roman
// (or its metric twin Liberation Serif) only. Also: the empty outline, the
// editor's button, and a report full of hostile text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, watchedPage, appReady, outDir, repoRoot } from '../lib/harness.mjs';
import { pages, fonts, renderPng, printPdf } from '../lib/pdf.mjs';

const MM = 72 / 25.4;
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });

const fixtureDir = join(outDir, 'docx-fixtures');
let storage;
let ids;
let server;
let browser;

before(async () => {
  mkdirSync(outDir, { recursive: true });
  // The fixtures as the app's own draft code stores them.
  run('cargo', ['run', '--quiet', '--locked', '--example', 'bench_fixtures', '--', fixtureDir], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  storage = JSON.parse(readFileSync(join(fixtureDir, 'storage.json'), 'utf8'));
  ids = JSON.parse(readFileSync(join(fixtureDir, 'ids.json'), 'utf8')).ids;
  // The fixtures carry two footnotes but no reference to them: refer to
  // them at the end of the first line of N01 and N02 (as the native tests do).
  for (const id of Object.values(ids)) {
    const key = `bcdv.draft.${id}`;
    const envelope = JSON.parse(storage[key]);
    for (const [text, note] of [['N01.text', 'kh'], ['N02.text', 'qd']]) {
      envelope.report.texts[text] = envelope.report.texts[text].replace('\n', `[^${note}]\n`);
    }
    storage[key] = JSON.stringify(envelope);
  }
  server = await startServer();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** A page of the app with the fixture drafts (and `extra` entries) in localStorage. */
async function seeded(extra = {}) {
  const watched = await watchedPage(browser.context, server.origin);
  await watched.page.goto(server.url);
  await appReady(watched.page);
  await watched.page.evaluate((entries) => {
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, { ...storage, ...extra });
  return watched;
}

async function openPrint(page, id) {
  await page.goto(`${server.url}#/in/${id}`);
  await page.locator('article.doc').waitFor({ timeout: 20_000 });
  await page.evaluate(() => document.fonts.ready);
}

/** Click the Word button, save the download in tests/e2e/out/; returns its path and name. */
async function downloadDocx(page, name) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }),
    page.getByRole('button', { name: 'Tải bản Word (.docx)' }).click(),
  ]);
  const path = join(outDir, `${name}.docx`);
  await download.saveAs(path);
  return { path, suggested: download.suggestedFilename() };
}

/** `unzip -t`, then LibreOffice headless to PDF with a throw-away profile. */
function convert(docx) {
  assert.match(run('unzip', ['-t', docx]), /No errors detected/);
  const profile = mkdtempSync(join(tmpdir(), 'bcdv-lo-'));
  const out = mkdtempSync(join(tmpdir(), 'bcdv-lo-out-'));
  try {
    run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', out, docx], { timeout: 180_000 });
    const name = docx.replace(/^.*\//, '').replace(/\.docx$/, '.pdf');
    const pdf = join(outDir, `${name.replace(/\.pdf$/, '')}.lo.pdf`);
    assert.ok(existsSync(join(out, name)), `LibreOffice wrote ${name}`);
    run('cp', [join(out, name), pdf]);
    return pdf;
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * The words of a PDF in the order they were laid out (`pdftotext -raw`: both
 * Chromium and LibreOffice write the document in its own order, left header
 * column before the right one), without the page numbers (the words inside
 * the 20 mm top margin), as one string with single spaces.
 */
function flow(pdf) {
  const out = [];
  pages(pdf).forEach((p, i) => {
    const lines = run('pdftotext', ['-raw', '-f', String(i + 1), '-l', String(i + 1), pdf, '-']).split('\n');
    for (const number of p.words.filter((w) => w.yMax <= 20 * MM - 2).map((w) => w.text)) {
      const at = lines.findIndex((l) => l.trim() === number);
      assert.ok(at >= 0, `page ${i + 1}: the page number ${number} stands on its own line`);
      lines.splice(at, 1);
    }
    out.push(lines.join(' '));
  });
  return out.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Removes every footnote ("marker text") from a flow: where it is printed
 * differs by design. The .docx writes a ĐẢNG note's label as "(" + Word's
 * number + ")", which Word shows as "(1)"; LibreOffice 7.4 always starts a
 * footnote with its own number and moves or drops the brackets, so there the
 * label reads "1)" or "2()" (its reference in the text reads "(1)" in both).
 */
function withoutNotes(text, notes) {
  let out = text;
  for (const { marker, text: note } of notes) {
    const n = marker.replace(/\D/g, '');
    const forms = [marker, `${n})`, `${n}()`].map((m) => `${m} ${note}`.replace(/\s+/g, ' '));
    const found = forms.find((f) => out.includes(f));
    assert.ok(found, `note ${marker} is printed: ${forms[0]}`);
    out = out.split(found).join(' ');
  }
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * Removes the header rows of the body's list tables from a flow: both the
 * browser and Word repeat a table's header row on every page the table runs
 * onto, and their pages break at different rows. (The headers themselves are
 * checked by the print spec 14-print-content.)
 */
function withoutListHeaders(text, headers) {
  let out = ` ${text} `;
  for (const h of headers) out = out.split(` ${h} `).join(' ');
  return out.replace(/\s+/g, ' ').trim();
}

/** The first position where two word lists differ, with context, for a readable failure. */
function firstDifference(a, b) {
  const wa = a.split(' ');
  const wb = b.split(' ');
  const n = Math.min(wa.length, wb.length);
  let i = 0;
  while (i < n && wa[i] === wb[i]) i++;
  return `word ${i}: browser «${wa.slice(Math.max(0, i - 8), i + 8).join(' ')}» vs Word «${wb.slice(Math.max(0, i - 8), i + 8).join(' ')}»`;
}

function checkWordPdf(pdf, kind) {
  const ps = pages(pdf);
  assert.ok(ps.length >= 3, `${kind}: several pages (${ps.length})`);
  const inTop = (p) => p.words.filter((w) => w.yMax <= 20 * MM - 2).map((w) => w.text);
  assert.deepEqual(inTop(ps[0]), [], 'no page number on page 1');
  assert.deepEqual(inTop(ps[1]), ['2'], 'page 2 has "2" in its top margin');
  const list = fonts(pdf);
  assert.ok(list.length >= 3, `regular, bold and italic: ${list.map((f) => f.name)}`);
  for (const f of list) {
    assert.match(f.name, /^([A-Z]{6}\+)?(LiberationSerif|TimesNewRoman(PS)?(MT)?)(-Bold|-Italic|-BoldItalic)?(MT)?$/, `only Times New Roman or Liberation Serif: ${f.line}`);
  }
  return ps;
}

/** pdfinfo's size of page n: "Page    N size: W x H pts (A4)". */
function pageSize(pdf, n) {
  const m = run('pdfinfo', ['-f', String(n), '-l', String(n), pdf]).match(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/);
  return { width: Number(m[1]), height: Number(m[2]) };
}

// Intended differences between the Word file and the browser print, removed
// before the comparison:
// - footnotes: the browser prints them after the closing sentence (Chromium
//   has no float: footnote); Word puts each at the foot of its page;
// - page numbers: both print them in the top margin, but the pages break at
//   different places, so they are left out of the word flow (and checked on
//   their own: none on page 1, "2" on page 2);
// - header rows of the body's list tables, repeated on each page a table
//   runs onto (see `withoutListHeaders`).
async function sameWordsAsPrint(kind, expectName) {
  const watched = await seeded();
  const { page, consoleErrors } = watched;
  await openPrint(page, ids[kind]);
  const notes = await page.locator('.notes .note').evaluateAll((ns) => ns.map((n) => ({
    marker: n.querySelector('.note-mark').textContent, text: n.textContent.replace(/^\S+\s/, ''),
  })));
  assert.ok(notes.length > 0, 'the fixture has footnotes');
  const headers = await page.locator('table.list-table thead tr').evaluateAll((rows) =>
    rows.map((r) => [...r.cells].map((c) => c.textContent).join(' ').replace(/\s+/g, ' ').trim()));
  const printed = await printPdf(page, `docx-print-${kind.toLowerCase()}`);
  const { path, suggested } = await downloadDocx(page, `docx-${kind.toLowerCase()}`);
  assert.equal(suggested, `${expectName}.docx`, 'the PDF name with .docx');
  assert.equal(await page.title(), expectName, 'the print (PDF) name');
  const pdf = convert(path);
  const ps = checkWordPdf(pdf, kind);

  const browserFlow = withoutListHeaders(withoutNotes(flow(printed), notes), headers);
  const wordFlow = withoutListHeaders(withoutNotes(flow(pdf), notes), headers);
  const words = browserFlow.split(' ').length;
  assert.ok(words > 2000, `the whole report is compared (${words} words)`);
  console.log(`${kind}: ${words} words compared`);
  assert.ok(browserFlow === wordFlow, `same words in the same order; first difference at ${firstDifference(browserFlow, wordFlow)}`);

  const appendix = ps.findIndex((p) => p.words.some((w) => w.text === 'Phụ') && p.words.some((w) => w.text === 'KẾT'));
  assert.ok(appendix > 0, 'Phụ lục I is printed');
  const size = pageSize(pdf, appendix + 1);
  assert.ok(size.width > size.height, `Phụ lục I page is landscape: ${size.width} × ${size.height}`);
  assert.ok(pageSize(pdf, 1).width < pageSize(pdf, 1).height, 'page 1 is portrait');
  const pngs = renderPng(pdf, join(outDir, `docx-${kind.toLowerCase()}`), 1, 1);
  const appx = renderPng(pdf, join(outDir, `docx-${kind.toLowerCase()}`), appendix + 1, appendix + 1);
  console.log(`${kind} Word→PDF: ${pdf}\n${kind} pages: ${[...pngs, ...appx].join(' ')}`);
  assert.deepEqual(consoleErrors, []);
  await page.close();
}

test('full CQ report: the .docx reads like the browser print, page numbers from 2, landscape Phụ lục I', async () => {
  await sameWordsAsPrint('CQ', 'BCDV_P1-SADEC_2025H1_CQ');
});

test('full ĐẢNG report: the .docx reads like the browser print, page numbers from 2, landscape Phụ lục I', async () => {
  await sameWordsAsPrint('DANG', 'BCDV_P1-SADEC_2025Y_DANG');
});

test('empty outline and the editor button give .docx files too', async () => {
  const watched = await seeded();
  const { page, consoleErrors } = watched;
  await openPrint(page, ids.CQ);
  await page.getByLabel('In đề cương trống').check();
  await page.getByText('Nêu khái quát tình hình kinh tế - xã hội').first().waitFor();
  const blank = await downloadDocx(page, 'docx-blank-cq');
  assert.equal(blank.suggested, 'BCDV_P1-SADEC_2025H1_CQ_de-cuong.docx');
  const pdf = convert(blank.path);
  const text = flow(pdf);
  assert.match(text, /Số: \/BC-UBND Phường 1, ngày tháng năm 2025/);
  assert.match(text, /I\. ĐẶC ĐIỂM TÌNH HÌNH/);
  assert.match(text, /VII\. KIẾN NGHỊ, ĐỀ XUẤT/);
  assert.match(text, /Nêu khái quát tình hình kinh tế - xã hội/);

  await page.goto(`${server.url}#/bao-cao/${ids.DANG}`);
  const fromEditor = await downloadDocx(page, 'docx-editor-dang');
  assert.equal(fromEditor.suggested, 'BCDV_P1-SADEC_2025Y_DANG.docx');
  assert.match(run('unzip', ['-t', fromEditor.path]), /No errors detected/);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

const LONG = 'Dòng dài '.repeat(1111).trim(); // ≈ 10 000 characters, one line.
const HOSTILE = 'Thẻ <w:p>lạ</w:p> & ]]> <script>alert(1)</script>';

test('a report full of hostile text converts and shows the text literally', async () => {
  const key = `bcdv.draft.${ids.CQ}`;
  const envelope = JSON.parse(storage[key]);
  const keys = Object.keys(envelope.report.texts);
  for (const k of keys) envelope.report.texts[k] = `${HOSTILE}\u0001\u000b\u001b\uffff hết.`;
  envelope.report.texts[keys[0]] += `\n${LONG}`;
  envelope.report.signature.ho_ten = 'Tên <b>&amp;</b>';
  const watched = await seeded({ [key]: JSON.stringify(envelope) });
  const { page, consoleErrors } = watched;
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await openPrint(page, ids.CQ);
  const { path } = await downloadDocx(page, 'docx-hostile');
  const pdf = convert(path);
  const text = flow(pdf);
  assert.ok(text.includes(`${HOSTILE} hết.`), 'markup, "]]>" and "&" shown literally; control characters dropped');
  assert.ok(text.includes('Tên <b>&amp;</b>'), 'signer name literally');
  assert.ok(text.includes(LONG), 'the 10 000-character line is printed whole');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});
