/**
 * What the account page shows about sign-in security: the verified authenticator-app factor (from
 * the user Auth just returned) and the person's sessions.
 */
import type { User } from "@supabase/supabase-js";
import type { TotpFactor } from "@/lib/auth/two-factor";
import type { ServerSupabase } from "@/lib/supabase/server";
import { listSessions, type AccountSession } from "./sessions";

export interface AccountSecurity {
  factor: TotpFactor | null;
  sessions: AccountSession[];
}

export async function loadAccountSecurity(supabase: ServerSupabase, user: User): Promise<AccountSecurity> {
  const verified = (user.factors ?? []).find((f) => f.factor_type === "totp" && f.status === "verified");
  const factor = verified
    ? { id: verified.id, friendlyName: verified.friendly_name ?? null, createdAt: verified.created_at }
    : null;
  return { factor, sessions: await listSessions(supabase) };
}
