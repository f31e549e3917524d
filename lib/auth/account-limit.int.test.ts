/**
 * The per-account sign-in limit in Postgres, through the functions the app calls: credential
 * stuffing against one address is stopped whatever IPs it comes from, and an unknown address is
 * counted exactly like an existing one (no enumeration through the lock).
 */
import { randomUUID } from "node:crypto";
import { createClient } from "@supabase/supabase-js";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { confirmedUser } from "@/tests/conformance/auth-support";
import { env } from "@/tests/conformance/test-env";
import { accountLockedMessage, accountLockSeconds, clearFailedSignIns, recordFailedSignIn } from "./account-limit";

const pool = new pg.Pool({ connectionString: env.dbUrl, max: 2 });
afterAll(() => pool.end());

async function failures(email: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) out.push(await recordFailedSignIn(email));
  return out;
}

describe("per-account failed sign-in limit", () => {
  it("locks an address after 10 failures, and counts an unknown address the same way", async () => {
    const { email: existing } = await confirmedUser("limit-known");
    const unknown = `nobody-${randomUUID().slice(0, 8)}@example.com`;
    const expected = [0, 0, 0, 0, 0, 0, 0, 0, 0, 900];
    expect(await failures(existing, 10)).toEqual(expected);
    expect(await failures(unknown, 10)).toEqual(expected);
    for (const email of [existing, unknown]) {
      const seconds = await accountLockSeconds(email);
      expect(seconds).toBeGreaterThan(890);
      expect(seconds).toBeLessThanOrEqual(900);
    }
    expect(accountLockedMessage(900)).toBe(
      "Too many failed sign-ins for this email address. Try again in 15 minutes, or reset your password.",
    );
  });

  it("treats case and surrounding spaces as the same address", async () => {
    const email = `Mixed-${randomUUID().slice(0, 8)}@Example.com`;
    await failures(email, 5);
    await failures(` ${email.toLowerCase()} `, 5);
    expect(await accountLockSeconds(email.toUpperCase())).toBeGreaterThan(0);
  });

  it("a success forgets the failures; an old window starts again", async () => {
    const email = `window-${randomUUID().slice(0, 8)}@example.com`;
    await failures(email, 9);
    await clearFailedSignIns(email);
    expect(await failures(email, 9)).toEqual(Array(9).fill(0));
    await pool.query(
      `update private.sign_in_failures set window_started_at = now() - interval '16 minutes'
       where email_hash = private.sign_in_email_hash($1)`,
      [email],
    );
    expect(await recordFailedSignIn(email)).toBe(0);
    expect(await accountLockSeconds(email)).toBe(0);
  });

  it("stores hashes, not addresses", async () => {
    const email = `hashed-${randomUUID().slice(0, 8)}@example.com`;
    await recordFailedSignIn(email);
    const { rows } = await pool.query<{ n: number }>(
      "select count(*)::int as n from private.sign_in_failures where email_hash like '%' || $1 || '%'",
      [email.split("@")[0]],
    );
    expect(rows[0]?.n).toBe(0);
  });

  it.each([
    ["anon", () => env.anonKey, null],
    ["a signed-in user", () => env.anonKey, "user"],
  ])("is out of reach for %s", async (_who, key, asUser) => {
    const client = createClient(env.url, key(), { auth: { persistSession: false, autoRefreshToken: false } });
    if (asUser) {
      const { email } = await confirmedUser("limit-api");
      await client.auth.signInWithPassword({ email, password: "correct-horse-9" });
    }
    for (const fn of ["sign_in_lock_seconds", "record_sign_in_failure", "clear_sign_in_failures"]) {
      const { error } = await client.rpc(fn, { p_email: "victim@example.com" });
      expect(error?.code, fn).toBe("42501");
    }
  });
});
