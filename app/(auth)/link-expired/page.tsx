import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard, textLinkClass } from "@/components/auth/auth-card";
import { ResendForm } from "@/components/auth/resend-form";
import { buttonClasses } from "@/components/ui/button";
import { pendingEmail } from "@/lib/auth/pending-email";

export const metadata: Metadata = { title: "Link expired" };

type Params = Promise<Record<string, string | string[] | undefined>>;

/** Where /auth/confirm sends a link that could not be used: offer the way to a fresh one. */
export default async function LinkExpiredPage({ searchParams }: { searchParams: Params }) {
  const [params, email] = await Promise.all([searchParams, pendingEmail()]);
  const recovery = params.flow === "recovery";
  return (
    <AuthCard
      title="This link has expired or was already used"
      description={
        recovery
          ? "Reset links work once, expire after an hour, and must be opened in the browser where you asked for them."
          : "Confirmation links work once and expire after an hour. If you already confirmed, just sign in."
      }
      footer={
        <p>
          <Link href="/login" className={textLinkClass}>
            Go to sign in
          </Link>
        </p>
      }
    >
      {recovery ? (
        <Link href="/forgot-password" className={buttonClasses("primary", "w-full")}>
          Send a new reset link
        </Link>
      ) : (
        <ResendForm email={email} />
      )}
    </AuthCard>
  );
}
