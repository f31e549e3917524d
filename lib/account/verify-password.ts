/**
 * Re-authentication for sensitive account changes: checks a password against the Auth server with
 * the service-role client, which keeps no session, so the person's cookies are not touched by the
 * check. The session it creates belongs to the same person and expires on its own (or is removed
 * with the account).
 */
import { createAdminClient } from "@/lib/supabase/admin";

export type PasswordCheck = "ok" | "wrong" | "unavailable";

export async function checkPassword(
  email: string,
  password: string,
): Promise<{ result: PasswordCheck; cause?: string }> {
  const { error } = await createAdminClient().auth.signInWithPassword({ email, password });
  if (!error) return { result: "ok" };
  if (error.code === "invalid_credentials") return { result: "wrong" };
  return { result: "unavailable", cause: `${error.code ?? error.status}: ${error.message}` };
}
