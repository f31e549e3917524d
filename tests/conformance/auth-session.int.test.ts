/**
 * Password sign-in, the access token's claims, getUser/getClaims, refresh-token rotation with the
 * reuse interval and family revocation, and sign-out scopes — through the unmodified supabase-js.
 */
import { describe, expect, it } from "vitest";
import { anonClient, confirmedUser, decodeClaims, env, PASSWORD, rawAuth, uniqueEmail, withDb } from "./auth-support";

async function signIn(email: string) {
  const client = anonClient();
  const { data, error } = await client.auth.signInWithPassword({ email, password: PASSWORD });
  if (error || !data.session) throw new Error(`sign-in failed: ${error?.message}`);
  return { client, session: data.session };
}

async function refreshRaw(refreshToken: string) {
  const res = await rawAuth("/token?grant_type=refresh_token", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ refresh_token: refreshToken }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("signInWithPassword", () => {
  it("returns a session whose access token carries GoTrue's claims", async () => {
    const { email, id } = await confirmedUser("claims", { full_name: "Grace" });
    const { session } = await signIn(email);
    expect(session.token_type).toBe("bearer");
    expect(session.expires_in).toBe(3600);
    expect(session.refresh_token).toMatch(/^[a-z2-7]{12}$/);
    expect(session.user.id).toBe(id);
    expect(session.user.last_sign_in_at).toBeDefined();
    const claims = decodeClaims(session.access_token);
    expect(Object.keys(claims)).toEqual([
      "iss",
      "sub",
      "aud",
      "exp",
      "iat",
      "email",
      "phone",
      "app_metadata",
      "user_metadata",
      "role",
      "aal",
      "amr",
      "session_id",
      "is_anonymous",
    ]);
    expect(claims).toMatchObject({
      iss: `${env.url}/auth/v1`,
      sub: id,
      aud: "authenticated",
      email,
      phone: "",
      role: "authenticated",
      aal: "aal1",
      is_anonymous: false,
      app_metadata: { provider: "email", providers: ["email"] },
      user_metadata: { full_name: "Grace", email_verified: true },
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    expect(claims.amr).toEqual([{ method: "password", timestamp: expect.any(Number) }]);
    const sessionRow = await withDb(
      async (db) =>
        (await db.query(`select user_id::text from auth.sessions where id = $1`, [claims.session_id])).rows[0],
    );
    expect(sessionRow).toEqual({ user_id: id });
  });

  it("answers invalid_credentials alike for an unknown email and a wrong password", async () => {
    const { email } = await confirmedUser("creds");
    const wrongPassword = await anonClient().auth.signInWithPassword({ email, password: "wrong-password-1" });
    const unknownEmail = await anonClient().auth.signInWithPassword({
      email: uniqueEmail("ghost"),
      password: PASSWORD,
    });
    for (const { error, data } of [wrongPassword, unknownEmail]) {
      expect(data.session).toBeNull();
      expect(error?.status).toBe(400);
      expect(error?.code).toBe("invalid_credentials");
      expect(error?.message).toBe("Invalid login credentials");
    }
  });
});

describe("getUser and getClaims", () => {
  it("return the user for a valid access token", async () => {
    const { email, id } = await confirmedUser("getuser");
    const { client, session } = await signIn(email);
    const { data, error } = await client.auth.getUser(session.access_token);
    expect(error).toBeNull();
    expect(data.user?.id).toBe(id);
    expect(data.user?.identities?.[0]?.identity_data?.email).toBe(email);
    const claims = await client.auth.getClaims(session.access_token);
    expect(claims.error).toBeNull();
    expect(claims.data?.claims.sub).toBe(id);
  });

  it.each([
    ["the anon key (no sub)", () => env.anonKey, 403, "bad_jwt", "invalid claim: missing sub claim"],
    ["a tampered signature", (t: string) => `${t.slice(0, -4)}AAAA`, 403, "bad_jwt", undefined],
    [
      "an alg:none token",
      (t: string) => `${Buffer.from('{"alg":"none","typ":"JWT"}').toString("base64url")}.${t.split(".")[1]}.`,
      403,
      "bad_jwt",
      undefined,
    ],
  ])("refuse %s", async (_name, makeToken, status, code, message) => {
    const { email } = await confirmedUser("badjwt");
    const { session } = await signIn(email);
    const res = await rawAuth("/user", { headers: { Authorization: `Bearer ${makeToken(session.access_token)}` } });
    expect(res.status).toBe(status);
    expect(res.headers.get("x-supabase-api-version")).toBe("2024-01-01");
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe(code);
    if (message) expect(body.message).toBe(message);
    else expect(body.message).toMatch(/^invalid JWT: unable to parse or verify signature, /);
  });
});

describe("refresh token rotation", () => {
  it("rotates, re-issues the active child to a replayed parent, and revokes the family on late reuse", async () => {
    const { email } = await confirmedUser("rotate");
    const { client, session } = await signIn(email);
    const first = session.refresh_token;
    const { data, error } = await client.auth.refreshSession({ refresh_token: first });
    expect(error).toBeNull();
    const second = data.session?.refresh_token ?? "";
    expect(second).not.toBe(first);
    expect(decodeClaims(data.session?.access_token ?? "").session_id).toBe(
      decodeClaims(session.access_token).session_id,
    );
    expect(decodeClaims(data.session?.access_token ?? "").amr).toEqual(decodeClaims(session.access_token).amr);

    // The client failed to save `second`: replaying `first` hands back the same active token.
    const replay = await refreshRaw(first);
    expect(replay.status).toBe(200);
    expect(replay.body.refresh_token).toBe(second);

    const { data: third } = await client.auth.refreshSession({ refresh_token: second });
    const thirdToken = third.session?.refresh_token ?? "";
    // Within the reuse interval an older revoked token still rotates (concurrent refreshes).
    const withinInterval = await refreshRaw(first);
    expect(withinInterval.status).toBe(200);

    // Age `second` past the 10 s reuse interval: a late replay is an attack → the family dies.
    await withDb((db) =>
      db.query(`update auth.refresh_tokens set updated_at = now() - interval '1 minute' where token = $1`, [second]),
    );
    const late = await refreshRaw(second);
    expect(late.status).toBe(400);
    expect(late.body).toEqual({ code: "refresh_token_already_used", message: "Invalid Refresh Token: Already Used" });
    const live = await withDb(async (db) => {
      const { rows } = await db.query(
        `select count(*)::int as n from auth.refresh_tokens where session_id = (select session_id from auth.refresh_tokens where token = $1) and not revoked`,
        [thirdToken],
      );
      return rows[0]?.n;
    });
    expect(live).toBe(0);
  });

  it.each([
    ["", 400, { error: "invalid_request", error_description: "refresh_token required" }],
    ["short", 400, { code: "validation_failed", message: "Refresh token is not valid" }],
    [
      "abcdefghijkl",
      400,
      { code: "refresh_token_not_found", message: "Invalid Refresh Token: Refresh Token Not Found" },
    ],
  ])("refuses the refresh token %j", async (token, status, body) => {
    const res = await refreshRaw(token);
    expect(res.status).toBe(status);
    expect(res.body).toEqual(body);
  });
});

describe("signOut", () => {
  it("scope local ends only this session; its token then meets session_not_found", async () => {
    const { email } = await confirmedUser("local");
    const a = await signIn(email);
    const b = await signIn(email);
    const { error } = await a.client.auth.signOut({ scope: "local" });
    expect(error).toBeNull();
    const gone = await rawAuth("/user", { headers: { Authorization: `Bearer ${a.session.access_token}` } });
    expect(gone.status).toBe(403);
    expect(await gone.json()).toEqual({
      code: "session_not_found",
      message: "Session from session_id claim in JWT does not exist",
    });
    const viaClient = await anonClient().auth.getUser(a.session.access_token);
    expect(viaClient.error?.name).toBe("AuthSessionMissingError");
    expect((await b.client.auth.getUser(b.session.access_token)).error).toBeNull();
  });

  it("scope others keeps the current session and ends the rest (their refresh tokens die too)", async () => {
    const { email } = await confirmedUser("others");
    const a = await signIn(email);
    const b = await signIn(email);
    const { error } = await a.client.auth.signOut({ scope: "others" });
    expect(error).toBeNull();
    expect((await a.client.auth.getUser(a.session.access_token)).error).toBeNull();
    const refreshB = await refreshRaw(b.session.refresh_token);
    expect(refreshB.status).toBe(400);
    expect(refreshB.body.code).toBe("refresh_token_not_found");
  });

  it("scope global ends every session of the user and answers 204", async () => {
    const { email, id } = await confirmedUser("global");
    const a = await signIn(email);
    await signIn(email);
    const res = await rawAuth("/logout?scope=global", {
      method: "POST",
      headers: { Authorization: `Bearer ${a.session.access_token}` },
    });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    const left = await withDb(
      async (db) =>
        (await db.query(`select count(*)::int as n from auth.sessions where user_id = $1`, [id])).rows[0]?.n,
    );
    expect(left).toBe(0);
  });

  it("refuses an unknown scope", async () => {
    const { email } = await confirmedUser("scope");
    const a = await signIn(email);
    const res = await rawAuth("/logout?scope=everything", {
      method: "POST",
      headers: { Authorization: `Bearer ${a.session.access_token}` },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: "validation_failed", message: 'Unsupported logout scope "everything"' });
  });
});
