/**
 * GoTrue's password strength check (internal/api/password.go): byte length cap of 72 (bcrypt),
 * minimum length and required character sets from config, reported as `weak_password` with reasons.
 */
import { validationFailed, weakPassword, type AuthError } from "./errors.ts";

export const MAX_PASSWORD_BYTES = 72;

export interface PasswordPolicy {
  minLength: number;
  requiredCharacters: string[];
}

/** Returns the error GoTrue would answer with, or null when the password is acceptable. */
export function checkPasswordStrength(password: string, policy: PasswordPolicy): AuthError | null {
  // Go's len() counts bytes; both limits below are byte counts in GoTrue.
  const bytes = Buffer.byteLength(password, "utf8");
  if (bytes > MAX_PASSWORD_BYTES) {
    return validationFailed(`Password cannot be longer than ${MAX_PASSWORD_BYTES} characters`);
  }
  const reasons: string[] = [];
  const messages: string[] = [];
  if (bytes < policy.minLength) {
    reasons.push("length");
    messages.push(`Password should be at least ${policy.minLength} characters.`);
  }
  const missesASet = policy.requiredCharacters.some(
    (set) => set !== "" && ![...set].some((ch) => password.includes(ch)),
  );
  if (missesASet) {
    reasons.push("characters");
    messages.push(`Password should contain at least one character of each: ${policy.requiredCharacters.join(", ")}.`);
  }
  return reasons.length > 0 ? weakPassword(messages.join(" "), reasons) : null;
}
