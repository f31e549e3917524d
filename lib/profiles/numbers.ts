/**
 * How a typed number becomes an integer, the same in the browser and on the server: plain decimal
 * digits with an optional minus sign, surrounding spaces ignored. Amounts may also group thousands
 * with commas ("85,000"). "1e1", "0x10", "1.5", "١٢" and "Infinity" are not whole numbers here,
 * although JavaScript's Number() would accept most of them.
 */
const PLAIN = /^-?\d+$/;
const GROUPED = /^-?\d{1,3}(,\d{3})+$/;

/** "" / null / undefined → null; a valid number → that number; anything else → NaN. */
export function parseWholeNumber(value: unknown, { grouping = false } = {}): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : Number.NaN;
  if (typeof value !== "string") return Number.NaN;
  const text = value.trim();
  if (text === "") return null;
  if (PLAIN.test(text) || (grouping && GROUPED.test(text))) {
    const number = Number(text.replaceAll(",", ""));
    return Number.isSafeInteger(number) ? number : Number.NaN;
  }
  return Number.NaN;
}

/** 85000 → "85,000" (the grouping the amounts accept back). */
export function groupThousands(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 0 });
}
