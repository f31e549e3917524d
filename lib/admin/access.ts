/**
 * Who may see /admin: people whose verified JWT carries `app_metadata.role = "admin"` (set only with
 * the service key: npm run admin:grant). user_metadata is client-writable and never consulted. The
 * database checks the same claim again in every admin_* function (private.assert_admin).
 */
import { notFound, redirect } from "next/navigation";
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
 * For admin pages: signed out → /login (back here afterwards); signed in but not an admin → 404, so
 * the page does not even admit it exists.
 */
export async function requireAdmin(from = "/admin"): Promise<{ supabase: ServerSupabase; userId: string }> {
  const supabase = await createClient();
  const { data, error } = await supabase.auth.getClaims();
  if (error) redirectIfUnavailable(error, from);
  const claims = error ? null : (data?.claims as Record<string, unknown> | undefined);
  if (!claims?.sub) redirect(`/login?next=${encodeURIComponent(from)}`);
  if (!isAdminClaims(claims)) notFound();
  return { supabase, userId: String(claims.sub) };
}
