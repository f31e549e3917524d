/**
 * TOTP two-factor authentication through the unmodified supabase-js: auth.mfa.enroll / challenge /
 * verify / challengeAndVerify / unenroll / listFactors / getAuthenticatorAssuranceLevel and
 * auth.admin.mfa.listFactors / deleteFactor, with GoTrue's answers (aal/amr claims, insufficient_aal,
 * mfa_* error codes, sessions ended or downgraded). Codes are computed here from the secret, as an
 * authenticator app would.
 */
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminClient, confirmedUser, decodeClaims, env, memoryStorage, PASSWORD, withDb } from "./auth-support";
import { startLocalAuth, type LocalAuth } from "./auth-local-instance";

/** A browser-like client that keeps its session (MFA calls read the stored session). */
async function signedIn(email: string, url = env.url): Promise<SupabaseClient> {
  const client = createClient(url, env.anonKey, {
    auth: { persistSession: true, storage: memoryStorage(), autoRefreshToken: false, detectSessionInUrl: false },
  });
  const { error } = await client.auth.signInWithPassword({ email, password: PASSWORD });
  if (error) throw new Error(`sign-in failed: ${error.message}`);
  return client;
}

function codeFor(secret: string, offsetSteps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

/** A six-digit code that is none of the codes accepted right now (previous, current, next step). */
function wrongCode(secret: string): string {
  const accepted = new Set([-1, 0, 1].map((step) => codeFor(secret, step)));
  let candidate = Number(codeFor(secret));
  do candidate = (candidate + 1) % 1_000_000;
  while (accepted.has(String(candidate).padStart(6, "0")));
  return String(candidate).padStart(6, "0");
}

async function accessClaims(client: SupabaseClient) {
  const { data } = await client.auth.getSession();
  if (!data.session) throw new Error("no session");
  return decodeClaims(data.session.access_token);
}

/** A user with one verified TOTP factor, and the aal2 client that enrolled it. */
async function userWithFactor(tag: string) {
  const { email, id } = await confirmedUser(tag);
  const client = await signedIn(email);
  const { data: enrolled, error } = await client.auth.mfa.enroll({ factorType: "totp", friendlyName: "Phone app" });
  if (error) throw error;
  const secret = enrolled.totp.secret;
  const verified = await client.auth.mfa.challengeAndVerify({ factorId: enrolled.id, code: codeFor(secret) });
  if (verified.error) throw verified.error;
  return { email, id, client, factorId: enrolled.id, secret };
}

describe("auth.mfa.enroll", () => {
  it("returns the TOTP secret, its otpauth URI and an SVG QR code; the factor starts unverified", async () => {
    const { email, id } = await confirmedUser("mfa-enroll");
    const client = await signedIn(email);
    const { data, error } = await client.auth.mfa.enroll({ factorType: "totp", friendlyName: "Laptop" });
    expect(error).toBeNull();
    expect(Object.keys(data ?? {})).toEqual(["id", "type", "friendly_name", "totp"]);
    expect(data).toMatchObject({ type: "totp", friendly_name: "Laptop" });
    const totp = data!.totp;
    expect(totp.secret).toMatch(/^[A-Z2-7]{32}$/);
    const host = new URL("http://localhost:3000").host;
    expect(totp.uri).toBe(
      `otpauth://totp/${host}:${email}?algorithm=SHA1&digits=6&issuer=${encodeURIComponent(host)}&period=30&secret=${totp.secret}`,
    );
    // supabase-js prefixes the bare SVG without encoding it, so the SVG must hold no "#".
    expect(totp.qr_code.startsWith("data:image/svg+xml;utf-8,<svg")).toBe(true);
    expect(totp.qr_code).not.toContain("#");
    const rows = await withDb(
      async (db) =>
        (await db.query(`select status::text, factor_type::text from auth.mfa_factors where user_id = $1`, [id])).rows,
    );
    expect(rows).toEqual([{ status: "unverified", factor_type: "totp" }]);
    const { data: listed } = await client.auth.mfa.listFactors();
    expect(listed?.all.map((f) => [f.id, f.status])).toEqual([[data!.id, "unverified"]]);
    expect(listed?.totp).toEqual([]);
  });

  it("refuses a second factor of the same name, unknown and disabled factor types", async () => {
    const { email } = await confirmedUser("mfa-enroll-refused");
    const client = await signedIn(email);
    await client.auth.mfa.enroll({ factorType: "totp", friendlyName: "Same" });
    const again = await client.auth.mfa.enroll({ factorType: "totp", friendlyName: "Same" });
    expect(again.error).toMatchObject({ status: 422, code: "mfa_factor_name_conflict" });
    const phone = await client.auth.mfa.enroll({ factorType: "phone", phone: "+15555550100" });
    expect(phone.error).toMatchObject({ status: 422, code: "mfa_phone_enroll_not_enabled" });
    const bogus = await client.auth.mfa.enroll({ factorType: "sms" as "totp" });
    expect(bogus.error).toMatchObject({ status: 400, code: "validation_failed" });
  });
});

describe("auth.mfa.challenge + verify", () => {
  it("upgrades the session to aal2 with a totp AMR claim, and refresh keeps it", async () => {
    const { email, id } = await confirmedUser("mfa-verify");
    const client = await signedIn(email);
    const before = await client.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(before.data).toMatchObject({ currentLevel: "aal1", nextLevel: "aal1" });
    const { data: enrolled } = await client.auth.mfa.enroll({ factorType: "totp" });
    const { data: challenge, error: challengeError } = await client.auth.mfa.challenge({ factorId: enrolled!.id });
    expect(challengeError).toBeNull();
    expect(challenge).toMatchObject({ type: "totp", id: expect.any(String) });
    const now = Math.floor(Date.now() / 1000);
    expect(challenge!.expires_at).toBeGreaterThanOrEqual(now + 290);
    expect(challenge!.expires_at).toBeLessThanOrEqual(now + 301);

    const { data, error } = await client.auth.mfa.verify({
      factorId: enrolled!.id,
      challengeId: challenge!.id,
      code: codeFor(enrolled!.totp.secret),
    });
    expect(error).toBeNull();
    expect(data?.user.factors?.map((f) => [f.id, f.status])).toEqual([[enrolled!.id, "verified"]]);
    const claims = await accessClaims(client);
    expect(claims.aal).toBe("aal2");
    expect((claims.amr as Array<{ method: string }>).map((entry) => entry.method)).toEqual(["totp", "password"]);
    const level = await client.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(level.data).toMatchObject({ currentLevel: "aal2", nextLevel: "aal2" });

    const refreshed = await client.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect(decodeClaims(refreshed.data.session!.access_token).aal).toBe("aal2");
    const session = await withDb(
      async (db) =>
        (await db.query(`select aal::text, factor_id::text from auth.sessions where id = $1`, [claims.session_id]))
          .rows[0],
    );
    expect(session).toEqual({ aal: "aal2", factor_id: enrolled!.id });
    const { data: user } = await adminClient().auth.admin.getUserById(id);
    expect(user.user?.factors?.[0]).toMatchObject({ id: enrolled!.id, factor_type: "totp", status: "verified" });
  });

  it("a new sign-in is aal1 with aal2 next; a wrong code, a used or expired challenge are refused", async () => {
    const { email, factorId, secret } = await userWithFactor("mfa-signin");
    const client = await signedIn(email);
    expect((await accessClaims(client)).aal).toBe("aal1");
    const level = await client.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(level.data).toMatchObject({ currentLevel: "aal1", nextLevel: "aal2" });

    const { data: challenge } = await client.auth.mfa.challenge({ factorId });
    const wrong = await client.auth.mfa.verify({ factorId, challengeId: challenge!.id, code: wrongCode(secret) });
    expect(wrong.error).toMatchObject({
      status: 422,
      code: "mfa_verification_failed",
      message: "Invalid TOTP code entered",
    });
    expect((await accessClaims(client)).aal).toBe("aal1");

    const right = await client.auth.mfa.verify({ factorId, challengeId: challenge!.id, code: codeFor(secret) });
    expect(right.error).toBeNull();
    const reused = await client.auth.mfa.verify({ factorId, challengeId: challenge!.id, code: codeFor(secret) });
    expect(reused.error).toMatchObject({ status: 422, code: "mfa_ip_address_mismatch" });

    const { data: old } = await client.auth.mfa.challenge({ factorId });
    await withDb((db) =>
      db.query(`update auth.mfa_challenges set created_at = now() - interval '301 seconds' where id = $1`, [old!.id]),
    );
    const expired = await client.auth.mfa.verify({ factorId, challengeId: old!.id, code: codeFor(secret) });
    expect(expired.error).toMatchObject({ status: 422, code: "mfa_challenge_expired" });
    const gone = await withDb(
      async (db) => (await db.query(`select 1 from auth.mfa_challenges where id = $1`, [old!.id])).rowCount,
    );
    expect(gone).toBe(0);
  });

  it("verifying a factor ends the user's other aal1 sessions (their refresh fails)", async () => {
    const { email } = await confirmedUser("mfa-others");
    const other = await signedIn(email);
    const client = await signedIn(email);
    const { data: enrolled } = await client.auth.mfa.enroll({ factorType: "totp" });
    await client.auth.mfa.challengeAndVerify({ factorId: enrolled!.id, code: codeFor(enrolled!.totp.secret) });
    const refreshed = await other.auth.refreshSession();
    // The session row is gone and its refresh tokens with it (ON DELETE CASCADE), as on GoTrue.
    expect(refreshed.error).toMatchObject({ status: 400, code: "refresh_token_not_found" });
    expect((await client.auth.refreshSession()).error).toBeNull();
  });

  it("answers mfa_factor_not_found for another user's factor and validation_failed for a non-UUID id", async () => {
    const { factorId } = await userWithFactor("mfa-owner");
    const { email } = await confirmedUser("mfa-stranger");
    const stranger = await signedIn(email);
    const foreign = await stranger.auth.mfa.challenge({ factorId });
    expect(foreign.error).toMatchObject({ status: 404, code: "mfa_factor_not_found" });
    const malformed = await stranger.auth.mfa.challenge({ factorId: "not-a-uuid" });
    expect(malformed.error).toMatchObject({ status: 404, code: "validation_failed" });
  });
});

describe("aal2 requirements", () => {
  it("an aal1 session of a user with a verified factor cannot enroll, unenroll, or change the password", async () => {
    const { email, factorId } = await userWithFactor("mfa-aal1");
    const client = await signedIn(email);
    const enroll = await client.auth.mfa.enroll({ factorType: "totp", friendlyName: "Second" });
    expect(enroll.error).toMatchObject({ status: 403, code: "insufficient_aal" });
    const unenroll = await client.auth.mfa.unenroll({ factorId });
    expect(unenroll.error).toMatchObject({ status: 422, code: "insufficient_aal" });
    const password = await client.auth.updateUser({ password: "another-horse-9" });
    expect(password.error).toMatchObject({ status: 401, code: "insufficient_aal" });
  });

  it("unenroll at aal2 removes the factor and downgrades the session to aal1 on its next refresh", async () => {
    const { client, factorId } = await userWithFactor("mfa-unenroll");
    const { data, error } = await client.auth.mfa.unenroll({ factorId });
    expect(error).toBeNull();
    expect(data).toEqual({ id: factorId });
    const refreshed = await client.auth.refreshSession();
    const claims = decodeClaims(refreshed.data.session!.access_token);
    expect(claims.aal).toBe("aal1");
    expect((claims.amr as Array<{ method: string }>).map((entry) => entry.method)).toEqual(["password"]);
    expect(refreshed.data.user?.factors ?? []).toEqual([]);
  });
});

describe("auth.admin.mfa", () => {
  it("lists a user's factors and deletes one, downgrading its sessions", async () => {
    const { id, client, factorId } = await userWithFactor("mfa-admin");
    const admin = adminClient();
    const listed = await admin.auth.admin.mfa.listFactors({ userId: id });
    expect(listed.error).toBeNull();
    expect(listed.data?.factors.map((f) => [f.id, f.status, f.factor_type])).toEqual([[factorId, "verified", "totp"]]);
    const deleted = await admin.auth.admin.mfa.deleteFactor({ userId: id, id: factorId });
    expect(deleted.error).toBeNull();
    // supabase-js 2.x hands back its own { data, error } wrapper around the factor GoTrue answers with.
    expect(deleted.data).toMatchObject({ data: { id: factorId, status: "verified", factor_type: "totp" } });
    expect((await admin.auth.admin.mfa.listFactors({ userId: id })).data?.factors).toEqual([]);
    const refreshed = await client.auth.refreshSession();
    expect(decodeClaims(refreshed.data.session!.access_token).aal).toBe("aal1");
    const again = await admin.auth.admin.mfa.deleteFactor({ userId: id, id: factorId });
    expect(again.error).toMatchObject({ status: 404, code: "mfa_factor_not_found" });
  });

  it("needs the service role", async () => {
    const { email, id, factorId } = await userWithFactor("mfa-admin-denied");
    const user = await signedIn(email);
    const { data } = await user.auth.getSession();
    const res = await fetch(`${env.url}/auth/v1/admin/users/${id}/factors/${factorId}`, {
      method: "DELETE",
      headers: { apikey: env.anonKey, authorization: `Bearer ${data.session!.access_token}` },
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error_code?: string }).error_code).toBe("not_admin");
  });
});

