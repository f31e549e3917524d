import { Suspense, type ReactNode } from "react";
import { ConfirmedNotice } from "@/components/auth/confirmed-notice";
import { SignedInHeader } from "@/components/auth/signed-in-header";
import { AppNav } from "@/components/profile/app-nav";
import { isAdminClaims } from "@/lib/admin/access";
import { isProfileComplete } from "@/lib/profiles/completed";
import { getRequestClaims } from "@/lib/supabase/server";

/** Signed-in pages: the account header and the app's sections. Each page still checks the user itself. */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const claims = await getRequestClaims();
  const complete = claims ? await isProfileComplete(claims.sub) : false;
  return (
    <div className="flex min-h-dvh flex-col">
      <SignedInHeader />
      <AppNav showAdmin={isAdminClaims(claims)} showOnboarding={!complete} />
      <Suspense>
        <ConfirmedNotice />
      </Suspense>
      {children}
    </div>
  );
}
