// The printed report (#/in/<id>): a CQ and a DANG draft filled with the
// docs/domain.md §5.1 synthetic figures are seeded into localStorage, opened in the
// print view, printed to PDF by Chromium and checked with poppler: header
// texts and places, trích yếu, generated heading numbers, figures and
// Phụ lục I bullets, Nơi nhận punctuation, signer, A4 geometry, page numbers,
// fonts. The print view is also checked on screen (axe, console, XSS).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, watchedPage, appReady, axeViolations, outDir } from '../lib/harness.mjs';
import { layoutText, pages, fonts, renderPng, word, sameLine, printPdf } from '../lib/pdf.mjs';

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';

const UNIT = {
  code: 'P1-SADEC',
  name: 'PHƯỜNG 1',
  party_upper: 'ĐẢNG BỘ THÀNH PHỐ SA ĐÉC',
  state_upper: null,
  place: 'Phường 1',
  dang: {
    issuer: 'ĐẢNG ỦY PHƯỜNG 1',
    symbol: 'BC/ĐU',
    signer: { quyen_han: 'T/M BAN THƯỜNG VỤ', chuc_vu: 'BÍ THƯ', ho_ten: 'Nguyễn Văn An' },
    recipients: ['Ban Thường vụ Thành ủy', 'Ban Dân vận Thành ủy', 'Các chi bộ trực thuộc', 'Lưu Văn phòng Đảng ủy'],
  },
  cq: {
    issuer: 'ỦY BAN NHÂN DÂN PHƯỜNG 1',
    symbol: 'BC-UBND',
    signer: { quyen_han: 'TM. ỦY BAN NHÂN DÂN', chuc_vu: 'CHỦ TỊCH', ho_ten: 'Trần Thị Bích' },
    recipients: ['Phòng Nội vụ thành phố', 'Ban Dân vận Đảng ủy phường', 'CT và các PCT UBND phường', 'Lưu: VT'],
  },
};

// docs/domain.md §5.1 (Phụ lục I) figures, current and cùng kỳ.
const VALUES = {
  'don_tiep_nhan.cbccvc': 0, 'don_thuoc_tham_quyen.cbccvc': 0, 'don_da_giai_quyet.cbccvc': 0,
  'don_tiep_nhan.cong_dan': 7, 'don_thuoc_tham_quyen.cong_dan': 6, 'don_da_giai_quyet.cong_dan': 5,
  doi_thoai_chu_tich: 4,
  tcd_thuong_xuyen_luot: 52, tcd_thuong_xuyen_nguoi: 49, tcd_dinh_ky_luot: 26, tcd_dinh_ky_nguoi: 30,
  hg_tiep_nhan: 13, hg_dua_ra_hoa_giai: 13, hg_thanh: 11, hg_khong_thanh: 2,
  doi_thoai_tong: 12, dvk_tong: 33,
};
const CUNG_KY = {
  'don_tiep_nhan.cong_dan': 9, 'don_thuoc_tham_quyen.cong_dan': 9, 'don_da_giai_quyet.cong_dan': 6,
  doi_thoai_chu_tich: 3,
  tcd_thuong_xuyen_luot: 60, tcd_thuong_xuyen_nguoi: 58, tcd_dinh_ky_luot: 24, tcd_dinh_ky_nguoi: 24,
  hg_tiep_nhan: 16, hg_thanh: 12, hg_khong_thanh: 4,
  doi_thoai_tong: 10, dvk_tong: 28,
};

