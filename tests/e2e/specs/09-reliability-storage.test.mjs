// Issue 12, "What is saved always comes back": the storage defects, each
// replayed in Chromium against the release build with real localStorage
// (two pages of one browser context where two tabs are needed). Every test
// asserts on what is stored, not only on the screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  withApp, appReady, appStorage, until, storedDraft, storedJson, waitForDraft, field, createReport, openSection,
  savedChip, downloadOf, editorReady,
} from '../lib/harness.mjs';

const N01 = 'ĐẶC ĐIỂM TÌNH HÌNH';
const U64_MAX = '18446744073709551615';

const rawOf = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);
const plant = (page, key, value) => page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, value]);
const quarantined = async (page) =>
  Object.entries(await appStorage(page)).filter(([k]) => k.startsWith('bcdv.quarantine.')).map(([, v]) => v);
const draftKeys = async (page) =>
  Object.keys(await appStorage(page)).filter((k) => k.startsWith('bcdv.draft.') && !k.endsWith('.prev'));

/** A new CQ report whose N01 text is `text`, saved; the editor stays open. */
async function reportWithText(page, text) {
  const id = await createReport(page, { kind: 'CQ', period: 'Q3', year: 2025 });
  await openSection(page, N01);
  await field(page, 'N01.text').fill(text);
  await waitForDraft(page, id, (e) => e.report.texts['N01.text'] === text);
  await savedChip(page);
  return id;
}

async function home(s, page = s.page) {
  await page.goto(s.server.url);
  await appReady(page);
}

async function openEditor(s, page, id) {
  await page.goto(`${s.server.url}#/bao-cao/${id}`);
  await editorReady(page);
}

test('defect 3: "Hoàn tác" of a delete keeps the text another tab saved since, and brings the deleted one back as a copy', async () => {
  await withApp({}, async (s) => {
    const a = s.page;
    const id = await reportWithText(a, 'Bản trước khi xóa');
    const bw = await s.newPage();
    const b = bw.page;
    await home(s, b);
    b.once('dialog', (d) => d.accept());
    await b.locator(`li.draft[data-id="${id}"]`).getByRole('button', { name: 'Xóa' }).click();
    await b.getByRole('button', { name: 'Hoàn tác' }).waitFor();
    await a.getByText('Báo cáo này vừa bị xóa ở một thẻ khác').waitFor();

    // Tab A keeps typing: its autosave writes the draft back.
    await field(a, 'N01.text').fill('Bản mới gõ sau khi xóa');
    await waitForDraft(a, id, (e) => e.report.texts['N01.text'] === 'Bản mới gõ sau khi xóa');
    await savedChip(a);

    await b.getByRole('button', { name: 'Hoàn tác' }).click();
    await a.waitForTimeout(800);
    assert.equal((await storedDraft(a, id)).report.texts['N01.text'], 'Bản mới gõ sau khi xóa', 'newer text overwritten by undo');
    assert.equal(await field(a, 'N01.text').inputValue(), 'Bản mới gõ sau khi xóa', 'tab A went back to the older text');
    await b.locator('.notice.ok', { hasText: 'bản khôi phục' }).waitFor({ timeout: 5_000 });

    const copies = (await draftKeys(b)).filter((k) => k !== `bcdv.draft.${id}`);
    assert.equal(copies.length, 1, 'the deleted draft came back as one copy');
    const copy = JSON.parse(await rawOf(b, copies[0]));
    assert.equal(copy.report.texts['N01.text'], 'Bản trước khi xóa');
    assert.match(copy.summary.name, / \(bản khôi phục\)$/);
    assert.equal(copy.report.id, copy.summary.id);
    assert.equal(copies[0], `bcdv.draft.${copy.summary.id}`);
    await until(async () => (await b.locator('li.draft').count()) === 2, { what: 'both drafts listed' });
    assert.deepEqual(bw.consoleErrors, []);
  });
});

