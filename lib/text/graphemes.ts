/**
 * Length as a person counts it: grapheme clusters (what the cursor steps over), not UTF-16 code units.
 * "👩🏽‍💻" is one character to whoever typed it, but 4 code points and 7 UTF-16 units. Every limit the
 * app shows or enforces on free text counts this way.
 *
 * The database cannot count graphemes in a CHECK (Postgres has no segmentation function), so its
 * CHECKs count code points, at MAX_CODE_POINTS_PER_CHARACTER per allowed character: the longest
 * emoji in Unicode's recommended set (a kiss with two skin tones, 👩🏽‍❤️‍💋‍👨🏿) is 10 code points. The app
 * checks the same code-point ceiling too, so text stacked with combining marks (one "character"
 * carrying dozens of accents) is refused with a message rather than by the database.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

export const MAX_CODE_POINTS_PER_CHARACTER = 10;

export function graphemeCount(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

function codePointCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** True when `text` is at most `max` characters as a person counts them, and within the database's bound. */
export function withinCharacterLimit(text: string, max: number): boolean {
  return graphemeCount(text) <= max && codePointCount(text) <= max * MAX_CODE_POINTS_PER_CHARACTER;
}
