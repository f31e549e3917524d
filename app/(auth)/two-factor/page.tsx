import type { Metadata } from "next";
import { AuthCard, textLinkClass } from "@/components/auth/auth-card";
import { TwoFactorForm } from "@/components/auth/two-factor-form";
import { DEFAULT_NEXT, safeNextPath } from "@/lib/auth/next-path";

export const metadata: Metadata = { title: "Enter your code" };

type Params = Promise<Record<string, string | string[] | undefined>>;

/** Reached only with a session that still owes its code (the middleware sends everyone else on). */
export default async function TwoFactorPage({ searchParams }: { searchParams: Params }) {
  const next = safeNextPath((await searchParams).next);
  return (
    <AuthCard
      title="Enter your code"
      description="Two-factor sign-in is on for this account. Open your authenticator app and enter the 6-digit code it shows for Autoprofile."
      footer={
        <>
          <p>
            Lost your phone? Add the setup key you saved to a new authenticator app, or ask us to remove two-factor.
          </p>
          <form action="/auth/sign-out" method="post">
            <button type="submit" className={textLinkClass}>
              Sign out and use another account
            </button>
          </form>
        </>
      }
    >
      <TwoFactorForm next={next === DEFAULT_NEXT ? undefined : next} />
    </AuthCard>
  );
}
