/**
 * Re-authentication for sensitive account changes: checks a password against the Auth server with a
 * client that keeps no session (so the person's cookies are not touched by the check) and names the
 * visitor's IP like every Auth call made on their behalf. The session it creates belongs to the same
 * person and expires on its own (or is removed with the account).
 */
import type { Session } from "@supabase/supabase-js";
import { headers } from "next/headers";
import { createStatelessVisitorClient } from "@/lib/supabase/visitor-auth";

export type PasswordCheck = "ok" | "wrong" | "unavailable";

/** On "ok", `session` is the session the check signed in: fresh, so Auth treats it as just authenticated. */
export async function checkPassword(
  email: string,
  password: string,
): Promise<{ result: PasswordCheck; cause?: string; session?: Session }> {
  const client = createStatelessVisitorClient(await headers());
  const { data, error } = await client.auth.signInWithPassword({ email, password });
  if (!error) return { result: "ok", session: data.session ?? undefined };
  if (error.code === "invalid_credentials") return { result: "wrong" };
  return { result: "unavailable", cause: `${error.code ?? error.status}: ${error.message}` };
}
