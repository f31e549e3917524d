/**
 * IP address forwarding (`Sb-Forwarded-For`), over real HTTP through the stack's gateway and Auth
 * service with tight per-IP limits: the contract of GoTrue's sbff middleware and of hosted's gateway.
 * - honoured only with the secret key (sb_secret_…); publishable, anon and service_role keys: ignored;
 * - the leftmost value, parsed as an IP, in canonical form; an invalid value is ignored, never refused;
 * - every IP-keyed limit (token, signup, recover, resend, otp, verify, PUT /user) and the session's IP use it;
 * - off (`sb_forwarded_for_enabled = false`) it changes nothing.
 * Local stack only (a second Auth service on the stack's database).
 */
import { afterEach, describe, expect, it } from "vitest";
import { LOCAL_ANON_KEY, LOCAL_PUBLISHABLE_KEY, LOCAL_SECRET_KEY, LOCAL_SERVICE_ROLE_KEY } from "@/supabase/local/keys";
import { confirmedUser, PASSWORD, uniqueEmail, withDb } from "./auth-support";
import { startLocalAuth, type LocalAuth } from "./auth-local-instance";

const TIGHT = `[auth.rate_limit]\ntoken_refresh = 3\nsign_in_sign_ups = 1\ntoken_verifications = 1\n[auth.email]\nmax_frequency = "0s"\n`;

let local: LocalAuth | null = null;
afterEach(async () => {
  await local?.close();
  local = null;
});

async function start(overlay = TIGHT): Promise<LocalAuth> {
  local = await startLocalAuth(overlay, { gateway: true });
  return local;
}

async function post(path: string, body: unknown, key: string, forwardedFor?: string): Promise<Response> {
  const headers: Record<string, string> = { apikey: key, "Content-Type": "application/json" };
  if (forwardedFor !== undefined) headers["Sb-Forwarded-For"] = forwardedFor;
  return fetch(`${local?.url}/auth/v1${path}`, { method: "POST", headers, body: JSON.stringify(body) });
}

/** A failed password sign-in (unknown address); resolves with the status. */
async function failedSignIn(key: string, forwardedFor?: string): Promise<number> {
  const res = await post(
    "/token?grant_type=password",
    { email: uniqueEmail("sbff"), password: "wrong-password-1" },
    key,
    forwardedFor,
  );
  await res.body?.cancel();
  return res.status;
}

async function statuses(n: number, attempt: () => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) out.push(await attempt());
  return out;
}

