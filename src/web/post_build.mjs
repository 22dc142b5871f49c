// Trunk post-build hook, run in TRUNK_STAGING_DIR for both `trunk build` and
// `trunk serve`:
// 1. split the wasm into the main module and its on-demand chunks
//    (split.mjs), pointing index.html and trunk's loader at the new files;
// 2. move trunk's inline module loader into its own file, so the
//    Content-Security-Policy can forbid inline scripts altogether;
// 3. then (last, so it sees the final files) write the service worker with
//    this build's file list and content-hashed cache name.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitWasm } from './split.mjs';
import { writeServiceWorker } from './sw_build.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post_build.mjs must run as a trunk hook (TRUNK_STAGING_DIR unset)');
const split = splitWasm(dir, {
  release: process.env.TRUNK_PROFILE === 'release',
  targetDir: process.env.CARGO_TARGET_DIR || 'target',
  // .ci/bench builds a second site with function names for its profiles.
  keepNames: process.env.BCDV_KEEP_NAMES === '1',
});
const list = (files) => files.map(([name, bytes]) => `${name} ${bytes}`).join(', ');
console.log(`post_build: split main ${list(split.main)}; chunks ${list(split.chunks)}`);

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const inline = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
const scripts = [...html.matchAll(inline)];
if (scripts.length !== 1) {
  throw new Error(`expected exactly one inline script from trunk, found ${scripts.length}`);
}
const [tag, body] = scripts[0];
const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
const file = `boot-${hash}.js`;
writeFileSync(join(dir, file), body.trim() + '\n');
html = html.replace(tag, `<script type="module" src="./${file}"></script>`);
// Build-time nonces are no protection (trunk issue #853); the CSP relies on 'self'.
html = html.replace(/\snonce="[^"]*"/g, '');
writeFileSync(indexPath, html);

const sw = writeServiceWorker(dir);
console.log(`post_build: sw.js ${sw.bytes} bytes, cache ${sw.cacheName}, ${sw.files.length} files`);
