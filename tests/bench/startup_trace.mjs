// What runs between navigation and the first screen (issue 16, item 4).
//
//   node tests/bench/startup_trace.mjs [SITE] [NAMED_SITE]
//
// SITE is a release build (default target/bench-dist), NAMED_SITE the same
// build with a names-kept wasm (default target/bench/profile-dist; `.ci/bench`
// makes both, or see docs/startup-trace.md). Fixtures come from
// examples/bench_fixtures.rs (BENCH_FIXTURES, default target/bench/fixtures).
//
// Two first screens, each cold (fresh profile, no HTTP cache, no service
// worker), unthrottled, STARTUP_RUNS times (default 3, medians):
//   home   `#/` with the two full reports stored → the draft list is shown;
//   editor `#/bao-cao/<CQ>` → its first editable field is shown.
// From SITE (the build users get): the timeline from a Chromium trace (wasm
// compile on every thread, the wasm instantiate + main() task, the
// `TrunkApplicationStarted` event) and what the page did before the first
// screen (requests, localStorage reads). From NAMED_SITE: the CPU profile up
// to the first screen, main()'s inclusive time and the top functions by self
// time. Prints a short text summary (also written to STARTUP_OUT if set).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../e2e/lib/harness.mjs';
import { startBrotliServer } from './lib/server.mjs';
import { median } from './lib/stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const SITE = resolve(repo, process.argv[2] ?? 'target/bench-dist');
const NAMED = resolve(repo, process.argv[3] ?? 'target/bench/profile-dist');
const FIX = resolve(repo, process.env.BENCH_FIXTURES ?? 'target/bench/fixtures');
const RUNS = Math.max(1, Number(process.env.STARTUP_RUNS ?? 3));
const PROBE = join(here, 'lib/probe.js');
const storage = JSON.parse(readFileSync(join(FIX, 'storage.json'), 'utf8'));
const { ids } = JSON.parse(readFileSync(join(FIX, 'ids.json'), 'utf8'));
const round = (x, d = 1) => (x == null || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

const SCREENS = {
  home: { hash: '#/', mark: 'homeFrame' },
  editor: { hash: `#/bao-cao/${ids.CQ}`, mark: 'editorFieldFrame' },
};

/** One cold load of `screen`, traced (and CPU-profiled when `cpu`). */
async function coldTrace(server, screen, { cpu }) {
  const { context, close } = await launch({ serviceWorkers: 'allow' });
  try {
    await context.addInitScript({ path: PROBE });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.origin}/__bench/blank.html`);
    await page.evaluate((entries) => {
      localStorage.clear();
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    }, storage);
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'v8', 'blink.user_timing', '__metadata'] },
    });
    if (cpu) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const firstRequest = server.requests.length;
    await page.goto(`${server.origin}/${SCREENS[screen].hash}`, { waitUntil: 'commit' });
    await page.waitForFunction((m) => window.__bench?.marks?.[m] !== undefined, SCREENS[screen].mark, { timeout: 60_000, polling: 20 });
    const profile = cpu ? (await cdp.send('Profiler.stop')).profile : null;
    const inPage = await page.evaluate((m) => {
      const B = window.__bench;
      const at = B.marks[m];
      const nav = performance.getEntriesByType('navigation')[0];
      const wasm = performance.getEntriesByType('resource').find((r) => /\.wasm$/.test(r.name));
      const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
      // Ties the trace's clock to performance.now() (see `timeline`).
      const sync = performance.mark('bcdv-trace-sync').startTime;
      const reads = B.storageOps.filter((o) => o.op === 'get' && o.at <= at);
      return {
        screen: at, sync, appStarted: B.marks.appStarted, navStart: performance.timeOrigin,
        htmlEnd: nav?.responseEnd, wasmEnd: wasm?.responseEnd, fcp: fcp?.startTime,
        storageReads: reads.length, storageChars: reads.reduce((a, o) => a + o.chars, 0),
        storageMs: reads.reduce((a, o) => a + o.ms, 0),
        resources: performance.getEntriesByType('resource').filter((r) => r.startTime <= at).map((r) => r.name.replace(location.origin, '')),
      };
    }, SCREENS[screen].mark);
    const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.end');
    await done;
    return { inPage, timeline: timeline(events, inPage), profile: profile && cpuSummary(profile, inPage), requests: server.requests.slice(firstRequest).map((r) => r.path) };
  } finally {
    await close();
  }
}

/**
 * From the trace: wasm compile time (every thread: streaming compile and
 * tier-up run off the main thread), main-thread time by task until the first
 * screen, and the task that instantiates the wasm and runs main().
 */
function timeline(events, inPage) {
  // Trace timestamps are monotonic µs: the page's own mark gives this document's time origin.
  const sync = events.find((e) => e.name === 'bcdv-trace-sync');
  const origin = sync.ts - inPage.sync * 1000;
  const rel = (ts) => (ts - origin) / 1000;
  const until = origin + inPage.screen * 1000;
  const mainThreads = new Set([`${sync.pid}:${sync.tid}`]);
  const fcp = events.find((e) => e.name === 'firstContentfulPaint' && e.ts >= origin);
  const tasks = [];
  const wasm = {};
  let mainBusy = 0;
  let longest = null;
  for (const e of events) {
    if (e.ph !== 'X' || e.ts > until) continue;
    const dur = (e.dur ?? 0) / 1000;
    if (/wasm/i.test(e.name) && e.cat && /wasm/.test(e.cat)) {
      const key = `${e.name}${mainThreads.has(`${e.pid}:${e.tid}`) ? ' (main thread)' : ''}`;
      wasm[key] = (wasm[key] ?? 0) + dur;
    }
    if (mainThreads.has(`${e.pid}:${e.tid}`) && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ts >= origin) {
      tasks.push([e.ts, e.ts + (e.dur ?? 0)]);
      if (!longest || dur > longest.ms) longest = { ms: dur, at: rel(e.ts) };
    }
  }
  // Both task names mark the same tasks: busy time is their union.
  let end = -Infinity;
  for (const [a, b] of tasks.sort((x, y) => x[0] - y[0])) {
    const from = Math.max(a, end);
    if (b > from) mainBusy += (b - from) / 1000;
    end = Math.max(end, b);
  }
  return { fcp: fcp ? round(rel(fcp.ts)) : null, wasm: Object.fromEntries(Object.entries(wasm).map(([k, v]) => [k, round(v)])), mainBusy: round(mainBusy), longestTask: longest && { ms: round(longest.ms), at: round(longest.at) } };
}

/**
 * A Rust symbol as a path: wasm-bindgen --keep-debug keeps the mangled
 * legacy form (`_ZN15bao_cao_dan_van2ui5mount17h…E`); its length-prefixed
 * segments are joined with `::` and the hash dropped. Other names pass as is.
 */
function demangle(name) {
  const m = /^_ZN(.*)E$/.exec(name);
  if (!m) return name;
  const parts = [];
  let rest = m[1];
  while (rest) {
    const len = /^(\d+)/.exec(rest);
    if (!len) return name;
    const start = len[1].length;
    parts.push(rest.slice(start, start + Number(len[1])));
    rest = rest.slice(start + Number(len[1]));
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
  return parts.join('::').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$RF\$/g, '&').replace(/\$u20\$/g, ' ').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}').replace(/\$C\$/g, ',').replace(/\.\./g, '::');
}
const clean = (cf) => demangle(cf.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}$/, '').replace(/^\$/, '').replace(/\[[0-9a-f]{16}\]/g, '');

/**
 * Phases of the start, as the inclusive time of the functions that do them
 * (a sample counts for a phase when the phase's function is on its stack).
 */
const PHASES = [
  ['main()', (n) => n === 'bao_cao_dan_van::main'],
  ['open the draft (storage read, parse, checks)', (n) => n === 'bao_cao_dan_van::editor::drafts::open'],
  ['  of which: the report parsed', (n) => n.startsWith('bao_cao_dan_van::model::report::') && n.endsWith('Deserialize for bao_cao_dan_van::model::report::Report>::deserialize')],
  ['compile the outline', (n) => n === 'bao_cao_dan_van::template::Template::from_outline'],
  ['evaluate the report', (n) => n === 'bao_cao_dan_van::engine::evaluate'],
  ['the print sentences (previews, W07)', (n) => n.startsWith('bao_cao_dan_van::print::sentences::')],
];
const isWasm = (cf) => cf.url.startsWith('wasm://') || /_bg\.wasm$/.test(cf.url);

/** Self time by function, and main()'s inclusive time, from a CPU profile. */
function cpuSummary(profile, inPage) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  let mainMs = 0;
  let startMs = 0;
  const phases = PHASES.map(() => 0);
  const inclusive = new Map();
  let script = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = (timeDeltas[i + 1] ?? 0) / 1000;
    const cf = byId.get(samples[i]).callFrame;
    const name = clean(cf);
    if (name.startsWith('(') && !cf.url) continue;
    script += dt;
    const key = cf.url && !isWasm(cf) ? `${name} (${cf.url.split('/').pop()})` : name;
    self.set(key, (self.get(key) ?? 0) + dt);
    // Inclusive: does the stack contain main() / ui::start?
    let inMain = false;
    let inStart = false;
    const inPhase = PHASES.map(() => false);
    const onStack = new Set();
    for (let id = samples[i]; id != null; id = parent.get(id)) {
      const n = clean(byId.get(id).callFrame);
      if (n.startsWith('bao_cao_dan_van::')) onStack.add(n);
      if (n === 'bao_cao_dan_van::main') inMain = true;
      if (n === 'bao_cao_dan_van::ui::start') inStart = true;
      PHASES.forEach(([, is], k) => { if (is(n)) inPhase[k] = true; });
    }
    if (inMain) mainMs += dt;
    if (inStart) startMs += dt;
    inPhase.forEach((yes, k) => { if (yes) phases[k] += dt; });
    for (const n of onStack) inclusive.set(n, (inclusive.get(n) ?? 0) + dt);
  }
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([name, ms]) => ({ name, ms: round(ms) }));
  void inPage;
  return { scriptMs: round(script), mainMs: round(mainMs), startMs: round(startMs), phases: phases.map(round), top, inclusive: [...inclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([name, ms]) => ({ name, ms: round(ms) })) };
}

function summarize(runs, named) {
  const m = (f) => round(median(runs.map(f).filter((x) => x != null)));
  // The trace's wasm events that carry the time (others are nested in them or near zero).
  const wasmKeys = [
    ['wasm.CompileBaseline (main thread)', 'wasm compile, baseline, main thread'],
    ['wasm.ExecuteCompilationUnits', 'wasm compile, background threads'],
    ['wasm.CompileLazy (main thread)', 'wasm lazy compile of functions run (main)'],
    ['wasm.OnBytesReceived (main thread)', 'wasm streaming bytes handed to V8 (main)'],
    ['wasm.SyncInstantiate (main thread)', 'wasm instantiate (main thread)'],
  ];
  const lines = [];
  lines.push(`  first screen shown (frame)                 ${m((r) => r.inPage.screen)} ms   (first contentful paint ${m((r) => r.inPage.fcp ?? r.timeline.fcp)} ms)`);
  lines.push(`  HTML received                              ${m((r) => r.inPage.htmlEnd)} ms`);
  lines.push(`  wasm downloaded                            ${m((r) => r.inPage.wasmEnd)} ms`);
  lines.push(`  app started (instantiate + main)           ${m((r) => r.inPage.appStarted)} ms`);
  lines.push(`  main thread busy before screen             ${m((r) => r.timeline.mainBusy)} ms (longest task ${m((r) => r.timeline.longestTask?.ms)} ms)`);
  for (const [k, label] of wasmKeys) lines.push(`  ${label.padEnd(42)} ${m((r) => r.timeline.wasm[k] ?? 0)} ms`);
  lines.push(`  localStorage reads before screen            ${m((r) => r.inPage.storageReads)} calls, ${m((r) => r.inPage.storageChars)} chars, ${m((r) => r.inPage.storageMs)} ms`);
  lines.push(`  requests before screen                     ${runs[0].inPage.resources.join(' ')}`);
  if (named.length) {
    const p = (f) => round(median(named.map((r) => f(r.profile))));
    lines.push(`  names-kept build: JS + wasm sampled ${p((x) => x.scriptMs)} ms; inside main() ${p((x) => x.mainMs)} ms`);
    PHASES.forEach(([label], k) => lines.push(`    ${label.padEnd(44)} ${p((x) => x.phases[k])} ms`));
    lines.push('  top functions by self time (names-kept build, median run):');
    const mid = [...named].sort((a, b) => a.profile.scriptMs - b.profile.scriptMs)[Math.floor(named.length / 2)];
    for (const t of mid.profile.top) lines.push(`    ${String(t.ms).padStart(6)} ms  ${t.name}`);
    lines.push('  the app\'s own functions by inclusive time (names-kept build, median run):');
    for (const t of mid.profile.inclusive) lines.push(`    ${String(t.ms).padStart(6)} ms  ${t.name}`);
  }
  return lines.join('\n');
}

async function main() {
  const site = await startBrotliServer(SITE);
  const named = await startBrotliServer(NAMED);
  const out = [`Start-up trace, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, 1× CPU, ${RUNS} cold runs each (medians)`, `  site ${SITE}`, `  names-kept ${NAMED}`];
  try {
    for (const screen of Object.keys(SCREENS)) {
      const runs = [];
      const prof = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push(await coldTrace(site, screen, { cpu: false }));
        prof.push(await coldTrace(named, screen, { cpu: true }));
      }
      out.push('', `${screen} (${SCREENS[screen].hash.replace(ids.CQ, '<CQ>')}):`, summarize(runs, prof));
    }
  } finally {
    await site.close();
    await named.close();
  }
  const text = out.join('\n');
  console.log(text);
  if (process.env.STARTUP_OUT) writeFileSync(process.env.STARTUP_OUT, text + '\n');
}

await main();
