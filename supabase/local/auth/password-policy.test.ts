import { describe, expect, it } from "vitest";
import { checkPasswordStrength } from "./password-policy.ts";
import { requiredCharacterSets } from "./settings.ts";

const LD = requiredCharacterSets("letters_digits");
const LUD = requiredCharacterSets("lower_upper_letters_digits");

describe("checkPasswordStrength", () => {
  it.each<[string, number, string[], { code: string; reasons?: string[]; message: string } | null]>([
    ["long-enough", 8, [], null],
    [
      "short",
      8,
      [],
      { code: "weak_password", reasons: ["length"], message: "Password should be at least 8 characters." },
    ],
    [
      "12345678",
      6,
      LD,
      {
        code: "weak_password",
        reasons: ["characters"],
        message: `Password should contain at least one character of each: ${LD.join(", ")}.`,
      },
    ],
    [
      "abc",
      6,
      LD,
      {
        code: "weak_password",
        reasons: ["length", "characters"],
        message: `Password should be at least 6 characters. Password should contain at least one character of each: ${LD.join(", ")}.`,
      },
    ],
    ["abcdef12", 6, LD, null],
    [
      "abcdef12",
      6,
      LUD,
      {
        code: "weak_password",
        reasons: ["characters"],
        message: `Password should contain at least one character of each: ${LUD.join(", ")}.`,
      },
    ],
    ["Abcdef12", 6, LUD, null],
    ["x".repeat(72), 6, [], null],
    ["x".repeat(73), 6, [], { code: "validation_failed", message: "Password cannot be longer than 72 characters" }],
    // 37 two-byte characters are 74 bytes: GoTrue counts bytes.
    ["é".repeat(37), 6, [], { code: "validation_failed", message: "Password cannot be longer than 72 characters" }],
    ["ééé", 6, [], null],
  ])("%j (min %i)", (password, minLength, requiredCharacters, expected) => {
    const error = checkPasswordStrength(password, { minLength, requiredCharacters });
    if (expected === null) return expect(error).toBeNull();
    expect(error?.code).toBe(expected.code);
    expect(error?.message).toBe(expected.message);
    if (expected.reasons) expect(error?.reasons).toEqual(expected.reasons);
  });
});

describe("requiredCharacterSets", () => {
  it.each([
    ["", 0],
    ["letters_digits", 2],
    ["lower_upper_letters_digits", 3],
    ["lower_upper_letters_digits_symbols", 4],
  ] as const)("%j → %i sets", (requirement, count) => {
    expect(requiredCharacterSets(requirement)).toHaveLength(count);
  });
});
