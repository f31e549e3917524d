/**
 * Where a script points: flags first, then the environment, then the local stack's defaults (the
 * Supabase CLI's well-known ports and keys, which are public by design). Hosted projects are reached
 * by passing flags or exporting SUPABASE_URL / SUPABASE_SERVICE_ROLE_KEY / SUPABASE_DB_URL.
 */
import { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY } from "../../supabase/local/keys";

export const LOCAL_DB_URL = "postgresql://postgres:postgres@127.0.0.1:54322/postgres";
export const LOCAL_API_URL = "http://127.0.0.1:54321";

const first = (...values: (string | undefined)[]): string | undefined =>
  values.find((value) => value && value.length > 0);

export function resolveDbUrl(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return first(flag, env.SUPABASE_DB_URL, env.DATABASE_URL) ?? LOCAL_DB_URL;
}

export interface ApiTarget {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
}

export function resolveApiTarget(
  flags: { url?: string; anonKey?: string; serviceRoleKey?: string } = {},
  env: NodeJS.ProcessEnv = process.env,
): ApiTarget {
  return {
    url: (first(flags.url, env.SUPABASE_URL, env.NEXT_PUBLIC_SUPABASE_URL) ?? LOCAL_API_URL).replace(/\/+$/, ""),
    anonKey:
      first(
        flags.anonKey,
        env.SUPABASE_ANON_KEY,
        env.NEXT_PUBLIC_SUPABASE_ANON_KEY,
        env.SUPABASE_PUBLISHABLE_KEY,
        env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY,
      ) ?? LOCAL_ANON_KEY,
    serviceRoleKey:
      first(flags.serviceRoleKey, env.SUPABASE_SERVICE_ROLE_KEY, env.SUPABASE_SECRET_KEY) ?? LOCAL_SERVICE_ROLE_KEY,
  };
}

/** "postgresql://user:secret@host:5432/db" → "postgresql://user@host:5432/db" for output. */
export function describeDbUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = "";
    return parsed.toString().replace(/:@/, "@");
  } catch {
    return "(unparseable database URL)";
  }
}
