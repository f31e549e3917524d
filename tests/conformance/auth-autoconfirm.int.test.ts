/**
 * Behaviour under settings the running stack does not use, via a second in-process Auth service on
 * the same database (auth-local-instance.ts): confirmations off (the Supabase CLI's default),
 * per-IP request limits, the mail frequency limit, the email-sent limit with custom SMTP, disabled
 * sign-ups, and a request without any bearer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, decodeClaims, PASSWORD, uniqueEmail, withDb } from "./auth-support";
import { startLocalAuth, type LocalAuth } from "./auth-local-instance";

describe("confirmations off (autoconfirm)", () => {
  let local: LocalAuth;
  beforeAll(async () => {
    local = await startLocalAuth(
      `[auth.email]\nenable_confirmations = false\n[auth.rate_limit]\nsign_in_sign_ups = 100000\ntoken_refresh = 100000\n`,
    );
  });
  afterAll(async () => local.close());

  it("signUp returns a session at once; the user is confirmed and no mail is sent", async () => {
    const email = uniqueEmail("auto");
    const client = anonClient({ url: local.url });
    const { data, error } = await client.auth.signUp({ email, password: PASSWORD, options: { data: { n: 1 } } });
    expect(error).toBeNull();
    expect(data.session?.access_token).toBeTruthy();
    expect(data.user?.email_confirmed_at).toBeDefined();
    expect(data.user?.user_metadata).toMatchObject({ n: 1, email_verified: true, sub: data.user?.id });
    expect(data.user?.identities?.[0]?.identity_data?.email_verified).toBe(false);
    const claims = decodeClaims(data.session?.access_token ?? "");
    expect(claims.iss).toBe(`${local.url}/auth/v1`);
    expect(claims.amr).toEqual([{ method: "password", timestamp: expect.any(Number) }]);
    expect(local.mails.filter((m) => m.to === email)).toEqual([]);
  });

  it("a repeated sign-up is 422 user_already_exists", async () => {
    const email = uniqueEmail("auto-dupe");
    const client = anonClient({ url: local.url });
    await client.auth.signUp({ email, password: PASSWORD });
    const { data, error } = await client.auth.signUp({ email, password: PASSWORD });
    expect(data.user).toBeNull();
    expect(error?.status).toBe(422);
    expect(error?.code).toBe("user_already_exists");
    expect(error?.message).toBe("User already registered");
  });

  it("PKCE sign-up still signs in at once and stores no flow state", async () => {
    const email = uniqueEmail("auto-pkce");
    const { data, error } = await anonClient({ url: local.url, pkce: true }).auth.signUp({ email, password: PASSWORD });
    expect(error).toBeNull();
    expect(data.session).not.toBeNull();
    const states = await withDb(
      async (db) => (await db.query(`select 1 from auth.flow_state where user_id = $1`, [data.user?.id])).rowCount,
    );
    expect(states).toBe(0);
  });

  it("a request without any bearer is 401 no_authorization", async () => {
    const res = await fetch(`${local.url}/auth/v1/user`, { headers: { "X-Supabase-Api-Version": "2024-01-01" } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      code: "no_authorization",
      message: "This endpoint requires a valid Bearer token",
    });
  });
});

describe("mail frequency", () => {
  let local: LocalAuth;
  beforeAll(async () => {
    local = await startLocalAuth(
      `[auth.rate_limit]\nsign_in_sign_ups = 100000\n[auth.email]\nenable_confirmations = true\nmax_frequency = "60s"\n`,
    );
  });
  afterAll(async () => local.close());

  it("a second mail to one address within max_frequency is 429 over_email_send_rate_limit", async () => {
    const email = uniqueEmail("freq");
    const client = anonClient({ url: local.url });
    expect((await client.auth.signUp({ email, password: PASSWORD })).error).toBeNull();
    const { error } = await client.auth.resend({ type: "signup", email });
    expect(error?.status).toBe(429);
    expect(error?.code).toBe("over_email_send_rate_limit");
    expect(error?.message).toMatch(/^For security purposes, you can only request this after \d+ seconds\.$/);
  });
});

describe("per-IP request limits", () => {
  let local: LocalAuth;
  beforeAll(async () => {
    local = await startLocalAuth(
      `[auth.rate_limit]\nsign_in_sign_ups = 2\ntoken_refresh = 2\n[auth.email]\nmax_frequency = "0s"\n`,
    );
  });
  afterAll(async () => local.close());

  it("sign-ups beyond sign_in_sign_ups are 429 over_request_rate_limit", async () => {
    const client = anonClient({ url: local.url });
    expect((await client.auth.signUp({ email: uniqueEmail("limit"), password: PASSWORD })).error).toBeNull();
    expect((await client.auth.signUp({ email: uniqueEmail("limit"), password: PASSWORD })).error).toBeNull();
    const { error } = await client.auth.signUp({ email: uniqueEmail("limit"), password: PASSWORD });
    expect(error?.status).toBe(429);
    expect(error?.code).toBe("over_request_rate_limit");
    expect(error?.message).toBe("Request rate limit reached");
  });

  it("/token requests beyond token_refresh are 429", async () => {
    const client = anonClient({ url: local.url });
    await client.auth.signInWithPassword({ email: uniqueEmail("t1"), password: PASSWORD });
    await client.auth.signInWithPassword({ email: uniqueEmail("t2"), password: PASSWORD });
    const { error } = await client.auth.signInWithPassword({ email: uniqueEmail("t3"), password: PASSWORD });
    expect(error?.status).toBe(429);
    expect(error?.code).toBe("over_request_rate_limit");
  });
});

describe("email_sent limit (only with custom SMTP, as the CLI applies it)", () => {
  let local: LocalAuth;
  beforeAll(async () => {
    local = await startLocalAuth(
      `[auth.rate_limit]\nsign_in_sign_ups = 100000\nemail_sent = 1\n[auth.email]\nenable_confirmations = true\nmax_frequency = "0s"\n[auth.email.smtp]\nenabled = true\n`,
    );
  });
  afterAll(async () => local.close());

  it("the second mail in the hour is 429 'email rate limit exceeded' and creates no user", async () => {
    const client = anonClient({ url: local.url });
    expect((await client.auth.signUp({ email: uniqueEmail("smtp1"), password: PASSWORD })).error).toBeNull();
    const email = uniqueEmail("smtp2");
    const { error } = await client.auth.signUp({ email, password: PASSWORD });
    expect(error?.status).toBe(429);
    expect(error?.code).toBe("over_email_send_rate_limit");
    expect(error?.message).toBe("email rate limit exceeded");
    const rows = await withDb(
      async (db) => (await db.query(`select 1 from auth.users where email = $1`, [email])).rowCount,
    );
    expect(rows).toBe(0);
  });
});

describe("sign-ups disabled", () => {
  let local: LocalAuth;
  beforeAll(async () => {
    local = await startLocalAuth(`[auth]\nenable_signup = false\n`);
  });
  afterAll(async () => local.close());

  it("signUp is 422 signup_disabled", async () => {
    const { error } = await anonClient({ url: local.url }).auth.signUp({
      email: uniqueEmail("closed"),
      password: PASSWORD,
    });
    expect(error?.status).toBe(422);
    expect(error?.code).toBe("signup_disabled");
    expect(error?.message).toBe("Signups not allowed for this instance");
  });
});
