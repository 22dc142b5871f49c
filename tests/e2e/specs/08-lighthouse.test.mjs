// Lighthouse (npm lighthouse 12.8.2) against the served release build with
// Debian Chromium: accessibility and best practices must score 100. All
// scores are printed for the record.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer, CHROMIUM_ARGS } from '../lib/harness.mjs';

let server;
let chrome;
before(async () => {
  server = await startServer();
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
});
after(async () => { await chrome?.kill(); await server?.close(); });

test('Lighthouse: accessibility and best practices score 100', async () => {
  const result = await lighthouse(server.url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  });
  const scores = Object.fromEntries(
    Object.entries(result.lhr.categories).map(([k, v]) => [k, Math.round(v.score * 100)]),
  );
  console.log(`lighthouse scores: ${JSON.stringify(scores)}`);
  const failing = (category) => result.lhr.categories[category].auditRefs
    .map((ref) => result.lhr.audits[ref.id])
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
    .map((a) => a.id);
  assert.equal(scores.accessibility, 100, `accessibility audits failing: ${failing('accessibility')}`);
  assert.equal(scores['best-practices'], 100, `best-practices audits failing: ${failing('best-practices')}`);
});
