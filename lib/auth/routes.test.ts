import { describe, expect, it } from "vitest";
import { isProtectedPath, isSignedOutOnlyPath } from "./routes";

describe("route classes", () => {
  it.each<[string, boolean, boolean]>([
    ["/onboarding", true, false],
    ["/onboarding/experience", true, false],
    ["/profile", true, false],
    ["/account/delete", true, false],
    ["/admin", true, false],
    ["/administrator", false, false],
    ["/profiles-public", false, false],
    ["/login", false, true],
    ["/signup", false, true],
    ["/signups", false, false],
    ["/", false, false],
    ["/forgot-password", false, false],
    ["/reset-password", false, false],
    ["/auth/confirm", false, false],
  ])("%s protected=%s signedOutOnly=%s", (path, isProtected, signedOutOnly) => {
    expect(isProtectedPath(path)).toBe(isProtected);
    expect(isSignedOutOnlyPath(path)).toBe(signedOutOnly);
  });
});
