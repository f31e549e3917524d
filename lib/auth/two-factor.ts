/**
 * Two-factor work on a signed-in server client, through supabase-js's MFA API only: the verified
 * TOTP factor of the user, and checking a code (challenge + verify), with GoTrue's answers turned
 * into what the forms say. A verified code makes the session aal2 (new cookies), and GoTrue ends the
 * user's other password-only sessions.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { isRequestRateLimit, RATE_LIMITED_MESSAGE } from "./auth-errors";

type Client = Pick<SupabaseClient, "auth">;

export const WRONG_CODE_MESSAGE =
  "That code is not right. Check that your phone's clock is set automatically, then enter the newest code.";

export interface TotpFactor {
  id: string;
  friendlyName: string | null;
  createdAt: string;
}

/** The user's verified authenticator-app factor, or null (the app lets a person hold one). */
export async function verifiedTotpFactor(supabase: Client): Promise<TotpFactor | null> {
  const { data, error } = await supabase.auth.mfa.listFactors();
  if (error) throw error;
  const factor = data.totp[0];
  return factor ? { id: factor.id, friendlyName: factor.friendly_name ?? null, createdAt: factor.created_at } : null;
}

export type CodeCheck = { ok: true } | { ok: false; field?: string; message: string; cause?: unknown };

/** Challenge + verify in one go; on success the client's session (and the cookies) is aal2. */
export async function checkCode(supabase: Client, factorId: string, code: string): Promise<CodeCheck> {
  const { error } = await supabase.auth.mfa.challengeAndVerify({ factorId, code });
  if (!error) return { ok: true };
  if (error.code === "mfa_verification_failed") return { ok: false, field: "code", message: WRONG_CODE_MESSAGE };
  if (isRequestRateLimit(error)) return { ok: false, message: RATE_LIMITED_MESSAGE };
  return { ok: false, message: "", cause: { code: error.code, status: error.status } };
}
