import { describe, expect, it } from "vitest";
import { DEFAULT_NEXT, loginUrlFor, safeNextPath } from "./next-path";

describe("safeNextPath", () => {
  it.each<[unknown, string]>([
    ["/onboarding", "/onboarding"],
    ["/profile?tab=skills#salary", "/profile?tab=skills#salary"],
    ["/onboarding/experience", "/onboarding/experience"],
    ["/", "/"],
    // Normalised the way a browser resolves it, and the normalised path is what comes back.
    ["/a/../profile", "/profile"],
    ["/./profile", "/profile"],
    ["/%2e/profile", "/profile"],
    ["/a/%2E%2E/profile", "/profile"],
    ["/a\\b", "/a/b"],
    ["/account/./", "/account/"],
    ["/%E2%9C%93", "/%E2%9C%93"],
    ["/a b", "/a%20b"],
    ["/@evil.example", "/@evil.example"],
    ["/profile?next=//evil.example", "/profile?next=//evil.example"],
  ])("keeps same-site path %j as %j", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each<[string, unknown]>([
    ["absolute URL", "https://evil.example"],
    ["absolute URL with path", "https://evil.example/onboarding"],
    ["absolute URL of no scheme we know", "javascript://evil.example/%0aalert(1)"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with path", "//evil.example/onboarding"],
    ["dot segment hides //", "/.//evil.com"],
    ["double-dot segment hides //", "/..//evil.com"],
    ["encoded dot hides //", "/%2e//evil.com"],
    ["encoded upper-case dot hides //", "/%2E//evil.com"],
    ["encoded double dot hides //", "/%2e%2e//evil.com"],
    ["mixed encoded dots hide //", "/.%2e//evil.com"],
    ["dot segments after a folder", "/a/..//evil.com"],
    ["dot segments past the root", "/x/%2e%2e/%2e%2e//evil.com"],
    ["dot then backslash", "/.\\/evil.com"],
    ["backslash", "/\\evil.example"],
    ["double backslash", "\\\\evil.example"],
    ["slash then backslash after a dot", "/./\\evil.example"],
    ["tab hides //", "/\t/evil.example"],
    ["newline hides //", "/\n/evil.example"],
    ["carriage return hides //", "/\r/evil.example"],
    ["encoded slash", "/%2F%2Fevil.example"],
    ["encoded slash after a dot segment", "/%2E%2E/%2F/evil"],
    ["encoded backslash", "/%5Cevil.example"],
    ["credentials on another host", "//user:pw@evil.example/"],
    ["javascript scheme", "javascript:alert(1)"],
    ["data scheme", "data:text/html,hi"],
    ["relative without slash", "onboarding"],
    ["relative dot", "./onboarding"],
    ["empty", ""],
    ["leading space", " /onboarding"],
    ["not a string", 42],
    ["undefined", undefined],
    ["null", null],
    ["array", ["/profile"]],
    ["overlong", `/${"a".repeat(3000)}`],
  ])("falls back for %s", (_name, input) => {
    expect(safeNextPath(input)).toBe(DEFAULT_NEXT);
  });

  it("never returns a path a browser would read as another host", () => {
    const pieces = ["/", "\\", ".", "..", "%2e", "%2E", "%2f", "%5c", "\t", "evil.com", "a", "@", "?", "#"];
    for (const a of pieces)
      for (const b of pieces)
        for (const c of pieces) {
          const out = safeNextPath(`/${a}${b}${c}`);
          expect(new URL(out, "https://site.example").origin).toBe("https://site.example");
          expect(out).toMatch(/^\/(?![/\\])/);
        }
  });

  it("uses the given fallback", () => {
    expect(safeNextPath("https://evil.example", "/")).toBe("/");
    expect(safeNextPath("/.//evil.com", "/reset-password")).toBe("/reset-password");
  });
});

describe("loginUrlFor", () => {
  it.each([
    ["/profile", "/login?next=%2Fprofile"],
    ["/onboarding/skills?x=1", "/login?next=%2Fonboarding%2Fskills%3Fx%3D1"],
    ["/", "/login"],
    ["//evil.example", "/login"],
    ["/.//evil.example", "/login"],
  ])("%s → %s", (path, expected) => {
    expect(loginUrlFor(path)).toBe(expected);
  });
});
