/**
 * The header for signed-in pages: brand, who is signed in (their name, or the email of an account
 * without one), and "Sign out". On phones the name is cut to fit beside the button; the full name
 * and email are in the tooltip.
 */
import { SiteHeader } from "@/components/site/site-header";
import { getSessionUser } from "@/lib/supabase/server";
import { SignOutButton } from "./sign-out-button";

export async function SignedInHeader() {
  const user = await getSessionUser();
  const shown = user?.fullName ?? user?.email ?? null;
  const title = user?.fullName && user.email ? `${user.fullName} (${user.email})` : (shown ?? undefined);
  return (
    <SiteHeader
      actions={
        <>
          {shown && (
            <span
              className="min-w-0 max-w-[9rem] truncate text-sm text-ink-muted sm:max-w-xs"
              title={title}
              data-testid="signed-in-as"
            >
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
