import { describe, expect, it } from "vitest";
import { codeQueryUrl, errorRedirectUrl, goQueryEscape, messageRedirectUrl, tokenFragmentUrl } from "./redirect-url.ts";

describe("goQueryEscape (Go's url.QueryEscape)", () => {
  it.each([
    ["a b", "a+b"],
    ["a~b-c_d.e", "a~b-c_d.e"],
    ["*!'()", "%2A%21%27%28%29"],
    ["x/y?z=1&w", "x%2Fy%3Fz%3D1%26w"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(goQueryEscape(input)).toBe(expected);
  });
});

describe("verify redirect targets", () => {
  const session = {
    access_token: "a.b.c",
    expires_at: 1700003600,
    expires_in: 3600,
    refresh_token: "abcdefghijkl",
    token_type: "bearer",
  };
  it.each([
    [
      "implicit success: sorted fragment with sb",
      () => tokenFragmentUrl("http://localhost:3000/welcome", session, "signup"),
      "http://localhost:3000/welcome#access_token=a.b.c&expires_at=1700003600&expires_in=3600&refresh_token=abcdefghijkl&sb=&token_type=bearer&type=signup",
    ],
    ["pkce success", () => codeQueryUrl("http://localhost:3000/cb", "c0de"), "http://localhost:3000/cb?code=c0de"],
    [
      "pkce success keeps the query",
      () => codeQueryUrl("http://localhost:3000/cb?next=%2Fx#frag", "c0de"),
      "http://localhost:3000/cb?code=c0de&next=%2Fx",
    ],
    [
      "implicit error: fragment only",
      () =>
        errorRedirectUrl("http://localhost:3000", 403, "otp_expired", "Email link is invalid or has expired", false),
      "http://localhost:3000#error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid+or+has+expired&sb=",
    ],
    [
      "pkce error: query and fragment",
      () =>
        errorRedirectUrl("http://localhost:3000/cb", 403, "otp_expired", "Email link is invalid or has expired", true),
      "http://localhost:3000/cb?error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid+or+has+expired#error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid+or+has+expired&sb=",
    ],
    [
      "error without an OAuth name (422)",
      () => errorRedirectUrl("http://localhost:3000", 422, "flow_state_not_found", "x", false),
      "http://localhost:3000#error_code=flow_state_not_found&error_description=x&sb=",
    ],
    [
      "secure email change, first link",
      () => messageRedirectUrl("http://localhost:3000", "Confirmation link accepted.", false),
      "http://localhost:3000#message=Confirmation+link+accepted.&sb=",
    ],
  ])("%s", (_name, build, expected) => {
    expect(build()).toBe(expected);
  });
});
