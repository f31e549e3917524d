/**
 * Turning an anonymous user into a permanent one with `updateUser({ email, password })` (PUT /user),
 * as GoTrue does: a password alone is refused; with confirmations on, the password is set at once
 * and the address waits in `email_change` until the mailed code (or link) confirms it — only then is
 * the email identity created and `is_anonymous` cleared; with confirmations off that happens at once.
 * Anonymous sign-ins are off in this project's config, so this runs on in-process Auth services
 * (auth-local-instance.ts) with them on.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminClient, anonClient, confirmedUser, decodeClaims, PASSWORD, uniqueEmail, withDb } from "./auth-support";
import { startLocalAuth, type LocalAuth } from "./auth-local-instance";

const ANONYMOUS_ON = `[auth]\nenable_anonymous_sign_ins = true\n[auth.rate_limit]\nanonymous_users = 1000\nsign_in_sign_ups = 100000\n`;

interface UserColumns {
  email: string | null;
  email_change: string;
  is_anonymous: boolean;
  has_password: boolean;
  identities: number;
}

async function columns(userId: string): Promise<UserColumns> {
  return withDb(async (db) => {
    const { rows } = await db.query<UserColumns>(
      `select email, email_change, is_anonymous, encrypted_password <> '' as has_password,
              (select count(*)::int from auth.identities i where i.user_id = u.id) as identities
         from auth.users u where id = $1`,
      [userId],
    );
    if (!rows[0]) throw new Error(`no user ${userId}`);
    return rows[0];
  });
}

async function anonymousClient(local: LocalAuth) {
  const client = anonClient({ url: local.url });
  const { data, error } = await client.auth.signInAnonymously();
  if (error || !data.user) throw new Error(`anonymous sign-in: ${error?.message}`);
  return { client, userId: data.user.id };
}

describe("upgrading an anonymous user, confirmations on", () => {
  let local: LocalAuth;
  beforeAll(async () => {
    local = await startLocalAuth(ANONYMOUS_ON);
  });
  afterAll(async () => local.close());

  it("a password without an email is 422 validation_failed and changes nothing", async () => {
    const { client, userId } = await anonymousClient(local);
    const { data, error } = await client.auth.updateUser({ password: PASSWORD });
    expect(data.user).toBeNull();
    expect(error?.status).toBe(422);
    expect(error?.code).toBe("validation_failed");
    expect(error?.message).toBe("Updating password of an anonymous user without an email or phone is not allowed");
    expect(await columns(userId)).toMatchObject({ is_anonymous: true, has_password: false, identities: 0 });
  });

  it("email + password: the password is set, the address waits for its mailed code; then the user is permanent", async () => {
    const { client, userId } = await anonymousClient(local);
    const email = uniqueEmail("anon-upgrade");
    const { data, error } = await client.auth.updateUser({ email, password: PASSWORD });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ id: userId, is_anonymous: true, email: "", new_email: email, identities: [] });
    expect(data.user?.email_change_sent_at).toEqual(expect.any(String));
    expect(await columns(userId)).toEqual({
      email: null,
      email_change: email,
      is_anonymous: true,
      has_password: true,
      identities: 0,
    });
    // One mail, to the new address only (there is no current one to ask).
    const mails = local.mails.filter((mail) => mail.kind === "email_change");
    expect(mails.filter((mail) => mail.to === email)).toHaveLength(1);
    // The project's template carries the /verify link; its token is the hash verifyOtp takes.
    const mail = mails.find((sent) => sent.to === email);
    const tokenHash = decodeURIComponent(/\/verify\?token=([^&\s"]+)/.exec(`${mail?.html}${mail?.text}`)?.[1] ?? "");
    expect(tokenHash).not.toBe("");
    // Not yet an account: the password does not sign in to the address.
    const early = await anonClient({ url: local.url }).auth.signInWithPassword({ email, password: PASSWORD });
    expect(early.error?.code).toBe("invalid_credentials");

    const verified = await client.auth.verifyOtp({ token_hash: tokenHash, type: "email_change" });
    expect(verified.error).toBeNull();
    expect(verified.data.user).toMatchObject({ id: userId, email, is_anonymous: false });
    expect(verified.data.user?.email_confirmed_at).toEqual(expect.any(String));
    expect(verified.data.user?.new_email).toBeUndefined();
    expect(verified.data.user?.identities?.map((identity) => [identity.provider, identity.identity_data])).toEqual([
      ["email", { sub: userId, email, email_verified: true, phone_verified: false }],
    ]);
    expect(decodeClaims(verified.data.session?.access_token ?? "")).toMatchObject({
      sub: userId,
      email,
      is_anonymous: false,
    });
    expect(await columns(userId)).toEqual({
      email,
      email_change: "",
      is_anonymous: false,
      has_password: true,
      identities: 1,
    });
    // The same user signs in with the address and the password from now on.
    const later = await anonClient({ url: local.url }).auth.signInWithPassword({ email, password: PASSWORD });
    expect(later.error).toBeNull();
    expect(later.data.user?.id).toBe(userId);
    expect(later.data.user?.is_anonymous).toBe(false);
  });

  it("an address another account holds is 422 email_exists; no password is set", async () => {
    const { email } = await confirmedUser("anon-taken");
    const { client, userId } = await anonymousClient(local);
    const { error } = await client.auth.updateUser({ email, password: PASSWORD });
    expect(error?.status).toBe(422);
    expect(error?.code).toBe("email_exists");
    expect(await columns(userId)).toMatchObject({ email: null, email_change: "", has_password: false });
  });
});

describe("upgrading an anonymous user, confirmations off", () => {
  let local: LocalAuth;
  beforeAll(async () => {
    local = await startLocalAuth(`${ANONYMOUS_ON}[auth.email]\nenable_confirmations = false\n`);
  });
  afterAll(async () => local.close());

  it("email + password makes the user permanent at once, with a verified email identity and no mail", async () => {
    const { client, userId } = await anonymousClient(local);
    const email = uniqueEmail("anon-auto");
    const { data, error } = await client.auth.updateUser({ email, password: PASSWORD });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ id: userId, email, is_anonymous: false });
    expect(data.user?.email_confirmed_at).toEqual(expect.any(String));
    expect(data.user?.identities?.map((identity) => identity.provider)).toEqual(["email"]);
    expect(local.mails.filter((mail) => mail.to === email)).toEqual([]);
    // The session's next token says so too.
    const refreshed = await client.auth.refreshSession();
    expect(decodeClaims(refreshed.data.session?.access_token ?? "")).toMatchObject({ email, is_anonymous: false });
    const signIn = await anonClient({ url: local.url }).auth.signInWithPassword({ email, password: PASSWORD });
    expect(signIn.data.user?.id).toBe(userId);
  });
});

describe("email-change codes are found by their token, not by the account's address", () => {
  it("the code for the new address (email + token) finds the user and counts as its confirmation", async () => {
    const { email: current, id } = await confirmedUser("code-change");
    const next = uniqueEmail("code-change-new");
    const { data, error } = await adminClient().auth.admin.generateLink({
      type: "email_change_new",
      email: current,
      newEmail: next,
    });
    expect(error).toBeNull();
    const verified = await anonClient().auth.verifyOtp({
      email: next,
      token: data.properties?.email_otp ?? "",
      type: "email_change",
    });
    expect(verified.error).toBeNull();
    const status = await withDb(
      async (db) =>
        (
          await db.query<{ email: string; email_change_confirm_status: number }>(
            `select email, email_change_confirm_status from auth.users where id = $1`,
            [id],
          )
        ).rows[0],
    );
    // Secure email change: one of two confirmations recorded, the address unchanged until the other.
    expect(status).toEqual({ email: current, email_change_confirm_status: 1 });
  });
});
