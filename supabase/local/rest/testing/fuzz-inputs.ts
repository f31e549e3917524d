/**
 * Random and hostile request pieces for the fuzz tests (pure unit fuzz and the HTTP fuzz suite):
 * SQL fragments, quotes, unicode, NUL, grammar punctuation, long values. Seeded, so failures replay.
 */
export type Random = () => number;

export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export const HOSTILE = [
  "'; drop table rest_canary; --",
  '")--',
  "x;y",
  "/*",
  "\\",
  "\u0000",
  "😀",
  "é",
  "%27",
  "1e999",
  "-1",
  "{",
  "}",
  "()",
  ",",
  ".",
  "*",
  ":",
  "!",
  "->",
  "->>",
  "::",
  '"',
  "a".repeat(300),
  "$1",
  "null",
  "true",
  '{"k":[1,{}]}',
  "[1,2)",
];
export const OPS = [
  "eq",
  "neq",
  "gt",
  "like",
  "ilike",
  "in",
  "is",
  "cs",
  "cd",
  "ov",
  "fts",
  "wfts(english)",
  "eq(any)",
  "match",
  "isdistinct",
  "adj",
  "bogus",
  "not.eq",
  "not.in",
];
export const KEYS = ["select", "order", "limit", "offset", "or", "and", "not.or", "columns", "on_conflict"];

export function pick<T>(r: Random, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)] as T;
}

export function fuzzValue(r: Random, names: readonly string[]): string {
  const parts = Array.from({ length: 1 + Math.floor(r() * 3) }, () => (r() < 0.4 ? pick(r, HOSTILE) : pick(r, names)));
  return parts.join(r() < 0.5 ? "" : pick(r, [",", ".", "(", ")", ":", "!"]));
}

export function fuzzQuery(r: Random, names: readonly string[]): URLSearchParams {
  const q = new URLSearchParams();
  const n = Math.floor(r() * 5);
  for (let i = 0; i < n; i++) {
    if (r() < 0.5) q.append(pick(r, names), `${pick(r, OPS)}.${fuzzValue(r, names)}`);
    else {
      const key = r() < 0.8 ? pick(r, KEYS) : `${pick(r, names)}.${pick(r, KEYS)}`;
      q.append(key, r() < 0.3 ? `(${pick(r, names)}.${pick(r, OPS)}.${fuzzValue(r, names)})` : fuzzValue(r, names));
    }
  }
  return q;
}

export function fuzzBody(r: Random, names: readonly string[]): string | null {
  const choice = r();
  if (choice < 0.15) return null;
  if (choice < 0.25) return fuzzValue(r, names);
  if (choice < 0.3) return "[".repeat(2000);
  const row = () =>
    Object.fromEntries(
      Array.from({ length: 1 + Math.floor(r() * 3) }, () => [
        pick(r, names),
        r() < 0.5 ? fuzzValue(r, names) : r() < 0.5 ? Math.floor(r() * 1e6) : [fuzzValue(r, names)],
      ]),
    );
  return JSON.stringify(r() < 0.5 ? row() : [row(), row()]);
}
