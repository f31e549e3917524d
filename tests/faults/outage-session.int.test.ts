/**
 * An Auth outage is not a sign-out, at the middleware: the app's real middleware runs with a real
 * session cookie against the Supabase under test, through a proxy that makes Auth refuse connections
 * or answer 5xx. A page load then gets the 503 "briefly unavailable" page with Retry-After and keeps
 * the cookie; a form post goes on to its action; a session Auth really refuses (401) still goes to
 * /login. With an asymmetric signing key getClaims() verifies a fresh token without Auth, so the
 * request passes as signed in — also fine: the one thing that may never happen is a redirect to /login.
 */
import { createClient, type Session } from "@supabase/supabase-js";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieHeader, sessionCookies, storageKey } from "@/bench/lib/session-cookie";
import { env } from "@/tests/conformance/test-env";
import { startAuthProxy, type AuthProxy } from "./auth-proxy";

let proxy: AuthProxy;
let session: Session;
let userId = "";
let middleware: (request: NextRequest) => Promise<Response>;
const password = "outage-Passw0rd!";

const isSymmetric = (token: string) =>
  (JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString()) as { alg: string }).alg.startsWith("HS");

function request(path: string, current: Session, method = "GET"): NextRequest {
  return new NextRequest(`http://127.0.0.1:3000${path}`, {
    method,
    headers: { cookie: cookieHeader(sessionCookies(proxy.url, current)) },
  });
}

/** Set-Cookie lines for the session cookie: a sign-out would write it empty / expired. */
const sessionCookieWrites = (response: Response) =>
  response.headers.getSetCookie().filter((line) => line.startsWith(storageKey(proxy.url)));

beforeAll(async () => {
  proxy = await startAuthProxy(env.url);
  process.env.NEXT_PUBLIC_SUPABASE_URL = proxy.url;
  process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY = env.anonKey;
  delete process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY;
  ({ middleware } = await import("@/middleware"));
  const admin = createClient(env.url, env.serviceRoleKey, { auth: { persistSession: false } });
  const email = `outage-${Date.now()}@example.com`;
  const created = await admin.auth.admin.createUser({ email, password, email_confirm: true });
  if (created.error) throw created.error;
  userId = created.data.user.id;
  const anon = createClient(proxy.url, env.anonKey, { auth: { persistSession: false } });
  const signedIn = await anon.auth.signInWithPassword({ email, password });
  if (signedIn.error || !signedIn.data.session) throw signedIn.error ?? new Error("no session");
  session = signedIn.data.session;
});

afterAll(async () => {
  const admin = createClient(env.url, env.serviceRoleKey, { auth: { persistSession: false } });
  if (userId) await admin.auth.admin.deleteUser(userId);
  await proxy?.close();
});

async function expectUnavailablePage(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("5");
  expect(response.headers.get("cache-control")).toBe("no-store");
  const html = await response.text();
  expect(html).toContain("briefly unavailable");
  expect(html).toContain('href="/profile"');
  expect(sessionCookieWrites(response)).toEqual([]);
}

describe("middleware during an Auth outage", () => {
  it("passes a signed-in page load while Auth is up", async () => {
    proxy.mode = "pass";
    const response = await middleware(request("/profile", session));
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(sessionCookieWrites(response)).toEqual([]);
  });

  for (const mode of ["refuse", 500, 502, 503, 504] as const) {
    it(`Auth ${mode === "refuse" ? "unreachable" : `answering ${mode}`}: a page load is never sent to /login`, async () => {
      proxy.mode = mode;
      const response = await middleware(request("/profile", session));
      expect(response.headers.get("location") ?? "").not.toContain("/login");
      if (isSymmetric(session.access_token)) await expectUnavailablePage(response);
      else expect([503, 200]).toContain(response.status);
      expect(sessionCookieWrites(response)).toEqual([]);
    });
  }

  it("a form post during the outage goes on to its action (which keeps the typed values)", async () => {
    proxy.mode = "refuse";
    const response = await middleware(request("/onboarding/experience", session, "POST"));
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(sessionCookieWrites(response)).toEqual([]);
  });

  it("an expired access token that cannot be refreshed because Auth is down: 503, the cookie is kept", async () => {
    proxy.mode = "refuse";
    const expired = { ...session, expires_at: Math.floor(Date.now() / 1000) - 60 };
    const response = await middleware(request("/profile", expired));
    await expectUnavailablePage(response);
  }, 90_000);

  it("a session Auth refuses (401 on refresh) is a real sign-out: /login with the way back", async () => {
    proxy.mode = 401;
    const expired = { ...session, expires_at: Math.floor(Date.now() / 1000) - 60 };
    const response = await middleware(request("/profile", expired));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "", "http://x");
    expect(`${location.pathname}${location.search}`).toBe("/login?next=%2Fprofile");
  });
});
