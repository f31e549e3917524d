/**
 * Sign-up with email confirmations on (this project's config.toml, production parity): the user
 * object, the confirmation mail and its links (implicit and PKCE), verifyOtp by token hash and by
 * OTP, resend, repeated sign-ups and validation errors — all through the unmodified supabase-js.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anonClient,
  clickLink,
  lastMailTo,
  mailsTo,
  otpOf,
  paramsOf,
  PASSWORD,
  rawAuth,
  tokenHashOf,
  uniqueEmail,
  verifyLink,
  withDb,
} from "./auth-support";
import { DEFAULT_CONFIRMATION_MAIL, lastLocalMailTo, startLocalAuth, type LocalAuth } from "./auth-local-instance";

const REDIRECT = "http://localhost:3000/welcome";

function decodeClaims(jwt: string): Record<string, unknown> {
  const payload = jwt.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}

describe("signUp with confirmations on", () => {
  it("creates an unconfirmed user, no session, metadata shaped like GoTrue's", async () => {
    const email = uniqueEmail("shape");
    const { data, error } = await anonClient().auth.signUp({
      email: email.toUpperCase(),
      password: PASSWORD,
      options: { data: { full_name: "Ada" } },
    });
    expect(error).toBeNull();
    expect(data.session).toBeNull();
    const user = data.user;
    expect(user?.email).toBe(email);
    expect(user?.role).toBe("authenticated");
    expect(user?.aud).toBe("authenticated");
    expect(user?.email_confirmed_at).toBeUndefined();
    expect(user?.confirmation_sent_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(user?.identities).toHaveLength(1);
    expect(user?.identities?.[0]?.provider).toBe("email");
    expect(user?.app_metadata).toEqual({ provider: "email", providers: ["email"] });
    expect(user?.user_metadata).toEqual({
      full_name: "Ada",
      sub: user?.id,
      email,
      email_verified: false,
      phone_verified: false,
    });
    const row = await withDb(async (db) => {
      const { rows } = await db.query(
        `select role, instance_id::text, encrypted_password, confirmation_token, email_confirmed_at from auth.users where id = $1`,
        [user?.id],
      );
      return rows[0] as Record<string, unknown>;
    });
    expect(row.role).toBe("authenticated");
    expect(row.instance_id).toBe("00000000-0000-0000-0000-000000000000");
    expect(String(row.encrypted_password)).toMatch(/^\$2a\$10\$/);
    expect(String(row.confirmation_token)).toMatch(/^[0-9a-f]{56}$/);
    expect(row.email_confirmed_at).toBeNull();
  });

  it("refuses password sign-in until the email is confirmed", async () => {
    const email = uniqueEmail("unconfirmed");
    const client = anonClient();
    await client.auth.signUp({ email, password: PASSWORD });
    const { data, error } = await client.auth.signInWithPassword({ email, password: PASSWORD });
    expect(data.session).toBeNull();
    expect(error?.status).toBe(400);
    expect(error?.code).toBe("email_not_confirmed");
    expect(error?.message).toBe("Email not confirmed");
  });

  it("mails a working confirmation link that redirects with the session in the fragment", async () => {
    const email = uniqueEmail("link");
    const client = anonClient();
    const { data } = await client.auth.signUp({ email, password: PASSWORD, options: { emailRedirectTo: REDIRECT } });
    const mail = await lastMailTo(email);
    expect(mail.Subject).toBe("Confirm your email for Autoprofile");
    const link = verifyLink(mail);
    expect(link).toContain("type=signup");
    expect(link).toContain(`redirect_to=${REDIRECT}`);

    const first = await clickLink(link);
    expect(first.status).toBe(303);
    expect(first.location.startsWith(`${REDIRECT}#`)).toBe(true);
    const fragment = paramsOf(first.location, "hash");
    expect(fragment.get("type")).toBe("signup");
    expect(fragment.get("token_type")).toBe("bearer");
    expect(fragment.has("sb")).toBe(true);
    const accessToken = fragment.get("access_token") ?? "";
    const claims = decodeClaims(accessToken);
    expect(claims.sub).toBe(data.user?.id);
    expect(claims.amr).toEqual([{ method: "otp", timestamp: expect.any(Number) }]);

    const { data: me } = await client.auth.getUser(accessToken);
    expect(me.user?.email_confirmed_at).toBeDefined();
    expect(me.user?.user_metadata.email_verified).toBe(true);
    expect(me.user?.identities?.[0]?.identity_data?.email_verified).toBe(true);

    const again = await clickLink(link);
    expect(again.status).toBe(303);
    const error = paramsOf(again.location, "hash");
    expect(error.get("error")).toBe("access_denied");
    expect(error.get("error_code")).toBe("otp_expired");
    expect(error.get("error_description")).toBe("Email link is invalid or has expired");

    const signIn = await client.auth.signInWithPassword({ email, password: PASSWORD });
    expect(signIn.error).toBeNull();
    expect(signIn.data.session?.access_token).toBeTruthy();
  });

  it("falls back to site_url for a redirect_to outside the allow list", async () => {
    const email = uniqueEmail("evil");
    await anonClient().auth.signUp({
      email,
      password: PASSWORD,
      options: { emailRedirectTo: "https://evil.example.net/steal" },
    });
    const link = verifyLink(await lastMailTo(email));
    expect(link).not.toContain("evil.example.net");
    const { location } = await clickLink(link);
    expect(location.startsWith("https://evil.example.net")).toBe(false);
  });

  it("PKCE: the link redirects with ?code= that exchangeCodeForSession turns into a session", async () => {
    const email = uniqueEmail("pkce");
    const client = anonClient({ pkce: true });
    const { data } = await client.auth.signUp({ email, password: PASSWORD, options: { emailRedirectTo: REDIRECT } });
    const flowStates = await withDb(async (db) => {
      const { rows } = await db.query(
        `select authentication_method, code_challenge_method::text as m from auth.flow_state where user_id = $1`,
        [data.user?.id],
      );
      return rows;
    });
    expect(flowStates).toEqual([{ authentication_method: "email/signup", m: "s256" }]);

    const mail = await lastMailTo(email);
    expect(tokenHashOf(mail).startsWith("pkce_")).toBe(true);
    const { status, location } = await clickLink(verifyLink(mail));
    expect(status).toBe(303);
    const code = paramsOf(location, "search").get("code") ?? "";
    expect(location.startsWith(`${REDIRECT}?code=`)).toBe(true);

    const { data: exchanged, error } = await client.auth.exchangeCodeForSession(code);
    expect(error).toBeNull();
    expect(exchanged.session?.user.email).toBe(email);
    expect(exchanged.session?.user.email_confirmed_at).toBeDefined();
    const claims = decodeClaims(exchanged.session?.access_token ?? "");
    expect((claims.amr as Array<{ method: string }>)[0]?.method).toBe("email/signup");

    const replay = await rawAuth("/token?grant_type=pkce", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ auth_code: code, code_verifier: "x".repeat(64) }),
    });
    expect(replay.status).toBe(404);
    expect(await replay.json()).toEqual({
      code: "flow_state_not_found",
      message: "invalid flow state, no valid flow state found",
    });
    const left = await withDb(
      async (db) => (await db.query(`select 1 from auth.flow_state where user_id = $1`, [data.user?.id])).rowCount,
    );
    expect(left).toBe(0);
  });

  it("verifyOtp with the mailed token_hash (type email) confirms and signs in", async () => {
    const email = uniqueEmail("hash");
    const client = anonClient();
    await client.auth.signUp({ email, password: PASSWORD });
    const hash = tokenHashOf(await lastMailTo(email));
    const { data, error } = await client.auth.verifyOtp({ type: "email", token_hash: hash });
    expect(error).toBeNull();
    expect(data.session?.user.email).toBe(email);
    expect(data.user?.email_confirmed_at).toBeDefined();

    const reused = await client.auth.verifyOtp({ type: "email", token_hash: hash });
    expect(reused.error?.status).toBe(403);
    expect(reused.error?.code).toBe("otp_expired");
    expect(reused.error?.message).toBe("Email link is invalid or has expired");
  });

  it("verifyOtp accepts a PKCE (pkce_) token_hash without any code verifier, as an /auth/confirm route uses it", async () => {
    const email = uniqueEmail("pkce-hash");
    await anonClient({ pkce: true }).auth.signUp({ email, password: PASSWORD });
    const hash = tokenHashOf(await lastMailTo(email));
    expect(hash.startsWith("pkce_")).toBe(true);
    const { data, error } = await anonClient().auth.verifyOtp({ type: "email", token_hash: hash });
    expect(error).toBeNull();
    expect(data.session?.user.email).toBe(email);
  });

  it("resend sends a new confirmation mail; unknown addresses get the same silent success", async () => {
    const email = uniqueEmail("resend");
    const client = anonClient();
    await client.auth.signUp({ email, password: PASSWORD });
    const first = await lastMailTo(email);
    const { error } = await client.auth.resend({ type: "signup", email });
    expect(error).toBeNull();
    const mails = await mailsTo(email, 2);
    const second = mails[1];
    expect(second && tokenHashOf(second)).not.toBe(tokenHashOf(first));
    const oldLink = await clickLink(verifyLink(first));
    expect(paramsOf(oldLink.location, "hash").get("error_code")).toBe("otp_expired");

    const unknown = await client.auth.resend({ type: "signup", email: uniqueEmail("nobody") });
    expect(unknown.error).toBeNull();
  });
});

describe("sign-up code (GoTrue's default confirmation mail: the project's template carries no code)", () => {
  let local: LocalAuth;
  beforeAll(async () => {
    local = await startLocalAuth(DEFAULT_CONFIRMATION_MAIL);
  });
  afterAll(async () => local.close());

  it("verifyOtp with email + the mailed code confirms; a wrong code is refused", async () => {
    const email = uniqueEmail("otp");
    const client = anonClient({ url: local.url });
    await client.auth.signUp({ email, password: PASSWORD });
    const otp = otpOf(lastLocalMailTo(local, email));
    const wrong = await client.auth.verifyOtp({ type: "signup", email, token: otp === "000000" ? "111111" : "000000" });
    expect(wrong.error?.code).toBe("otp_expired");
    expect(wrong.error?.message).toBe("Token has expired or is invalid");
    const { data, error } = await client.auth.verifyOtp({ type: "signup", email, token: otp });
    expect(error).toBeNull();
    expect(data.session?.access_token).toBeTruthy();
  });
});
