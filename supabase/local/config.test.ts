import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mergeToml, parseConfig, REPO_ROOT } from "./config";
import { parseDurationSeconds } from "./duration";

const ROOT = "/repo";
const parse = (base: string, overlay: string | null = null, env: Record<string, string> = {}) =>
  parseConfig(base, overlay, env, ROOT);

describe("parseDurationSeconds", () => {
  it.each([
    ["1s", 1],
    ["60s", 60],
    ["5m", 300],
    ["1h30m", 5400],
    ["500ms", 0.5],
    ["10", 10],
  ])("%s → %d", (input, seconds) => {
    expect(parseDurationSeconds(input)).toBe(seconds);
  });

  it.each(["", "abc", "5x", "1s junk"])("rejects %j", (input) => {
    expect(() => parseDurationSeconds(input)).toThrow(/invalid duration/);
  });
});

describe("mergeToml", () => {
  it.each([
    [{ a: 1 }, { b: 2 }, { a: 1, b: 2 }],
    [{ t: { a: 1, b: 2 } }, { t: { b: 3 } }, { t: { a: 1, b: 3 } }],
    [{ t: { x: [1, 2] } }, { t: { x: [3] } }, { t: { x: [3] } }],
    [{ t: { a: 1 } }, { t: 5 }, { t: 5 }],
  ])("%j + %j → %j", (base, overlay, expected) => {
    expect(mergeToml(base, overlay)).toEqual(expected);
  });
});

describe("parseConfig", () => {
  it("applies the CLI defaults to an empty file", () => {
    const config = parse("");
    expect(config.api).toEqual({
      port: 54321,
      schemas: ["public", "graphql_public"],
      extraSearchPath: ["public", "extensions"],
      maxRows: 1000,
    });
    expect(config.db.port).toBe(54322);
    expect(config.inbucket.port).toBe(54324);
    expect(config.auth.jwtExpiry).toBe(3600);
    expect(config.auth.minimumPasswordLength).toBe(6);
    expect(config.auth.rateLimit).toEqual({
      emailSent: 2,
      smsSent: 30,
      anonymousUsers: 30,
      tokenRefresh: 150,
      signInSignUps: 30,
      tokenVerifications: 30,
      web3: 30,
    });
    expect(config.auth.email.enableConfirmations).toBe(false);
    expect(config.auth.email.maxFrequency).toBe(1);
    expect(config.auth.mfa).toEqual({ maxEnrolledFactors: 10, totpEnrollEnabled: false, totpVerifyEnabled: false });
    expect(config.stateDir).toBe(path.join(ROOT, "supabase", ".local"));
  });

  it.each<[string, string, (c: ReturnType<typeof parse>) => unknown, unknown]>([
    ["port", "[api]\nport = 60000", (c) => c.api.port, 60000],
    ["confirmations", "[auth.email]\nenable_confirmations = true", (c) => c.auth.email.enableConfirmations, true],
    ["max_frequency", '[auth.email]\nmax_frequency = "2m"', (c) => c.auth.email.maxFrequency, 120],
    ["rate limit", "[auth.rate_limit]\nsign_in_sign_ups = 5", (c) => c.auth.rateLimit.signInSignUps, 5],
    ["mfa max factors", "[auth.mfa]\nmax_enrolled_factors = 2", (c) => c.auth.mfa.maxEnrolledFactors, 2],
    ["mfa totp", "[auth.mfa.totp]\nenroll_enabled = true", (c) => c.auth.mfa.totpEnrollEnabled, true],
    [
      "password rule",
      '[auth]\npassword_requirements = "letters_digits"',
      (c) => c.auth.passwordRequirements,
      "letters_digits",
    ],
    [
      "redirects",
      '[auth]\nadditional_redirect_urls = ["http://x/**"]',
      (c) => c.auth.additionalRedirectUrls,
      ["http://x/**"],
    ],
    ["smtp", "[auth.email.smtp]\nenabled = true", (c) => c.auth.email.smtpEnabled, true],
  ])("reads %s", (_name, toml, pick, expected) => {
    expect(pick(parse(toml))).toEqual(expected);
  });

  it.each([
    ["[api]\nport = 0", /api\.port/],
    ['[api]\nport = "x"', /api\.port/],
    ["[auth]\nminimum_password_length = 3", /auth\.minimum_password_length/],
    ['[auth]\npassword_requirements = "strong"', /auth\.password_requirements/],
    ['[auth.email]\nmax_frequency = "soon"', /auth\.email\.max_frequency/],
    ["[auth.rate_limit]\ntoken_refresh = -1", /auth\.rate_limit\.token_refresh/],
    ["not toml ===", /./],
  ])("rejects %j", (toml, message) => {
    expect(() => parse(toml)).toThrow(message);
  });

  it("merges an overlay over the base, keeping untouched keys", () => {
    const base =
      "[auth.rate_limit]\nsign_in_sign_ups = 30\ntoken_refresh = 150\n[auth.email]\nenable_confirmations = true";
    const overlay = "[auth.rate_limit]\nsign_in_sign_ups = 10000";
    const config = parse(base, overlay);
    expect(config.auth.rateLimit.signInSignUps).toBe(10000);
    expect(config.auth.rateLimit.tokenRefresh).toBe(150);
    expect(config.auth.email.enableConfirmations).toBe(true);
  });

  it.each([
    [{ SUPABASE_API_PORT: "56321" }, (c: ReturnType<typeof parse>) => c.api.port, 56321],
    [{ SUPABASE_DB_PORT: "56322" }, (c: ReturnType<typeof parse>) => c.db.port, 56322],
    [{ SUPABASE_INBUCKET_PORT: "56324" }, (c: ReturnType<typeof parse>) => c.inbucket.port, 56324],
    [{ SUPABASE_LOCAL_DIR: "/tmp/x-stack" }, (c: ReturnType<typeof parse>) => c.stateDir, "/tmp/x-stack"],
    [{ SUPABASE_API_PORT: "" }, (c: ReturnType<typeof parse>) => c.api.port, 54321],
  ])("env %j overrides the file", (env, pick, expected) => {
    expect(pick(parse("[api]\nport = 54321", null, env))).toBe(expected);
  });

  it.each(["abc", "0", "70000", "1.5"])("rejects SUPABASE_DB_PORT=%j", (value) => {
    expect(() => parse("", null, { SUPABASE_DB_PORT: value })).toThrow(/SUPABASE_DB_PORT/);
  });

  it("reads the project's config.toml with the settings the product relies on", () => {
    const text = readFileSync(path.join(REPO_ROOT, "supabase", "config.toml"), "utf8");
    const config = parseConfig(text, null, {}, REPO_ROOT);
    expect(config.auth.email.enableConfirmations).toBe(true);
    expect(config.auth.minimumPasswordLength).toBe(8);
    expect(config.auth.siteUrl).toBe("http://localhost:3000");
    expect(config.auth.refreshTokenReuseInterval).toBe(10);
    expect(config.db.majorVersion).toBe(17);
  });
});
