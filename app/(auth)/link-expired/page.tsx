import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard, textLinkClass } from "@/components/auth/auth-card";
import { ResendForm } from "@/components/auth/resend-form";
import { buttonClasses } from "@/components/ui/button";
import { pendingEmail } from "@/lib/auth/pending-email";

export const metadata: Metadata = { title: "Link expired" };

type Params = Promise<Record<string, string | string[] | undefined>>;

const AGAIN = {
  recovery: {
    why: "Reset links work once, expire after an hour, and must be opened in the browser where you asked for them.",
    href: "/forgot-password",
    label: "Send a new reset link",
  },
  signin: {
    why: "Sign-in links work once, expire after an hour, and must be opened in the browser where you asked for them.",
    href: "/login/link",
    label: "Send a new sign-in link",
  },
  "email-change": {
    why: "Email-change links work once and expire after an hour. Ask for the change again from your account page.",
    href: "/account",
    label: "Go to your account",
  },
} as const;

/** Where /auth/confirm sends a link that could not be used: offer the way to a fresh one. */
export default async function LinkExpiredPage({ searchParams }: { searchParams: Params }) {
  const [params, email] = await Promise.all([searchParams, pendingEmail()]);
  const flow = typeof params.flow === "string" && Object.hasOwn(AGAIN, params.flow) ? params.flow : null;
  const again = flow ? AGAIN[flow as keyof typeof AGAIN] : null;
  return (
    <AuthCard
      title="This link has expired or was already used"
      description={
        again?.why ?? "Confirmation links work once and expire after an hour. If you already confirmed, just sign in."
      }
      footer={
        <p>
          <Link href="/login" className={textLinkClass}>
            Go to sign in
          </Link>
        </p>
      }
    >
      {again ? (
        <Link href={again.href} className={buttonClasses("primary", "w-full")}>
          {again.label}
        </Link>
      ) : (
        <ResendForm email={email} />
      )}
    </AuthCard>
  );
}
