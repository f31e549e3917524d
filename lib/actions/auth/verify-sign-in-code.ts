"use server";
/**
 * The one-time code from a sign-in mail, typed on /login/code. The address comes from the short-lived
 * cookie the link request wrote (the page never shows or posts it in full). A wrong, expired or used
 * code and an unknown address get one answer.
 */
import { redirect } from "next/navigation";
import { isRequestRateLimit, RATE_LIMITED_MESSAGE } from "@/lib/auth/auth-errors";
import { SIGN_IN_CODE_WRONG_MESSAGE } from "@/lib/auth/messages";
import { safeNextPath } from "@/lib/auth/next-path";
import { forgetPendingEmail, pendingEmail } from "@/lib/auth/pending-email";
import { signInCodeSchema } from "@/lib/auth/schemas";
import { failure } from "../form-state";
import { unexpectedFailure, validatedAction } from "../safe-action";

export const verifySignInCode = validatedAction(
  signInCodeSchema,
  async ({ code, next }, { supabase, log, values }) => {
    const email = await pendingEmail();
    if (!email) redirect(`/login/link?next=${encodeURIComponent(safeNextPath(next))}`);
    const { data, error } = await supabase.auth.verifyOtp({ email, token: code, type: "email" });
    if (error || !data.session) {
      if (isRequestRateLimit(error)) return failure(RATE_LIMITED_MESSAGE, undefined, values);
      if (!error || (error.status ?? 500) < 500)
        return failure(undefined, { code: SIGN_IN_CODE_WRONG_MESSAGE }, values);
      return unexpectedFailure(
        "verifySignInCode",
        { code: error.code, status: error.status, message: error.message },
        values,
      );
    }
    log.info("Signed in with a one-time code", { userId: data.user?.id });
    await forgetPendingEmail();
    redirect(safeNextPath(next));
  },
  { name: "verifySignInCode" },
);
