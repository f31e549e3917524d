"use server";
/** "Send the link again" on the check-your-email page. Same answer for every address. */
import { isEmailSendRateLimit, isRequestRateLimit, RATE_LIMITED_MESSAGE } from "@/lib/auth/auth-errors";
import { rememberPendingEmail } from "@/lib/auth/pending-email";
import { emailOnlySchema } from "@/lib/auth/schemas";
import { CONFIRMED_LANDING } from "@/lib/auth/confirmed";
import { confirmUrl } from "@/lib/auth/site-url";
import { RESENT_MESSAGE } from "@/lib/auth/messages";
import { failure, success } from "../form-state";
import { unexpectedFailure, validatedAction } from "../safe-action";

export const resendConfirmation = validatedAction(
  emailOnlySchema,
  async ({ email }, { supabase, values }) => {
    const { error } = await supabase.auth.resend({
      type: "signup",
      email,
      options: { emailRedirectTo: await confirmUrl("signup", CONFIRMED_LANDING) },
    });
    if (error && !isEmailSendRateLimit(error)) {
      if (isRequestRateLimit(error)) return failure(RATE_LIMITED_MESSAGE, undefined, values);
      // Unknown or already-confirmed addresses are refused by some GoTrue versions: answer alike.
      if ((error.status ?? 500) < 500) return success(RESENT_MESSAGE, values);
      return unexpectedFailure(
        "resendConfirmation",
        { code: error.code, status: error.status, message: error.message },
        values,
      );
    }
    await rememberPendingEmail(email);
    return success(RESENT_MESSAGE, values);
  },
  { name: "resendConfirmation" },
);
