// Screens on demand (issue 16, item 3): cuts the linked wasm into the main
// module (home and editor) and one chunk per on-demand function of src/ui
// (`on_demand_fn!`, src/ui/on_demand.rs: the print view, tổng hợp, the Word
// writer…), plus the chunks they share. trunk 0.21 has no split step, so the build
// hook does what `cargo leptos build --split` does:
//   1. wasm-split-cli (crate wasm_split_cli_support) on the wasm as linked
//      (with the crate feature `split`, which index.html turns on; build.rs
//      links the app with --emit-relocs): main module, chunks and their
//      loader `__wasm_split.js`;
//   2. wasm-bindgen on the main module (it keeps the exports the chunks
//      import: --keep-lld-exports);
//   3. wasm-opt -Oz on every wasm (release only; index.html turns trunk's own
//      wasm-opt off: it would optimise the unsplit module, then be thrown away);
//   4. content-hashed names, and index.html's preload links (with integrity)
//      and trunk's loader pointed at them. The service worker, written after
//      this step, precaches every file of dist/, chunks included.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The crate's binary; trunk names its outputs `${BIN}-<hash>.js` and `…_bg.wasm`.
const BIN = 'bao-cao-dan-van';
// The wasm features rustc 1.95 enables by default for wasm32-unknown-unknown.
// Named, not detected: the split modules lose the target_features section.
const WASM_FEATURES = [
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
];

const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const sha = (algorithm, bytes, encoding) => createHash(algorithm).update(bytes).digest(encoding);
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const replaceAll = (text, from, to) => {
  if (!text.includes(from)) throw new Error(`split: expected a reference to ${from}`);
  return text.split(from).join(to);
};

// The on-demand function of the print view (src/ui/print.rs).
const PRINT_SCREEN = 'print_screen';

/**
 * The wasm files the split loader fetches to run the on-demand function
 * `lazy` (its own chunk first, then the shared chunks it waits for, in the
 * loader's order), read from the loader wasm-split-cli wrote: each piece is
 * `makeLoad(() => { … fetch(new URL("./file", …)) … }, [deps])`, bound to
 * `const __chunk_N` or to the export `__wasm_split_load_<lazy>`.
 */
export function onDemandFiles(loader, lazy) {
  const piece = /(?:const (__chunk_\d+)|export const __wasm_split_load_(\w+)) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)", import\.meta\.url\)\);[\s\S]*?\n\}\s*,\s*\[([^\]]*)\]\)/g;
  const chunks = new Map();
  let entry;
  for (const [, chunk, name, file, deps] of loader.matchAll(piece)) {
    const found = { file, deps: deps.split(',').map((d) => d.trim()).filter(Boolean) };
    if (chunk) chunks.set(chunk, found);
    else if (name === lazy) entry = found;
  }
  if (!entry) throw new Error(`split: the loader has no load function for ${lazy}`);
  const files = [entry.file];
  const visit = (deps) => {
    for (const dep of deps) {
      const chunk = chunks.get(dep);
      if (!chunk) throw new Error(`split: ${lazy} waits for ${dep}, which the loader does not define`);
      if (files.includes(chunk.file)) continue;
      files.push(chunk.file);
      visit(chunk.deps);
    }
  };
  visit(entry.deps);
  return files;
}

/**
 * Split the app in `dir` (trunk's staging folder, index.html not yet
 * rewritten by post_build.mjs). Returns the new file names and sizes.
 * `keepNames` (for .ci/bench's CPU profiles and twiggy) keeps the function
 * names and skips wasm-opt.
 */
