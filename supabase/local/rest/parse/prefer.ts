/**
 * `Prefer` header: comma separated `key=value` pairs; the first occurrence of a key wins and unknown
 * values are ignored (PostgREST's lenient handling, the default).
 */
import type { Preferences } from "./ast";

type Enumerated = Exclude<keyof Preferences, "max-affected">;

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
  const text = Array.isArray(header) ? header.join(",") : (header ?? "");
  for (const part of text.split(",")) {
    const [rawKey, rawValue] = part.split("=", 2);
    const key = rawKey?.trim() ?? "";
    const value = rawValue?.trim() ?? "";
    if (key in prefs) continue;
    if (key === "max-affected") {
      if (/^\d{1,9}$/.test(value)) prefs[key] = Number(value);
      continue;
    }
    if (!(key in ALLOWED)) continue;
    if ((ALLOWED[key as Enumerated] as readonly string[]).includes(value)) prefs[key] = value;
  }
  return prefs as Preferences;
}

/** The `Preference-Applied` header value for the preferences the response honoured. */
export function preferenceApplied(prefs: Record<string, string | number>): string | undefined {
  const parts = Object.entries(prefs).map(([key, value]) => `${key}=${value}`);
  return parts.length > 0 ? parts.join(", ") : undefined;
}
