/**
 * What `status` prints, like `supabase status`: a table for people, or `-o env` lines for scripts
 * (`API_URL="http://127.0.0.1:54321"`, …). Pure.
 */
import type { LocalConfig } from "./config";
import {
  LOCAL_ANON_KEY,
  LOCAL_JWT_SECRET,
  LOCAL_PUBLISHABLE_KEY,
  LOCAL_SECRET_KEY,
  LOCAL_SERVICE_ROLE_KEY,
} from "./keys";
import { dbUrl } from "./postgres";

export interface StackValues {
  API_URL: string;
  DB_URL: string;
  ANON_KEY: string;
  SERVICE_ROLE_KEY: string;
  PUBLISHABLE_KEY: string;
  SECRET_KEY: string;
  JWT_SECRET: string;
  INBUCKET_URL: string;
}

export function stackValues(config: LocalConfig): StackValues {
  return {
    API_URL: `http://127.0.0.1:${config.api.port}`,
    DB_URL: dbUrl(config),
    ANON_KEY: LOCAL_ANON_KEY,
    SERVICE_ROLE_KEY: LOCAL_SERVICE_ROLE_KEY,
    PUBLISHABLE_KEY: LOCAL_PUBLISHABLE_KEY,
    SECRET_KEY: LOCAL_SECRET_KEY,
    JWT_SECRET: LOCAL_JWT_SECRET,
    INBUCKET_URL: `http://127.0.0.1:${config.inbucket.port}`,
  };
}

export function formatEnv(values: StackValues): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join("\n");
}

export function formatTable(values: StackValues): string {
  const rows: [string, string][] = [
    ["API URL", values.API_URL],
    ["REST URL", `${values.API_URL}/rest/v1`],
    ["Auth URL", `${values.API_URL}/auth/v1`],
    ["DB URL", values.DB_URL],
    ["Inbucket URL", values.INBUCKET_URL],
    ["JWT secret", values.JWT_SECRET],
    ["anon key", values.ANON_KEY],
    ["service_role key", values.SERVICE_ROLE_KEY],
    ["Publishable key", values.PUBLISHABLE_KEY],
    ["Secret key", values.SECRET_KEY],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padStart(width)}: ${value}`).join("\n");
}

/** `-o env`, `--output env`, `-o=env`, `--output=env` → "env"; default "pretty". */
export function outputFormat(args: string[]): string {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? "";
    const inline = /^(?:-o|--output)=(.+)$/.exec(arg);
    if (inline?.[1]) return inline[1];
    if ((arg === "-o" || arg === "--output") && args[i + 1]) return args[i + 1] ?? "pretty";
  }
  return "pretty";
}
