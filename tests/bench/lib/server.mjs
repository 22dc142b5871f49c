// Static server for the benchmark: serves a built dist/ on 127.0.0.1 (free
// port) the way a real static host would, with brotli. Every file is
// brotli-compressed once at start (quality 11, as a deployment would
// precompress) and sent with `content-encoding: br` when the request accepts
// it; otherwise the raw bytes. Also serves a few in-memory pages under
// /__bench/ (a blank page to seed localStorage, the static print page).
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join, extname, relative, sep } from 'node:path';
import { brotliCompressSync, constants as zc } from 'node:zlib';
import { createHash } from 'node:crypto';

// One MIME table for the test harness and the benchmark server.
export { MIME } from '../../e2e/lib/harness.mjs';
import { MIME } from '../../e2e/lib/harness.mjs';

// Already-compressed formats gain nothing from brotli; hosts do not recompress them.
const INCOMPRESSIBLE = new Set(['.png', '.woff2', '.jpg', '.jpeg', '.webp', '.gif']);

/** Category of a file for the size table. */
export function category(path) {
  const ext = extname(path).toLowerCase();
  if (ext === '.wasm') return 'wasm';
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.css') return 'css';
  if (['.woff2', '.woff', '.ttf', '.otf'].includes(ext)) return 'fonts';
  return 'other';
}

function brotli(buf) {
  return brotliCompressSync(buf, {
    params: {
      [zc.BROTLI_PARAM_QUALITY]: 11,
      [zc.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  });
}

function entry(path, raw, type) {
  const ext = extname(path).toLowerCase();
  const br = INCOMPRESSIBLE.has(ext) ? null : brotli(raw);
  // Like a real host: send brotli only when it is smaller.
  // Like a real static host, a validator: a revalidation (no-cache) is answered 304 without a body.
  const etag = `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`;
  return { path, raw, br: br && br.length < raw.length ? br : null, type: type ?? MIME[ext] ?? 'application/octet-stream', etag };
}

/** Load and precompress every file of `root`. */
export function precompress(root) {
  const files = new Map();
  for (const d of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!d.isFile()) continue;
    const abs = join(d.parentPath ?? d.path, d.name);
    const rel = relative(root, abs).split(sep).join('/');
    files.set('/' + rel, entry(rel, readFileSync(abs)));
  }
  return files;
}

/**
 * Start the server. Returns { url, origin, files, setExtra(path, html),
 * requests (a log of {path, status, encoding, bytes}), close() }.
 */
export async function startBrotliServer(root) {
  const files = precompress(root);
  const extra = new Map();
  const requests = [];
  extra.set('/__bench/blank.html', entry('__bench/blank.html', Buffer.from('<!doctype html><link rel="icon" href="data:,"><title>bench</title>'), MIME['.html']));
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path === '/') path = '/index.html';
    const f = extra.get(path) ?? files.get(path);
    if (!f) {
      requests.push({ path, status: 404 });
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const acceptsBr = /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
    if ((req.headers['if-none-match'] ?? '').split(/,\s*/).includes(f.etag)) {
      requests.push({ path, status: 304, bytes: 0 });
      res.writeHead(304, { etag: f.etag, 'cache-control': 'no-cache', vary: 'accept-encoding' }).end();
      return;
    }
    const body = acceptsBr && f.br ? f.br : f.raw;
    const headers = { 'content-type': f.type, 'cache-control': 'no-cache', 'content-length': body.length, vary: 'accept-encoding', etag: f.etag };
    if (body === f.br) headers['content-encoding'] = 'br';
    requests.push({ path, status: 200, encoding: headers['content-encoding'] ?? 'identity', bytes: body.length });
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    origin: `http://127.0.0.1:${port}`,
    files,
    requests,
    setExtra: (path, text, type = MIME['.html']) => extra.set(path, entry(path.slice(1), Buffer.from(text), type)),
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}
