/** Go-style durations, as the Supabase CLI's config.toml and GoTrue's admin API write them. */

/** Go-style duration ("1s", "5m", "1h30m") → seconds; the CLI writes `max_frequency` this way. */
export function parseDurationSeconds(text: string): number {
  const trimmed = text.trim();
  if (trimmed.length === 0) throw new Error('invalid duration ""');
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };
  let total = 0;
  let rest = trimmed;
  while (rest.length > 0) {
    const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)/.exec(rest);
    if (!match || match[1] === undefined || match[2] === undefined) {
      throw new Error(`invalid duration "${text}" (expected e.g. "1s", "5m")`);
    }
    total += Number(match[1]) * (units[match[2]] ?? 0);
    rest = rest.slice(match[0].length);
  }
  return total;
}
