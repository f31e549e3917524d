import type { User } from "@supabase/supabase-js";
import { describe, expect, it } from "vitest";
import { accountRecord, exportFileName } from "./export-data";

describe("accountRecord", () => {
  it("keeps what the person may see and drops secrets and internals", () => {
    const user = {
      id: "0b6c…",
      aud: "authenticated",
      email: "ada@example.com",
      new_email: "ada@new.example",
      created_at: "2026-01-01T00:00:00Z",
      email_confirmed_at: "2026-01-01T00:05:00Z",
      last_sign_in_at: "2026-02-01T00:00:00Z",
      app_metadata: { provider: "email", role: "admin" },
      user_metadata: { email_verified: true, full_name: "Ada Lovelace" },
      identities: [{ identity_data: { sub: "x" } }],
      factors: [{ secret: "totp" }],
      confirmation_token: "abc",
    } as unknown as User;
    const record = accountRecord(user);
    expect(record).toEqual({
      id: "0b6c…",
      full_name: "Ada Lovelace",
      email: "ada@example.com",
      new_email_pending: "ada@new.example",
      created_at: "2026-01-01T00:00:00Z",
      email_confirmed_at: "2026-01-01T00:05:00Z",
      last_sign_in_at: "2026-02-01T00:00:00Z",
      role: "admin",
      user_metadata: { email_verified: true, full_name: "Ada Lovelace" },
    });
    expect(JSON.stringify(record)).not.toMatch(/token|secret|identities|factors/);
  });
});

describe("exportFileName", () => {
  it("names the file after the UTC day", () => {
    expect(exportFileName(new Date("2026-11-25T23:59:00Z"))).toBe("autoprofile-data-2026-11-25.json");
  });
});
