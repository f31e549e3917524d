import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard, textLinkClass } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { buttonClasses } from "@/components/ui/button";
import { isMailLinkSession } from "@/lib/auth/recovery";
import { getSessionUser } from "@/lib/supabase/server";

export const metadata: Metadata = { title: "Choose a new password" };

/** Reached from a reset link, which signs the person in for this one purpose. */
export default async function ResetPasswordPage() {
  const user = await getSessionUser();
  if (user && !isMailLinkSession(user)) {
    return (
      <AuthCard
        title="Change your password"
        description="You are signed in. Change your password on your account page, where we ask for the current one."
      >
        <Link href="/account" className={buttonClasses("primary", "w-full")}>
          Go to your account
        </Link>
      </AuthCard>
    );
  }
  if (!user) {
    return (
      <AuthCard
        title="This reset link has expired"
        description="Reset links work once and expire after an hour. Ask for a new one and use the newest mail."
      >
        <Link href="/forgot-password" className={buttonClasses("primary", "w-full")}>
          Send a new reset link
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Choose a new password"
      description={
        <>
          For <strong className="font-semibold text-ink">{user.email}</strong>. You will sign in with it afterwards.
        </>
      }
      footer={
        <p>
          Changed your mind?{" "}
          <Link href="/onboarding" className={textLinkClass}>
            Keep your current password
          </Link>
        </p>
      }
    >
      <ResetPasswordForm />
    </AuthCard>
  );
}
