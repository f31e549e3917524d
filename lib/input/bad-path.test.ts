import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { hasMalformedEncoding, malformedPathResponse } from "./bad-path";

// The Host a browser sends is not the address `next start` listens on (here 127.0.0.1).
const request = (path: string) =>
  new NextRequest(`http://localhost:3100${path}`, { headers: { host: "localhost:3100" } });

describe("paths that do not decode", () => {
  it("tells a broken percent-encoding from a valid one", () => {
    expect(hasMalformedEncoding("/onboarding/%E0%A4%A")).toBe(true);
    expect(hasMalformedEncoding("/%ZZ")).toBe(true);
    expect(hasMalformedEncoding("/onboarding/%E0%A4%A4")).toBe(false);
    expect(hasMalformedEncoding("/profile")).toBe(false);
  });

  it("answers the 404 page itself: no rewrite, which Next.js would proxy to the Host's origin", async () => {
    const response = malformedPathResponse(request("/onboarding/%E0%A4%A"));
    expect(response?.status).toBe(404);
    expect(response?.headers.get("x-middleware-rewrite")).toBeNull();
    expect(response?.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response?.text();
    expect(html).toContain("<h1>Page not found</h1>");
    expect(html).toContain('<a href="/">Back to the home page</a>');
  });

  it("lets every other path through", () => {
    expect(malformedPathResponse(request("/onboarding/basics"))).toBeNull();
  });
});
