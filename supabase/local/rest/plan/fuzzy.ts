/**
 * The closest name in a set, scored as PostgREST's "Perhaps you meant …" hints score it (the
 * `fuzzyset` algorithm: an exact match, else cosine similarity of character trigrams, then bigrams,
 * of the names enclosed in `-`; the 50 best re-scored by normalised Levenshtein similarity). The
 * first gram size with a candidate at or above `minScore` decides.
 */

/** Lower case, then only letters, digits, spaces and commas count for the grams. */
function normalized(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}\s,]/gu, "");
}

function gramVector(value: string, size: number): Map<string, number> {
  const text = `-${normalized(value)}-`;
  const counts = new Map<string, number>();
  for (let at = 0; at + size <= text.length; at++) {
    const gram = text.slice(at, at + size);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function magnitude(vector: Map<string, number>): number {
  let sum = 0;
  for (const count of vector.values()) sum += count * count;
  return Math.sqrt(sum);
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - levenshtein(a, b) / longest;
}

function bestAt(entries: string[], query: string, size: number, minScore: number): string | undefined {
  const queryVector = gramVector(query, size);
  const queryMagnitude = magnitude(queryVector);
  const scored: { score: number; entry: string }[] = [];
  for (const entry of entries) {
    const vector = gramVector(entry, size);
    let dot = 0;
    for (const [gram, count] of queryVector) dot += count * (vector.get(gram) ?? 0);
    if (dot > 0) scored.push({ score: dot / (queryMagnitude * magnitude(vector)), entry });
  }
  scored.sort((x, y) => y.score - x.score);
  const rescored = scored
    .slice(0, 50)
    .map(({ entry }) => ({ score: similarity(query, entry), entry }))
    .sort((x, y) => y.score - x.score);
  return rescored.find((r) => r.score >= minScore)?.entry;
}

/** The entry of `names` closest to `query`, or undefined when none scores `minScore` (PostgREST: 0.75 for names, 0.33 for argument lists). */
export function closest(names: Iterable<string>, query: string, minScore: number): string | undefined {
  const byKey = new Map<string, string>();
  for (const name of names) if (!byKey.has(name.toLowerCase())) byKey.set(name.toLowerCase(), name);
  const key = query.toLowerCase();
  const exact = byKey.get(key);
  if (exact !== undefined) return exact;
  const entries = [...byKey.keys()];
  for (const size of [3, 2]) {
    const found = bestAt(entries, key, size, minScore);
    if (found !== undefined) return byKey.get(found);
  }
  return undefined;
}
