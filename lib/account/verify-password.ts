/**
 * Re-authentication for sensitive account changes: checks a password against the Auth server with
 * the service-role client, which keeps no session, so the person's cookies are not touched by the
 * check. The session it creates belongs to the same person and expires on its own (or is removed
 * with the account).
 */
import type { Session } from "@supabase/supabase-js";
import { createAdminClient } from "@/lib/supabase/admin";

export type PasswordCheck = "ok" | "wrong" | "unavailable";

/** On "ok", `session` is the session the check signed in: fresh, so Auth treats it as just authenticated. */
export async function checkPassword(
  email: string,
  password: string,
): Promise<{ result: PasswordCheck; cause?: string; session?: Session }> {
  const { data, error } = await createAdminClient().auth.signInWithPassword({ email, password });
  if (!error) return { result: "ok", session: data.session ?? undefined };
  if (error.code === "invalid_credentials") return { result: "wrong" };
  return { result: "unavailable", cause: `${error.code ?? error.status}: ${error.message}` };
}
