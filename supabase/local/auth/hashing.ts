/**
 * Password hashing with the native bcrypt package's async API (cost 10, `$2a$` like Go's bcrypt in
 * GoTrue). The async calls run on libuv's threadpool, so a burst of sign-ups never blocks the event
 * loop.
 */
import bcrypt from "bcrypt";

const COST = 10;

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, await bcrypt.genSalt(COST, "a"));
}

/** A bcrypt hash as `admin.createUser({ password_hash })` may import it. */
export function isBcryptHash(hash: string): boolean {
  return /^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}$/.test(hash);
}

/** False for empty or malformed hashes rather than throwing (a user without a password). */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (!hash || !isBcryptHash(hash)) return false;
  try {
    return await bcrypt.compare(password, hash);
  } catch {
    return false;
  }
}