const SITUATION = 'Trong kỳ, tình hình chính trị, trật tự an toàn xã hội trên địa bàn phường cơ bản ổn định; đời sống vật chất, tinh thần của nhân dân từng bước được nâng lên. Nhân dân phấn khởi, tin tưởng vào sự lãnh đạo của Đảng, sự quản lý, điều hành của chính quyền; tích cực tham gia các phong trào thi đua yêu nước, cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”.';
const CONCERNS = 'Tuy nhiên, giá cả một số mặt hàng thiết yếu tăng, tình trạng tín dụng đen, lừa đảo qua mạng xã hội vẫn còn diễn biến phức tạp; nhân dân quan tâm đến việc chỉnh trang đô thị, giải quyết thủ tục hành chính, bảo đảm vệ sinh môi trường và an ninh trật tự ở khu dân cư.';

function texts(kind) {
  const t = {
    'N01.text': `${SITUATION}\n\n${CONCERNS}\nMột số hộ dân phản ánh nội dung có ký tự lạ: ${SCRIPT}\n${SITUATION}`,
    'N02.text': `Cấp ủy ban hành 16 văn bản lãnh đạo, chỉ đạo về công tác dân vận theo Kế hoạch của cấp trên[^kh]; tổ chức 12 cuộc đối thoại với nhân dân. Ghi chú thử: ${IMG}\n${CONCERNS}`,
    'N07.text': 'Duy trì tiếp công dân thường xuyên 52 lượt với 49 người; Chủ tịch UBND phường tiếp định kỳ 26 lượt với 30 người.',
    'N08.text': 'Trong kỳ tiếp nhận 07 đơn của công dân, đã giải quyết 05 đơn, còn 01 đơn đang xác minh.',
    'N09.text': 'Các tổ hòa giải tiếp nhận 13 vụ, hòa giải thành 11 vụ, không thành 02 vụ.',
    'N12.text': `Thực hiện tốt Luật Thực hiện dân chủ ở cơ sở. ${SITUATION}`,
    'N16.text': `Phong trào thi đua “Dân vận khéo” tiếp tục lan tỏa; toàn phường có 33 mô hình, điển hình. ${CONCERNS}`,
    'N22.uu_diem': `Công tác dân vận được cấp ủy quan tâm lãnh đạo, chỉ đạo. ${SITUATION}`,
    'N22.han_che': 'Việc nhân rộng mô hình “Dân vận khéo” còn chậm.\n- Một số chi hội chưa duy trì sinh hoạt định kỳ.',
    'N22.nguyen_nhan': 'Một số cán bộ kiêm nhiệm nhiều việc.',
    'N23.text': '- Tiếp tục quán triệt các chủ trương của Đảng về công tác dân vận.\n- Nâng cao chất lượng phong trào thi đua “Dân vận khéo”.\n- Đẩy mạnh cải cách hành chính, chuyển đổi số.',
  };
  if (kind === 'CQ') {
    t['N03.tuyen_truyen'] = `Ủy ban nhân dân phường ban hành kế hoạch thực hiện công tác dân vận chính quyền năm 2025. ${SITUATION}`;
    t['N03.kiem_tra'] = 'Tổ chức 03 cuộc kiểm tra công vụ tại bộ phận một cửa.';
  } else {
    t['N20.text'] = 'Khối dân vận họp 06 cuộc, tổ chức 24 lượt nắm tình hình cơ sở.';
  }
  return t;
}

