/** Which token PostgREST reads from Authorization, and what an empty one is. */
import { describe, expect, it } from "vitest";
import { hmacKeys, signJwt } from "../jwt";
import { LOCAL_JWT_SECRET } from "../keys";
import { Authenticator, bearerToken } from "./auth";
import { AuthError } from "./errors";

describe("bearerToken", () => {
  it.each<[string | null, string | null]>([
    [null, null],
    ["", null],
    ["Basic abc", null],
    ["Bearerabc", null],
    ["Bearer", ""],
    ["Bearer   ", ""],
    ["Bearer abc", "abc"],
    ["bEARER abc", "abc"],
    ["Bearer   abc", "abc"],
    ["Bearer\tabc", "abc"],
    ["Bearer a b", "a b"],
  ])("%j → %j", (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe("Authenticator", () => {
  const auth = new Authenticator(hmacKeys(LOCAL_JWT_SECRET));

  it("runs without a bearer as anon", async () => {
    expect(await auth.identify("Basic abc")).toEqual({ role: "anon", claimsJson: '{"role":"anon"}' });
  });

  it("refuses a Bearer scheme with no token: 401 PGRST301 with WWW-Authenticate", async () => {
    const error = await auth.identify("Bearer").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    const { status, headers } = error as AuthError;
    expect({ status, body: (error as AuthError).body(), headers }).toEqual({
      status: 401,
      body: { code: "PGRST301", details: null, hint: null, message: "Empty JWT is sent in Authorization header" },
      headers: {
        "WWW-Authenticate":
          'Bearer error="invalid_token", error_description="Empty JWT is sent in Authorization header"',
      },
    });
  });

  it.each([
    ["x", "Expected 3 parts in JWT; got 1", null],
    ["a.b", "Expected 3 parts in JWT; got 2", null],
    ["a.b.c.d", "Expected 3 parts in JWT; got 4", null],
    ["quif.quir.ndsj", "JWT cryptographic operation failed", null],
  ])("%j → 401 PGRST301 %j", async (token, message, details) => {
    const error = (await auth.identify(`Bearer ${token}`).catch((e: unknown) => e)) as AuthError;
    expect({ status: error.status, body: error.body() }).toEqual({
      status: 401,
      body: { code: "PGRST301", details, hint: null, message },
    });
  });

  it("a token signed with another secret: no key decodes it", async () => {
    const forged = await signJwt({ role: "service_role" }, "another-secret-another-secret-another-secret");
    const error = (await auth.identify(`Bearer ${forged}`).catch((e: unknown) => e)) as AuthError;
    expect(error.body()).toEqual({
      code: "PGRST301",
      details: "None of the keys was able to decode the JWT",
      hint: null,
      message: "No suitable key or wrong key type",
    });
  });

  it("reads the token after any amount of whitespace", async () => {
    const token = await signJwt({ role: "authenticated", sub: "u1" }, LOCAL_JWT_SECRET);
    expect((await auth.identify(`bearer \t ${token}`)).role).toBe("authenticated");
  });
});
