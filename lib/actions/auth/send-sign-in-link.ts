"use server";
/**
 * "Email me a sign-in link": GoTrue mails a link and a one-time code to an existing account. The
 * answer is the same for every address — `shouldCreateUser: false` makes GoTrue refuse unknown ones
 * (422 otp_disabled), and that refusal is answered like a sent mail. The link is a PKCE link: only the
 * browser holding the verifier cookie written here can turn it into a session.
 */
import { redirect } from "next/navigation";
import { isEmailSendRateLimit, isRequestRateLimit, RATE_LIMITED_MESSAGE } from "@/lib/auth/auth-errors";
import { safeNextPath } from "@/lib/auth/next-path";
import { rememberPendingEmail } from "@/lib/auth/pending-email";
import { signInLinkSchema } from "@/lib/auth/schemas";
import { siteOrigin } from "@/lib/auth/site-url";
import { failure } from "../form-state";
import { unexpectedFailure, validatedAction } from "../safe-action";

export const sendSignInLink = validatedAction(
  signInLinkSchema,
  async ({ email, next }, { supabase, values }) => {
    const target = safeNextPath(next);
    const { error } = await supabase.auth.signInWithOtp({
      email,
      options: {
        shouldCreateUser: false,
        emailRedirectTo: `${await siteOrigin()}/auth/confirm?flow=signin&next=${encodeURIComponent(target)}`,
      },
    });
    if (error && error.code !== "otp_disabled" && !isEmailSendRateLimit(error)) {
      if (isRequestRateLimit(error)) return failure(RATE_LIMITED_MESSAGE, undefined, values);
      if ((error.status ?? 500) >= 500) {
        return unexpectedFailure(
          "sendSignInLink",
          { code: error.code, status: error.status, message: error.message },
          values,
        );
      }
      // Any other refusal (an unconfirmed or banned account, say) must not read differently.
    }
    await rememberPendingEmail(email);
    redirect(`/login/code?next=${encodeURIComponent(target)}`);
  },
  { name: "sendSignInLink" },
);
