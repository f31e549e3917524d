/**
 * The header for signed-in pages: brand, the person's email, and "Sign out". Pass `email` when the
 * page already has the user; otherwise it looks the user up itself.
 */
import { SiteHeader } from "@/components/site/site-header";
import { getSessionUser } from "@/lib/supabase/server";
import { SignOutButton } from "./sign-out-button";

export async function SignedInHeader({ email }: { email?: string | null }) {
  const shown = email !== undefined ? email : ((await getSessionUser())?.email ?? null);
  return (
    <SiteHeader
      actions={
        <>
          {shown && (
            <span className="max-w-[9rem] truncate text-sm text-ink-muted sm:max-w-xs" title={shown}>
              <span className="sr-only">Signed in as </span>
              {shown}
            </span>
          )}
          <SignOutButton />
        </>
      }
    />
  );
}
