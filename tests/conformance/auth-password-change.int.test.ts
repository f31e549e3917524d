/**
 * `secure_password_change` (config.toml [auth.email]): GoTrue lets a session signed in within the last
 * 24 hours change the password as it is; an older session needs the nonce GET /reauthenticate mails,
 * sent as `nonce` with the new password. Played through the unmodified supabase-js, with the session
 * aged in the database the way a day of time would age it.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anonClient,
  confirmedUser,
  decodeClaims,
  lastMailTo,
  otpOf,
  PASSWORD,
  uniqueEmail,
  withDb,
} from "./auth-support";
import { startLocalAuth, type LocalAuth } from "./auth-local-instance";

async function signedIn(tag: string) {
  const { email, id } = await confirmedUser(tag);
  const client = anonClient({ pkce: true });
  const { data, error } = await client.auth.signInWithPassword({ email, password: PASSWORD });
  if (error || !data.session) throw new Error(`sign-in failed: ${error?.message}`);
  return { email, id, client, sessionId: String(decodeClaims(data.session.access_token).session_id) };
}

async function ageSession(sessionId: string, hours: number): Promise<void> {
  await withDb((db) =>
    db.query(`update auth.sessions set created_at = now() - make_interval(hours => $2) where id = $1`, [
      sessionId,
      hours,
    ]),
  );
}

async function nonceFor(client: SupabaseClient, email: string, mailsBefore: number): Promise<string> {
  const { error } = await client.auth.reauthenticate();
  expect(error).toBeNull();
  const mail = await lastMailTo(email, mailsBefore + 1);
  expect(mail.Subject).toBe("Your Autoprofile confirmation code");
  return otpOf(mail);
}

const canSignIn = async (email: string, password: string) =>
  (await anonClient().auth.signInWithPassword({ email, password })).error === null;

describe("secure password change", () => {
  it("a session signed in just now changes the password without a nonce", async () => {
    const { client, email } = await signedIn("fresh");
    expect((await client.auth.updateUser({ password: "fresh-new-pass-1" })).error).toBeNull();
    expect(await canSignIn(email, "fresh-new-pass-1")).toBe(true);
  });

  it("a session of 23 hours still may", async () => {
    const { client, sessionId } = await signedIn("23h");
    await ageSession(sessionId, 23);
    expect((await client.auth.updateUser({ password: "day-old-pass-2" })).error).toBeNull();
  });

  it("an access token of a session older than 24 hours is refused, and the password stays", async () => {
    const { client, email, sessionId } = await signedIn("stale");
    await ageSession(sessionId, 25);
    const { error } = await client.auth.updateUser({ password: "stolen-token-pass-3" });
    expect(error?.status).toBe(400);
    expect(error?.code).toBe("reauthentication_needed");
    expect(error?.message).toBe("Password update requires reauthentication");
    expect(await canSignIn(email, PASSWORD)).toBe(true);
    expect(await canSignIn(email, "stolen-token-pass-3")).toBe(false);
  });

  it("metadata updates of an old session need no nonce (only the password is guarded)", async () => {
    const { client, sessionId } = await signedIn("meta");
    await ageSession(sessionId, 48);
    expect((await client.auth.updateUser({ data: { theme: "dark" } })).error).toBeNull();
  });

  it("an old session changes the password with the mailed nonce, once", async () => {
    const { client, email, sessionId } = await signedIn("nonce");
    await ageSession(sessionId, 25);
    const nonce = await nonceFor(client, email, 0);
    const wrong = nonce === "000000" ? "111111" : "000000";
    const refused = await client.auth.updateUser({ password: "nonce-new-pass-4", nonce: wrong });
    expect(refused.error?.status).toBe(422);
    expect(refused.error?.code).toBe("reauthentication_not_valid");
    expect(refused.error?.message).toBe("Nonce has expired or is invalid");

    expect((await client.auth.updateUser({ password: "nonce-new-pass-4", nonce })).error).toBeNull();
    expect(await canSignIn(email, "nonce-new-pass-4")).toBe(true);

    const again = await client.auth.updateUser({ password: "nonce-new-pass-5", nonce });
    expect(again.error?.code).toBe("reauthentication_not_valid");
  });

  it("an expired nonce is refused", async () => {
    const { client, email, sessionId } = await signedIn("expired");
    await ageSession(sessionId, 25);
    const nonce = await nonceFor(client, email, 0);
    await withDb((db) =>
      db.query(`update auth.users set reauthentication_sent_at = now() - interval '2 hours' where email = $1`, [email]),
    );
    const { error } = await client.auth.updateUser({ password: "late-new-pass-6", nonce });
    expect(error?.code).toBe("reauthentication_not_valid");
  });
});

describe("password requirements", () => {
  it("sign-up below minimum_password_length is refused with weak_password and its reasons", async () => {
    const { data, error } = await anonClient().auth.signUp({
      email: `auth-weak-${Date.now()}@example.com`,
      password: "short",
    });
    expect(data.user).toBeNull();
    expect(error?.status).toBe(422);
    expect(error?.code).toBe("weak_password");
    expect(error?.message).toBe("Password should be at least 8 characters.");
    expect((error as { reasons?: string[] } | null)?.reasons).toEqual(["length"]);
  });

  it("a password update below the minimum is refused the same way", async () => {
    const { client } = await signedIn("weakupd");
    const { error } = await client.auth.updateUser({ password: "1234567" });
    expect(error?.code).toBe("weak_password");
    expect((error as { reasons?: string[] } | null)?.reasons).toEqual(["length"]);
  });

  it("more than 72 bytes is a validation error, not a weak password", async () => {
    const { error } = await anonClient().auth.signUp({
      email: `auth-long-${Date.now()}@example.com`,
      password: "é".repeat(37),
    });
    expect(error?.status).toBe(400);
    expect(error?.code).toBe("validation_failed");
    expect(error?.message).toBe("Password cannot be longer than 72 characters");
  });
});

describe("password_requirements and minimum_password_length from config.toml", () => {
  let local: LocalAuth;
  beforeAll(async () => {
    local = await startLocalAuth(
      `[auth]\nminimum_password_length = 12\npassword_requirements = "lower_upper_letters_digits"\n` +
        `[auth.email]\nenable_confirmations = false\n[auth.rate_limit]\nsign_in_sign_ups = 100000\n`,
    );
  });
  afterAll(async () => local.close());

  it.each<[string, string[], string]>([
    [
      "short",
      ["length", "characters"],
      "Password should be at least 12 characters. Password should contain at least one character of each: " +
        "abcdefghijklmnopqrstuvwxyz, ABCDEFGHIJKLMNOPQRSTUVWXYZ, 0123456789.",
    ],
    [
      "all-lower-case-and-long",
      ["characters"],
      "Password should contain at least one character of each: " +
        "abcdefghijklmnopqrstuvwxyz, ABCDEFGHIJKLMNOPQRSTUVWXYZ, 0123456789.",
    ],
    ["Short1", ["length"], "Password should be at least 12 characters."],
  ])("sign-up with %j: weak_password %j", async (password, reasons, message) => {
    const email = uniqueEmail("req");
    const { error } = await anonClient({ url: local.url }).auth.signUp({ email, password });
    expect(error?.status).toBe(422);
    expect(error?.code).toBe("weak_password");
    expect(error?.message).toBe(message);
    expect((error as { reasons?: string[] } | null)?.reasons).toEqual(reasons);
    expect(
      await withDb(async (db) => (await db.query(`select 1 from auth.users where email = $1`, [email])).rowCount),
    ).toBe(0);
  });

  it("accepts a password that meets every rule, and guards the update the same way", async () => {
    const client = anonClient({ url: local.url });
    const { data, error } = await client.auth.signUp({ email: uniqueEmail("req-ok"), password: "Long-enough-Pass1" });
    expect(error).toBeNull();
    if (!data.session) throw new Error("autoconfirm should sign in");
    const weak = await client.auth.updateUser({ password: "only-lower-case-here" });
    expect(weak.error?.code).toBe("weak_password");
    expect((weak.error as { reasons?: string[] } | null)?.reasons).toEqual(["characters"]);
    expect((await client.auth.updateUser({ password: "Another-Long-Pass2" })).error).toBeNull();
  });
});
