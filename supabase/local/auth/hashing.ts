/**
 * Password hashing with the native bcrypt package's async API (cost 10, like GoTrue). The async
 * calls run on libuv's threadpool, so a burst of sign-ups never blocks the event loop.
 */
import bcrypt from "bcrypt";

const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** False for empty or malformed hashes rather than throwing (a user without a password). */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (!hash || !hash.startsWith("$2")) return false;
  try {
    return await bcrypt.compare(password, hash);
  } catch {
    return false;
  }
}
