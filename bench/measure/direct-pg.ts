/**
 * The same reads and updates straight through `pg` at the same concurrency: one transaction per
 * request that switches role and sets the JWT claims exactly as the REST API does, then runs the
 * statement. The floor the REST API's overhead ratio is measured against.
 */
import type { Session } from "@supabase/supabase-js";
import pg from "pg";
import { metered, type Probe } from "../lib/cpu";
import { runFor, throughput, type LoadResult } from "../lib/load";
import type { Stack } from "../lib/stack";

function claimsOf(session: Session): string {
  const payload = session.access_token.split(".")[1] ?? "";
  return Buffer.from(payload, "base64url").toString("utf8");
}

/**
 * Runs `sql` as the user in its own transaction; throws unless it touched exactly one row (RLS works).
 * Pipelined with named (prepared) statements, the best a client can do and what the REST service does
 * itself, so the ratio measures the HTTP/parse/plan/JSON layer and not round trips.
 */
async function inTransaction(client: pg.PoolClient, claims: string, sql: Sql, params: unknown[]): Promise<void> {
  const steps = [
    client.query("begin"),
    client.query("set local role authenticated"),
    client.query({ name: "bench_claims", text: "select set_config('request.jwt.claims', $1, true)", values: [claims] }),
    client.query({ name: sql.name, text: sql.text, values: params }),
    client.query("commit"),
  ];
  const outcomes = await Promise.allSettled(steps);
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
  if (failed) throw failed.reason;
  const main = outcomes[3] as PromiseFulfilledResult<pg.QueryResult>;
  if (main.value.rowCount !== 1) throw new Error(`expected 1 row, got ${main.value.rowCount}`);
}

interface Sql {
  name: string;
  text: string;
}
const GET: Sql = { name: "bench_get", text: "select * from public.user_profiles where user_id = $1" };
const PATCH: Sql = {
  name: "bench_patch",
  text: "update public.user_profiles set years_of_experience = $2 where user_id = $1",
};

async function withClient(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await work(client);
    client.release();
  } catch (error) {
    // A failed pipeline leaves the connection in an unknown state: discard it.
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}

function rps(result: LoadResult, what: string): number {
  if (result.failed > 0) throw new Error(`${what}: ${result.failed} failed: ${result.errors.join("; ")}`);
  return throughput(result);
}

export async function measureDirect(
  stack: Stack,
  sessions: Session[],
  durationMs: number,
  probe: Probe,
): Promise<{ getRps: number; patchRps: number }> {
  const concurrency = sessions.length;
  const pool = new pg.Pool({ connectionString: stack.dbUrl, max: concurrency, pipeline: true });
  const fixture = (worker: number) => {
    const session = sessions[worker];
    if (!session) throw new Error(`no session for worker ${worker}`);
    return { claims: claimsOf(session), userId: session.user.id };
  };
  try {
    const get = await metered(probe, "direct GET", () =>
      runFor(durationMs, concurrency, async (_, worker) => {
        const { claims, userId } = fixture(worker);
        await withClient(pool, (client) => inTransaction(client, claims, GET, [userId]));
      }),
    );
    const patch = await metered(probe, "direct PATCH", () =>
      runFor(durationMs, concurrency, async (i, worker) => {
        const { claims, userId } = fixture(worker);
        await withClient(pool, (client) => inTransaction(client, claims, PATCH, [userId, i % 40]));
      }),
    );
    return { getRps: rps(get, "direct GET"), patchRps: rps(patch, "direct PATCH") };
  } finally {
    await pool.end();
  }
}
