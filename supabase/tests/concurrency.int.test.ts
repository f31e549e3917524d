/**
 * A signup storm: 100 GoTrue-style inserts into auth.users, each in its own committed transaction,
 * issued at once over many connections → 100 profiles, 0 orphans. The users are deleted afterwards.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createPool, insertUserLikeGoTrue, uniqueEmail } from "./support/db";

const SIGNUPS = 100;
const pool = createPool(30);
const created: string[] = [];

afterAll(async () => {
  if (created.length > 0) await pool.query("delete from auth.users where id = any($1::uuid[])", [created]);
  await pool.end();
});

async function signupInOwnTransaction(tag: number): Promise<string> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    const id = await insertUserLikeGoTrue(client, { email: uniqueEmail(`storm${tag}`) });
    await client.query("commit");
    return id;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

describe("concurrent signups", () => {
  it(`${SIGNUPS} signups at once give ${SIGNUPS} profiles and no orphans`, async () => {
    const results = await Promise.allSettled(Array.from({ length: SIGNUPS }, (_, i) => signupInOwnTransaction(i)));
    for (const result of results) if (result.status === "fulfilled") created.push(result.value);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(created).toHaveLength(SIGNUPS);

    const { rows } = await pool.query(
      `select
         (select count(*)::int from public.user_profiles where user_id = any($1::uuid[])) as profiles,
         (select count(distinct user_id)::int from public.user_profiles where user_id = any($1::uuid[])) as distinct_users,
         (select count(*)::int from auth.users u
            where u.id = any($1::uuid[])
              and not exists (select 1 from public.user_profiles p where p.user_id = u.id)) as orphans`,
      [created],
    );
    expect(rows[0]).toEqual({ profiles: SIGNUPS, distinct_users: SIGNUPS, orphans: 0 });
  });
});
