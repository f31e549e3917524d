/**
 * Whether a session still owes its second factor: an aal1 session of a user who has a verified
 * factor counts as not signed in until a code from their authenticator app raises it to aal2.
 *
 * The verified access token says the session's level (`aal`), not whether the user has a factor.
 * aal2 settles it at once (0 Auth calls). For aal1 the Auth server decides —
 * `mfa.getAuthenticatorAssuranceLevel(token)` reads the user's factors with GET /user — and the
 * verdict is kept per session for a minute, so a signed-in render costs at most one Auth call per
 * session per minute. The cookie's copy of the user is never consulted: its owner can edit it.
 * Why a minute is safe: verifying a factor ends every other aal1 session of the user (their refresh
 * fails), and the database's policies require aal2 of users with a verified factor regardless.
 */
import type { SupabaseClient } from "@supabase/supabase-js";

type AuthClient = Pick<SupabaseClient, "auth">;

export type Assurance = "complete" | "second-factor-due" | "signed-out";

/** Auth could not be asked (network, 5xx): not a sign-out, and not a pass either. */
export class AssuranceUnavailableError extends Error {
  constructor(cause: unknown) {
    super("The sign-in service could not confirm the session's assurance level", { cause });
  }
}

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;
const verdicts = new Map<string, { due: boolean; until: number }>();

function remember(sessionId: string, due: boolean): void {
  if (verdicts.size >= MAX_ENTRIES) {
    const oldest = verdicts.keys().next().value;
    if (oldest !== undefined) verdicts.delete(oldest);
  }
  verdicts.set(sessionId, { due, until: Date.now() + TTL_MS });
}

/** After a code was verified or a factor removed, the session's next check asks Auth again. */
export function forgetAssurance(sessionId: string | null | undefined): void {
  if (sessionId) verdicts.delete(sessionId);
}

interface Claims {
  aal?: unknown;
  session_id?: unknown;
}

/** `claims` must be the verified claims of the session `supabase` holds (getClaims() just ran). */
export async function sessionAssurance(supabase: AuthClient, claims: Claims): Promise<Assurance> {
  if (claims.aal === "aal2") return "complete";
  const sessionId = typeof claims.session_id === "string" ? claims.session_id : "";
  const cached = verdicts.get(sessionId);
  if (cached && cached.until > Date.now()) return cached.due ? "second-factor-due" : "complete";

  const { data: sessionData } = await supabase.auth.getSession();
  const token = sessionData.session?.access_token;
  if (!token) return "signed-out";
  const { data, error } = await supabase.auth.mfa.getAuthenticatorAssuranceLevel(token);
  if (error) {
    const status = "status" in error && typeof error.status === "number" ? error.status : 0;
    if (status === 401 || status === 403) return "signed-out";
    throw new AssuranceUnavailableError(error);
  }
  const due = data.currentLevel !== "aal2" && data.nextLevel === "aal2";
  if (sessionId) remember(sessionId, due);
  return due ? "second-factor-due" : "complete";
}
