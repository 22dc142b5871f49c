// Manual measurement (not a test): open a stored CQ draft whose hội quán list
// has 5,000 rows, at 4× CPU throttling, and type into a cell far down the
// list and into a narrative. Prints the open time and, per keystroke, the
// longest Event Timing entry (keydown/keypress/input/keyup) it caused.
//   node tests/bench/big_list.mjs            (uses dist/)
//   ROWS=5000 RATE=4 node tests/bench/big_list.mjs
import { openSession, appReady, createReport, openSection, field, editorReady } from '../e2e/lib/harness.mjs';

const ROWS = Number(process.env.ROWS ?? 5000);
const RATE = Number(process.env.RATE ?? 4);
const N17 = 'Mô hình tự quản: Tổ nhân dân tự quản, hội quán';
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

async function typing(page, text) {
  await page.evaluate(() => {
    window.__keys = [];
    window.__events = [];
    addEventListener('keydown', (e) => window.__keys.push(e.timeStamp), true);
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__events.push([e.name, e.startTime, e.duration]); })
      .observe({ type: 'event', durationThreshold: 16, buffered: false });
  });
  await page.keyboard.type(text, { delay: 60 });
  await page.waitForTimeout(2500);
  const { keys, events } = await page.evaluate(() => ({ keys: window.__keys, events: window.__events }));
  const per = keys.map(() => 0);
  for (const [name, start, d] of events) {
    if (!['keydown', 'keypress', 'input', 'keyup'].includes(name)) continue;
    let i = -1;
    for (let j = 0; j < keys.length; j++) if (keys[j] <= start + 0.5) i = j;
    if (i >= 0) per[i] = Math.max(per[i], d);
  }
  const all = events.map((e) => e[2]);
  return { keystrokes: keys.length, p75: pct(per, 75), worst: Math.max(0, ...all), slow: per.filter((d) => d > 40).length };
}

const s = await openSession();
try {
  const { page } = s;
  await page.goto(s.server.url);
  await appReady(page);
  const id = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
  await page.goto(s.server.url);
  await page.evaluate(([key, n]) => {
    const env = JSON.parse(localStorage.getItem(key));
    env.report.lists.hoi_quan_ds = Array.from({ length: n }, (_, i) => ({ ten: `Hội quán ${i + 1}`, xa_phuong: `Khóm ${(i % 40) + 1}`, thanh_vien: (i % 50) + 1 }));
    env.report.values.hoi_quan_so = n;
    localStorage.setItem(key, JSON.stringify(env));
  }, [`bcdv.draft.${id}`, ROWS]);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  let t = Date.now();
  await page.goto(`${s.server.url}#/bao-cao/${id}`);
  await editorReady(page);
  const openMs = Date.now() - t;
  t = Date.now();
  await openSection(page, N17);
  await page.locator('table.list tbody input').first().waitFor({ timeout: 120_000 });
  const sectionMs = Date.now() - t;
  const inputs = await page.locator('table.list tbody input').count();
  const pager = page.locator('.list-editor .pager').first();
  if (await pager.count()) {
    await pager.getByRole('button', { name: 'Cuối »' }).click();
    await pager.getByRole('button', { name: '‹ Trang trước' }).click();
  }
  const cell = page.locator('table.list tbody tr:last-child input[name$=".ten"]');
  if (process.env.EXP) await page.evaluate((exp) => { for (const t of document.querySelectorAll(exp.split('|')[0])) Object.assign(t.style, JSON.parse(exp.split('|')[1])); }, process.env.EXP);
  await cell.click();
  await page.keyboard.press('End');
  const cellTyping = await typing(page, ' – sửa ở dòng cuối danh sách dài');
  await openSection(page, 'ĐẶC ĐIỂM TÌNH HÌNH');
  await field(page, 'N01.text').click();
  const textTyping = await typing(page, 'Tình hình chính trị ổn định, nhân dân phấn khởi tin tưởng.');
  console.log(JSON.stringify({ rows: ROWS, rate: RATE, openMs, sectionMs, inputs, cellTyping, textTyping }, null, 1));
} finally {
  await s.close();
}
