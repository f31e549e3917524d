import type { User } from "@supabase/supabase-js";
import { describe, expect, it } from "vitest";
import { pathAfterSignIn, secondFactorPath } from "./after-sign-in";

const withFactors = (...statuses: ("verified" | "unverified")[]) =>
  ({
    id: "u",
    factors: statuses.map((status, i) => ({ id: `f${i}`, status, factor_type: "totp" })),
  }) as unknown as User;

describe("pathAfterSignIn", () => {
  it("goes to next when the account has no verified factor", () => {
    expect(pathAfterSignIn(withFactors(), "/profile")).toBe("/profile");
    expect(pathAfterSignIn(withFactors("unverified"), "/account")).toBe("/account");
    expect(pathAfterSignIn(null, undefined)).toBe("/onboarding");
  });

  it("goes to the code page first, carrying next, when a factor is verified", () => {
    expect(pathAfterSignIn(withFactors("unverified", "verified"), "/profile")).toBe("/two-factor?next=%2Fprofile");
    expect(pathAfterSignIn(withFactors("verified"), undefined)).toBe("/two-factor?next=%2Fonboarding");
  });

  it("never carries an off-site next", () => {
    for (const next of ["https://evil.example/", "//evil.example", "/\\evil.example", "/.//evil.example"]) {
      expect(pathAfterSignIn(withFactors("verified"), next)).toBe("/two-factor?next=%2Fonboarding");
      expect(secondFactorPath(next)).toBe("/two-factor");
    }
  });
});
