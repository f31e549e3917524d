import type { Session } from "@supabase/supabase-js";
import { describe, expect, it } from "vitest";
import { cookieHeader, sessionCookies, storageKey } from "./session-cookie";

function sessionWith(padding: number): Session {
  return {
    access_token: "a".repeat(padding),
    refresh_token: "r",
    token_type: "bearer",
    expires_in: 3600,
    expires_at: 1,
    user: { id: "u", aud: "authenticated", app_metadata: {}, user_metadata: {}, created_at: "" },
  };
}

describe("@supabase/ssr session cookie", () => {
  it.each([
    ["http://127.0.0.1:54321", "sb-127-auth-token"],
    ["http://localhost:54321", "sb-localhost-auth-token"],
    ["https://abcd.supabase.co", "sb-abcd-auth-token"],
  ])("%s → %s", (url, name) => {
    expect(storageKey(url)).toBe(name);
  });

  it("is base64- + base64url(JSON) in one cookie when short", () => {
    const session = sessionWith(10);
    const [cookie, ...rest] = sessionCookies("http://127.0.0.1:62321", session);
    expect(rest).toEqual([]);
    expect(cookie?.name).toBe("sb-127-auth-token");
    const value = cookie?.value ?? "";
    expect(value.startsWith("base64-")).toBe(true);
    expect(JSON.parse(Buffer.from(value.slice(7), "base64url").toString("utf8"))).toEqual(session);
  });

  it("splits into .0, .1, … chunks of at most 3180 characters that join back", () => {
    const session = sessionWith(5000);
    const cookies = sessionCookies("http://127.0.0.1:62321", session);
    expect(cookies.map((c) => c.name)).toEqual(["sb-127-auth-token.0", "sb-127-auth-token.1", "sb-127-auth-token.2"]);
    expect(cookies.every((c) => c.value.length <= 3180)).toBe(true);
    const joined = cookies.map((c) => c.value).join("");
    expect(JSON.parse(Buffer.from(joined.slice(7), "base64url").toString("utf8"))).toEqual(session);
    expect(cookieHeader(cookies)).toMatch(/^sb-127-auth-token\.0=base64-.*; sb-127-auth-token\.1=/);
  });
});
