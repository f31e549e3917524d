import { describe, expect, it } from "vitest";
import { accessTokenClaims, type ClaimsInput } from "./claims.ts";

const base: ClaimsInput = {
  issuer: "http://127.0.0.1:54321/auth/v1",
  userId: "9f2d6c1e-2b7a-4c55-9d0f-1c2b3a4d5e6f",
  aud: "authenticated",
  email: "alice@example.com",
  phone: "",
  appMetadata: { provider: "email", providers: ["email"] },
  userMetadata: { email_verified: true },
  role: "authenticated",
  sessionId: "5c1e0000-0000-4000-8000-000000000000",
  amr: [{ method: "password", timestamp: 100 }],
  isAnonymous: false,
  issuedAt: 1_764_115_200,
  expiresIn: 3600,
};

describe("accessTokenClaims", () => {
  it("serializes GoTrue's claims in GoTrue's order", () => {
    expect(Object.keys(accessTokenClaims(base))).toEqual([
      "iss",
      "sub",
      "aud",
      "exp",
      "iat",
      "email",
      "phone",
      "app_metadata",
      "user_metadata",
      "role",
      "aal",
      "amr",
      "session_id",
      "is_anonymous",
    ]);
  });

  it.each<[string, Partial<ClaimsInput>, Record<string, unknown>]>([
    ["exp = iat + jwt_expiry", {}, { exp: 1_764_118_800, iat: 1_764_115_200 }],
    ["aud stays a string", {}, { aud: "authenticated" }],
    ["aal defaults to aal1", {}, { aal: "aal1" }],
    ["a custom expiry", { expiresIn: 60 }, { exp: 1_764_115_260 }],
    ["empty phone is kept", { phone: "" }, { phone: "" }],
    [
      "amr newest first",
      {
        amr: [
          { method: "password", timestamp: 1 },
          { method: "otp", timestamp: 5 },
        ],
      },
      {
        amr: [
          { method: "otp", timestamp: 5 },
          { method: "password", timestamp: 1 },
        ],
      },
    ],
    ["anonymous flag", { isAnonymous: true }, { is_anonymous: true }],
  ])("%s", (_name, patch, expected) => {
    expect(accessTokenClaims({ ...base, ...patch })).toMatchObject(expected);
  });
});
