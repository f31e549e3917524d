import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS } from "./common-passwords";
import { PASSWORD_MESSAGES, passwordProblem } from "./password-policy";
import { emailSchema, resetPasswordSchema, signInSchema, signUpSchema } from "./schemas";

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("emailSchema", () => {
  it.each([
    ["Alice@Example.COM", "alice@example.com"],
    ["  bob@example.com ", "bob@example.com"],
    ["a.b+tag@sub.example.co", "a.b+tag@sub.example.co"],
  ])("accepts %j as %j", (input, expected) => {
    expect(emailSchema.parse(input)).toBe(expected);
  });

  it.each([
    ["", "Enter your email address."],
    ["   ", "Enter your email address."],
    ["alice", "Enter a valid email address, like name@example.com."],
    ["alice@", "Enter a valid email address, like name@example.com."],
    ["@example.com", "Enter a valid email address, like name@example.com."],
    [`${"a".repeat(250)}@example.com`, "That email address is too long."],
  ])("rejects %j", (input, message) => {
    const result = emailSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});

describe("password policy", () => {
  it.each<[string, string | null]>([
    ["", PASSWORD_MESSAGES.required],
    ["short7!", PASSWORD_MESSAGES.tooShort],
    ["abcdefgh", PASSWORD_MESSAGES.common],
    ["Password123", PASSWORD_MESSAGES.common],
    ["QWERTYUIOP", PASSWORD_MESSAGES.common],
    ["zzzzzzzzzz", PASSWORD_MESSAGES.common],
    ["correct horse", null],
    ["tulip-quarry-88", null],
    ["no rules here", null],
    ["éñ".repeat(18), null],
    ["éñ".repeat(18) + "é", PASSWORD_MESSAGES.tooLong],
    ["x".repeat(71) + "y", null],
    ["x".repeat(72) + "y", PASSWORD_MESSAGES.tooLong],
    ["🙂🐢🙂🐢🙂🐢🙂🐢", null],
    ["🙂🙂🙂🙂🙂🙂🙂🙂", PASSWORD_MESSAGES.common],
  ])("%j → %j", (password, expected) => {
    expect(passwordProblem(password)).toBe(expected);
  });

  it("counts characters, not UTF-16 units, for the minimum", () => {
    expect(passwordProblem("🙂🐢🙂🐢🙂🐢🙂")).toBe(PASSWORD_MESSAGES.tooShort);
  });

  it("ships a list of common passwords, all at least 8 characters and lower-case", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(200);
    for (const entry of COMMON_PASSWORDS) {
      expect(entry.length).toBeGreaterThanOrEqual(8);
      expect(entry).toBe(entry.toLowerCase());
    }
  });
});

describe("form schemas", () => {
  it("sign-up requires the full policy", () => {
    expect(messages(signUpSchema.safeParse({ email: "x", password: "password" }))).toEqual({
      fullName: "Enter your name.",
      email: "Enter a valid email address, like name@example.com.",
      password: PASSWORD_MESSAGES.common,
    });
    expect(signUpSchema.parse({ fullName: "  Ada   Lovelace ", email: "A@B.co", password: "tulip-quarry-88" })).toEqual(
      {
        fullName: "Ada Lovelace",
        email: "a@b.co",
        password: "tulip-quarry-88",
      },
    );
  });

  it("sign-up refuses a local part over RFC 5321's 64 octets; sign-in still accepts one", () => {
    const base = { fullName: "Ada", password: "tulip-quarry-88" };
    expect(signUpSchema.safeParse({ ...base, email: `${"a".repeat(64)}@example.com` }).success).toBe(true);
    expect(messages(signUpSchema.safeParse({ ...base, email: `${"a".repeat(200)}@example.com` }))).toEqual({
      email: "The part before the @ can be at most 64 characters.",
    });
    expect(signInSchema.safeParse({ email: `${"a".repeat(200)}@example.com`, password: "x" }).success).toBe(true);
  });

  it.each([
    ["👩🏽‍💻".repeat(100), true],
    ["a".repeat(101), false],
    ["Ada\u0000", false],
    ["Ada\u202eecalevoL", false],
  ])("full name %j accepted: %s", (fullName, ok) => {
    const result = signUpSchema.safeParse({ fullName, email: "a@b.co", password: "tulip-quarry-88" });
    expect(result.success).toBe(ok);
  });

  it("sign-in only needs a password to be present (no policy hints to attackers)", () => {
    expect(signInSchema.safeParse({ email: "a@b.co", password: "short" }).success).toBe(true);
    expect(messages(signInSchema.safeParse({ email: "a@b.co", password: "" }))).toEqual({
      password: "Enter your password.",
    });
  });

  it("reset requires matching passwords and reports the mismatch on the confirmation", () => {
    expect(messages(resetPasswordSchema.safeParse({ password: "tulip-quarry-88", confirmPassword: "tulip" }))).toEqual({
      confirmPassword: "The passwords do not match.",
    });
    expect(
      resetPasswordSchema.safeParse({ password: "tulip-quarry-88", confirmPassword: "tulip-quarry-88" }).success,
    ).toBe(true);
  });
});
