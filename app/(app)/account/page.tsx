import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountOverview } from "@/components/account/account-overview";
import { fullNameOf } from "@/lib/account/full-name";
import { loadAccountSecurity } from "@/lib/account/security";
import { createClient, getSessionUser } from "@/lib/supabase/server";
import { redirectIfUnavailable } from "@/lib/supabase/unavailable-redirect";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const supabase = await createClient();
  // A session that still owes its second factor is not signed in (the middleware sends it to the code page).
  if (!(await getSessionUser(supabase))) redirect("/login?next=/account");
  // getUser asks the Auth server: the page shows a pending email change, which the JWT does not carry.
  const { data, error } = await supabase.auth.getUser();
  if (error) redirectIfUnavailable(error, "/account");
  if (!data.user) redirect("/login?next=/account");
  const security = await loadAccountSecurity(supabase, data.user);
  return (
    // overflow-wrap is inherited: a long email address wraps anywhere instead of widening the page on phones.
    <main id="main" className="mx-auto w-full max-w-4xl px-4 py-8 [overflow-wrap:anywhere] sm:px-6 sm:py-12">
      <AccountOverview
        account={{
          fullName: fullNameOf(data.user.user_metadata),
          email: data.user.email ?? null,
          newEmailPending: data.user.new_email ?? null,
          memberSince: data.user.created_at,
        }}
        security={security}
      />
    </main>
  );
}
