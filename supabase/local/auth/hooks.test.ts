import { describe, expect, it } from "vitest";
import { claimProblems, emulatedHooks, pgHookOfUri } from "./hooks";

describe("pgHookOfUri", () => {
  it("names the function quoted, keeps the URI for messages", () => {
    expect(pgHookOfUri("custom_access_token", "pg-functions://postgres/public/add_claims")).toEqual({
      uri: "pg-functions://postgres/public/add_claims",
      fn: '"public"."add_claims"',
    });
  });

  it.each([
    ["", /only pg-functions/],
    ["https://example.com/hook", /only pg-functions/],
    ["pg-functions://postgres/public", /only pg-functions/],
    ['pg-functions://postgres/public/x"; drop table users; --', /invalid Postgres name/],
    ["pg-functions://postgres/1public/fn", /invalid Postgres name/],
  ])("refuses %j", (uri, message) => {
    expect(() => pgHookOfUri("custom_access_token", uri)).toThrow(message);
  });
});

describe("emulatedHooks", () => {
  it("runs each Postgres hook GoTrue calls, none when it is off", () => {
    expect(emulatedHooks({})).toEqual({
      customAccessToken: null,
      beforeUserCreated: null,
      passwordVerificationAttempt: null,
      mfaVerificationAttempt: null,
    });
    const all = emulatedHooks({
      custom_access_token: "pg-functions://postgres/public/a",
      before_user_created: "pg-functions://postgres/public/b",
      password_verification_attempt: "pg-functions://postgres/public/c",
      mfa_verification_attempt: "pg-functions://postgres/public/d",
    });
    expect(Object.values(all).map((hook) => hook?.fn)).toEqual([
      '"public"."a"',
      '"public"."b"',
      '"public"."c"',
      '"public"."d"',
    ]);
  });

  it.each(["send_email", "send_sms", "after_user_created"])(
    "refuses to start with %s enabled rather than ignore it",
    (name) => {
      expect(() => emulatedHooks({ [name]: "pg-functions://postgres/public/f" })).toThrow(/is not emulated/);
    },
  );
});

describe("claimProblems", () => {
  const minimal = {
    aud: "authenticated",
    exp: 2,
    iat: 1,
    sub: "u",
    email: "",
    phone: "",
    role: "authenticated",
    aal: "aal1",
    session_id: "s",
    is_anonymous: false,
  };

  it("accepts GoTrue's minimum and extra claims", () => {
    expect(claimProblems({ ...minimal, user_role: "admin", aud: ["a", "b"] })).toEqual([]);
  });

  it("lists each missing claim and each wrong type", () => {
    const { session_id: _sid, ...withoutSession } = minimal;
    expect(claimProblems({ ...withoutSession, exp: "soon", app_metadata: [] })).toEqual([
      "(root): session_id is required",
      "exp: Invalid type. Expected: integer, given: string",
      "app_metadata: Invalid type. Expected: object, given: array",
    ]);
  });
});
