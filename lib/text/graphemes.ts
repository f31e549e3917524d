/**
 * Length as a person counts it: grapheme clusters (what the cursor steps over), not UTF-16 code units.
 * "👩🏽‍💻" is one character to whoever typed it, but 7 code units to `String.length`. Every limit the app
 * shows or enforces on free text counts this way; the database's CHECKs count code points with a
 * margin (see the field limits in the migrations), so anything that passes here is stored.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

export function graphemeCount(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

/** The first `max` grapheme clusters of `text` (never splits an emoji or a letter from its accent). */
export function truncateGraphemes(text: string, max: number): string {
  let end = 0;
  let count = 0;
  for (const { index, segment } of segmenter.segment(text)) {
    if (count === max) break;
    end = index + segment.length;
    count += 1;
  }
  return text.slice(0, end);
}
