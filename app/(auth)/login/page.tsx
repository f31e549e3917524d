import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard, textLinkClass } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { loginNotice } from "@/lib/auth/messages";
import { DEFAULT_NEXT, safeNextPath } from "@/lib/auth/next-path";

export const metadata: Metadata = { title: "Sign in" };

type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function LoginPage({ searchParams }: { searchParams: Params }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const notice = loginNotice(params.notice);
  const linkLogin = next === DEFAULT_NEXT ? "/login/link" : `/login/link?next=${encodeURIComponent(next)}`;
  return (
    <AuthCard
      title="Sign in"
      description="Welcome back. Sign in to continue with your profile."
      footer={
        <>
          <p>
            No password at hand?{" "}
            <Link href={linkLogin} className={textLinkClass}>
              Email me a sign-in link
            </Link>
          </p>
          <p>
            New to Autoprofile?{" "}
            <Link href="/signup" className={textLinkClass}>
              Create an account
            </Link>
          </p>
        </>
      }
    >
      {notice && (
        <div className="mb-5">
          <Alert tone={params.notice === "link-other-browser" ? "info" : "success"}>{notice}</Alert>
        </div>
      )}
      <SignInForm next={next === DEFAULT_NEXT ? undefined : next} />
    </AuthCard>
  );
}
