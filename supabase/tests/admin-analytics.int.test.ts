/**
 * Admin analytics: only a user whose live auth.users row has app_metadata.role = 'admin' (or
 * service_role) gets answers; every other caller gets 42501 (anon cannot even execute). Numbers are checked as deltas inside a
 * rolled-back transaction, so other data in the database does not matter.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { actAs, actAsOwner, actAsUser, attempt, createPool, inRolledBackTx, insertUserLikeGoTrue } from "./support/db";

const pool = createPool();
afterAll(() => pool.end());

const REQUIRED = ["years_of_experience", "experience_level", "education_level"];
const ALL = [
  ...REQUIRED,
  "field_of_study",
  "skills_technologies",
  "work_arrangement_preference",
  "preferred_locations",
  "salary_range",
];

async function adminFunctions(client: pg.ClientBase | pg.Pool): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    "select p.proname as name from pg_proc p where p.pronamespace = 'public'::regnamespace and p.proname like 'admin\\_%' order by 1",
  );
  return rows.map((r) => r.name);
}

/** Everything the dashboard reads, as one snapshot. */
async function snapshot(client: pg.ClientBase) {
  const q = async (sql: string) => (await client.query(sql)).rows;
  return {
    totals: (await q("select * from public.admin_profile_totals()"))[0],
    buckets: Object.fromEntries(
      (await q("select * from public.admin_completion_distribution()")).map((r) => [r.bucket_from, Number(r.profiles)]),
    ),
    fields: Object.fromEntries(
      (await q("select * from public.admin_field_answer_rates()")).map((r) => [r.field, Number(r.answered)]),
    ),
    steps: Object.fromEntries(
      (await q("select * from public.admin_wizard_steps()")).map((r) => [r.step, Number(r.users)]),
    ),
    days: await q("select day::text, completions::int from public.admin_completions_per_day()"),
  };
}

describe("admin analytics access", () => {
  it("the admin_* functions exist", async () => {
    expect(await adminFunctions(pool)).toEqual([
      "admin_completion_distribution",
      "admin_completions_per_day",
      "admin_field_answer_rates",
      "admin_profile_totals",
      "admin_recent_signups",
      "admin_wizard_steps",
    ]);
  });

  it.each<[string, (c: pg.PoolClient, userId: string) => Promise<void>]>([
    ["anon", (c) => actAs(c, "anon")],
    ["a signed-in user", (c, id) => actAsUser(c, id)],
    [
      "a user claiming admin in user_metadata",
      (c, id) => actAs(c, "authenticated", { sub: id, user_metadata: { role: "admin" } }),
    ],
    ["a user with another app_metadata role", (c, id) => actAsUser(c, id, { role: "editor" })],
  ])("refuses %s with 42501 on every admin_* function", async (_who, become) => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await insertUserLikeGoTrue(client);
      const names = await adminFunctions(client);
      await become(client, userId);
      for (const name of names) {
        const result = await attempt(client, `select * from public.${name}()`);
        expect(result.error?.code, name).toBe("42501");
      }
    });
  });

  it.each<[string, (c: pg.PoolClient, userId: string) => Promise<void>]>([
    ["an app_metadata admin", (c, id) => actAsUser(c, id, { role: "admin" })],
    ["service_role", (c) => actAs(c, "service_role")],
  ])("answers %s", async (_who, become) => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await insertUserLikeGoTrue(client, { appMetadata: { role: "admin" } });
      const names = await adminFunctions(client);
      await become(client, userId);
      for (const name of names) {
        const result = await attempt(client, `select * from public.${name}()`);
        expect(result.error, name).toBeNull();
      }
    });
  });

  // The JWT still says admin (it lives up to an hour); the live auth.users row decides.
  it.each<[string, string]>([
    ["revoked", "update auth.users set raw_app_meta_data = raw_app_meta_data - 'role' where id = $1"],
    ["deleted", "delete from auth.users where id = $1"],
    ["soft-deleted", "update auth.users set deleted_at = now() where id = $1"],
    ["banned", "update auth.users set banned_until = now() + interval '1 day' where id = $1"],
  ])("refuses an admin whose account was %s since the JWT was issued", async (_change, sql) => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await insertUserLikeGoTrue(client, { appMetadata: { role: "admin" } });
      await client.query(sql, [userId]);
      await actAsUser(client, userId, { role: "admin" });
      for (const name of await adminFunctions(client)) {
        expect((await attempt(client, `select * from public.${name}()`)).error?.code, name).toBe("42501");
      }
    });
  });

  it("refuses an admin JWT whose session was signed out, answers while it lasts", async () => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await insertUserLikeGoTrue(client, { appMetadata: { role: "admin" } });
      const sessionId = randomUUID();
      await client.query(
        "insert into auth.sessions (id, user_id, created_at, updated_at) values ($1, $2, now(), now())",
        [sessionId, userId],
      );
      const asAdmin = () =>
        actAs(client, "authenticated", { sub: userId, session_id: sessionId, app_metadata: { role: "admin" } });
      await asAdmin();
      expect((await attempt(client, "select * from public.admin_profile_totals()")).error).toBeNull();
      await actAsOwner(client);
      await client.query("delete from auth.sessions where id = $1", [sessionId]);
      await asAdmin();
      expect((await attempt(client, "select * from public.admin_profile_totals()")).error?.code).toBe("42501");
    });
  });

  it("rejects out-of-range arguments with 22023 (a 400, not a 500)", async () => {
    await inRolledBackTx(pool, async (client) => {
      await actAs(client, "service_role");
      for (const sql of [
        "select * from public.admin_completions_per_day(0)",
        "select * from public.admin_completions_per_day(367)",
        "select * from public.admin_recent_signups(0)",
        "select * from public.admin_recent_signups(101)",
      ]) {
        expect((await attempt(client, sql)).error?.code, sql).toBe("22023");
      }
    });
  });
});

