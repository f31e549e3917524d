/**
 * Anonymous sign-ins (`enable_anonymous_sign_ins`) and admin invitations (`inviteUserByEmail`), as
 * GoTrue answers them. Anonymous sign-ins are off in this project's config, so the "on" cases run on a
 * second in-process Auth service (auth-local-instance.ts) with the setting turned on.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adminClient,
  anonClient,
  clickLink,
  confirmedUser,
  decodeClaims,
  env,
  lastMailTo,
  paramsOf,
  rawAuth,
  tokenHashOf,
  uniqueEmail,
  verifyLink,
  withDb,
} from "./auth-support";
import { startLocalAuth, type LocalAuth } from "./auth-local-instance";

describe("anonymous sign-ins", () => {
  it("are refused while enable_anonymous_sign_ins is off: 422 anonymous_provider_disabled", async () => {
    const { data, error } = await anonClient().auth.signInAnonymously();
    expect(data.session).toBeNull();
    expect(error?.status).toBe(422);
    expect(error?.code).toBe("anonymous_provider_disabled");
    expect(error?.message).toBe("Anonymous sign-ins are disabled");
  });

  describe("with enable_anonymous_sign_ins = true", () => {
    let local: LocalAuth;
    beforeAll(async () => {
      local = await startLocalAuth(
        `[auth]\nenable_anonymous_sign_ins = true\n[auth.rate_limit]\nanonymous_users = 2\n`,
      );
    });
    afterAll(async () => local.close());

    it("sign in at once: a user without address, password or identity, is_anonymous in user and JWT", async () => {
      const client = anonClient({ url: local.url });
      const { data, error } = await client.auth.signInAnonymously({ options: { data: { theme: "dark" } } });
      expect(error).toBeNull();
      const user = data.user;
      expect(user).toMatchObject({
        is_anonymous: true,
        email: "",
        phone: "",
        role: "authenticated",
        aud: "authenticated",
        app_metadata: {},
        user_metadata: { theme: "dark" },
        identities: [],
      });
      const claims = decodeClaims(data.session?.access_token ?? "");
      expect(claims).toMatchObject({ sub: user?.id, is_anonymous: true, role: "authenticated", email: "" });
      expect(claims.amr).toEqual([{ method: "anonymous", timestamp: expect.any(Number) }]);
      const row = await withDb(
        async (db) =>
          (
            await db.query<{ email: string | null; is_anonymous: boolean; encrypted_password: string }>(
              `select email, is_anonymous, encrypted_password from auth.users where id = $1`,
              [user?.id],
            )
          ).rows[0],
      );
      expect(row).toEqual({ email: null, is_anonymous: true, encrypted_password: "" });
    });

    it("the session works: /user answers the anonymous user", async () => {
      const client = anonClient({ url: local.url });
      const { data } = await client.auth.signInAnonymously();
      const { data: fetched, error } = await client.auth.getUser(data.session?.access_token);
      expect(error).toBeNull();
      expect(fetched.user).toMatchObject({ id: data.user?.id, is_anonymous: true });
    });

    it("count against anonymous_users per IP: the next one is 429 over_request_rate_limit", async () => {
      const { error } = await anonClient({ url: local.url }).auth.signInAnonymously();
      expect(error?.status).toBe(429);
      expect(error?.code).toBe("over_request_rate_limit");
    });
  });
});

describe("inviteUserByEmail", () => {
  it("creates the user with invited_at and mails a link that confirms and signs in (type invite)", async () => {
    const email = uniqueEmail("invite");
    const { data, error } = await adminClient().auth.admin.inviteUserByEmail(email, {
      data: { team: "alpha" },
      redirectTo: "http://localhost:3000/welcome",
    });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email, user_metadata: { team: "alpha" }, is_anonymous: false });
    expect(data.user?.invited_at).toEqual(expect.any(String));
    expect(data.user?.confirmation_sent_at).toEqual(data.user?.invited_at);
    expect(data.user?.email_confirmed_at).toBeUndefined();
    expect(data.user?.identities?.map((identity) => identity.provider)).toEqual(["email"]);

    const mail = await lastMailTo(email);
    const link = verifyLink(mail);
    expect(new URL(link).searchParams.get("type")).toBe("invite");
    const { status, location } = await clickLink(link);
    expect(status).toBe(303);
    expect(location.startsWith("http://localhost:3000/welcome#")).toBe(true);
    const fragment = paramsOf(location, "hash");
    expect(fragment.get("type")).toBe("invite");
    expect(decodeClaims(fragment.get("access_token") ?? "")).toMatchObject({ sub: data.user?.id, email });
    const confirmed = await adminClient().auth.admin.getUserById(data.user?.id ?? "");
    expect(confirmed.data.user?.email_confirmed_at).toEqual(expect.any(String));
  });

  it("the mail's token hash verifies as type invite (an /auth/confirm route); then the person sets a password", async () => {
    const email = uniqueEmail("invite-hash");
    const invited = await adminClient().auth.admin.inviteUserByEmail(email);
    const client = anonClient();
    const { data, error } = await client.auth.verifyOtp({
      token_hash: tokenHashOf(await lastMailTo(email)),
      type: "invite",
    });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ id: invited.data.user?.id, email });
    expect(data.user?.email_confirmed_at).toEqual(expect.any(String));
    expect(decodeClaims(data.session?.access_token ?? "")).toMatchObject({
      sub: invited.data.user?.id,
      amr: [{ method: "otp" }],
    });

    expect((await client.auth.updateUser({ password: "invited-and-set-9" })).error).toBeNull();
    const signedIn = await anonClient().auth.signInWithPassword({ email, password: "invited-and-set-9" });
    expect(signedIn.error).toBeNull();
    expect(signedIn.data.user?.id).toBe(invited.data.user?.id);
  });

  it("an invite link works once: the second use is 403 otp_expired", async () => {
    const email = uniqueEmail("invite-once");
    await adminClient().auth.admin.inviteUserByEmail(email);
    const tokenHash = tokenHashOf(await lastMailTo(email));
    expect((await anonClient().auth.verifyOtp({ token_hash: tokenHash, type: "invite" })).error).toBeNull();
    const again = await anonClient().auth.verifyOtp({ token_hash: tokenHash, type: "invite" });
    expect(again.data.session).toBeNull();
    expect(again.error?.status).toBe(403);
    expect(again.error?.code).toBe("otp_expired");
  });

  it("invites again an address that has not accepted yet (same user, a new mail)", async () => {
    const email = uniqueEmail("reinvite");
    const first = await adminClient().auth.admin.inviteUserByEmail(email);
    const again = await adminClient().auth.admin.inviteUserByEmail(email);
    expect(again.error).toBeNull();
    expect(again.data.user?.id).toBe(first.data.user?.id);
    await lastMailTo(email, 2);
  });

  it("refuses a confirmed address: 422 email_exists", async () => {
    const { email } = await confirmedUser("invited-twice");
    const { data, error } = await adminClient().auth.admin.inviteUserByEmail(email);
    expect(data.user).toBeNull();
    expect(error?.status).toBe(422);
    expect(error?.code).toBe("email_exists");
  });

  it("refuses an invalid address with a message that says why", async () => {
    const { data, error } = await adminClient().auth.admin.inviteUserByEmail("not an address");
    expect(data.user).toBeNull();
    expect(error?.status).toBe(400);
    expect(error?.message).toBe("Unable to validate email address: invalid format");
  });

  it("is admin only: the anon key is 403 not_admin and nothing is created", async () => {
    const email = uniqueEmail("invite-anon");
    const res = await rawAuth("/invite", {
      method: "POST",
      headers: { Authorization: `Bearer ${env.anonKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({ email }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe("not_admin");
    const count = await withDb(
      async (db) => (await db.query(`select 1 from auth.users where email = $1`, [email])).rowCount,
    );
    expect(count).toBe(0);
  });
});