test('defect 4: renaming or copying a draft of a newer app is refused and keeps its unknown fields', async () => {
  await withApp({}, async (s) => {
    const { page } = s;
    const id = await reportWithText(page, 'Bản của phiên bản mới');
    await home(s);
    const env = await storedDraft(page, id);
    env.schema_version = 99;
    env.report.schema_version = 99;
    env.report.attachments = [{ name: 'bien-ban.pdf', note: 'added by a newer version' }];
    await plant(page, `bcdv.draft.${id}`, JSON.stringify(env));
    const before = await appStorage(page);
    await home(s);

    const row = page.locator(`li.draft[data-id="${id}"]`);
    await row.getByRole('button', { name: 'Đổi tên' }).click();
    for (const name of ['Tên mới', 'Tên mới lần hai']) {
      await row.getByLabel('Tên mới').fill(name);
      await row.getByRole('button', { name: 'Lưu tên' }).click();
      await page.waitForTimeout(500);
      assert.equal(await rawOf(page, `bcdv.draft.${id}`), before[`bcdv.draft.${id}`], `renamed to "${name}"`);
      const error = row.locator('.notice.error');
      await error.waitFor({ timeout: 5_000 });
      assert.match(await error.innerText(), /Chưa thay đổi gì[\s\S]*phiên bản mới hơn/);
    }
    await row.getByRole('button', { name: 'Nhân bản' }).click();
    await row.locator('input[name="dup.keep_figures"]').check();
    await row.getByRole('button', { name: 'Tạo bản sao' }).click();
    await page.waitForTimeout(500);
    assert.match(await row.locator('.notice.error').innerText(), /phiên bản mới hơn/);
    assert.doesNotMatch(page.url(), /#\/bao-cao\//, 'a copy was opened');

    const after = await appStorage(page);
    assert.equal(after[`bcdv.draft.${id}`], before[`bcdv.draft.${id}`], 'the draft was rewritten');
    assert.deepEqual(JSON.parse(after[`bcdv.draft.${id}`]).report.attachments, env.report.attachments);
    assert.equal(after[`bcdv.draft.${id}.prev`], before[`bcdv.draft.${id}.prev`], '.prev was rewritten');
    assert.deepEqual(await draftKeys(page), [`bcdv.draft.${id}`], 'no copy stored');
  });
});

test('defect 7: the unit profile in two tabs: a save follows the other tab, and a stale save is a conflict, not a loss', async () => {
  await withApp({}, async (s) => {
    const a = s.page;
    const bw = await s.newPage();
    const b = bw.page;
    for (const page of [a, b]) {
      await page.goto(`${s.server.url}#/don-vi`);
      await page.getByRole('heading', { level: 1, name: 'Thông tin đơn vị' }).waitFor();
    }
    await field(a, 'profile.name').fill('PHƯỜNG 1');
    await savedChip(a);
    await until(async () => (await field(b, 'profile.name').inputValue()) === 'PHƯỜNG 1', { what: "A's name in tab B" });
    await b.getByText('cập nhật từ một thẻ khác').waitFor();

    await field(b, 'profile.code').fill('P1');
    await savedChip(b);
    const stored = await storedJson(a, 'bcdv.profile');
    assert.equal(stored.name, 'PHƯỜNG 1', "B's save dropped A's edit");
    assert.equal(stored.code, 'P1');
    await until(async () => (await field(a, 'profile.code').inputValue()) === 'P1', { what: "B's code in tab A" });

    // Another tab saves while B has not heard of it yet (written from B's
    // own page, which gets no storage event for its own writes).
    const planted = await b.evaluate(() => {
      const profile = JSON.parse(localStorage.getItem('bcdv.profile'));
      profile.place = 'Phường Một';
      const raw = JSON.stringify(profile);
      localStorage.setItem('bcdv.profile', raw);
      return raw;
    });
    await field(b, 'profile.place').fill('Phường 1');
    const conflict = b.locator('.notice.conflict');
    await conflict.waitFor({ timeout: 5_000 });
    assert.match(await conflict.innerText(), /thẻ \(tab\) khác[\s\S]*Chưa bản nào bị ghi đè/);
    assert.doesNotMatch(await b.locator('.save-chip').innerText(), /Đã lưu/, 'the losing tab still says "Đã lưu"');
    assert.equal(await rawOf(b, 'bcdv.profile'), planted, 'the other save was overwritten');

    await conflict.getByRole('button', { name: 'Dùng bản ở thẻ kia' }).click();
    await conflict.waitFor({ state: 'detached' });
    assert.equal(await field(b, 'profile.place').inputValue(), 'Phường Một');
    await field(b, 'profile.place').fill('Phường Một, quận 1');
    await until(async () => (await storedJson(b, 'bcdv.profile')).place === 'Phường Một, quận 1', { what: 'the next save' });
    assert.equal((await storedJson(b, 'bcdv.profile')).code, 'P1');
    assert.deepEqual(bw.consoleErrors, []);
  });
});

test('defect 9: a .prev URL is not a draft: nothing is quarantined and "Khôi phục bản lưu trước" stays', async () => {
  await withApp({}, async (s) => {
    const { page } = s;
    const id = await reportWithText(page, 'Bản sửa đầu tiên');
    const prev = await rawOf(page, `bcdv.draft.${id}.prev`);
    assert.ok(prev, 'a previous revision is kept');
    for (const hash of [`#/in/${id}.prev`, `#/bao-cao/${id}.prev`]) {
      await page.goto(`${s.server.url}${hash}`);
      await appReady(page);
      await page.locator('main h1').first().waitFor();
      assert.equal(await rawOf(page, `bcdv.draft.${id}.prev`), prev, `${hash} moved the healthy .prev`);
      assert.deepEqual(await quarantined(page), []);
      await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor({ timeout: 5_000 });
    }
    await openEditor(s, page, id);
    await page.getByRole('button', { name: 'Khôi phục bản lưu trước' }).waitFor();
  });
});

test('defect 11a: a draft whose report names another draft is quarantined, never saved into that draft', async () => {
  await withApp({}, async (s) => {
    const { page } = s;
    const idA = await reportWithText(page, 'Văn bản của A');
    const idB = await reportWithText(page, 'Văn bản của B');
    await home(s);
    const envA = await storedDraft(page, idA);
    envA.report.id = idB;
    const planted = JSON.stringify(envA);
    await plant(page, `bcdv.draft.${idA}`, planted);
    const rawB = await rawOf(page, `bcdv.draft.${idB}`);

    await page.goto(`${s.server.url}#/bao-cao/${idA}`);
    await page.locator('nav.checklist, h1:has-text("Không mở được báo cáo")').first().waitFor();
    if (await page.locator('nav.checklist').count()) {
      // Opened: whatever is typed here must not land in B.
      await openSection(page, N01);
      await field(page, 'N01.text').fill('Sửa ở A');
      await page.waitForTimeout(1_500);
    }
    assert.equal(await rawOf(page, `bcdv.draft.${idB}`), rawB, 'draft B was overwritten through draft A');
    const alert = page.locator('.notice.error[role="alert"]');
    await alert.waitFor({ timeout: 2_000 });
    assert.match(await alert.innerText(), /cách ly/);
    assert.match(await alert.innerText(), new RegExp(`mã báo cáo bên trong \\(${idB}\\) không khớp`));
    assert.deepEqual(await quarantined(page), [planted], 'kept in quarantine');
    await home(s);
    await page.locator(`li.draft[data-id="${idB}"]`).waitFor();
    assert.equal(await page.locator(`li.draft[data-id="${idA}"]`).count(), 0);
    await page.getByRole('button', { name: 'Tải các mục bị cách ly' }).waitFor();
  });
});

test('defect 11b: a .prev holding another draft is quarantined, never restored over that draft', async () => {
  await withApp({}, async (s) => {
    const { page } = s;
    const idA = await reportWithText(page, 'Văn bản của A');
    const idB = await reportWithText(page, 'Văn bản của B');
    await home(s);
    const rawA = await rawOf(page, `bcdv.draft.${idA}`);
    const rawB = await rawOf(page, `bcdv.draft.${idB}`);
    await plant(page, `bcdv.draft.${idA}.prev`, rawB);

    await openEditor(s, page, idA);
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Khôi phục bản lưu trước' }).click();
    await page.waitForTimeout(800);
    assert.equal(await rawOf(page, `bcdv.draft.${idB}`), rawB, 'draft B was rewritten');
    assert.equal(await rawOf(page, `bcdv.draft.${idA}`), rawA, 'draft A was rewritten');
    const error = page.locator('.notice.error', { hasText: 'cách ly' });
    await error.waitFor({ timeout: 5_000 });
    assert.match(await error.innerText(), new RegExp(`mã báo cáo khác \\(${idB}\\)`));
    assert.deepEqual(await quarantined(page), [rawB]);
    assert.equal(await page.getByRole('button', { name: 'Khôi phục bản lưu trước' }).count(), 0, 'nothing left to restore');
    await openSection(page, N01);
    assert.equal(await field(page, 'N01.text').inputValue(), 'Văn bản của A');
  });
});

test('defect 11c: an envelope of a newer storage layout opens read-only: listed, exportable, deletable, never rewritten', async () => {
  await withApp({}, async (s) => {
    const { page } = s;
    const id = await reportWithText(page, 'Bản theo cách lưu mới');
    await home(s);
    const raw = (await rawOf(page, `bcdv.draft.${id}`)).replace(/^\{"storage_version":1,/, '{"storage_version":2,');
    assert.match(raw, /^\{"storage_version":2,/);
    await plant(page, `bcdv.draft.${id}`, raw);

    await openEditor(s, page, id);
    await openSection(page, N01);
    await field(page, 'N01.text').click();
    await page.keyboard.type(' thêm');
    await page.waitForTimeout(1_000);
    assert.equal(await rawOf(page, `bcdv.draft.${id}`), raw, 'rewritten in the old layout');
    assert.equal(await field(page, 'N01.text').inputValue(), 'Bản theo cách lưu mới', 'editable');
    await page.locator('.notices .notice.warn', { hasText: 'cách lưu 2 > 1' }).waitFor({ timeout: 5_000 });
    const file = await downloadOf(page, () => page.getByRole('button', { name: 'Xuất tệp', exact: true }).click());
    assert.equal(JSON.parse(file.text).reportId, id);
    await page.waitForTimeout(1_000);
    assert.equal(await rawOf(page, `bcdv.draft.${id}`), raw, 'rewritten in the old layout');

    await home(s);
    const row = page.locator(`li.draft[data-id="${id}"]`);
    await row.getByRole('button', { name: 'Đổi tên' }).click();
    await row.getByLabel('Tên mới').fill('Tên khác');
    await row.getByRole('button', { name: 'Lưu tên' }).click();
    await row.locator('.notice.error', { hasText: 'phiên bản mới hơn' }).waitFor({ timeout: 5_000 });
    assert.equal(await rawOf(page, `bcdv.draft.${id}`), raw, 'renamed in the old layout');
    page.once('dialog', (d) => d.accept());
    await row.getByRole('button', { name: 'Xóa' }).click();
    await row.waitFor({ state: 'detached' });
    assert.equal(await rawOf(page, `bcdv.draft.${id}`), null, 'deletable');
  });
});

test('defect 11d: a truncated crash journal is quarantined and reported, not deleted', async () => {
  await withApp({}, async (s) => {
    const { page } = s;
    const id = await reportWithText(page, 'Bản đã lưu');
    await home(s);
    const cut = '{"base_revision":2,"entries":{"N01.text":"Bản đã lưu, gõ th';
    await plant(page, `bcdv.journal.${id}`, cut);

    await openEditor(s, page, id);
    await openSection(page, N01);
    await field(page, 'N01.text').fill('Gõ tiếp sau sự cố');
    await waitForDraft(page, id, (e) => e.report.texts['N01.text'] === 'Gõ tiếp sau sự cố');
    await savedChip(page);
    assert.deepEqual(await quarantined(page), [cut], 'the unreadable journal was deleted');
    const notice = page.locator('.notices .notice.warn', { hasText: 'cách ly' });
    await notice.waitFor({ timeout: 5_000 });
    assert.match(await notice.innerText(), new RegExp(`bcdv\\.journal\\.${id}`));
  });
});

test('defect 11e: a draft at revision u64::MAX can still be saved, without a conflict and without wrapping', async () => {
  await withApp({}, async (s) => {
    const { page } = s;
    const id = await reportWithText(page, 'Bản ở số hiệu cuối');
    await home(s);
    const raw = (await rawOf(page, `bcdv.draft.${id}`)).replace(/"revision":\d+,/, `"revision":${U64_MAX},`);
    await plant(page, `bcdv.draft.${id}`, raw);

    await openEditor(s, page, id);
    await openSection(page, N01);
    for (const text of ['Sửa lần một', 'Sửa lần hai']) {
      await field(page, 'N01.text').fill(text);
      await waitForDraft(page, id, (e) => e.report.texts['N01.text'] === text, `"${text}" saved`);
      await savedChip(page);
      assert.match(await rawOf(page, `bcdv.draft.${id}`), new RegExp(`^\\{"storage_version":1,[^{]*"revision":${U64_MAX},`),
        'the revision wrapped');
      assert.equal(await page.locator('.notice.conflict').count(), 0, 'a false conflict');
    }
    await page.reload();
    await editorReady(page);
    await openSection(page, N01);
    assert.equal(await field(page, 'N01.text').inputValue(), 'Sửa lần hai');
  });
});
