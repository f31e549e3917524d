import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard, textLinkClass } from "@/components/auth/auth-card";
import { ConfirmationWatcher } from "@/components/auth/confirmation-watcher";
import { ResendForm } from "@/components/auth/resend-form";
import { Alert } from "@/components/ui/alert";
import { localInboxUrl } from "@/lib/auth/local-inbox";
import { UNCONFIRMED_NOTICE } from "@/lib/auth/messages";
import { pendingEmail } from "@/lib/auth/pending-email";

export const metadata: Metadata = { title: "Check your email" };

type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function CheckEmailPage({ searchParams }: { searchParams: Params }) {
  const [params, email] = await Promise.all([searchParams, pendingEmail()]);
  const inbox = localInboxUrl(process.env.NEXT_PUBLIC_SUPABASE_URL, process.env.INBUCKET_URL);
  return (
    <AuthCard
      title="Check your email"
      description={
        email ? (
          <>
            We sent a confirmation link to <strong className="font-semibold text-ink">{email}</strong>. Open it to
            finish creating your account.
          </>
        ) : (
          "We sent you a confirmation link. Open it to finish creating your account."
        )
      }
      footer={
        <>
          <p>
            Already confirmed?{" "}
            <Link href="/login" className={textLinkClass}>
              Sign in
            </Link>
          </p>
          <p>
            Wrong address?{" "}
            <Link href="/signup" className={textLinkClass}>
              Sign up again
            </Link>
          </p>
        </>
      }
    >
      <div className="space-y-5">
        <ConfirmationWatcher />
        {params.reason === "unconfirmed" && <Alert tone="info">{UNCONFIRMED_NOTICE}</Alert>}
        <p className="text-sm text-ink-muted">
          The link works once and expires in an hour. Nothing arrived after a few minutes? Check your spam folder, or
          ask for a new link.
        </p>
        {inbox && (
          <p className="rounded-lg border border-dashed border-brand-200 bg-brand-50 px-4 py-3 text-sm text-brand-900">
            Running on the local stack: mail is not really sent.{" "}
            <a href={inbox} target="_blank" rel="noreferrer" className={textLinkClass}>
              Open the local inbox
            </a>
          </p>
        )}
        <ResendForm email={email} />
      </div>
    </AuthCard>
  );
}
