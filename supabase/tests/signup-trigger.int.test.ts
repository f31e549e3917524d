/**
 * The auth.users trigger: its properties (SECURITY DEFINER, empty search_path, AFTER INSERT only), that a GoTrue-style signup
 * creates exactly one profile with the column defaults, that the insert path and the backfill are
 * idempotent.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { attempt, createPool, inRolledBackTx, insertUserLikeGoTrue } from "./support/db";

const pool = createPool();
afterAll(() => pool.end());

describe("on_auth_user_created trigger", () => {
  it("is the only trigger on auth.users calling private.handle_new_user, AFTER INSERT FOR EACH ROW", async () => {
    const { rows } = await pool.query(`
      select t.tgname, t.tgtype, n.nspname as fn_schema, p.proname
      from pg_trigger t
      join pg_proc p on p.oid = t.tgfoid
      join pg_namespace n on n.oid = p.pronamespace
      where t.tgrelid = 'auth.users'::regclass and not t.tgisinternal`);
    expect(rows).toEqual([
      { tgname: "on_auth_user_created", tgtype: expect.any(Number), fn_schema: "private", proname: "handle_new_user" },
    ]);
    const tgtype = rows[0].tgtype as number;
    // pg_trigger.tgtype bits: 1 ROW, 2 BEFORE, 4 INSERT, 8 DELETE, 16 UPDATE, 32 TRUNCATE, 64 INSTEAD.
    expect(tgtype & 1).toBe(1);
    expect(tgtype & (2 | 64)).toBe(0);
    expect(tgtype & (4 | 8 | 16 | 32)).toBe(4);
  });

  it("runs a SECURITY DEFINER function with search_path pinned to '' that no API role can execute", async () => {
    const { rows } = await pool.query(`
      select p.prosecdef, p.proconfig,
        has_function_privilege('anon', p.oid, 'execute') as anon,
        has_function_privilege('authenticated', p.oid, 'execute') as authenticated,
        has_function_privilege('service_role', p.oid, 'execute') as service_role,
        exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                where a.grantee = 0 and a.privilege_type = 'EXECUTE') as public
      from pg_proc p where p.oid = 'private.handle_new_user()'::regprocedure`);
    expect(rows[0]).toEqual({
      prosecdef: true,
      proconfig: ['search_path=""'],
      anon: false,
      authenticated: false,
      service_role: false,
      public: false,
    });
  });

  it("lives in a schema the Data API does not expose", async () => {
    const config = readFileSync(path.join(process.cwd(), "supabase", "config.toml"), "utf8");
    const exposed = /^schemas\s*=\s*\[(.*)\]/m.exec(config)?.[1] ?? "";
    expect(exposed).toContain('"public"');
    expect(exposed).not.toContain('"private"');
  });

  it("gives a GoTrue-style signup exactly one profile carrying every seed default", async () => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await insertUserLikeGoTrue(client, { userMetadata: { full_name: "Ada", role: "admin" } });
      const { rows } = await client.query("select * from public.user_profiles where user_id = $1", [userId]);
      expect(rows).toHaveLength(1);
      const profile = rows[0];
      expect(profile).toMatchObject({
        user_id: userId,
        years_of_experience: 0,
        experience_level: "entry",
        education_level: "bachelors",
        field_of_study: null,
        skills_technologies: null,
        work_arrangement_preference: "any",
        preferred_locations: null,
        salary_min: null,
        salary_max: null,
        salary_currency: "USD",
        profile_completed: false,
        answered_fields: [],
        completed_at: null,
      });
      expect(profile.profile_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(profile.created_at).toBeInstanceOf(Date);
      expect(profile.updated_at).toBeInstanceOf(Date);
    });
  });

  it("does not fire on UPDATE of auth.users (sign-ins) and never duplicates a profile", async () => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await insertUserLikeGoTrue(client);
      await client.query("update auth.users set last_sign_in_at = now() where id = $1", [userId]);
      // Re-running the insert path for the same user: the trigger's own statement is a no-op.
      const again = await attempt(
        client,
        "insert into public.user_profiles (user_id) values ($1) on conflict (user_id) do nothing",
        [userId],
      );
      expect(again.error).toBeNull();
      expect(again.rowCount).toBe(0);
      // A second auth insert with the same id fails on auth.users' key, never creating a second profile.
      const dup = await attempt(
        client,
        "insert into auth.users (id, instance_id, aud, role) values ($1, '00000000-0000-0000-0000-000000000000', 'authenticated', '')",
        [userId],
      );
      expect(dup.error?.code).toBe("23505");
      const { rows } = await client.query("select count(*)::int as n from public.user_profiles where user_id = $1", [
        userId,
      ]);
      expect(rows[0].n).toBe(1);
    });
  });

  it("backfills users that have no profile, and running the backfill again changes nothing", async () => {
    const migration = readFileSync(
      path.join(process.cwd(), "supabase/migrations/20261125000300_handle_new_user.sql"),
      "utf8",
    );
    const backfill = migration.slice(migration.indexOf("insert into public.user_profiles (user_id)\nselect"));
    expect(backfill).toMatch(/^insert into public\.user_profiles/);
    await inRolledBackTx(pool, async (client) => {
      const userId = await insertUserLikeGoTrue(client);
      // Simulate a user created before the trigger existed.
      await client.query("delete from public.user_profiles where user_id = $1", [userId]);
      const first = await client.query(backfill);
      expect(first.rowCount).toBeGreaterThanOrEqual(1);
      const second = await client.query(backfill);
      expect(second.rowCount).toBe(0);
      const { rows } = await client.query(
        "select count(*)::int as n from auth.users u where not exists (select 1 from public.user_profiles p where p.user_id = u.id)",
      );
      expect(rows[0].n).toBe(0);
    });
  });

  it("deleting the auth user deletes the profile (on delete cascade)", async () => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await insertUserLikeGoTrue(client);
      await client.query("delete from auth.users where id = $1", [userId]);
      const { rows } = await client.query("select count(*)::int as n from public.user_profiles where user_id = $1", [
        userId,
      ]);
      expect(rows[0].n).toBe(0);
    });
  });
});
