/**
 * The signed-in person's sessions (public.my_sessions(): their own rows of auth.sessions), for the
 * account page's "sign out of other devices". Sessions are started by this app's server, so the
 * browser behind each is not known; when it signed in and was last active is.
 */
import type { ServerSupabase } from "@/lib/supabase/server";

export interface AccountSession {
  id: string;
  signedInAt: string;
  lastActiveAt: string;
  current: boolean;
  twoFactor: boolean;
}

export async function listSessions(supabase: ServerSupabase): Promise<AccountSession[]> {
  const { data, error } = await supabase.rpc("my_sessions");
  if (error) throw new Error(`my_sessions failed: ${error.code} ${error.message}`);
  return (data ?? []).map((row) => ({
    id: row.id,
    signedInAt: row.signed_in_at,
    lastActiveAt: row.last_active_at,
    current: row.is_current,
    twoFactor: row.aal === "aal2",
  }));
}
