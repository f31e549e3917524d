/**
 * What a broken signup trigger looks like through the Auth API: the classic mistake (the function
 * is not SECURITY DEFINER, so it runs as supabase_auth_admin, which may not write public tables)
 * must surface as GoTrue's `500 unexpected_failure` "Database error saving new user", and the
 * failed signup must leave no auth user behind. The function is restored in `finally`.
 */
import { randomUUID } from "node:crypto";
import { createClient } from "@supabase/supabase-js";
import { afterAll, describe, expect, it } from "vitest";
import { createPool } from "./support/db";

const pool = createPool(2);
afterAll(() => pool.end());

function stackEnv(): { url: string; key: string } {
  const url = process.env.SUPABASE_URL;
  const key = process.env.SUPABASE_ANON_KEY;
  if (!url || !key) throw new Error("SUPABASE_URL and SUPABASE_ANON_KEY must be set (the local stack's env)");
  return { url, key };
}

function serviceClient() {
  const { url } = stackEnv();
  const key = process.env.SUPABASE_SERVICE_ROLE_KEY;
  if (!key) throw new Error("SUPABASE_SERVICE_ROLE_KEY must be set (the local stack's env)");
  return createClient(url, key, { auth: { persistSession: false, autoRefreshToken: false } });
}

function anonClient() {
  const { url, key } = stackEnv();
  return createClient(url, key, { auth: { persistSession: false, autoRefreshToken: false } });
}

async function usersWithEmail(email: string): Promise<number> {
  const { rows } = await pool.query("select count(*)::int as n from auth.users where email = $1", [email]);
  return rows[0].n;
}

describe("a broken signup trigger", () => {
  it("fails the signup with 500 unexpected_failure and leaves no user behind", async () => {
    const viaClient = `db-test-broken-${randomUUID().slice(0, 8)}@example.test`;
    const viaHttp = `db-test-broken-${randomUUID().slice(0, 8)}@example.test`;
    await pool.query("alter function private.handle_new_user() security invoker");
    try {
      // supabase-js turns every 5xx into AuthRetryableFetchError (status + message, no code)...
      const { data, error } = await anonClient().auth.signUp({ email: viaClient, password: "correct-horse-battery-9" });
      expect(data.user).toBeNull();
      expect(error).toMatchObject({
        name: "AuthRetryableFetchError",
        status: 500,
        message: "Database error saving new user",
      });

      // ...so the GoTrue error code is checked on the wire.
      const { url, key } = stackEnv();
      const response = await fetch(`${url}/auth/v1/signup`, {
        method: "POST",
        headers: {
          apikey: key,
          authorization: `Bearer ${key}`,
          "content-type": "application/json",
          "x-supabase-api-version": "2024-01-01",
        },
        body: JSON.stringify({ email: viaHttp, password: "correct-horse-battery-9" }),
      });
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({
        code: "unexpected_failure",
        message: "Database error saving new user",
      });
    } finally {
      await pool.query("alter function private.handle_new_user() security definer");
    }
    expect(await usersWithEmail(viaClient)).toBe(0);
    expect(await usersWithEmail(viaHttp)).toBe(0);
  });

  it("with the trigger restored, the same signup gets its profile, and an admin delete removes both", async () => {
    const email = `db-test-fixed-${randomUUID().slice(0, 8)}@example.test`;
    const { data, error } = await anonClient().auth.signUp({ email, password: "correct-horse-battery-9" });
    expect(error).toBeNull();
    const userId = data.user?.id;
    if (!userId) throw new Error("signUp returned no user");
    const profiles = async () =>
      (await pool.query("select count(*)::int as n from public.user_profiles where user_id = $1", [userId])).rows[0].n;
    try {
      expect(await profiles()).toBe(1);
      // GoTrue deletes as supabase_auth_admin: the cascade must still reach the profile.
      const { error: deleteError } = await serviceClient().auth.admin.deleteUser(userId);
      expect(deleteError).toBeNull();
      expect(await profiles()).toBe(0);
    } finally {
      await pool.query("delete from auth.users where id = $1", [userId]);
    }
  });
});