/** A report as the app stores it (src/model/report.rs, serde names). */
function report(kind, id) {
  const cq = kind === 'CQ';
  const period = cq ? { period_type: 'H1', year: 2025, from: '2025-01-01', to: '2025-06-30' } : { period_type: 'Q3', year: 2025, from: '2025-07-01', to: '2025-09-30' };
  const issuer = cq ? UNIT.cq : UNIT.dang;
  return {
    schema_version: 1,
    id,
    template: { id: kind, version: 1 },
    kind,
    period,
    hierarchy_model: '2-tier-2025',
    name: `Báo cáo in thử ${kind}`,
    unit: UNIT,
    // CQ: issued (number and date); DANG: a draft with the number and day blank.
    header: cq ? { number: '15', day: 20, month: 6, year: 2025 } : { number: null, day: null, month: 10, year: 2025 },
    can_cu: [
      { loai: 'Kế hoạch', so_ky_hieu: '98/KHPH-UBNDTP-BDVTU', ngay: '2025-03-30', co_quan: 'Ủy ban nhân dân thành phố và Ban Dân vận Thành ủy', trich_yeu: 'phối hợp thực hiện công tác dân vận chính quyền năm 2025' },
    ],
    texts: texts(kind),
    values: VALUES,
    qualifiers: {},
    lists: {},
    cung_ky: CUNG_KY,
    footnotes: [{ id: 'kh', text: 'Kế hoạch số 12/KH-UBND ngày 15/01/2025 của Ủy ban nhân dân phường.' }],
    signature: issuer.signer,
    recipients: issuer.recipients,
    options: { pad_small_counts: true, hg_denominator: 'tiep_nhan', format_profile: cq ? 'ND30-2020' : 'HD36-2018', include_pl1: false },
    status: 'draft',
    created_at: '2025-06-20T01:00:00Z',
    updated_at: '2025-06-20T01:00:00Z',
    exported_at: null,
  };
}

async function seed(page, kind, id) {
  const r = report(kind, id);
  await page.evaluate((r) => {
    const summary = {
      id: r.id, name: r.name, unit: 'PHƯỜNG 1', kind: r.kind, period_type: r.period.period_type, year: r.period.year,
      status: 'draft', progress: 80, updated_at: r.updated_at, exported_at: null,
    };
    localStorage.setItem(`bcdv.draft.${r.id}`, JSON.stringify({
      storage_version: 1, schema_version: 1, template_id: r.kind, template_version: 1, revision: 1,
      saved_at: r.updated_at, summary, report: r,
    }));
  }, r);
}

