/**
 * The access token's `aal` from the session's AMR claims, as GoTrue's Session.CalculateAALAndAMR
 * computes it: aal2 once the session holds a second-factor claim (totp, mfa/phone, mfa/webauthn).
 */
import type { AmrEntry } from "../claims.ts";
import type { Db } from "../db.ts";
import { AuthError } from "../errors.ts";
import type { UserWithIdentities } from "../users-repo.ts";
import { AAL2_METHODS, sessionAal } from "./factors-repo.ts";

export function assuranceLevel(amr: readonly AmrEntry[]): "aal1" | "aal2" {
  return amr.some((entry) => (AAL2_METHODS as readonly string[]).includes(entry.method)) ? "aal2" : "aal1";
}

/**
 * GoTrue's UserUpdate rule: while the user has a verified factor, changing the password or the
 * email needs an aal2 session (401 insufficient_aal), so a stolen password alone cannot take over.
 */
export async function requireAal2ForCredentialChange(
  db: Db,
  user: UserWithIdentities,
  sessionId: string | null,
): Promise<void> {
  if (!(user.factors ?? []).some((factor) => factor.status === "verified")) return;
  if (sessionId && (await sessionAal(db, sessionId)) === "aal2") return;
  throw new AuthError(
    401,
    "insufficient_aal",
    "AAL2 session is required to update email or password when MFA is enabled.",
  );
}
