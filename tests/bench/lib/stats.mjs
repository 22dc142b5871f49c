// Small statistics helpers for the benchmark (no dependencies).

const num = (xs) => xs.filter((x) => typeof x === 'number' && Number.isFinite(x));

export function median(xs) {
  const s = num(xs).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs, p) {
  const s = num(xs).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[Math.min(rank, s.length) - 1];
}

export const min = (xs) => (num(xs).length ? Math.min(...num(xs)) : null);
export const max = (xs) => (num(xs).length ? Math.max(...num(xs)) : null);

/** { runs, median, min, max } of per-run values. */
export function summarize(runs) {
  return { runs, n: num(runs).length, median: median(runs), min: min(runs), max: max(runs) };
}