describe("[auth.mfa] settings and limits (a second local Auth instance)", () => {
  let local: LocalAuth;
  beforeAll(async () => {
    local = await startLocalAuth(`[auth.mfa]\nmax_enrolled_factors = 1\n[auth.rate_limit]\ntoken_refresh = 100000\n`);
  });
  afterAll(async () => local.close());

  it("max_enrolled_factors caps the factors one user holds", async () => {
    const { email } = await confirmedUser("mfa-max");
    const client = await signedIn(email, local.url);
    expect((await client.auth.mfa.enroll({ factorType: "totp", friendlyName: "One" })).error).toBeNull();
    const second = await client.auth.mfa.enroll({ factorType: "totp", friendlyName: "Two" });
    expect(second.error).toMatchObject({ status: 422, code: "too_many_enrolled_mfa_factors" });
  });

  it("challenges beyond 30 a minute from one address are 429 over_request_rate_limit", async () => {
    const { email } = await confirmedUser("mfa-rate");
    const client = await signedIn(email, local.url);
    const { data: enrolled } = await client.auth.mfa.enroll({ factorType: "totp" });
    for (let i = 0; i < 30; i += 1) {
      expect((await client.auth.mfa.challenge({ factorId: enrolled!.id })).error).toBeNull();
    }
    const over = await client.auth.mfa.challenge({ factorId: enrolled!.id });
    expect(over.error).toMatchObject({ status: 429, code: "over_request_rate_limit" });
  });

  it("enroll_enabled = false and verify_enabled = false answer GoTrue's not-enabled codes", async () => {
    const off = await startLocalAuth(
      `[auth.mfa.totp]\nenroll_enabled = false\nverify_enabled = false\n[auth.rate_limit]\ntoken_refresh = 100000\n`,
    );
    try {
      const { email, factorId } = await userWithFactor("mfa-off");
      const client = await signedIn(email, off.url);
      const enroll = await client.auth.mfa.enroll({ factorType: "totp", friendlyName: "Other" });
      expect(enroll.error).toMatchObject({ status: 422, code: "mfa_totp_enroll_not_enabled" });
      const challenge = await client.auth.mfa.challenge({ factorId });
      expect(challenge.error).toMatchObject({ status: 422, code: "mfa_totp_verify_not_enabled" });
    } finally {
      await off.close();
    }
  });
});
