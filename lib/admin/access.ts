/**
 * Who may see /admin: people whose live user record carries `app_metadata.role = "admin"` (set only
 * with the service key: npm run admin:grant). The page asks the Auth server for the user rather than
 * trusting the JWT's claims, which outlive a revocation by up to an hour. user_metadata is
 * client-writable and never consulted. The database checks the live row again in every admin_*
 * function (private.assert_admin).
 */
import { isAuthApiError, isAuthSessionMissingError } from "@supabase/supabase-js";
import { notFound, redirect } from "next/navigation";
import { SECOND_FACTOR_PATH } from "@/lib/auth/routes";
import { createClient, type ServerSupabase } from "@/lib/supabase/server";
import { redirectIfUnavailable } from "@/lib/supabase/unavailable-redirect";

/** Pure: the admin rule applied to JWT claims. */
export function isAdminClaims(claims: Record<string, unknown> | null | undefined): boolean {
  const appMetadata = claims?.app_metadata;
  return (
    typeof appMetadata === "object" && appMetadata !== null && (appMetadata as Record<string, unknown>).role === "admin"
  );
}

/**
 * For admin pages: signed out (or the session or account is gone) → /login (back here afterwards);
 * signed in but not an admin → 404, so the page does not even admit it exists. Other failures of
 * the Auth server are thrown: an outage is not a sign-out.
 */
export async function requireAdmin(from = "/admin"): Promise<{ supabase: ServerSupabase; userId: string }> {
  const supabase = await createClient();
  const { data, error } = await supabase.auth.getUser();
  if (error) redirectIfUnavailable(error, from);
  const signedOut = isAuthSessionMissingError(error) || (isAuthApiError(error) && error.status < 500);
  if (error && !signedOut) throw error;
  const user = error ? null : data.user;
  if (!user) redirect(`/login?next=${encodeURIComponent(from)}`);
  // An admin with two-factor on needs the code first (aal2). getUser just listed the factors, and the
  // level is read from the access token getUser verified.
  if (user.factors?.some((factor) => factor.status === "verified")) {
    const { data: level } = await supabase.auth.mfa.getAuthenticatorAssuranceLevel();
    if (level?.currentLevel !== "aal2") redirect(`${SECOND_FACTOR_PATH}?next=${encodeURIComponent(from)}`);
  }
  if (!isAdminClaims({ app_metadata: user.app_metadata })) notFound();
  return { supabase, userId: user.id };
}
