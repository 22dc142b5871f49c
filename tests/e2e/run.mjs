// Runs every spec in specs/ one after another (one Chromium at a time on a
// 2-core machine) and ends with the line "N passed, N failed".
import { run } from 'node:test';
import { readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const specs = join(dirname(fileURLToPath(import.meta.url)), 'specs');
const only = process.argv.slice(2);
const files = readdirSync(specs)
  .filter((f) => f.endsWith('.test.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
  .map((f) => join(specs, f));

let passed = 0;
let failed = 0;
const failures = [];
for await (const event of run({ files, concurrency: 1, timeout: 10 * 60_000 })) {
  const { type, data } = event;
  // What a spec prints itself (e.g. the paths of rendered PDF pages).
  if (type === 'test:stdout') { process.stdout.write(`  | ${data.message}`); continue; }
  if (type !== 'test:pass' && type !== 'test:fail') continue;
  // Count tests, not the suites or files that contain them; but a file
  // that fails on its own (syntax error, failing hook) is a failure.
  const isFile = files.includes(data.name) || data.nesting === 0 && data.file === data.name;
  if (data.details?.type === 'suite' || (isFile && type === 'test:pass')) continue;
  const ms = Math.round(data.details?.duration_ms ?? 0);
  if (type === 'test:pass') {
    passed++;
    console.log(`  ok   ${data.name} (${ms} ms)`);
  } else {
    failed++;
    const err = data.details?.error;
    const why = String(err?.cause?.stack ?? err?.cause ?? err?.message ?? err);
    failures.push(`${data.name}\n${why}`);
    console.log(`  FAIL ${data.name} (${ms} ms)\n${why.split('\n').map((l) => '       ' + l).join('\n')}`);
  }
}
if (failures.length) console.log(`\nFailed:\n- ${failures.map((f) => f.split('\n')[0]).join('\n- ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
