"use server";
/**
 * "Email me a sign-in link": GoTrue mails a link and a one-time code to an existing account. The
 * answer is the same for every address — `shouldCreateUser: false` makes GoTrue refuse unknown ones
 * (422 otp_disabled), and that refusal is answered like a sent mail. The link is a PKCE link: only the
 * browser holding the verifier cookie written here can turn it into a session. Every answer comes
 * after the same minimum time: a known address costs Auth a mail, an unknown one nothing.
 */
import { redirect } from "next/navigation";
import { isEmailSendRateLimit, isRequestRateLimit, RATE_LIMITED_MESSAGE } from "@/lib/auth/auth-errors";
import { safeNextPath } from "@/lib/auth/next-path";
import { rememberPendingEmail } from "@/lib/auth/pending-email";
import { signInLinkSchema } from "@/lib/auth/schemas";
import { siteOrigin } from "@/lib/auth/site-url";
import { SIGN_IN_FLOOR_MS, startTimingFloor } from "@/lib/auth/timing-floor";
import { failure } from "../form-state";
import { unexpectedFailure, validatedAction } from "../safe-action";

export const sendSignInLink = validatedAction(
  signInLinkSchema,
  async ({ email, next }, { supabase, values }) => {
    const floor = startTimingFloor(SIGN_IN_FLOOR_MS);
    const target = safeNextPath(next);
    const { error } = await supabase.auth.signInWithOtp({
      email,
      options: {
        shouldCreateUser: false,
        emailRedirectTo: `${await siteOrigin()}/auth/confirm?flow=signin&next=${encodeURIComponent(target)}`,
      },
    });
    if (error && error.code !== "otp_disabled" && !isEmailSendRateLimit(error)) {
      if (isRequestRateLimit(error)) return floor.pad(failure(RATE_LIMITED_MESSAGE, undefined, values));
      if ((error.status ?? 500) >= 500) {
        return floor.pad(
          unexpectedFailure(
            "sendSignInLink",
            { code: error.code, status: error.status, message: error.message },
            values,
          ),
        );
      }
      // Any other refusal (an unconfirmed or banned account, say) must not read differently.
    }
    await rememberPendingEmail(email);
    await floor.pad(null);
    redirect(`/login/code?next=${encodeURIComponent(target)}`);
  },
  { name: "sendSignInLink" },
);
