// Click-to-download time of "Tải bản Word (.docx)" for the full reports at
// 4× CPU throttling (not part of .ci/test or .ci/bench; run by hand after a
// release build):
//   cargo run --release --example bench_fixtures -- target/bench/fixtures
//   node tests/bench/docx.mjs            # DIST_DIR=… to measure another build
// The time runs from the click on the button (a capture listener) to the
// moment the .docx Blob has been handed to URL.createObjectURL, i.e. the work
// the app does; both are read with performance.now() inside the page.
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch, appReady } from '../e2e/lib/harness.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIX = resolve(repo, process.env.BENCH_FIXTURES ?? 'target/bench/fixtures');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const storage = JSON.parse(readFileSync(join(FIX, 'storage.json'), 'utf8'));
const { ids } = JSON.parse(readFileSync(join(FIX, 'ids.json'), 'utf8'));

const server = await startServer();
const browser = await launch();
const results = {};
try {
  for (const [where, route] of [['print view', (id) => `#/in/${id}`], ['editor', (id) => `#/bao-cao/${id}`]]) {
    for (const kind of ['CQ', 'DANG']) {
      const times = [];
      for (let i = 0; i < RUNS; i++) {
        const page = await browser.context.newPage();
        await page.addInitScript(() => {
          const create = URL.createObjectURL;
          URL.createObjectURL = (blob) => {
            if (blob.type.includes('wordprocessingml')) window.__docxReady = performance.now();
            return create.call(URL, blob);
          };
          document.addEventListener('click', (e) => {
            if (e.target.closest?.('button')?.textContent.includes('Tải bản Word')) window.__docxClick = performance.now();
          }, true);
        });
        await page.goto(server.url);
        await appReady(page);
        await page.evaluate((entries) => { for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v); }, storage);
        await page.goto(`${server.url}${route(ids[kind])}`);
        const button = page.getByRole('button', { name: 'Tải bản Word (.docx)' });
        await button.waitFor();
        await page.waitForTimeout(500);
        const cdp = await browser.context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
        await download.path();
        times.push(await page.evaluate(() => window.__docxReady - window.__docxClick));
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        await page.close();
      }
      times.sort((a, b) => a - b);
      results[`${where} ${kind}`] = { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1] };
      console.log(`${where} ${kind}: median ${times[Math.floor(times.length / 2)].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)}) at 4× CPU`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
