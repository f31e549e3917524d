/**
 * `Prefer` header: comma separated `key=value` pairs; the first occurrence of a key wins and unknown
 * values are ignored (PostgREST's lenient handling, the default).
 */
import type { Preferences } from "./ast";

const ALLOWED: { [K in keyof Preferences]-?: readonly NonNullable<Preferences[K]>[] } = {
  return: ["minimal", "representation", "headers-only"],
  count: ["exact", "planned", "estimated"],
  resolution: ["merge-duplicates", "ignore-duplicates"],
  missing: ["default", "null"],
};

export function parsePrefer(header: string | string[] | undefined): Preferences {
  const prefs: Record<string, string> = {};
  const text = Array.isArray(header) ? header.join(",") : (header ?? "");
  for (const part of text.split(",")) {
    const [rawKey, rawValue] = part.split("=", 2);
    const key = rawKey?.trim() ?? "";
    const value = rawValue?.trim() ?? "";
    if (!(key in ALLOWED) || key in prefs) continue;
    if ((ALLOWED[key as keyof Preferences] as readonly string[]).includes(value)) prefs[key] = value;
  }
  return prefs as Preferences;
}

/** The `Preference-Applied` header value for the preferences the response honoured. */
export function preferenceApplied(prefs: Preferences): string | undefined {
  const parts = Object.entries(prefs).map(([key, value]) => `${key}=${value}`);
  return parts.length > 0 ? parts.join(", ") : undefined;
}