describe("Sb-Forwarded-For with the secret key", () => {
  it("limits each forwarded address on its own", async () => {
    await start();
    expect(await statuses(3, () => failedSignIn(LOCAL_SECRET_KEY, "198.51.100.1"))).toEqual([400, 400, 400]);
    expect(await failedSignIn(LOCAL_SECRET_KEY, "198.51.100.1")).toBe(429);
    expect(await failedSignIn(LOCAL_SECRET_KEY, "198.51.100.2")).toBe(400);
    // The server's own address is untouched by the forwarded traffic.
    expect(await failedSignIn(LOCAL_PUBLISHABLE_KEY)).toBe(400);
  });

  it("counts the leftmost value, in canonical form", async () => {
    await start();
    expect(await failedSignIn(LOCAL_SECRET_KEY, "2001:DB8::1, 198.51.100.50")).toBe(400);
    expect(await failedSignIn(LOCAL_SECRET_KEY, "2001:db8:0:0::1")).toBe(400);
    expect(await failedSignIn(LOCAL_SECRET_KEY, "2001:db8::0:1 ,10.0.0.1")).toBe(400);
    expect(await failedSignIn(LOCAL_SECRET_KEY, "2001:db8::1")).toBe(429);
    expect(await failedSignIn(LOCAL_SECRET_KEY, "198.51.100.50")).toBe(400);
  });

  it("ignores an invalid value: the request is served and limited by its connection address", async () => {
    await start();
    expect(await statuses(3, () => failedSignIn(LOCAL_SECRET_KEY, "not-an-ip, 198.51.100.9"))).toEqual([400, 400, 400]);
    expect(await failedSignIn(LOCAL_SECRET_KEY)).toBe(429);
    expect(await failedSignIn(LOCAL_SECRET_KEY, "198.51.100.9")).toBe(400);
  });

  it("applies to every IP-keyed limit: signup, recover, resend, otp, verify", async () => {
    await start();
    const email = uniqueEmail("sbff-limits");
    const calls: [string, unknown][] = [
      ["/signup", { email, password: PASSWORD }],
      ["/recover", { email }],
      ["/resend", { type: "signup", email }],
      ["/otp", { email, create_user: false }],
      ["/verify", { type: "signup", token_hash: "0".repeat(56) }],
    ];
    for (const [index, [path, body]] of calls.entries()) {
      const ip = `198.51.100.${100 + index}`;
      const first = await post(path, body, LOCAL_SECRET_KEY, ip);
      const again = await post(path, body, LOCAL_SECRET_KEY, ip);
      const other = await post(path, body, LOCAL_SECRET_KEY, `203.0.113.${100 + index}`);
      expect([path, first.status === 429, again.status, other.status === 429]).toEqual([path, false, 429, false]);
    }
  });

  it("applies to PUT /user (password and profile changes) with the person's own token", async () => {
    await start();
    const { email } = await confirmedUser("sbff-user");
    const signedIn = await post(
      "/token?grant_type=password",
      { email, password: PASSWORD },
      LOCAL_SECRET_KEY,
      "198.51.100.90",
    );
    const { access_token: token } = (await signedIn.json()) as { access_token: string };
    const update = (ip: string) =>
      fetch(`${local?.url}/auth/v1/user`, {
        method: "PUT",
        headers: {
          apikey: LOCAL_SECRET_KEY,
          Authorization: `Bearer ${token}`,
          "Content-Type": "application/json",
          "Sb-Forwarded-For": ip,
        },
        body: JSON.stringify({ data: { theme: ip } }),
      }).then((res) => res.status);
    expect([await update("198.51.100.91"), await update("198.51.100.91"), await update("198.51.100.92")]).toEqual([
      200, 429, 200,
    ]);
  });

  it("records the forwarded address on the session", async () => {
    await start();
    const { email, id } = await confirmedUser("sbff-session");
    const res = await post(
      "/token?grant_type=password",
      { email, password: PASSWORD },
      LOCAL_SECRET_KEY,
      "198.51.100.77",
    );
    expect(res.status).toBe(200);
    const { rows } = await withDb((db) =>
      db.query<{ ip: string }>(`select host(ip) as ip from auth.sessions where user_id = $1`, [id]),
    );
    expect(rows).toEqual([{ ip: "198.51.100.77" }]);
  });
});

describe("Sb-Forwarded-For without the secret key", () => {
  it.each([
    ["publishable key", LOCAL_PUBLISHABLE_KEY],
    ["legacy anon key", LOCAL_ANON_KEY],
    ["legacy service_role key", LOCAL_SERVICE_ROLE_KEY],
  ])("is ignored with the %s: a client cannot pick its own bucket", async (_name, key) => {
    await start();
    const forged = ["198.51.100.11", "198.51.100.12", "198.51.100.13", "198.51.100.14"];
    const seen = [];
    for (const ip of forged) seen.push(await failedSignIn(key, ip));
    expect(seen).toEqual([400, 400, 400, 429]);
  });

  it("is ignored when IP address forwarding is off", async () => {
    await start(`${TIGHT}[auth]\nsb_forwarded_for_enabled = false\n`);
    const seen = [];
    for (const ip of ["198.51.100.21", "198.51.100.22", "198.51.100.23", "198.51.100.24"]) {
      seen.push(await failedSignIn(LOCAL_SECRET_KEY, ip));
    }
    expect(seen).toEqual([400, 400, 400, 429]);
  });
});
