import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard, textLinkClass } from "@/components/auth/auth-card";
import { buttonClasses } from "@/components/ui/button";
import { createClient } from "@/lib/supabase/server";

export const metadata: Metadata = { title: "Email change" };

type Params = Promise<Record<string, string | string[] | undefined>>;

const strong = (text: string) => <strong className="font-semibold break-all text-ink">{text}</strong>;

/**
 * Where email-change links land. With double confirmation the first link opened only counts one of
 * two: Auth does not say which, so the page names both addresses when this browser is signed in.
 */
export default async function EmailChangePage({ searchParams }: { searchParams: Params }) {
  const params = await searchParams;
  // getUser asks the Auth server: the pending address is not in the session's token.
  const { data } = await (await createClient()).auth.getUser();
  const user = data.user;
  const pending = user?.new_email ?? null;

  if (params.step === "one" && (!user || pending)) {
    return (
      <AuthCard
        title="One of two confirmed"
        description={
          user?.email && pending ? (
            <>
              Now open the link we sent to the other address. We sent one link to {strong(user.email)} and one to{" "}
              {strong(pending)}; your address changes to {strong(pending)} once both are opened.
            </>
          ) : (
            "Now open the link we sent to your other address: one went to your current address and one to the new one. Your address changes once both are opened."
          )
        }
        footer={
          <p>
            <Link href={user ? "/account" : "/login"} className={textLinkClass}>
              {user ? "Back to your account" : "Go to sign in"}
            </Link>
          </p>
        }
      >
        <p className="text-sm text-ink-muted">
          Each link works once and expires in an hour. Until the change completes you keep signing in with your current
          address.
        </p>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Your email address is changed"
      description={
        user?.email ? (
          <>From now on you sign in with {strong(user.email)}.</>
        ) : (
          "From now on you sign in with your new address."
        )
      }
    >
      <Link href={user ? "/account" : "/login"} className={buttonClasses("primary", "w-full")}>
        {user ? "Back to your account" : "Sign in"}
      </Link>
    </AuthCard>
  );
}
