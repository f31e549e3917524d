import { describe, expect, it } from "vitest";
import { relativeRedirect, sameHostUrl } from "./redirect";

const request = (url: string, headers: Record<string, string>) => ({
  headers: new Headers(headers),
  nextUrl: new URL(url),
});

describe("sameHostUrl", () => {
  it.each<[string, Record<string, string>, string, string]>([
    [
      "http://localhost:3001/x",
      { host: "127.0.0.1:3001" },
      "/login?next=%2Fx",
      "http://127.0.0.1:3001/login?next=%2Fx",
    ],
    [
      "http://localhost:3000/x",
      { host: "app.internal", "x-forwarded-host": "app.example.com", "x-forwarded-proto": "https" },
      "/onboarding",
      "https://app.example.com/onboarding",
    ],
    ["http://localhost:3000/x", {}, "/login", "http://localhost:3000/login"],
  ])("%s with %j → %s", (url, headers, path, expected) => {
    expect(sameHostUrl(request(url, headers), path).toString()).toBe(expected);
  });

  it("refuses anything but a same-site path", () => {
    expect(() => sameHostUrl(request("http://a/", {}), "//evil.example")).toThrow();
    expect(() => relativeRedirect("https://evil.example")).toThrow();
  });

  it("relativeRedirect keeps the path as the Location", () => {
    const response = relativeRedirect("/login?notice=signed-out", 303);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/login?notice=signed-out");
  });
});
