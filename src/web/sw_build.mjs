// Writes the final sw.js into a built site folder: the template src/web/sw.js
// with this build's file list, each file's SHA-256 and a cache name derived
// from every file's content. Content, not names: trunk hashes file names before wasm-opt runs,
// so two different builds can share names. Used by post_build.mjs and by the
// update-flow e2e test (which rewrites a copied build).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const TEMPLATE = new URL('./sw.js', import.meta.url);

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'))
    .filter((path) => path !== 'sw.js')
    .sort();
}

/** Write `dir/sw.js`; returns { cacheName, files, bytes }. */
export function writeServiceWorker(dir) {
  const template = readFileSync(TEMPLATE, 'utf8');
  const paths = filesUnder(dir);
  const hash = createHash('sha256').update(template);
  for (const path of paths) {
    hash.update(`\0${path}\0`).update(readFileSync(join(dir, path)));
  }
  const cacheName = `bcdv-${hash.digest('hex').slice(0, 16)}`;
  // './' is the start URL of the manifest; the server answers it with index.html.
  const files = ['./', ...paths.map((path) => `./${path}`)];
  // Subresource-integrity form of each file's SHA-256: the worker takes a
  // file from the HTTP cache only when it has exactly these bytes.
  const sri = (path) => `sha256-${createHash('sha256').update(readFileSync(join(dir, path))).digest('base64')}`;
  const integrity = Object.fromEntries([['./', sri('index.html')], ...paths.map((path) => [`./${path}`, sri(path)])]);

  const fill = (text, placeholder, value) => {
    if (!text.includes(placeholder)) throw new Error(`sw.js template lacks ${placeholder}`);
    return text.replace(placeholder, value);
  };
  let sw = fill(template, "'bcdv-BUILD_HASH'", JSON.stringify(cacheName));
  sw = fill(sw, "['BUILD_FILES']", JSON.stringify(files));
  sw = fill(sw, "{ BUILD_INTEGRITY: '' }", JSON.stringify(integrity));
  writeFileSync(join(dir, 'sw.js'), sw);
  return { cacheName, files, bytes: Buffer.byteLength(sw) };
}
