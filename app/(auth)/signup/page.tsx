import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard, textLinkClass } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

export default function SignUpPage() {
  return (
    <AuthCard
      title="Create your account"
      description="Your profile is created together with your account. A short wizard helps you fill it in."
      footer={
        <p>
          Already have an account?{" "}
          <Link href="/login" className={textLinkClass}>
            Sign in
          </Link>
        </p>
      }
    >
      <SignUpForm />
    </AuthCard>
  );
}
