/**
 * The stack's health, service by service, as `supabase:start` and `supabase:status` check it from
 * outside the stack process. `/auth/v1/health` answers as GoTrue's does — a constant 200 that never
 * touches the database — so the database is probed on its own, with a query, as the services use it.
 */
import pg from "pg";
import type { LocalConfig } from "./config";
import { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY } from "./keys";
import { dbUrl } from "./postgres";

export interface ServiceHealth {
  name: "database" | "auth" | "rest" | "inbox";
  healthy: boolean;
  /** "ok", or what failed (an HTTP status, a connection error). */
  detail: string;
}

const TIMEOUT_MS = 5_000;

async function httpProbe(url: string, headers: Record<string, string>, ok: (status: number) => boolean) {
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
    await response.arrayBuffer();
    return ok(response.status) ? "ok" : `HTTP ${response.status}`;
  } catch (error) {
    return error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : "failed";
  }
}

async function databaseProbe(config: LocalConfig): Promise<string> {
  const client = new pg.Client({
    connectionString: dbUrl(config),
    connectionTimeoutMillis: TIMEOUT_MS,
    query_timeout: TIMEOUT_MS,
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    return "ok";
  } catch (error) {
    return error instanceof Error ? error.message || "unreachable" : "unreachable";
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function checkHealth(config: LocalConfig): Promise<ServiceHealth[]> {
  const api = `http://127.0.0.1:${config.api.port}`;
  const probes: [ServiceHealth["name"], Promise<string>][] = [
    ["database", databaseProbe(config)],
    ["auth", httpProbe(`${api}/auth/v1/health`, { apikey: LOCAL_ANON_KEY }, (status) => status === 200)],
    [
      "rest",
      httpProbe(
        `${api}/rest/v1/`,
        { apikey: LOCAL_SERVICE_ROLE_KEY, Authorization: `Bearer ${LOCAL_SERVICE_ROLE_KEY}` },
        (status) => status < 500,
      ),
    ],
    ["inbox", httpProbe(`http://127.0.0.1:${config.inbucket.port}/`, {}, (status) => status < 500)],
  ];
  return Promise.all(
    probes.map(async ([name, probe]) => {
      const detail = await probe;
      return { name, healthy: detail === "ok", detail };
    }),
  );
}

export const allHealthy = (services: ServiceHealth[]) => services.every((service) => service.healthy);

/** "database: down (connect ECONNREFUSED 127.0.0.1:54322)" lines, one per service. */
export function formatHealth(services: ServiceHealth[]): string {
  const width = Math.max(...services.map((service) => service.name.length));
  return services
    .map(({ name, healthy, detail }) => `${name.padStart(width)}: ${healthy ? "healthy" : `down (${detail})`}`)
    .join("\n");
}
