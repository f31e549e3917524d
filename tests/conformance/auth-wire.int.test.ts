/**
 * Wire details supabase-js depends on or hides: both error dialects (2024-01-01 with the version
 * header, legacy without), bad JSON, oversized bodies, unknown paths and grant types, wrongly typed
 * fields, /settings, /health and the JWKS document.
 */
import { describe, expect, it } from "vitest";
import { rawAuth } from "./auth-support";

const json = { "content-type": "application/json" };

describe("error dialects", () => {
  it("2024-01-01: {code,message}, echoes X-Supabase-Api-Version, sets x-sb-error-code", async () => {
    const res = await rawAuth("/signup", { method: "POST", headers: json, body: "{not json" });
    expect(res.status).toBe(400);
    expect(res.headers.get("x-supabase-api-version")).toBe("2024-01-01");
    expect(res.headers.get("x-sb-error-code")).toBe("bad_json");
    const body = (await res.json()) as { code: string; message: string };
    expect(Object.keys(body)).toEqual(["code", "message"]);
    expect(body.code).toBe("bad_json");
    expect(body.message).toMatch(/^Could not parse request body as JSON: /);
  });

  it("legacy (no version header): {code:<status>, error_code, msg} and no version header", async () => {
    const res = await rawAuth("/token?grant_type=password", {
      method: "POST",
      headers: json,
      body: "[]",
      apiVersion: null,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("x-supabase-api-version")).toBeNull();
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.code).toBe(400);
    expect(body.error_code).toBe("bad_json");
    expect(String(body.msg)).toMatch(/^Could not parse request body as JSON: /);
  });

  it("legacy weak_password keeps the reasons", async () => {
    const res = await rawAuth("/signup", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ email: "weak-legacy@example.com", password: "abc" }),
      apiVersion: null,
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      code: 422,
      error_code: "weak_password",
      msg: "Password should be at least 8 characters.",
      weak_password: { reasons: ["length"] },
    });
  });
});

describe("bad input never yields a 500", () => {
  it.each([
    ["a wrongly typed field", "/signup", JSON.stringify({ email: 5, password: "x" }), 400, "bad_json"],
    ["an empty body", "/token?grant_type=password", "", 400, "bad_json"],
    ["an unknown grant_type", "/token?grant_type=magic", "{}", 400, "invalid_credentials"],
    ["a password grant without email", "/token?grant_type=password", "{}", 400, "validation_failed"],
    ["a pkce grant without code", "/token?grant_type=pkce", "{}", 400, "validation_failed"],
    ["verify without type", "/verify", JSON.stringify({ token_hash: "x" }), 400, "validation_failed"],
    [
      "verify with token_hash and email",
      "/verify",
      JSON.stringify({ type: "email", token_hash: "x", email: "a@b.co" }),
      400,
      "validation_failed",
    ],
    [
      "verify with an unknown type",
      "/verify",
      JSON.stringify({ type: "bogus", token_hash: "x" }),
      400,
      "validation_failed",
    ],
    ["recover without email", "/recover", "{}", 400, "validation_failed"],
    [
      "resend with an unknown type",
      "/resend",
      JSON.stringify({ type: "x", email: "a@b.co" }),
      400,
      "validation_failed",
    ],
    [
      "a half PKCE pair",
      "/signup",
      JSON.stringify({ email: "pkce-half@example.com", password: "long-enough-1", code_challenge: "x".repeat(43) }),
      400,
      "validation_failed",
    ],
  ])("%s → %i %s", async (_name, path, body, status, code) => {
    const res = await rawAuth(path, { method: "POST", headers: json, body });
    expect(res.status).toBe(status);
    expect(((await res.json()) as { code: string }).code).toBe(code);
  });

  it("answers 413 for a body over 1 MB", async () => {
    const res = await rawAuth("/signup", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ email: "big@example.com", data: { blob: "x".repeat(1_100_000) } }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      code: "request_entity_too_large",
      message: "Request body too large (max 1048576 bytes)",
    });
  });

  it("answers 404 JSON for an unknown path", async () => {
    const res = await rawAuth("/no-such-endpoint");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ code: "not_found", message: "Not Found" });
  });

  it("answers a GET /verify without token as JSON 400, not a redirect", async () => {
    const res = await fetch(`${process.env.SUPABASE_URL}/auth/v1/verify?type=signup`, { redirect: "manual" });
    expect(res.status).toBe(400);
  });
});

describe("settings, health, jwks", () => {
  it("/settings advertises the email provider and confirmations", async () => {
    const res = await rawAuth("/settings");
    const body = (await res.json()) as {
      external: Record<string, boolean>;
      disable_signup: boolean;
      mailer_autoconfirm: boolean;
    };
    expect(res.status).toBe(200);
    expect(body.external.email).toBe(true);
    expect(body.external.phone).toBe(false);
    expect(body.disable_signup).toBe(false);
    expect(body.mailer_autoconfirm).toBe(false);
  });

  it("/health names GoTrue", async () => {
    const body = (await (await rawAuth("/health")).json()) as { name: string; version: string };
    expect(body.name).toBe("GoTrue");
    expect(body.version).toMatch(/^v\d+\.\d+\.\d+$/);
  });

  it("/.well-known/jwks.json publishes no symmetric keys", async () => {
    const res = await rawAuth("/.well-known/jwks.json");
    expect(res.headers.get("cache-control")).toBe("public, max-age=600");
    const { keys } = (await res.json()) as { keys: { kty: string }[] };
    expect(keys.map((key) => key.kty)).not.toContain("oct");
  });
});
