import { describe, expect, it } from "vitest";
import { relativeRedirect, sameHostUrl } from "./redirect";

describe("sameHostUrl", () => {
  it("puts the path on the request's own origin", () => {
    const url = sameHostUrl({ nextUrl: new URL("http://localhost:3000/x?y=1") }, "/login?next=%2Fx");
    expect(url.toString()).toBe("http://localhost:3000/login?next=%2Fx");
  });

  it.each(["//evil.example", "/\\evil.example", "https://evil.example", "javascript://x", "login"])(
    "refuses %j",
    (path) => {
      expect(() => sameHostUrl({ nextUrl: new URL("http://a/") }, path)).toThrow();
      expect(() => relativeRedirect(path)).toThrow();
    },
  );

  it("relativeRedirect keeps the path as the Location", () => {
    const response = relativeRedirect("/login?notice=signed-out", 303);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/login?notice=signed-out");
  });
});
