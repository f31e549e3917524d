import { describe, expect, it } from "vitest";
import { DEFAULT_NEXT, loginUrlFor, safeNextPath } from "./next-path";

describe("safeNextPath", () => {
  it.each<[unknown, string]>([
    ["/onboarding", "/onboarding"],
    ["/profile?tab=skills#salary", "/profile?tab=skills#salary"],
    ["/onboarding/experience", "/onboarding/experience"],
    ["/a/../profile", "/profile"],
    ["/%E2%9C%93", "/%E2%9C%93"],
  ])("keeps same-site path %j", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each<[string, unknown]>([
    ["absolute URL", "https://evil.example"],
    ["absolute URL with path", "https://evil.example/onboarding"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with path", "//evil.example/onboarding"],
    ["backslash", "/\\evil.example"],
    ["double backslash", "\\\\evil.example"],
    ["tab hides //", "/\t/evil.example"],
    ["newline hides //", "/\n/evil.example"],
    ["encoded slash", "/%2F%2Fevil.example"],
    ["encoded backslash", "/%5Cevil.example"],
    ["javascript scheme", "javascript:alert(1)"],
    ["data scheme", "data:text/html,hi"],
    ["relative without slash", "onboarding"],
    ["empty", ""],
    ["space", " /onboarding"],
    ["not a string", 42],
    ["undefined", undefined],
    ["array", ["/profile"]],
    ["overlong", `/${"a".repeat(3000)}`],
  ])("falls back for %s", (_name, input) => {
    expect(safeNextPath(input)).toBe(DEFAULT_NEXT);
  });

  it("uses the given fallback", () => {
    expect(safeNextPath("https://evil.example", "/")).toBe("/");
  });
});

describe("loginUrlFor", () => {
  it.each([
    ["/profile", "/login?next=%2Fprofile"],
    ["/onboarding/skills?x=1", "/login?next=%2Fonboarding%2Fskills%3Fx%3D1"],
    ["/", "/login"],
    ["//evil.example", "/login"],
  ])("%s → %s", (path, expected) => {
    expect(loginUrlFor(path)).toBe(expected);
  });
});
