/**
 * What a signed-in user can change (PUT /user: metadata, password, email) and password recovery
 * (POST /recover → mail → PKCE code → session), through the unmodified supabase-js.
 */
import { describe, expect, it } from "vitest";
import {
  anonClient,
  clickLink,
  confirmedUser,
  decodeClaims,
  lastMailTo,
  otpOf,
  paramsOf,
  PASSWORD,
  rawAuth,
  uniqueEmail,
  verifyLink,
  withDb,
} from "./auth-support";

async function signedIn(tag: string, metadata: Record<string, unknown> = {}) {
  const { email, id } = await confirmedUser(tag, metadata);
  const client = anonClient({ pkce: true });
  const { data, error } = await client.auth.signInWithPassword({ email, password: PASSWORD });
  if (error || !data.session) throw new Error(`sign-in failed: ${error?.message}`);
  return { email, id, client, session: data.session };
}

describe("updateUser", () => {
  it("merges data key by key; null deletes a key", async () => {
    const { client } = await signedIn("data", { keep: "yes", drop: "me" });
    const { data, error } = await client.auth.updateUser({ data: { drop: null, added: 2 } });
    expect(error).toBeNull();
    expect(data.user?.user_metadata).toMatchObject({ keep: "yes", added: 2 });
    expect(data.user?.user_metadata).not.toHaveProperty("drop");
  });

  it("changes the password, keeps this session and ends the others", async () => {
    const { email, client, id } = await signedIn("password");
    const other = anonClient();
    await other.auth.signInWithPassword({ email, password: PASSWORD });
    const { error } = await client.auth.updateUser({ password: "brand-new-pass-2" });
    expect(error).toBeNull();
    const sessions = await withDb(
      async (db) =>
        (await db.query(`select count(*)::int as n from auth.sessions where user_id = $1`, [id])).rows[0]?.n,
    );
    expect(sessions).toBe(1);
    expect((await anonClient().auth.signInWithPassword({ email, password: PASSWORD })).error?.code).toBe(
      "invalid_credentials",
    );
    expect((await anonClient().auth.signInWithPassword({ email, password: "brand-new-pass-2" })).error).toBeNull();
  });

  it.each([
    [PASSWORD, 422, "same_password", "New password should be different from the old password."],
    ["short", 422, "weak_password", "Password should be at least 8 characters."],
  ])("refuses the password %j", async (password, status, code, message) => {
    const { client } = await signedIn("badpw");
    const { error } = await client.auth.updateUser({ password });
    expect(error?.status).toBe(status);
    expect(error?.code).toBe(code);
    expect(error?.message).toBe(message);
  });

  it("refuses app_metadata from a user (403 not_admin)", async () => {
    const { session } = await signedIn("appmeta");
    const res = await rawAuth("/user", {
      method: "PUT",
      headers: { Authorization: `Bearer ${session.access_token}`, "content-type": "application/json" },
      body: JSON.stringify({ app_metadata: { role: "admin" } }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ code: "not_admin", message: "Updating app_metadata requires admin privileges" });
  });

  it("refuses an address another user holds (422 email_exists)", async () => {
    const taken = await confirmedUser("taken");
    const { client } = await signedIn("wants");
    const { error } = await client.auth.updateUser({ email: taken.email });
    expect(error?.status).toBe(422);
    expect(error?.code).toBe("email_exists");
  });

  it("changes the email only after both addresses confirm (secure email change)", async () => {
    const { client, email, session } = await signedIn("change");
    const next = uniqueEmail("changed");
    const { data, error } = await client.auth.updateUser({ email: next });
    expect(error).toBeNull();
    expect(data.user?.email).toBe(email);
    expect(data.user?.new_email).toBe(next);
    expect(data.user?.email_change_sent_at).toBeDefined();

    const toOld = await lastMailTo(email);
    const toNew = await lastMailTo(next);
    expect(toOld.Subject).toBe("Confirm your new email address for Autoprofile");
    const firstClick = await clickLink(verifyLink(toOld));
    const message =
      paramsOf(firstClick.location, "hash").get("message") ?? paramsOf(firstClick.location, "search").get("message");
    expect(message).toBe("Confirmation link accepted. Please proceed to confirm link sent to the other email");
    const stillOld = await client.auth.getUser(session.access_token);
    expect(stillOld.data.user?.email).toBe(email);

    const secondClick = await clickLink(verifyLink(toNew));
    expect(secondClick.status).toBe(303);
    const changed = await client.auth.getUser(session.access_token);
    expect(changed.data.user?.email).toBe(next);
    expect(changed.data.user?.new_email).toBeUndefined();
    expect(changed.data.user?.identities?.[0]?.identity_data?.email).toBe(next);
  });
});

describe("reauthenticate", () => {
  it("mails a one-time code to the signed-in user", async () => {
    const { client, email } = await signedIn("reauth");
    const { error } = await client.auth.reauthenticate();
    expect(error).toBeNull();
    const mail = await lastMailTo(email);
    expect(mail.Subject).toBe("Your Autoprofile confirmation code");
    expect(otpOf(mail)).toMatch(/^\d{6}$/);
  });
});

describe("password recovery", () => {
  it("answers 200 without revealing whether the address exists", async () => {
    const { error } = await anonClient().auth.resetPasswordForEmail(uniqueEmail("nobody"));
    expect(error).toBeNull();
  });

  it("PKCE: mail → link → ?code= → session (amr recovery) → new password works", async () => {
    const { email } = await confirmedUser("recover");
    const client = anonClient({ pkce: true });
    const events: string[] = [];
    client.auth.onAuthStateChange((event) => void events.push(event));
    const { error } = await client.auth.resetPasswordForEmail(email, { redirectTo: "http://localhost:3000/reset" });
    expect(error).toBeNull();
    const mail = await lastMailTo(email);
    expect(mail.Subject).toBe("Reset your Autoprofile password");
    const { location } = await clickLink(verifyLink(mail));
    expect(location.startsWith("http://localhost:3000/reset?code=")).toBe(true);
    const code = paramsOf(location, "search").get("code") ?? "";
    const { data, error: exchangeError } = await client.auth.exchangeCodeForSession(code);
    expect(exchangeError).toBeNull();
    expect((decodeClaims(data.session?.access_token ?? "").amr as Array<{ method: string }>)[0]?.method).toBe(
      "recovery",
    );
    expect(events).toContain("PASSWORD_RECOVERY");
    expect((await client.auth.updateUser({ password: "recovered-pass-3" })).error).toBeNull();
    expect((await anonClient().auth.signInWithPassword({ email, password: "recovered-pass-3" })).error).toBeNull();
  });

  it("refuses a malformed address", async () => {
    const { error } = await anonClient().auth.resetPasswordForEmail("nope");
    expect(error?.status).toBe(400);
    expect(error?.code).toBe("validation_failed");
  });
});
