import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard, textLinkClass } from "@/components/auth/auth-card";
import { SignInLinkForm } from "@/components/auth/sign-in-link-form";
import { DEFAULT_NEXT, safeNextPath } from "@/lib/auth/next-path";

export const metadata: Metadata = { title: "Sign in with a link" };

type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInLinkPage({ searchParams }: { searchParams: Params }) {
  const next = safeNextPath((await searchParams).next);
  const passwordLogin = next === DEFAULT_NEXT ? "/login" : `/login?next=${encodeURIComponent(next)}`;
  return (
    <AuthCard
      title="Sign in without a password"
      description="We email you a link and a 6-digit code. Open the link in this browser, or type the code here."
      footer={
        <p>
          <Link href={passwordLogin} className={textLinkClass}>
            Sign in with your password instead
          </Link>
        </p>
      }
    >
      <SignInLinkForm next={next === DEFAULT_NEXT ? undefined : next} />
    </AuthCard>
  );
}
