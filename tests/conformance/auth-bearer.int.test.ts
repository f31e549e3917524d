/**
 * Which token Auth sees. The Supabase CLI's gateway copies a legacy JWT `apikey` into Authorization
 * without a `Bearer` scheme, so a client that sends only the key (auth-js's GoTrueClient does, before
 * it has a session) reaches Auth with no bearer: endpoints that need a user or an admin answer GoTrue's
 * 401 no_authorization, not a claim error. The sb_ keys still become their role's JWT, when sent as
 * the `apikey` header. GoTrue reads `Bearer <token>` with exactly one space and no space in the token.
 */
import { AuthClient } from "@supabase/supabase-js";
import { describe, expect, it } from "vitest";
import { anonClient, confirmedUser, env, PASSWORD, rawAuth, uniqueEmail, userCount } from "./auth-support";

const NO_BEARER = { code: "no_authorization", message: "This endpoint requires a valid Bearer token" };

/** A confirmed user's address and a fresh access token. */
async function signedIn(tag: string): Promise<{ email: string; token: string }> {
  const { email } = await confirmedUser(tag);
  const { data, error } = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
  if (error || !data.session) throw new Error(`sign-in failed: ${error?.message}`);
  return { email, token: data.session.access_token };
}

async function failure(res: Response): Promise<{ status: number; body: unknown }> {
  return { status: res.status, body: await res.json() };
}

describe("a legacy JWT apikey without Authorization carries no bearer", () => {
  it("auth-js without a session: mfa.enroll fails with GoTrue's Bearer token message", async () => {
    const auth = new AuthClient({
      url: `${env.url}/auth/v1`,
      headers: { apikey: env.anonKey },
      persistSession: false,
      autoRefreshToken: false,
    });
    const { data, error } = await auth.mfa.enroll({ factorType: "totp" });
    expect(data).toBeNull();
    expect(error?.status).toBe(401);
    expect(error?.message).toBe(NO_BEARER.message);
  });

  it.each([
    ["GET", "/user"],
    ["PUT", "/user"],
    ["POST", "/logout"],
    ["GET", "/reauthenticate"],
    ["POST", "/factors"],
  ])("%s %s with the anon JWT as apikey → 401 no_authorization", async (method, path) => {
    const res = await rawAuth(path, {
      method,
      headers: { "Content-Type": "application/json" },
      body: method === "GET" ? undefined : "{}",
    });
    expect(await failure(res)).toEqual({ status: 401, body: NO_BEARER });
  });

  it("the service_role JWT as apikey alone is no admin: 401, nothing created", async () => {
    const email = uniqueEmail("bearerless-admin");
    const res = await rawAuth("/admin/users", {
      method: "POST",
      headers: { apikey: env.serviceRoleKey, "Content-Type": "application/json" },
      body: JSON.stringify({ email }),
    });
    expect(await failure(res)).toEqual({ status: 401, body: NO_BEARER });
    expect(await userCount(email)).toBe(0);
  });

  it("endpoints that need no user still answer with the key alone", async () => {
    const res = await rawAuth("/settings");
    expect(res.status).toBe(200);
  });
});

describe("the Authorization header itself", () => {
  it.each([
    ["another scheme", (token: string) => `Basic ${token}`],
    ["an empty Bearer", () => "Bearer"],
    ["a token with a space in it", (token: string) => `Bearer ${token} extra`],
    // GoTrue's rule is one space exactly; PostgREST would read this token.
    ["two spaces before the token", (token: string) => `Bearer  ${token}`],
    ["a tab instead of the space", (token: string) => `Bearer\t${token}`],
  ])("%s → 401 no_authorization, even with a valid session token", async (_name, header) => {
    const { token } = await signedIn("bearer-scheme");
    const res = await rawAuth("/user", { headers: { Authorization: header(token) } });
    expect(await failure(res)).toEqual({ status: 401, body: NO_BEARER });
  });

  it("the scheme's case does not matter", async () => {
    const { email, token } = await signedIn("bearer-case");
    const res = await rawAuth("/user", { headers: { Authorization: `bEARER ${token}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { email: string }).email).toBe(email);
  });

  it("a key in ?apikey= passes the key check but, as the CLI's Kong maps only the header, carries no bearer", async () => {
    const asSecret = await fetch(`${env.url}/auth/v1/admin/users?per_page=1&apikey=${env.secretKey}`, {
      headers: { "X-Supabase-Api-Version": "2024-01-01" },
    });
    expect(await failure(asSecret)).toEqual({ status: 401, body: NO_BEARER });
    const settings = await fetch(`${env.url}/auth/v1/settings?apikey=${env.publishableKey}`);
    expect(settings.status).toBe(200);
  });

  it("the secret key alone is service_role; the publishable key alone is anon", async () => {
    const asSecret = await rawAuth("/admin/users?per_page=1", { headers: { apikey: env.secretKey } });
    expect(asSecret.status).toBe(200);
    const asPublishable = await rawAuth("/admin/users?per_page=1", { headers: { apikey: env.publishableKey } });
    expect((await failure(asPublishable)).status).toBe(403);
  });
});
