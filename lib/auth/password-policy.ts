/**
 * The password policy, shown to people and enforced by the forms and the server actions: 8–72
 * characters, no composition rules (NIST SP 800-63B), not one of the most common passwords. GoTrue
 * enforces the same length limits from supabase/config.toml (`minimum_password_length = 8`; the 72
 * is bcrypt's limit, counted in UTF-8 bytes as GoTrue does).
 */
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_BYTES = 72;

export const PASSWORD_HINT =
  "At least 8 characters (up to 72). A few unrelated words make a strong, memorable password.";

export const PASSWORD_MESSAGES = {
  required: "Enter a password.",
  tooShort: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  tooLong: `Use at most ${PASSWORD_MAX_BYTES} characters (accented letters and emoji count as more than one).`,
  common: "This password is too common and easy to guess. Choose something less predictable.",
} as const;

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** True for passwords on the shipped list, or one character repeated ("aaaaaaaa"). */
export function isCommonPassword(password: string): boolean {
  const lowered = password.toLowerCase();
  return COMMON_PASSWORDS.has(lowered) || /^(.)\1*$/su.test(password);
}

/** The first policy problem with `password`, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length === 0) return PASSWORD_MESSAGES.required;
  if ([...password].length < PASSWORD_MIN_LENGTH) return PASSWORD_MESSAGES.tooShort;
  if (utf8Length(password) > PASSWORD_MAX_BYTES) return PASSWORD_MESSAGES.tooLong;
  if (isCommonPassword(password)) return PASSWORD_MESSAGES.common;
  return null;
}
