/**
 * Timestamps as GoTrue serializes them: Go's RFC 3339 with up to nanosecond precision and trailing
 * zeros trimmed ("2026-11-25T21:18:36.447123Z"). Postgres keeps microseconds, which a JS Date would
 * lose, so timestamptz columns are read as text and converted here.
 */

const PG_TIMESTAMPTZ =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?|Z)?$/;

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** Postgres timestamptz text output (any session TimeZone) → RFC 3339 in UTC. */
export function pgTimestampToRfc3339(text: string): string {
  const m = PG_TIMESTAMPTZ.exec(text.trim());
  if (!m) throw new Error(`unexpected timestamp format: ${text}`);
  const [, y, mo, d, h, mi, s, frac = "", sign, oh = "0", om = "0", os = "0"] = m;
  const offsetSeconds = sign ? (sign === "-" ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60 + Number(os)) : 0;
  const epoch = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offsetSeconds * 1000;
  const t = new Date(epoch);
  const fraction = frac.replace(/0+$/, "");
  return (
    `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}` +
    `T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}` +
    (fraction ? `.${fraction}` : "") +
    "Z"
  );
}

/** RFC 3339 text → epoch milliseconds (sub-millisecond digits dropped). */
export function rfc3339ToMillis(text: string): number {
  return Date.parse(text);
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