let server;
let browser;
before(async () => {
  mkdirSync(outDir, { recursive: true });
  server = await startServer();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Open the print view of a seeded draft; records dialogs (none may open). */
async function openPrint(kind, id) {
  const watched = await watchedPage(browser.context, server.origin);
  const dialogs = [];
  watched.page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await watched.page.goto(server.url);
  await appReady(watched.page);
  await seed(watched.page, kind, id);
  await watched.page.goto(`${server.url}#/in/${id}`);
  await watched.page.locator('article.doc').waitFor({ timeout: 20_000 });
  await watched.page.evaluate(() => document.fonts.ready);
  return { ...watched, dialogs };
}

/** Level-1 heading numbers in reading order ("I.", "II." or "I-", "II-"). */
function romanHeadings(text, sep) {
  const re = new RegExp(`^\\s+([IVX]+)${sep === '.' ? '\\.' : '-'} [A-ZĐÂÊÔƠƯÁÀẢÃẠ]`, 'gm');
  return [...text.matchAll(re)].map((m) => m[1]);
}
/** Text with every run of white space (line breaks, non-breaking spaces) as one space. */
const squash = (s) => s.replace(/\s+/g, ' ');
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** Geometry every printed report must satisfy; returns the parsed pages. */
function checkGeometry(pdf, kind) {
  const ps = pages(pdf);
  assert.ok(ps.length >= 2, `at least 2 pages (got ${ps.length})`);
  for (const [i, p] of ps.entries()) {
    const portrait = p.width < p.height;
    const w = portrait ? p.width : p.height;
    const h = portrait ? p.height : p.width;
    assert.ok(Math.abs(w - A4.width) <= 1 && Math.abs(h - A4.height) <= 1, `page ${i + 1} is A4: ${p.width}×${p.height}`);
  }
  const body = ps.filter((p) => p.width < p.height);
  const left = 30 * MM;
  const right = A4.width - 15 * MM;
  for (const [i, p] of body.entries()) {
    const minX = Math.min(...p.words.map((w) => w.xMin));
    const maxX = Math.max(...p.words.map((w) => w.xMax));
    // 0,2 pt tolerance for rounding in the PDF's glyph positions.
    assert.ok(minX >= left - 0.2, `${kind} page ${i + 1}: text starts ${minX.toFixed(2)} pt from the left (≥ ${left.toFixed(2)})`);
    assert.ok(maxX <= right + 0.2, `${kind} page ${i + 1}: text ends at ${maxX.toFixed(2)} pt (≤ ${right.toFixed(2)}, 15 mm from the right)`);
  }
  // Page numbers: none on page 1, "2" centred in the top margin of page 2.
  const topMargin = 20 * MM;
  const inTop = (p) => p.words.filter((w) => w.yMax <= topMargin);
  assert.deepEqual(inTop(ps[0]).map((w) => w.text), [], 'no page number on page 1');
  const top2 = inTop(ps[1]);
  assert.deepEqual(top2.map((w) => w.text), ['2'], 'page 2 has "2" in its top margin');
  const centre = (top2[0].xMin + top2[0].xMax) / 2;
  const contentCentre = (left + right) / 2;
  assert.ok(Math.abs(centre - contentCentre) < 3, `page number centred: ${centre.toFixed(1)} vs ${contentCentre.toFixed(1)}`);
  return ps;
}

function checkFonts(pdf) {
  const list = fonts(pdf);
  assert.ok(list.length >= 3, `regular, bold and italic faces used: ${list.map((f) => f.name)}`);
  for (const f of list) {
    assert.match(f.name, /^[A-Z]{6}\+Tinos(-Bold|-Italic|-BoldItalic)?$/, `only the bundled serif: ${f.line}`);
    assert.ok(f.embedded, `embedded: ${f.line}`);
  }
}

/** Checks on screen: no console error, axe-clean, XSS shown literally. */
async function checkScreen({ page, consoleErrors, dialogs }) {
  const docText = await page.locator('article.doc').innerText();
  assert.ok(docText.includes(SCRIPT), 'the <script> text is shown literally');
  assert.ok(docText.includes(IMG), 'the <img> text is shown literally');
  assert.equal(await page.locator('article.doc script, article.doc img').count(), 0, 'no element was injected');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(dialogs, [], 'no alert ran');
  assert.deepEqual(consoleErrors, []);
}

test('CQ report prints in the NĐ 30 format with Phụ lục I', async () => {
  const watched = await openPrint('CQ', 'print-cq');
  const { page } = watched;
  assert.equal(await page.title(), 'BCDV_P1-SADEC_2025H1_CQ');
  await checkScreen(watched);
  // Tablet portrait: the A4 sheets are scaled to the screen, nothing overflows sideways.
  await page.setViewportSize({ width: 800, height: 1280 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
  assert.deepEqual(await axeViolations(page), []);
  await page.setViewportSize({ width: 1280, height: 800 });

  const pdf = await printPdf(page, 'print-cq');
  const ps = checkGeometry(pdf, 'CQ');
  checkFonts(pdf);
  const text = layoutText(pdf);
  const p1 = ps[0];

  // Header: issuer left, Quốc hiệu right on the same lines; number and date on one row.
  const uy = word(p1, 'ỦY');
  const cong = word(p1, 'CỘNG');
  assert.ok(uy && cong && sameLine(uy, cong) && uy.xMax < A4.width / 2 && cong.xMin > uy.xMax, 'ỦY BAN NHÂN DÂN left of CỘNG HÒA… on line 1');
  assert.match(text, /ỦY BAN NHÂN DÂN\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\s*PHƯỜNG 1\s+Độc lập - Tự do - Hạnh phúc\n/);
  assert.match(text, /Số: 15\/BC-UBND\s+Phường 1, ngày 20 tháng 6 năm 2025\n/);
  const so = word(p1, 'Số:');
  const ngay = p1.words.find((w) => w.text === 'ngày' && w.yMin > uy.yMax);
  assert.ok(so && ngay && sameLine(so, ngay) && so.xMax < ngay.xMin && ngay.xMin > A4.width / 2, 'Số left, date right');
  const bao = word(p1, 'BÁO');
  assert.ok(bao && bao.yMin > so.yMax, 'BÁO CÁO under the header');
  assert.ok(squash(text).includes('BÁO CÁO Kết quả thực hiện công tác dân vận 6 tháng đầu năm 2025 Căn cứ'), 'title, trích yếu, then the opening');
  assert.match(squash(text), /Căn cứ Kế hoạch số 98\/KHPH-UBNDTP-BDVTU ngày 30 tháng 3 năm 2025 của Ủy ban nhân dân thành phố và Ban Dân vận Thành ủy về phối hợp thực hiện công tác dân vận chính quyền năm 2025; Ủy ban nhân dân Phường 1 báo cáo kết quả thực hiện công tác dân vận 6 tháng đầu năm 2025 như sau:/);

  // Headings: generated, no number skipped (optional empty nodes left out).
  assert.deepEqual(romanHeadings(text, '.'), ROMAN.slice(0, 6));
  assert.ok(squash(text).includes('IV. KẾT QUẢ THỰC HIỆN 1. Tiếp công dân, đối thoại, giải quyết đơn thư, hòa giải ở cơ sở, phổ biến, giáo dục pháp luật (phụ lục I kèm theo) a) Tiếp công dân, đối thoại'), 'IV. then 1. (optional empty parts skipped), with the appendix reference');
  assert.match(text, /2\. Thực hiện dân chủ ở cơ sở/);
  assert.match(text, /3\. Phong trào thi đua “Dân vận khéo”, mô hình mới, cách làm hay/);
  assert.doesNotMatch(text, /VII\. /, 'no Kiến nghị section when it is empty');

  // Figures from the data, the computed rate, footnote marker and note.
  assert.ok(squash(text).includes('- Hòa giải thành: 11 vụ (giảm 01 so với cùng kỳ)'));
  assert.ok(squash(text).includes('- Tỷ lệ hòa giải thành: 84,62% (tăng 9,62 điểm % so với cùng kỳ)'));
  assert.ok(squash(text).includes('Kế hoạch của cấp trên1;'), 'superscript note marker 1');
  assert.ok(squash(text).includes('1 Kế hoạch số 12/KH-UBND ngày 15/01/2025 của Ủy ban nhân dân phường. Nơi nhận:'), 'the note, before the signature block');
  assert.match(text, /- Một số chi hội chưa duy trì sinh hoạt định kỳ\./, 'dash lines stay dash lines');
  assert.match(text, /3\. Đẩy mạnh cải cách hành chính, chuyển đổi số\./, 'tasks are numbered, the typed dash dropped');
  assert.match(squash(text), /Trên đây là báo cáo kết quả thực hiện công tác dân vận 6 tháng đầu năm 2025 của Ủy ban nhân dân Phường 1\.\/\./);

  // Nơi nhận (left) beside the signature (right), CQ punctuation.
  assert.match(text, /Nơi nhận:\s+TM\. ỦY BAN NHÂN DÂN\n/);
  for (const line of ['- Phòng Nội vụ thành phố;', '- Ban Dân vận Đảng ủy phường;', '- CT và các PCT UBND phường;', '- Lưu: VT.']) {
    assert.ok(text.includes(line), `recipient line ${line}`);
  }
  assert.match(text, /CHỦ TỊCH/);
  assert.match(text, /Trần Thị Bích/);
  // The closing sentence, Nơi nhận and the signature are on one page.
  const pageOf = (t) => ps.findIndex((p) => p.words.some((w) => w.text === t));
  assert.ok(pageOf('Bích') > 0 && pageOf('Bích') === pageOf('nhận:') && pageOf('Bích') === pageOf('VT.') && pageOf('Bích') === pageOf('1./.'), 'signature block not split');

  // Phụ lục I on its own (landscape) page, with the generated bullets.
  const appxIndex = ps.findIndex((p) => p.width > p.height);
  assert.ok(appxIndex > 0, 'Phụ lục I on a landscape page');
  const appx = layoutText(pdf, appxIndex + 1, ps.length);
  assert.match(appx, /^\s*Phụ lục I\n\s*KẾT QUẢ TIẾP CÔNG DÂN; XỬ LÝ ĐƠN THƯ VÀ GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO\n\s*\(Kèm theo Báo cáo số 15\/BC-UBND ngày 20 tháng 6 năm 2025 của Ủy ban nhân dân Phường 1\)/);
  assert.doesNotMatch(layoutText(pdf, 1, appxIndex), /Phụ lục I\n/, 'the appendix is not on a body page');
  for (const bullet of [
    '- Cuộc đối thoại tăng 01',
    '- Số lượng đơn, thư tiếp nhận giảm 02',
    '- Số đơn thư thuộc thẩm quyền giải quyết giảm 03',
    '- Số đơn thư đã giải quyết giảm 01',
    '- Số đơn thư tồn đọng giảm 02',
    '- Số lần tiếp thường xuyên giảm 08',
    '- Số người giảm 09',
    '- Tiếp định kỳ tăng 02',
    '- Số người tăng 06',
    '- Số vụ tiếp nhận giảm 03 vụ',
    '- Hòa giải thành: 11/13 vụ so với cùng kỳ 12/16 vụ',
    '- Hòa giải không thành 2/13 vụ so với cùng kỳ 4/16 vụ',
  ]) {
    assert.ok(appx.includes(bullet), `bullet ${bullet}`);
  }
  assert.match(appx, /84,62%/);
  assert.match(appx, /Đối thoại giải quyết khiếu nại của Chủ tịch UBND phường là 04 cuộc/);

  const pngs = renderPng(pdf, join(outDir, 'print-cq'), 1, 2);
  const appxPng = renderPng(pdf, join(outDir, 'print-cq'), appxIndex + 1, appxIndex + 1);
  console.log(`CQ PDF: ${pdf}\nCQ pages: ${[...pngs, ...appxPng].join(' ')}`);
  await page.close();
});

test('DANG report prints in the HD 36 format', async () => {
  const watched = await openPrint('DANG', 'print-dang');
  const { page } = watched;
  assert.equal(await page.title(), 'BCDV_P1-SADEC_2025Q3_DANG');
  await checkScreen(watched);

  const pdf = await printPdf(page, 'print-dang');
  const ps = checkGeometry(pdf, 'DANG');
  checkFonts(pdf);
  const text = layoutText(pdf);
  const p1 = ps[0];

  const dangBo = word(p1, 'ĐẢNG');
  const right = p1.words.find((w) => w.text === 'ĐẢNG' && w.xMin > A4.width / 2);
  assert.ok(dangBo && right && sameLine(dangBo, right), 'ĐẢNG BỘ … left and ĐẢNG CỘNG SẢN VIỆT NAM right on line 1');
  assert.match(text, /ĐẢNG BỘ THÀNH PHỐ SA ĐÉC\s+ĐẢNG CỘNG SẢN VIỆT NAM\n\s*ĐẢNG ỦY PHƯỜNG 1\n/);
  // The draft leaves the number and the day blank for the văn thư.
  assert.match(text, /\n\s*\*\s*\n/);
  assert.match(text, /Số\s+-BC\/ĐU\s+Phường 1, ngày\s+tháng 10 năm 2025\n/);
  assert.ok(squash(text).includes('BÁO CÁO tình hình công tác dân vận quý III năm 2025 ----- Thực hiện'), 'title, trích yếu, "-----", then the opening');
  assert.match(squash(text), /Thực hiện Kế hoạch số 98\/KHPH-UBNDTP-BDVTU ngày 30 tháng 3 năm 2025 của Ủy ban nhân dân thành phố và Ban Dân vận Thành ủy về phối hợp thực hiện công tác dân vận chính quyền năm 2025, Ban Thường vụ Đảng ủy Phường 1 báo cáo tình hình công tác dân vận quý III năm 2025 như sau:/);

  // I- TÌNH HÌNH NHÂN DÂN, II- …, III- ĐÁNH GIÁ CHUNG, IV- CHƯƠNG TRÌNH …; no V- (Kiến nghị empty).
  assert.deepEqual(romanHeadings(text, '-'), ROMAN.slice(0, 4));
  assert.match(text, /IV- CHƯƠNG TRÌNH CÔNG TÁC DÂN VẬN QUÝ IV NĂM 2025/);
  assert.match(text, /Ưu điểm: Công tác dân vận/, 'run-in labels in Đánh giá chung');
  assert.ok(squash(text).includes('Kế hoạch của cấp trên(1);'), 'DANG note marker (1)');
  assert.ok(squash(text).includes('(1) Kế hoạch số 12/KH-UBND ngày 15/01/2025 của Ủy ban nhân dân phường. Nơi nhận:'), 'the note, before the signature block');
  assert.ok(squash(text).includes('- Tỷ lệ hòa giải thành: 84,62% (tăng 9,62 điểm % so với cùng kỳ)'));
  assert.match(squash(text), /của Ban Thường vụ Đảng ủy Phường 1\. /);
  assert.doesNotMatch(text, /\.\/\./, 'no "./." in a party document');

  assert.match(text, /Nơi nhận:\s+T\/M BAN THƯỜNG VỤ\n/);
  for (const line of ['- Ban Thường vụ Thành ủy,', '- Ban Dân vận Thành ủy,', '- Các chi bộ trực thuộc,', '- Lưu Văn phòng Đảng ủy.']) {
    assert.ok(text.includes(line), `recipient line ${line}`);
  }
  assert.match(text, /BÍ THƯ/);
  assert.match(text, /Nguyễn Văn An/);
  assert.ok(ps.every((p) => p.width < p.height), 'no appendix page (not requested for DANG)');

  const pngs = renderPng(pdf, join(outDir, 'print-dang'), 1, 2);
  console.log(`DANG PDF: ${pdf}\nDANG pages: ${pngs.join(' ')}`);
  await page.close();
});

test('empty outline toggle, file name and title restored on leaving', async () => {
  const watched = await openPrint('CQ', 'print-blank');
  const { page, consoleErrors } = watched;
  await page.getByLabel('In đề cương trống').check();
  await page.getByText('Nêu khái quát tình hình kinh tế - xã hội').first().waitFor();
  assert.equal(await page.title(), 'BCDV_P1-SADEC_2025H1_CQ_de-cuong');
  assert.equal(await page.locator('article.doc .fill-line').count() > 20, true, 'dotted lines to write on');
  assert.deepEqual(await axeViolations(page), []);

  const pdf = await printPdf(page, 'print-blank-cq');
  checkFonts(pdf);
  const text = layoutText(pdf);
  assert.match(text, /Số:\s+\/BC-UBND\s+Phường 1, ngày\s+tháng\s+năm 2025/);
  assert.match(text, /I\. ĐẶC ĐIỂM TÌNH HÌNH/);
  assert.match(text, /VII\. KIẾN NGHỊ, ĐỀ XUẤT/, 'every node, optional ones too');
  assert.doesNotMatch(text, /Trần Thị Bích\n[\s\S]*Trần Thị Bích/, 'one signature block');

  await page.getByRole('link', { name: 'Về báo cáo' }).click();
  await page.locator('.print-root').waitFor({ state: 'detached' });
  assert.equal(await page.title(), 'Báo cáo Dân vận');
  assert.equal(await page.evaluate(() => document.body.classList.contains('print-view')), false);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});
