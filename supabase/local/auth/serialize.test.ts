import { describe, expect, it } from "vitest";
import { identityJson, sanitizedUserJson, userJson } from "./serialize.ts";
import type { IdentityRow, UserWithIdentities } from "./users-repo.ts";

const identity: IdentityRow = {
  id: "0a1b2c3d-1111-4222-8333-444455556666",
  provider_id: "9f2d6c1e-2b7a-4c55-9d0f-1c2b3a4d5e6f",
  user_id: "9f2d6c1e-2b7a-4c55-9d0f-1c2b3a4d5e6f",
  identity_data: { sub: "9f2d6c1e-2b7a-4c55-9d0f-1c2b3a4d5e6f", email: "alice@example.com" },
  provider: "email",
  last_sign_in_at: "2026-11-25T21:00:00.1Z",
  created_at: "2026-11-25T21:00:00.1Z",
  updated_at: "2026-11-25T21:00:00.1Z",
  email: "alice@example.com",
};

const user: UserWithIdentities = {
  id: "9f2d6c1e-2b7a-4c55-9d0f-1c2b3a4d5e6f",
  aud: "authenticated",
  role: "authenticated",
  email: "alice@example.com",
  phone: null,
  encrypted_password: "$2a$10$secret",
  email_confirmed_at: "2026-11-25T21:00:00.123456Z",
  invited_at: null,
  phone_confirmed_at: null,
  confirmation_token: "secret-token",
  confirmation_sent_at: null,
  confirmed_at: "2026-11-25T21:00:00.123456Z",
  recovery_token: "",
  recovery_sent_at: null,
  email_change_token_new: "",
  email_change_token_current: "",
  email_change: "",
  email_change_sent_at: null,
  email_change_confirm_status: 0,
  phone_change: "",
  phone_change_sent_at: null,
  reauthentication_token: "",
  reauthentication_sent_at: null,
  last_sign_in_at: "2026-11-25T21:05:00.5Z",
  raw_app_meta_data: { provider: "email", providers: ["email"] },
  raw_user_meta_data: { full_name: "Alice" },
  created_at: "2026-11-25T21:00:00.1Z",
  updated_at: "2026-11-25T21:05:00.5Z",
  banned_until: null,
  deleted_at: null,
  is_anonymous: false,
  identities: [identity],
};

describe("userJson", () => {
  it("follows models.User's field order and omits nil timestamps and empty strings", () => {
    expect(Object.keys(userJson(user))).toEqual([
      "id",
      "aud",
      "role",
      "email",
      "email_confirmed_at",
      "phone",
      "confirmed_at",
      "last_sign_in_at",
      "app_metadata",
      "user_metadata",
      "identities",
      "created_at",
      "updated_at",
      "is_anonymous",
    ]);
  });

  it.each([
    ['phone NULL → ""', { phone: null }, "phone", ""],
    ["email change pending → new_email", { email_change: "new@example.com" }, "new_email", "new@example.com"],
    ["banned", { banned_until: "2026-12-01T00:00:00Z" }, "banned_until", "2026-12-01T00:00:00Z"],
    ["null metadata → {}", { raw_user_meta_data: null }, "user_metadata", {}],
  ])("%s", (_name, patch, key, value) => {
    expect(userJson({ ...user, ...patch })[key]).toEqual(value);
  });

  it("never serializes secrets", () => {
    const text = JSON.stringify(userJson(user));
    expect(text).not.toContain("secret");
    expect(text).not.toContain("encrypted_password");
  });
});

describe("identityJson", () => {
  it("exposes provider_id as id and the row id as identity_id", () => {
    expect(identityJson(identity)).toEqual({
      identity_id: identity.id,
      id: identity.provider_id,
      user_id: identity.user_id,
      identity_data: identity.identity_data,
      provider: "email",
      last_sign_in_at: identity.last_sign_in_at,
      created_at: identity.created_at,
      updated_at: identity.updated_at,
      email: "alice@example.com",
    });
  });
});

describe("sanitizedUserJson", () => {
  it("hides the real account: new id, empty role, no identities, only the sent data", () => {
    const fake = sanitizedUserJson(user, { x: 1 }, "authenticated");
    expect(fake.id).not.toBe(user.id);
    expect(fake).toMatchObject({ role: "", email: user.email, identities: [], user_metadata: { x: 1 } });
    expect(fake).not.toHaveProperty("email_confirmed_at");
    expect(fake).not.toHaveProperty("last_sign_in_at");
    expect(fake).not.toHaveProperty("confirmed_at");
    expect(fake.confirmation_sent_at).toBe(fake.created_at);
  });
});