export function splitWasm(dir, { release, targetDir = 'target', keepNames = false }) {
  const linked = join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${BIN}.wasm`);
  const indexPath = join(dir, 'index.html');
  let html = readFileSync(indexPath, 'utf8');
  const trunkJs = html.match(new RegExp(`${escape(BIN)}-[0-9a-f]+\\.js`))?.[0];
  if (!trunkJs) throw new Error(`split: index.html does not load ${BIN}-<hash>.js`);
  const trunkWasm = trunkJs.replace(/\.js$/, '_bg.wasm');

  const work = mkdtempSync(join(tmpdir(), 'bcdv-split-'));
  try {
    const split = join(work, 'split');
    const bound = join(work, 'bound');
    run('wasm-split-cli', [linked, split, '--out-name', 'app']);
    run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
      ...(keepNames ? ['--keep-debug'] : []), '--out-dir', bound, '--out-name', 'app', join(split, 'app.wasm')]);
    const chunks = readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== 'app.wasm').sort();
    if (chunks.length === 0) throw new Error('split: wasm-split-cli made no chunk (no on_demand_fn! function?)');
    const wasmPaths = [join(bound, 'app_bg.wasm'), ...chunks.map((f) => join(split, f))];
    if (release && !keepNames) {
      for (const path of wasmPaths) run('wasm-opt', ['-Oz', ...WASM_FEATURES, path, '-o', path]);
    }

    // Chunks are leaves: each is named by its own content. The loader and
    // the glue import each other, so they and the main module share one
    // name hash, taken over everything they lead to.
    let loader = readFileSync(join(split, '__wasm_split.js'), 'utf8');
    const names = {};
    for (const chunk of chunks) {
      const bytes = readFileSync(join(split, chunk));
      // `split_print_screen_1326…` → `print_screen`; shared chunks keep `chunk_N`.
      const stem = chunk.replace(/\.wasm$/, '').replace(/^split_/, '').replace(/_\d+$/, '');
      const name = `${BIN}-${stem.replace(/_/g, '-')}-${sha('sha256', bytes, 'hex').slice(0, 16)}.wasm`;
      loader = replaceAll(loader, `"./${chunk}"`, `"./${name}"`);
      writeFileSync(join(dir, name), bytes);
      names[chunk] = name;
    }
    let glue = readFileSync(join(bound, 'app.js'), 'utf8');
    const mainWasm = readFileSync(join(bound, 'app_bg.wasm'));
    // This script too: it rewrites the glue and the loader after hashing.
    const hash = createHash('sha256').update(readFileSync(new URL(import.meta.url))).update('\0')
      .update(glue).update('\0').update(loader).update('\0').update(mainWasm)
      .digest('hex').slice(0, 16);
    const js = `${BIN}-${hash}.js`;
    const wasm = `${BIN}-${hash}_bg.wasm`;
    const loaderName = `${BIN}-${hash}-split.js`;
    loader = replaceAll(loader, '"./app.js"', `"./${js}"`);
    // Only the module imports: the import object's keys are the wasm's own
    // import module names and keep the name the main module was linked with.
    glue = replaceAll(glue, ' from "./__wasm_split.js"', ` from "./${loaderName}"`);
    glue = glue.split("'app_bg.wasm'").join(`'${wasm}'`);
    writeFileSync(join(dir, js), glue);
    writeFileSync(join(dir, wasm), mainWasm);
    writeFileSync(join(dir, loaderName), loader);

    // trunk's unsplit pair is replaced (its loader script and preload links
    // named them); the loader module is preloaded beside the glue, so its
    // fetch does not wait for the glue to be parsed.
    unlinkSync(join(dir, trunkJs));
    unlinkSync(join(dir, trunkWasm));
    const integrity = (file) => `sha384-${sha('sha384', readFileSync(join(dir, file)), 'base64')}`;
    const wasmPreload = (file) => `<link as=fetch crossorigin href=./${file} integrity=${integrity(file)} rel=preload type=application/wasm>`;
    html = html.replace(/<link\b[^>]*\brel=(?:"modulepreload"|modulepreload)[^>]*>/, (tag) => {
      if (!tag.includes(trunkJs)) throw new Error(`split: unexpected modulepreload ${tag}`);
      const preload = (file) => `<link crossorigin href=./${file} integrity=${integrity(file)} rel=modulepreload>`;
      return preload(js) + preload(loaderName);
    });
    html = html.replace(/<link\b[^>]*\bas=(?:"fetch"|fetch)[^>]*>/, (tag) => {
      if (!tag.includes(trunkWasm)) throw new Error(`split: unexpected wasm preload ${tag}`);
      return wasmPreload(wasm);
    });
    // The print view's files, as preload links for src/web/print_fonts.js to
    // add on that route only (a <template>'s content is inert, and the CSP
    // forbids the inline script that could hold them): without them the
    // chunks would be requested only once the main module has started.
    const printFiles = onDemandFiles(loader, PRINT_SCREEN);
    html = replaceAll(html, '</head>', `<template id=print-preloads>${printFiles.map(wasmPreload).join('')}</template></head>`);
    // What is left of the old names is trunk's loader script.
    html = replaceAll(html, trunkWasm, wasm);
    html = replaceAll(html, trunkJs, js);
    writeFileSync(indexPath, html);

    const size = (file) => readFileSync(join(dir, file)).length;
    return { main: [js, wasm, loaderName].map((f) => [f, size(f)]), chunks: Object.values(names).map((f) => [f, size(f)]) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
