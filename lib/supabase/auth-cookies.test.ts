import { describe, expect, it } from "vitest";
import { authCookieOptions, secureCookies, SESSION_COOKIE_MAX_AGE, VERIFIER_COOKIE_MAX_AGE } from "./auth-cookies";

const SSR_DEFAULT = { path: "/", sameSite: "lax" as const, httpOnly: false, maxAge: 400 * 24 * 60 * 60 };

describe("authCookieOptions", () => {
  it.each([
    ["sb-127-auth-token", SESSION_COOKIE_MAX_AGE],
    ["sb-127-auth-token.0", SESSION_COOKIE_MAX_AGE],
    ["sb-127-auth-token-code-verifier", VERIFIER_COOKIE_MAX_AGE],
    ["sb-127-auth-token-flow-abc-code-verifier", VERIFIER_COOKIE_MAX_AGE],
    ["sb-127-auth-token-flows-code-verifier", VERIFIER_COOKIE_MAX_AGE],
  ])("%s: HttpOnly, Lax, Max-Age %i instead of 400 days", (name, maxAge) => {
    expect(authCookieOptions(name, SSR_DEFAULT, true)).toEqual({
      path: "/",
      sameSite: "lax",
      httpOnly: true,
      secure: true,
      maxAge,
    });
  });

  it("keeps a deletion a deletion", () => {
    expect(authCookieOptions("sb-127-auth-token", { ...SSR_DEFAULT, maxAge: 0 }, false).maxAge).toBe(0);
    expect(authCookieOptions("sb-127-auth-token-code-verifier", { ...SSR_DEFAULT, maxAge: 0 }, false).maxAge).toBe(0);
  });
});

describe("secureCookies", () => {
  it.each<[boolean, string | undefined, boolean]>([
    [true, "https://app.example.com", true],
    [true, undefined, true],
    [true, "http://app.example.com", true],
    [true, "http://localhost:3000", false],
    [true, "http://127.0.0.1:3100", false],
    [true, "http://localhost.evil.example", true],
    [false, "https://app.example.com", false],
  ])("production=%s site=%j → %s", (production, site, expected) => {
    expect(secureCookies(production, site)).toBe(expected);
  });
});
