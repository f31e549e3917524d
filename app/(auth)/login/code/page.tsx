import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard, textLinkClass } from "@/components/auth/auth-card";
import { SignInCodeForm } from "@/components/auth/sign-in-code-form";
import { localInboxUrl } from "@/lib/auth/local-inbox";
import { DEFAULT_NEXT, safeNextPath } from "@/lib/auth/next-path";
import { maskEmail, pendingEmail } from "@/lib/auth/pending-email";

export const metadata: Metadata = { title: "Check your email" };

type Params = Promise<Record<string, string | string[] | undefined>>;

/** After "Email me a sign-in link": the same words whether or not the address has an account. */
export default async function SignInCodePage({ searchParams }: { searchParams: Params }) {
  const [params, email] = await Promise.all([searchParams, pendingEmail()]);
  const next = safeNextPath(params.next);
  const again = next === DEFAULT_NEXT ? "/login/link" : `/login/link?next=${encodeURIComponent(next)}`;
  const inbox = localInboxUrl(process.env.NEXT_PUBLIC_SUPABASE_URL, process.env.INBUCKET_URL);
  return (
    <AuthCard
      title="Check your email"
      description={
        <>
          If an account uses{" "}
          {email ? <strong className="font-semibold text-ink">{maskEmail(email)}</strong> : "that address"}, a sign-in
          link and a 6-digit code are on their way. Open the link in this browser, or type the code below.
        </>
      }
      footer={
        <p>
          Nothing arrived, or wrong address?{" "}
          <Link href={again} className={textLinkClass}>
            Ask for a new link
          </Link>
        </p>
      }
    >
      <div className="space-y-5">
        {email ? (
          <SignInCodeForm next={next === DEFAULT_NEXT ? undefined : next} />
        ) : (
          <p className="text-sm text-ink-muted">
            This page has expired.{" "}
            <Link href={again} className={textLinkClass}>
              Ask for a new sign-in link
            </Link>
            .
          </p>
        )}
        <p className="text-sm text-ink-muted">The link and the code work once and expire in an hour.</p>
        {inbox && (
          <p className="rounded-lg border border-dashed border-brand-200 bg-brand-50 px-4 py-3 text-sm text-brand-900">
            Running on the local stack: mail is not really sent.{" "}
            <a href={inbox} target="_blank" rel="noreferrer" className={textLinkClass}>
              Open the local inbox
            </a>
          </p>
        )}
      </div>
    </AuthCard>
  );
}
