/**
 * The database side of two-factor sign-in: a user with a verified factor sees and changes their
 * profile and its history only from an aal2 session (the restrictive policies), users without one
 * are unaffected, and my_sessions() lists the caller's own sessions only. Roles and claims are
 * simulated as PostgREST sets them.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { actAs, actAsOwner, createPool, inRolledBackTx, insertUserLikeGoTrue } from "./support/db";

const pool = createPool(2);
afterAll(() => pool.end());

async function addFactor(client: pg.ClientBase, userId: string, status: "verified" | "unverified"): Promise<void> {
  await client.query(
    `insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, created_at, updated_at, secret)
     values ($1, $2, 'app', 'totp', $3, now(), now(), 'JBSWY3DPEHPK3PXP')`,
    [randomUUID(), userId, status],
  );
}

async function addSession(client: pg.ClientBase, userId: string, aal: "aal1" | "aal2"): Promise<string> {
  const id = randomUUID();
  await client.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent) values ($1, $2, now(), now(), $3, 'probe')`,
    [id, userId, aal],
  );
  return id;
}

const asUser = (client: pg.ClientBase, userId: string, aal: string, sessionId: string = randomUUID()) =>
  actAs(client, "authenticated", { sub: userId, aud: "authenticated", aal, session_id: sessionId });

describe("profiles of two-factor users", () => {
  it.each<[string, "verified" | "unverified" | null, string, number]>([
    ["no factor, aal1", null, "aal1", 1],
    ["an unverified factor, aal1", "unverified", "aal1", 1],
    ["a verified factor, aal1 (password only)", "verified", "aal1", 0],
    ["a verified factor, aal2", "verified", "aal2", 1],
  ])("%s: SELECT and UPDATE reach %i row(s)", async (_label, factor, aal, expected) => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await insertUserLikeGoTrue(client);
      if (factor) await addFactor(client, userId, factor);
      await client.query(`update public.user_profiles set skills_technologies = '{sql}' where user_id = $1`, [userId]);
      await asUser(client, userId, aal);
      const read = await client.query(`select 1 from public.user_profiles where user_id = $1`, [userId]);
      const history = await client.query(`select 1 from public.user_profile_history where user_id = $1`, [userId]);
      const write = await client.query(`update public.user_profiles set field_of_study = 'Maths' where user_id = $1`, [
        userId,
      ]);
      expect([read.rowCount, write.rowCount]).toEqual([expected, expected]);
      expect((history.rowCount ?? 0) > 0).toBe(expected === 1);
    });
  });
});

describe("my_sessions()", () => {
  it("lists the caller's own sessions, marks the current one, and nothing at aal1 when a factor is verified", async () => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await insertUserLikeGoTrue(client);
      const otherUser = await insertUserLikeGoTrue(client);
      const current = await addSession(client, userId, "aal1");
      const older = await addSession(client, userId, "aal1");
      await addSession(client, otherUser, "aal1");
      await asUser(client, userId, "aal1", current);
      const { rows } = await client.query<{ id: string; is_current: boolean; user_agent: string }>(
        `select id, is_current, user_agent from public.my_sessions()`,
      );
      expect(rows.map((r) => [r.id, r.is_current]).sort()).toEqual(
        [
          [current, true],
          [older, false],
        ].sort(),
      );
      await actAsOwner(client);
      await addFactor(client, userId, "verified");
      await asUser(client, userId, "aal1", current);
      expect((await client.query(`select 1 from public.my_sessions()`)).rowCount).toBe(0);
    });
  });

  it("anon cannot call it", async () => {
    await inRolledBackTx(pool, async (client) => {
      await actAs(client, "anon");
      await expect(client.query(`select 1 from public.my_sessions()`)).rejects.toMatchObject({ code: "42501" });
    });
  });
});

describe("admin functions", () => {
  it("refuse an admin with a verified factor at aal1 and admit them at aal2", async () => {
    await inRolledBackTx(pool, async (client) => {
      const adminId = await insertUserLikeGoTrue(client);
      await client.query(
        `update auth.users set raw_app_meta_data = raw_app_meta_data || '{"role":"admin"}' where id = $1`,
        [adminId],
      );
      await addFactor(client, adminId, "verified");
      const sessionId = await addSession(client, adminId, "aal1");
      await client.query("savepoint probe");
      await asUser(client, adminId, "aal1", sessionId);
      await expect(client.query(`select * from public.admin_profile_totals()`)).rejects.toMatchObject({
        code: "42501",
      });
      await client.query("rollback to savepoint probe");
      await asUser(client, adminId, "aal2", sessionId);
      const { rowCount } = await client.query(`select * from public.admin_profile_totals()`);
      expect(rowCount).toBe(1);
    });
  });
});

describe("save_profile_step (SECURITY DEFINER)", () => {
  it("refuses a two-factor user at aal1 and saves at aal2", async () => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await insertUserLikeGoTrue(client);
      await addFactor(client, userId, "verified");
      const step = `select public.save_profile_step('skills', '{"skills_technologies": ["SQL"]}'::jsonb)`;
      await client.query("savepoint probe");
      await asUser(client, userId, "aal1");
      await expect(client.query(step)).rejects.toMatchObject({ code: "42501" });
      await client.query("rollback to savepoint probe");
      await asUser(client, userId, "aal2");
      await client.query(step);
      await actAsOwner(client);
      const { rows } = await client.query(`select skills_technologies from public.user_profiles where user_id = $1`, [
        userId,
      ]);
      expect(rows).toEqual([{ skills_technologies: ["SQL"] }]);
    });
  });
});
