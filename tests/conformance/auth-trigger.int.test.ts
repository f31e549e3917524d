/**
 * A migration-like trigger on auth.users whose function lacks `security definer` runs as
 * supabase_auth_admin (GoTrue's role) and cannot write to a table that role has no grant on. On hosted
 * that breaks every sign-up with "Database error saving new user"; it must break here identically —
 * exact status and bodies in both dialects, and no half-created user left behind.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminClient, anonClient, PASSWORD, rawAuth, uniqueEmail, userCount, withDb } from "./auth-support";

const SETUP = `
  create table public.auth_conformance_broken_log (user_id uuid primary key);
  create function public.auth_conformance_broken_fn() returns trigger
    language plpgsql
    as $$ begin insert into public.auth_conformance_broken_log (user_id) values (new.id); return new; end $$;
  create trigger auth_conformance_broken_trigger after insert on auth.users
    for each row execute function public.auth_conformance_broken_fn();
`;
const TEARDOWN = `
  drop trigger if exists auth_conformance_broken_trigger on auth.users;
  drop function if exists public.auth_conformance_broken_fn();
  drop table if exists public.auth_conformance_broken_log;
`;

describe("a trigger on auth.users without security definer", () => {
  beforeAll(async () => {
    await withDb(async (db) => {
      await db.query(TEARDOWN);
      await db.query(SETUP);
    });
  });
  afterAll(async () => {
    await withDb((db) => db.query(TEARDOWN));
  });

  it("fails signUp with 500 unexpected_failure and leaves no user", async () => {
    const email = uniqueEmail("broken");
    const { data, error } = await anonClient().auth.signUp({ email, password: PASSWORD });
    expect(data.user).toBeNull();
    expect(error?.name).toBe("AuthRetryableFetchError");
    expect(error?.status).toBe(500);
    expect(error?.message).toBe("Database error saving new user");
    expect(await userCount(email)).toBe(0);
    const orphans = await withDb(
      async (db) => (await db.query(`select 1 from auth.identities where email = $1`, [email])).rowCount,
    );
    expect(orphans).toBe(0);
  });

  it("answers the exact bodies of both dialects", async () => {
    const email = uniqueEmail("broken-raw");
    const body = JSON.stringify({ email, password: PASSWORD });
    const modern = await rawAuth("/signup", { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(modern.status).toBe(500);
    expect(modern.headers.get("x-sb-error-code")).toBe("unexpected_failure");
    expect(await modern.json()).toEqual({ code: "unexpected_failure", message: "Database error saving new user" });

    const legacy = await rawAuth("/signup", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      apiVersion: null,
    });
    expect(legacy.status).toBe(500);
    const { error_id: errorId, ...rest } = (await legacy.json()) as Record<string, unknown>;
    expect(rest).toEqual({ code: 500, error_code: "unexpected_failure", msg: "Database error saving new user" });
    expect(String(errorId)).toMatch(/^[0-9a-f-]{36}$/);
    expect(await userCount(email)).toBe(0);
  });

  it("fails admin.createUser with 'Database error creating new user'", async () => {
    const email = uniqueEmail("broken-admin");
    const { error } = await adminClient().auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
    expect(error?.status).toBe(500);
    expect(error?.message).toBe("Database error creating new user");
    expect(await userCount(email)).toBe(0);
  });

  it("signs up fine again once the trigger is gone", async () => {
    await withDb((db) => db.query(TEARDOWN));
    const email = uniqueEmail("healed");
    const { error } = await anonClient().auth.signUp({ email, password: PASSWORD });
    expect(error).toBeNull();
    expect(await userCount(email)).toBe(1);
  });
});