describe("admin analytics numbers", () => {
  it("count users, profiles, orphans, completion buckets, field answers, wizard steps and completions", async () => {
    await inRolledBackTx(pool, async (client) => {
      const adminId = await insertUserLikeGoTrue(client, { appMetadata: { role: "admin" } });
      await actAsUser(client, adminId, { role: "admin" });
      const before = await snapshot(client);

      await actAsOwner(client);
      const fresh = await insertUserLikeGoTrue(client, { email: "dora@example.test" });
      const partial = await insertUserLikeGoTrue(client);
      const full = await insertUserLikeGoTrue(client);
      const orphan = await insertUserLikeGoTrue(client);
      await client.query("update public.user_profiles set answered_fields = $2 where user_id = $1", [
        partial,
        REQUIRED,
      ]);
      await client.query(
        `update public.user_profiles set answered_fields = $2, field_of_study = 'Art', skills_technologies = '{Go}',
           preferred_locations = '{Rome}', salary_max = 9 where user_id = $1`,
        [full, ALL],
      );
      await client.query("delete from public.user_profiles where user_id = $1", [orphan]);

      await actAsUser(client, adminId, { role: "admin" });
      const after = await snapshot(client);
      const totalDelta = (k: string) => Number(after.totals[k]) - Number(before.totals[k]);
      expect([
        totalDelta("total_users"),
        totalDelta("total_profiles"),
        totalDelta("orphan_users"),
        totalDelta("completed_profiles"),
      ]).toEqual([4, 3, 1, 2]);

      const delta = (a: Record<string, number>, b: Record<string, number>) =>
        Object.fromEntries(
          Object.keys(a)
            .map((k) => [k, (a[k] ?? 0) - (b[k] ?? 0)])
            .filter(([, v]) => v !== 0),
        );
      expect(delta(after.buckets, before.buckets)).toEqual({ 0: 1, 60: 1, 100: 1 });
      expect(Object.keys(after.buckets)).toHaveLength(11);
      expect(delta(after.fields, before.fields)).toEqual(
        Object.fromEntries(ALL.map((f) => [f, REQUIRED.includes(f) ? 2 : 1])),
      );
      expect(delta(after.steps, before.steps)).toEqual({ experience: 1, education: 1, done: 1 });
      expect(Object.keys(after.steps)).toEqual(["experience", "education", "skills", "preferences", "salary", "done"]);

      expect(after.days).toHaveLength(30);
      const today = (await client.query("select (now() at time zone 'utc')::date::text as d")).rows[0].d;
      expect(after.days.at(-1)).toEqual({ day: today, completions: (before.days.at(-1)?.completions ?? 0) + 2 });

      const recent = (await client.query("select * from public.admin_recent_signups(5)")).rows;
      const ours = Object.fromEntries(recent.map((r) => [r.user_id, r]));
      expect(ours[fresh]).toMatchObject({
        email_masked: "d***a@example.test",
        has_profile: true,
        completion_percentage: 0,
        wizard_step: "experience",
      });
      expect(ours[full]).toMatchObject({ completion_percentage: 100, is_complete: true, wizard_step: "done" });
      expect(ours[orphan]).toMatchObject({ has_profile: false, completion_percentage: null, wizard_step: null });
      expect(recent.every((r) => !String(r.email_masked).startsWith("db-test"))).toBe(true);
    });
  });
});
