// Print helpers: Chromium's "Save as PDF", then poppler on the PDF: text
// with layout, words with boxes, fonts, page sizes, PNG renders.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { outDir } from './harness.mjs';

const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** `pdftotext -layout` of pages first..last (1-based; whole file by default). */
export function layoutText(pdf, first, last) {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  return run('pdftotext', ['-layout', ...range, pdf, '-']);
}

const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/**
 * Pages with their size and words from `pdftotext -bbox`:
 * [{ width, height, words: [{ text, xMin, yMin, xMax, yMax }] }] (points, y down).
 */
export function pages(pdf) {
  const xml = run('pdftotext', ['-bbox', pdf, '-']);
  const out = [];
  for (const [, attrs, body] of xml.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
    const width = Number(attrs.match(/width="([\d.]+)"/)[1]);
    const height = Number(attrs.match(/height="([\d.]+)"/)[1]);
    const words = [...body.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
      ([, xMin, yMin, xMax, yMax, text]) => ({ text: decode(text), xMin: +xMin, yMin: +yMin, xMax: +xMax, yMax: +yMax }),
    );
    out.push({ width, height, words });
  }
  return out;
}

/** Font rows of `pdffonts`: [{ name, type, embedded }]. */
export function fonts(pdf) {
  const lines = run('pdffonts', [pdf]).trim().split('\n').slice(2);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type [encoding…] emb sub uni object ID: emb is 5th from the end.
    return { name: cols[0], type: cols[1], embedded: cols[cols.length - 5] === 'yes', line };
  });
}

/** Render pages first..last to `${prefix}-N.png` at `dpi`; returns the paths. */
export function renderPng(pdf, prefix, first, last, dpi = 60) {
  run('pdftoppm', ['-r', String(dpi), '-f', String(first), '-l', String(last), '-png', pdf, prefix]);
  const out = [];
  for (let p = first; p <= last; p++) {
    // pdftoppm pads the page number to the width of the page count.
    const candidates = [1, 2, 3].map((w) => `${prefix}-${String(p).padStart(w, '0')}.png`);
    out.push(candidates.find((c) => { try { execFileSync('test', ['-f', c]); return true; } catch { return false; } }) ?? candidates[0]);
  }
  return out;
}

/** The first word (on a page) matching `text` exactly, or undefined. */
export const word = (page, text) => page.words.find((w) => w.text === text);

/** Words on the same visual line as `w` (centre within half a line). */
export const sameLine = (a, b) => Math.abs((a.yMin + a.yMax) / 2 - (b.yMin + b.yMax) / 2) < 4;

/**
 * Print `page` to tests/e2e/out/<name>.pdf as "Save as PDF" would (print
 * media, A4, the page size of the CSS), once the four faces of the bundled
 * serif are loaded; returns the PDF's path.
 */
export async function printPdf(page, name) {
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(async () => {
    await Promise.all(['400 14pt', '700 14pt', 'italic 400 14pt', 'italic 700 14pt'].map((f) => document.fonts.load(`${f} "BCDV Serif"`, 'Ạ')));
  });
  const path = join(outDir, `${name}.pdf`);
  await page.pdf({ path, format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  return path;
}
