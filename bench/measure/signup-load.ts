/**
 * Signups under load: sustained throughput with enough concurrency to keep 2 cores hashing, and a
 * storm of N simultaneous signups in which every user must end up with exactly one profile (orphans
 * are counted in the database, not trusted from responses).
 */
import pg from "pg";
import { metered, type Probe } from "../lib/cpu";
import { runCount, throughput } from "../lib/load";
import type { Stack } from "../lib/stack";
import { percentile } from "../lib/stats";
import { anonClient, emailFor, PASSWORD, RUN_ID } from "../lib/users";
import type { Storm } from "../results";

async function signUp(stack: Stack, email: string): Promise<void> {
  const { error } = await anonClient(stack).auth.signUp({ email, password: PASSWORD });
  if (error) throw new Error(`${error.status ?? "?"} ${error.code ?? ""} ${error.message}`);
}

export async function measureSignupThroughput(
  stack: Stack,
  n: number,
  concurrency: number,
  probe: Probe,
): Promise<number> {
  const result = await metered(probe, `signups at concurrency ${concurrency}`, () =>
    runCount(n, concurrency, (i) => signUp(stack, emailFor("load", i))),
  );
  if (result.failed > 0) throw new Error(`${result.failed} of ${n} signups failed: ${result.errors.join("; ")}`);
  return throughput(result);
}

/** Users of this run's storm without a profile, and users with more than one (must both be 0). */
async function countOrphans(stack: Stack): Promise<number> {
  const client = new pg.Client({ connectionString: stack.dbUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ bad: string }>(
      `select count(*) as bad from auth.users u
        where u.email like $1
          and (select count(*) from public.user_profiles p where p.user_id = u.id) <> 1`,
      [`bench-${RUN_ID}-storm-%`],
    );
    return Number(rows[0]?.bad ?? 0);
  } finally {
    await client.end();
  }
}

/** The storm's figures, plus the distinct error messages of failed signups (for the log). */
export async function measureStorm(stack: Stack, n: number, probe: Probe): Promise<{ storm: Storm; errors: string[] }> {
  // Every request is in flight at once: concurrency = n.
  const result = await metered(probe, `storm of ${n}`, () =>
    runCount(n, n, (i) => signUp(stack, emailFor("storm", i))),
  );
  const storm = {
    n,
    failed: result.failed,
    orphans: await countOrphans(stack),
    p95_ms: percentile(result.latencies, 95),
  };
  return { storm, errors: result.errors };
}
