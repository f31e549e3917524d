import { describe, expect, it } from "vitest";
import { globToRegExp, isRedirectUrlValid, pickRedirect } from "./redirect.ts";

const SITE = "http://localhost:3000";
const ALLOW = [
  "http://localhost:3000/**",
  "http://127.0.0.1:3000/**",
  "https://*.example.com/callback",
  "myapp://auth/*",
];

describe("isRedirectUrlValid", () => {
  it.each([
    ["http://localhost:3000", true],
    ["http://localhost:3000/auth/confirm?next=/x", true],
    ["http://localhost:4000/other-port", true], // loopback: any port, like GoTrue
    ["https://localhost:3000/", false], // scheme differs, and the allow list is http
    ["http://127.0.0.1:9999/anything", true], // loopback IP literal
    ["http://10.0.0.1:3000/", false],
    ["http://2130706433/", false], // decimal IP
    ["https://app.example.com/callback", true],
    ["https://a.b.example.com/callback", false], // * does not cross '.'
    ["https://app.example.com/callback/extra", false],
    ["https://evil.com/http://localhost:3000/", false],
    ["myapp://auth/done", true],
    ["myapp://auth/a/b", false],
    ["", false],
    ["not a url", false],
  ])("%j → %j", (url, expected) => {
    expect(isRedirectUrlValid(url, SITE, ALLOW)).toBe(expected);
  });
});

describe("globToRegExp (separators '.' and '/')", () => {
  it.each([
    ["https://*.vercel.app/**", "https://my-app.vercel.app/a/b", true],
    ["https://*.vercel.app/**", "https://a.b.vercel.app/", false],
    ["http://host/?", "http://host/a", true],
    ["http://host/{a,b}", "http://host/b", true],
    ["http://host/{a,b}", "http://host/c", false],
    ["http://host/[ab]x", "http://host/bx", true],
    ["http://host/[!ab]x", "http://host/bx", false],
  ])("%j matches %j: %j", (pattern, url, expected) => {
    expect(globToRegExp(pattern).test(url)).toBe(expected);
  });
});

describe("pickRedirect", () => {
  it.each([
    [["http://localhost:3000/welcome"], "http://localhost:3000/welcome"],
    [["https://evil.com/"], SITE],
    [["https://evil.com/", "http://localhost:3000/from-referer"], "http://localhost:3000/from-referer"],
    [[undefined, undefined], SITE],
  ])("%j → %j", (candidates, expected) => {
    expect(pickRedirect(candidates, SITE, ALLOW)).toBe(expected);
  });
});
