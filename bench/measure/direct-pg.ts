/**
 * The same reads and updates straight through `pg` at the same concurrency: one transaction per
 * request that switches role and sets the JWT claims exactly as the REST API does, then runs the
 * statement. The floor the REST API's overhead ratio is measured against.
 */
import type { Session } from "@supabase/supabase-js";
import pg from "pg";
import { runFor, throughput, type LoadResult } from "../lib/load";
import type { Stack } from "../lib/stack";

function claimsOf(session: Session): string {
  const payload = session.access_token.split(".")[1] ?? "";
  return Buffer.from(payload, "base64url").toString("utf8");
}

/** Runs `sql` as the user in its own transaction; throws unless it touched exactly one row (RLS works). */
async function inTransaction(pool: pg.Pool, claims: string, sql: string, params: unknown[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("begin; set local role authenticated");
    await client.query("select set_config('request.jwt.claims', $1, true)", [claims]);
    const result = await client.query(sql, params);
    await client.query("commit");
    if (result.rowCount !== 1) throw new Error(`expected 1 row, got ${result.rowCount}`);
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release();
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
): Promise<{ getRps: number; patchRps: number }> {
  const concurrency = sessions.length;
  const pool = new pg.Pool({ connectionString: stack.dbUrl, max: concurrency });
  const fixture = (worker: number) => {
    const session = sessions[worker];
    if (!session) throw new Error(`no session for worker ${worker}`);
    return { claims: claimsOf(session), userId: session.user.id };
  };
  try {
    const get = await runFor(durationMs, concurrency, async (_, worker) => {
      const { claims, userId } = fixture(worker);
      await inTransaction(pool, claims, "select * from public.user_profiles where user_id = $1", [userId]);
    });
    const patch = await runFor(durationMs, concurrency, async (i, worker) => {
      const { claims, userId } = fixture(worker);
      await inTransaction(pool, claims, "update public.user_profiles set years_of_experience = $2 where user_id = $1", [
        userId,
        i % 40,
      ]);
    });
    return { getRps: rps(get, "direct GET"), patchRps: rps(patch, "direct PATCH") };
  } finally {
    await pool.end();
  }
}
