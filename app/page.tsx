import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Landing } from "@/components/site/landing";
import { SiteHeader } from "@/components/site/site-header";
import { buttonClasses } from "@/components/ui/button";
import { getRequestClaims } from "@/lib/supabase/server";

/** The landing page. A signed-in visitor is offered the way back into the app, not sign-in/sign-up. */
export default async function HomePage() {
  const signedIn = (await getRequestClaims()) !== null;
  return (
    <>
      <SiteHeader
        actions={
          signedIn ? (
            <>
              {/* "Your" is dropped on phones, where the logo and both buttons must share 390 px. */}
              <Link href="/onboarding" className={buttonClasses("primary", "whitespace-nowrap")}>
                <span className="hidden sm:inline">Your profile</span>
                <span className="sm:hidden">Profile</span>
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/login" className={buttonClasses("ghost")}>
                Sign in
              </Link>
              <Link href="/signup" className={buttonClasses("primary")}>
                Sign up
              </Link>
            </>
          )
        }
      />
      <Landing signedIn={signedIn} />
    </>
  );
}
