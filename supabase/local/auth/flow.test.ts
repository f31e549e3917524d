import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pkceFlow } from "./endpoints/common.ts";
import { verifyPkce } from "./endpoints/token.ts";
import { parseJsonObject, str } from "./http.ts";
import { checkFrequency } from "./mailing.ts";
import { generateOtp, tokenHash, withFlowPrefix } from "./otp.ts";
import { RateLimiter } from "./rate-limit.ts";
import { validateRefreshTokenFormat } from "./refresh.ts";
import { newRefreshToken } from "./tokens.ts";

const verifier = "a".repeat(112);
const s256 = createHash("sha256").update(verifier).digest("base64url");

describe("PKCE", () => {
  it.each([
    [s256, "s256", verifier, true],
    [s256, "s256", "b".repeat(112), false],
    [verifier, "plain", verifier, true],
    [verifier, "plain", "x", false],
  ])("challenge/%s verifier check → %j", (challenge, method, candidate, expected) => {
    expect(verifyPkce(challenge, method, candidate)).toBe(expected);
  });

  it.each([
    ["", "", "implicit"],
    [s256, "s256", "pkce"],
    [s256, "", "error: PKCE flow requires code_challenge_method and code_challenge"],
    ["short", "s256", "error: code challenge has to be between 43 and 128 characters"],
    [
      `${"a".repeat(42)}$`,
      "s256",
      "error: code challenge can only contain alphanumeric characters, hyphens, periods, underscores and tildes",
    ],
  ])("pkceFlow(%j, %j) → %s", (challenge, method, expected) => {
    if (expected.startsWith("error: ")) expect(() => pkceFlow(challenge, method)).toThrow(expected.slice(7));
    else expect(pkceFlow(challenge, method)).toBe(expected);
  });
});

describe("tokens", () => {
  it("token hash is hex sha224(email + otp), prefixed for PKCE", () => {
    const hash = tokenHash("a@b.co", "123456");
    expect(hash).toBe(createHash("sha224").update("a@b.co123456").digest("hex"));
    expect(withFlowPrefix(hash, "pkce")).toBe(`pkce_${hash}`);
    expect(withFlowPrefix(hash, "implicit")).toBe(hash);
  });

  it("OTPs are numeric of the configured length", () => {
    expect(generateOtp(6)).toMatch(/^\d{6}$/);
    expect(generateOtp(8)).toMatch(/^\d{8}$/);
  });

  it("refresh tokens are 12 lower-case base32 characters and pass the format check", () => {
    const token = newRefreshToken();
    expect(token).toMatch(/^[a-z2-7]{12}$/);
    expect(() => validateRefreshTokenFormat(token)).not.toThrow();
  });

  it.each(["short", "ABCDEFGHIJKL", "abcdefghijklm", "abcdefghijk!"])("refresh token %j is not valid", (token) => {
    expect(() => validateRefreshTokenFormat(token)).toThrow("Refresh token is not valid");
  });
});

describe("mail frequency", () => {
  const now = Date.parse("2026-11-25T21:00:10Z");
  it.each([
    [null, 60, null],
    ["2026-11-25T21:00:00Z", 5, null],
    ["2026-11-25T21:00:00Z", 60, "For security purposes, you can only request this after 50 seconds."],
    ["2026-11-25T21:00:09.5Z", 1, "For security purposes, you can only request this after 0 seconds."],
  ])("sent %j, max %is → %j", (sentAt, max, message) => {
    if (message === null) expect(() => checkFrequency(sentAt, max, now)).not.toThrow();
    else expect(() => checkFrequency(sentAt, max, now)).toThrow(message);
  });
});

describe("RateLimiter", () => {
  it("allows `limit` events per IP per window, then 429, and resets with the window", () => {
    let clock = 0;
    const limiter = new RateLimiter(
      {
        signInSignUps: 2,
        tokenRefresh: 1,
        tokenVerifications: 1,
        emailSent: 1,
        anonymousUsers: 1,
        mfaChallenge: 1,
        mfaVerify: 1,
      },
      () => clock,
    );
    limiter.take("signInSignUps", "1.1.1.1");
    limiter.take("signInSignUps", "1.1.1.1");
    expect(() => limiter.take("signInSignUps", "1.1.1.1")).toThrow("Request rate limit reached");
    limiter.take("signInSignUps", "2.2.2.2");
    limiter.take("emailSent", "1.1.1.1");
    expect(() => limiter.take("emailSent", "1.1.1.1")).toThrow("email rate limit exceeded");
    clock += 5 * 60_000;
    expect(() => limiter.take("signInSignUps", "1.1.1.1")).not.toThrow();
    expect(() => limiter.take("emailSent", "1.1.1.1")).toThrow("email rate limit exceeded");
  });
});

describe("request bodies", () => {
  it.each([
    ["{}", {}],
    ["null", {}],
    ['{"a":1}', { a: 1 }],
  ])("%j parses to %j", (text, expected) => {
    expect(parseJsonObject(text)).toEqual(expected);
  });

  it.each(["", "{", "[]", '"x"', "42"])("%j is bad_json", (text) => {
    expect(() => parseJsonObject(text)).toThrow(/^Could not parse request body as JSON: /);
  });

  it.each([
    [{ email: "a" }, "a"],
    [{ email: null }, ""],
    [{}, ""],
  ])("str(%j) → %j", (body, expected) => {
    expect(str(body, "email")).toBe(expected);
  });

  it("a wrongly typed field is bad_json", () => {
    expect(() => str({ email: 5 }, "email")).toThrow(
      "cannot unmarshal number into Go struct field .email of type string",
    );
  });
});
