/**
 * `Prefer` header, as PostgREST reads it: comma separated `key=value` pairs; the first occurrence of a
 * key wins; `timezone=` and `max-affected=` take any value; anything else not one of the known pairs
 * is ignored, unless `handling=strict` is asked for: then it is 400 PGRST122.
 */
import { ParseError } from "../errors";
import type { Preferences } from "./ast";

type Enumerated = Exclude<keyof Preferences, "max-affected" | "timezone">;

const ALLOWED: { [K in Enumerated]-?: readonly NonNullable<Preferences[K]>[] } = {
  return: ["minimal", "representation", "headers-only"],
  count: ["exact", "planned", "estimated"],
  resolution: ["merge-duplicates", "ignore-duplicates"],
  missing: ["default", "null"],
  tx: ["commit", "rollback"],
  handling: ["lenient", "strict"],
};

export function parsePrefer(header: string | string[] | undefined): Preferences {
  const prefs: Record<string, string | number> = {};
  const invalid: string[] = [];
  const text = Array.isArray(header) ? header.join(",") : header;
  for (const part of text === undefined ? [] : text.split(",")) {
    const item = part.trim();
    const at = item.indexOf("=");
    const key = at < 0 ? item : item.slice(0, at);
    const value = at < 0 ? "" : item.slice(at + 1);
    if (key === "max-affected" || key === "timezone") {
      // The value is Postgres's to judge (a time zone it does not know is its 400 22023).
      if (!(key in prefs) && (key === "timezone" || /^\d{1,9}$/.test(value))) {
        prefs[key] = key === "timezone" ? value : Number(value);
      }
      continue;
    }
    const allowed = key in ALLOWED && at > 0 && (ALLOWED[key as Enumerated] as readonly string[]).includes(value);
    if (!allowed) invalid.push(item);
    else if (!(key in prefs)) prefs[key] = value;
  }
  if (prefs.handling === "strict" && invalid.length > 0) {
    throw new ParseError(
      400,
      "PGRST122",
      "Invalid preferences given with handling=strict",
      `Invalid preferences: ${invalid.join(", ")}`,
    );
  }
  return prefs as Preferences;
}

/** The `Preference-Applied` header value for the preferences the response honoured. */
export function preferenceApplied(prefs: Record<string, string | number>): string | undefined {
  const parts = Object.entries(prefs).map(([key, value]) => `${key}=${value}`);
  return parts.length > 0 ? parts.join(", ") : undefined;
}
