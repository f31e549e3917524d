/**
 * The API gateway as clients see it: apikey enforcement with hosted's 401 bodies, the
 * sb_ key mapping, the CLI's Authorization rewrite, CORS preflight and exposed headers, 404 for unknown paths, 413 for huge bodies.
 * Runs against SUPABASE_URL (the local stack, `supabase start` or a hosted project).
 */
import { createClient } from "@supabase/supabase-js";
import { describe, expect, it } from "vitest";

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run through npm run test:integration)`);
  return value;
}

const url = env("SUPABASE_URL");
const anonKey = env("SUPABASE_ANON_KEY");
const serviceKey = env("SUPABASE_SERVICE_ROLE_KEY");
const publishableKey = env("SUPABASE_PUBLISHABLE_KEY");
const secretKey = env("SUPABASE_SECRET_KEY");
const noSession = { auth: { persistSession: false, autoRefreshToken: false } };

describe("gateway: apikey", () => {
  it.each(["/rest/v1/", "/auth/v1/settings", "/auth/v1/user"])(
    "no key on %s → 401 with hosted's body",
    async (path) => {
      const res = await fetch(`${url}${path}`);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        message: "No API key found in request",
        hint: "No `apikey` request header or url param was found.",
      });
    },
  );

  it.each(["wrong", "sb_publishable_not_the_key", `${anonKey}x`])(
    "unknown key %s → 401 Invalid API key",
    async (key) => {
      const res = await fetch(`${url}/rest/v1/`, { headers: { apikey: key } });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ message: "Invalid API key" });
    },
  );

  it.each([anonKey, serviceKey, publishableKey, secretKey])("accepts a project key as header (%#)", async (key) => {
    const res = await fetch(`${url}/auth/v1/settings`, { headers: { apikey: key } });
    expect(res.status).toBe(200);
  });

  it("accepts the key as ?apikey=", async () => {
    const res = await fetch(`${url}/auth/v1/settings?apikey=${encodeURIComponent(anonKey)}`);
    expect(res.status).toBe(200);
  });

  it("serves the email-link verify route without a key (links are clicked from mail)", async () => {
    const res = await fetch(`${url}/auth/v1/verify?type=signup&token=nope`, { redirect: "manual" });
    expect(res.status).not.toBe(401);
  });
});

describe("gateway: sb_ keys map to the legacy roles", () => {
  it("the secret key acts as service_role (admin API allowed)", async () => {
    const admin = createClient(url, secretKey, noSession);
    const { data, error } = await admin.auth.admin.listUsers({ page: 1, perPage: 1 });
    expect(error).toBeNull();
    expect(Array.isArray(data.users)).toBe(true);
  });

  it("the publishable key acts as anon (admin API refused)", async () => {
    const client = createClient(url, publishableKey, noSession);
    const { error } = await client.auth.admin.listUsers({ page: 1, perPage: 1 });
    expect(error?.status).toBe(403);
  });

  it("the service_role JWT and the anon JWT behave the same way", async () => {
    const admin = createClient(url, serviceKey, noSession);
    expect((await admin.auth.admin.listUsers({ page: 1, perPage: 1 })).error).toBeNull();
    const anon = createClient(url, anonKey, noSession);
    expect((await anon.auth.admin.listUsers({ page: 1, perPage: 1 })).error?.status).toBe(403);
  });
});

describe("gateway: a legacy JWT apikey alone carries no bearer (the CLI copies it without `Bearer`)", () => {
  // The OpenAPI document is served to service_role only, so it shows which role PostgREST ran as.
  const openApi = (headers: Record<string, string>) =>
    fetch(`${url}/rest/v1/`, { headers: { Accept: "application/openapi+json", ...headers } });

  it("the service_role JWT as apikey alone runs as anon", async () => {
    expect((await openApi({ apikey: serviceKey })).status).toBe(401);
  });

  it("with its Bearer it is service_role, and so is the secret key alone", async () => {
    expect((await openApi({ apikey: serviceKey, Authorization: `Bearer ${serviceKey}` })).status).toBe(200);
    expect((await openApi({ apikey: secretKey })).status).toBe(200);
  });

  it("an Authorization header with another scheme runs as anon, whatever the key", async () => {
    expect((await openApi({ apikey: secretKey, Authorization: `Basic ${serviceKey}` })).status).toBe(401);
  });
});

describe("gateway: CORS", () => {
  it.each(["/rest/v1/user_profiles", "/auth/v1/token?grant_type=password"])(
    "answers the preflight for %s",
    async (path) => {
      const res = await fetch(`${url}${path}`, {
        method: "OPTIONS",
        headers: {
          Origin: "http://localhost:3000",
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers":
            "apikey, authorization, content-type, x-client-info, x-supabase-api-version, prefer",
        },
      });
      expect(res.status).toBeLessThan(300);
      expect(res.headers.get("access-control-allow-origin")).toMatch(/^(\*|http:\/\/localhost:3000)$/);
      const allowed = (res.headers.get("access-control-allow-headers") ?? "").toLowerCase();
      for (const header of [
        "apikey",
        "authorization",
        "content-type",
        "x-client-info",
        "x-supabase-api-version",
        "prefer",
      ]) {
        expect(allowed).toContain(header);
      }
      expect((res.headers.get("access-control-allow-methods") ?? "").toUpperCase()).toContain("POST");
    },
  );

  it("exposes the headers supabase-js reads", async () => {
    const res = await fetch(`${url}/auth/v1/settings`, {
      headers: { apikey: anonKey, Origin: "http://localhost:3000" },
    });
    const exposed = (res.headers.get("access-control-expose-headers") ?? "").toLowerCase();
    for (const header of ["content-range", "x-total-count", "link", "x-supabase-api-version"]) {
      expect(exposed).toContain(header);
    }
  });
});

describe("gateway: errors", () => {
  it("unknown paths → 404 JSON", async () => {
    const res = await fetch(`${url}/nothing/here`, { headers: { apikey: anonKey } });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toHaveProperty("message");
  });

  it("oversized bodies → 413, and the server keeps serving", async () => {
    const huge = JSON.stringify({ email: "a@example.com", password: "x".repeat(11 * 1024 * 1024) });
    const res = await fetch(`${url}/auth/v1/signup`, {
      method: "POST",
      headers: { apikey: anonKey, "Content-Type": "application/json" },
      body: huge,
    });
    expect(res.status).toBe(413);
    const after = await fetch(`${url}/auth/v1/settings`, { headers: { apikey: anonKey } });
    expect(after.status).toBe(200);
  });

  it("a body over the services' 1 MB limit → 413 from Auth", async () => {
    const res = await fetch(`${url}/auth/v1/signup`, {
      method: "POST",
      headers: { apikey: anonKey, "Content-Type": "application/json" },
      body: JSON.stringify({ email: "a@example.com", password: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
  });
});
