import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

const directive = (csp: string, name: string) =>
  csp
    .split("; ")
    .find((part) => part.startsWith(`${name} `))
    ?.slice(name.length + 1)
    .split(" ");

describe("contentSecurityPolicy", () => {
  const production = contentSecurityPolicy({ supabaseUrl: "https://abcd.supabase.co/", production: true });

  it("allows only this site and the Supabase origin to be contacted", () => {
    expect(directive(production, "connect-src")).toEqual([
      "'self'",
      "https://abcd.supabase.co",
      "wss://abcd.supabase.co",
    ]);
  });

  it("forbids framing, plugins and foreign form targets", () => {
    expect(directive(production, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(production, "object-src")).toEqual(["'none'"]);
    expect(directive(production, "form-action")).toEqual(["'self'"]);
    expect(directive(production, "default-src")).toEqual(["'self'"]);
  });

  it("allows eval and the dev server's websocket only in development", () => {
    expect(directive(production, "script-src")).not.toContain("'unsafe-eval'");
    const dev = contentSecurityPolicy({ supabaseUrl: "http://127.0.0.1:54321", production: false });
    expect(directive(dev, "script-src")).toContain("'unsafe-eval'");
    expect(directive(dev, "connect-src")).toEqual([
      "'self'",
      "http://127.0.0.1:54321",
      "ws://127.0.0.1:54321",
      "ws://localhost:*",
      "ws://127.0.0.1:*",
    ]);
  });

  it("survives a missing Supabase URL", () => {
    expect(directive(contentSecurityPolicy({ supabaseUrl: undefined, production: true }), "connect-src")).toEqual([
      "'self'",
    ]);
  });
});

describe("securityHeaders", () => {
  const names = (production: boolean) =>
    securityHeaders({ supabaseUrl: "http://127.0.0.1:54321", production }).map((header) => header.key);

  it("sends HSTS only in production", () => {
    expect(names(true)).toContain("Strict-Transport-Security");
    expect(names(false)).not.toContain("Strict-Transport-Security");
  });

  it("always sends the baseline headers", () => {
    for (const name of ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"]) {
      expect(names(false)).toContain(name);
    }
  });
});
