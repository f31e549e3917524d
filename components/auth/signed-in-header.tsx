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
            // Phones have room for the brand and the button only; the address shows from `sm` up.
            <span className="hidden max-w-xs truncate text-sm text-ink-muted sm:inline" title={shown}>
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
