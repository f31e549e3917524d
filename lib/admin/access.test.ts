import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/supabase/server", () => ({ createClient: vi.fn() }));
const { isAdminClaims } = await import("./access");

describe("isAdminClaims", () => {
  it.each([
    [{ app_metadata: { role: "admin" } }, true],
    [{ app_metadata: { role: "Admin" } }, false],
    [{ app_metadata: { provider: "email" } }, false],
    // user_metadata is writable by the person themselves: never a source of authority.
    [{ user_metadata: { role: "admin" } }, false],
    [{ role: "admin" }, false],
    [{ app_metadata: "admin" }, false],
    [null, false],
    [undefined, false],
  ])("%j → %s", (claims, expected) => {
    expect(isAdminClaims(claims as Record<string, unknown> | null | undefined)).toBe(expected);
  });
});
