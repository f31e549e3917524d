import { describe, expect, it } from "vitest";
import { AuthError, errorResponse, oauthError, wantsApi20240101, weakPassword } from "./errors.ts";

describe("wantsApi20240101", () => {
  it.each([
    ["2024-01-01", true],
    ["2025-06-30", true],
    ["2023-12-31", false],
    ["", false],
    [undefined, false],
    ["not-a-date", false],
  ])("%j → %j", (header, expected) => {
    expect(wantsApi20240101(header)).toBe(expected);
  });
});

describe("errorResponse", () => {
  const modern = "2024-01-01";
  it.each<[string, unknown, string | undefined, number, Record<string, unknown>]>([
    [
      "2024 body",
      new AuthError(422, "user_already_exists", "User already registered"),
      modern,
      422,
      { code: "user_already_exists", message: "User already registered" },
    ],
    [
      "legacy body",
      new AuthError(400, "invalid_credentials", "Invalid login credentials"),
      undefined,
      400,
      { code: 400, error_code: "invalid_credentials", msg: "Invalid login credentials" },
    ],
    [
      "2024 weak password",
      weakPassword("Password should be at least 8 characters.", ["length"]),
      modern,
      422,
      {
        code: "weak_password",
        message: "Password should be at least 8 characters.",
        weak_password: { reasons: ["length"] },
      },
    ],
    [
      "legacy weak password",
      weakPassword("short", ["length"]),
      undefined,
      422,
      { code: 422, error_code: "weak_password", msg: "short", weak_password: { reasons: ["length"] } },
    ],
    [
      "oauth error",
      oauthError("invalid_request", "refresh_token required"),
      modern,
      400,
      { error: "invalid_request", error_description: "refresh_token required" },
    ],
    [
      "unknown throw, 2024",
      new Error("boom"),
      modern,
      500,
      { code: "unexpected_failure", message: "Unexpected failure, please check server logs for more information" },
    ],
    [
      "legacy: public Postgres error (raise exception) shown as GoTrue does",
      new AuthError(500, "unexpected_failure", "Database error saving new user", {
        internal: { code: "P0001", message: "nope", hint: "h" },
      }),
      undefined,
      500,
      { code: "P0001", message: "nope", hint: "h" },
    ],
  ])("%s", (_name, error, version, status, body) => {
    const answer = errorResponse(error, version);
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual(body);
  });

  it("legacy 5xx carries an error_id; permission errors stay opaque", () => {
    const answer = errorResponse(
      new AuthError(500, "unexpected_failure", "Database error saving new user", {
        internal: { code: "42501", message: "permission denied" },
      }),
      undefined,
    );
    expect(answer.body).toMatchObject({
      code: 500,
      error_code: "unexpected_failure",
      msg: "Database error saving new user",
    });
    expect(answer.body.error_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    [modern, { "X-Supabase-Api-Version": "2024-01-01", "x-sb-error-code": "bad_jwt" }],
    [undefined, { "x-sb-error-code": "bad_jwt" }],
  ])("headers for version %j", (version, headers) => {
    expect(errorResponse(new AuthError(403, "bad_jwt", "x"), version).headers).toEqual(headers);
  });
});
