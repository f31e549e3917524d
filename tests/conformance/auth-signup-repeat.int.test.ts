/**
 * Repeated sign-ups (the obfuscated answer with confirmations on) and sign-up validation errors,
 * through the unmodified supabase-js.
 */
import { describe, expect, it } from "vitest";
import { anonClient, lastMailTo, mailsTo, PASSWORD, tokenHashOf, uniqueEmail, userCount, withDb } from "./auth-support";

describe("repeated sign-up", () => {
  it("of a confirmed address answers an obfuscated user and changes nothing", async () => {
    const email = uniqueEmail("dupe");
    const client = anonClient();
    const { data: first } = await client.auth.signUp({ email, password: PASSWORD });
    await client.auth.verifyOtp({ type: "email", token_hash: tokenHashOf(await lastMailTo(email)) });
    const before = await withDb(
      async (db) => (await db.query(`select updated_at::text from auth.users where id = $1`, [first.user?.id])).rows[0],
    );

    const { data, error } = await client.auth.signUp({
      email,
      password: "another-pass-1",
      options: { data: { x: 1 } },
    });
    expect(error).toBeNull();
    expect(data.session).toBeNull();
    expect(data.user?.identities).toEqual([]);
    expect(data.user?.id).not.toBe(first.user?.id);
    expect(data.user?.role).toBe("");
    expect(data.user?.email).toBe(email);
    expect(data.user?.user_metadata).toEqual({ x: 1 });
    expect(data.user?.email_confirmed_at).toBeUndefined();
    expect(await userCount(email)).toBe(1);
    const after = await withDb(
      async (db) => (await db.query(`select updated_at::text from auth.users where id = $1`, [first.user?.id])).rows[0],
    );
    expect(after).toEqual(before);
  });

  it("of an unconfirmed address returns the real user and mails a new link", async () => {
    const email = uniqueEmail("again");
    const client = anonClient();
    const { data: first } = await client.auth.signUp({ email, password: PASSWORD });
    const { data, error } = await client.auth.signUp({ email, password: PASSWORD });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(first.user?.id);
    expect(data.user?.identities).toHaveLength(1);
    await mailsTo(email, 2);
  });
});

describe("signUp validation", () => {
  it.each([["short", ["length"], "Password should be at least 8 characters."]])(
    "rejects the weak password %j as weak_password",
    async (password, reasons, message) => {
      const { error } = await anonClient().auth.signUp({ email: uniqueEmail("weak"), password });
      expect(error?.name).toBe("AuthWeakPasswordError");
      expect(error?.status).toBe(422);
      expect(error?.code).toBe("weak_password");
      expect(error?.message).toBe(message);
      expect((error as { reasons?: string[] } | null)?.reasons).toEqual(reasons);
    },
  );

  it.each([
    [
      { email: "not-an-email", password: PASSWORD },
      400,
      "validation_failed",
      "Unable to validate email address: invalid format",
    ],
    [{ email: "ok@example.com", password: "" }, 400, "validation_failed", "Signup requires a valid password"],
    [
      { email: "ok@example.com", password: "x".repeat(73) },
      400,
      "validation_failed",
      "Password cannot be longer than 72 characters",
    ],
    [{ email: "", password: PASSWORD }, 422, "anonymous_provider_disabled", "Anonymous sign-ins are disabled"],
  ])("rejects %j", async (credentials, status, code, message) => {
    const { data, error } = await anonClient().auth.signUp(credentials);
    expect(data.user).toBeNull();
    expect(error?.status).toBe(status);
    expect(error?.code).toBe(code);
    expect(error?.message).toBe(message);
  });
});
