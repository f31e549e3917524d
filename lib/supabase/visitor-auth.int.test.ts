/**
 * The shared-lockout attack, played against the production `supabase/config.toml` limits (no test
 * overlay) over real HTTP through the stack's gateway and Auth service: every request leaves one
 * server, as all Auth calls of the app do. With the app's visitor-auth fetch each visitor keeps their
 * own bucket; the control runs show that without it the same traffic locks everybody out.
 */
import { randomUUID } from "node:crypto";
import { createServerClient } from "@supabase/ssr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_ANON_KEY, LOCAL_SECRET_KEY } from "@/supabase/local/keys";
import { confirmedUser, PASSWORD } from "@/tests/conformance/auth-support";
import { startLocalAuth, type LocalAuth } from "@/tests/conformance/auth-local-instance";
import { visitorAuthFetch } from "./visitor-auth";

let local: LocalAuth;
beforeAll(async () => {
  local = await startLocalAuth("", { gateway: true });
});
afterAll(async () => local.close());

/** A session client as lib/supabase/server.ts builds it, for one visitor (null: no forwarding). */
function visitorClient(clientIp: string | null) {
  const jar = new Map<string, string>();
  return createServerClient(local.url, LOCAL_ANON_KEY, {
    ...(clientIp === null
      ? {}
      : {
          global: {
            fetch: visitorAuthFetch({
              supabaseUrl: local.url,
              publicKey: LOCAL_ANON_KEY,
              secretKey: LOCAL_SECRET_KEY,
              clientIp,
            }),
          },
        }),
    cookies: {
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      setAll: (cookies) => cookies.forEach(({ name, value }) => jar.set(name, value)),
    },
  });
}

const stranger = () => `nobody-${randomUUID().slice(0, 8)}@example.com`;

/** 150 failed sign-ins in a burst, as one attacker with a botnet (or one office NAT) would send. */
async function burstOfFailures(ipOf: (i: number) => string | null): Promise<Record<string, number>> {
  const codes: Record<string, number> = {};
  for (let i = 0; i < 150; i += 1) {
    const { error } = await visitorClient(ipOf(i)).auth.signInWithPassword({ email: stranger(), password: "wrong-9" });
    const code = error?.code ?? "ok";
    codes[code] = (codes[code] ?? 0) + 1;
  }
  return codes;
}

describe("150 failed sign-ins from 150 client IPs, then a real user", () => {
  it("the real user signs in and refreshes: the attack used up only the attackers' buckets", async () => {
    const { email } = await confirmedUser("lockout-real");
    expect(await burstOfFailures((i) => `198.18.${i >> 8}.${i & 255}`)).toEqual({ invalid_credentials: 150 });

    const person = visitorClient("192.0.2.44");
    const { data, error } = await person.auth.signInWithPassword({ email, password: PASSWORD });
    expect(error).toBeNull();
    expect(data.session?.access_token).toBeTruthy();
    const refreshed = await person.auth.refreshSession();
    expect(refreshed.error).toBeNull();
  });

  it("control: the same burst without forwarding locks the real user out (the finding)", async () => {
    const { email } = await confirmedUser("lockout-control");
    expect(await burstOfFailures(() => null)).toEqual({ invalid_credentials: 150 });
    const { error } = await visitorClient(null).auth.signInWithPassword({ email, password: PASSWORD });
    expect(error?.status).toBe(429);
    expect(error?.code).toBe("over_request_rate_limit");
  });
});

describe("31 sign-ups from 31 client IPs, then someone else's password reset", () => {
  it("the reset mail still goes out", async () => {
    for (let i = 0; i < 31; i += 1) {
      const { error } = await visitorClient(`198.19.0.${i + 1}`).auth.signUp({
        email: stranger(),
        password: PASSWORD,
      });
      expect(error).toBeNull();
    }
    const { email } = await confirmedUser("lockout-reset");
    const { error } = await visitorClient("192.0.2.45").auth.resetPasswordForEmail(email);
    expect(error).toBeNull();
    expect(local.mails.filter((mail) => mail.to === email && mail.kind === "recovery")).toHaveLength(1);
  });
});
