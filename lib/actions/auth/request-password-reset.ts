"use server";
/**
 * "Forgot password": ask GoTrue to mail a reset link. The answer is the same whether or not the
 * address has an account (GoTrue itself answers 200 for unknown addresses).
 */
import { isEmailSendRateLimit, isRequestRateLimit, RATE_LIMITED_MESSAGE } from "@/lib/auth/auth-errors";
import { emailOnlySchema } from "@/lib/auth/schemas";
import { confirmUrl } from "@/lib/auth/site-url";
import { RESET_SENT_MESSAGE } from "@/lib/auth/messages";
import { failure, success } from "../form-state";
import { unexpectedFailure, validatedAction } from "../safe-action";

export const requestPasswordReset = validatedAction(
  emailOnlySchema,
  async ({ email }, { supabase, values }) => {
    const { error } = await supabase.auth.resetPasswordForEmail(email, {
      redirectTo: await confirmUrl("recovery", "/reset-password"),
    });
    if (error && !isEmailSendRateLimit(error)) {
      if (isRequestRateLimit(error)) return failure(RATE_LIMITED_MESSAGE, undefined, values);
      return unexpectedFailure(
        "requestPasswordReset",
        { code: error.code, status: error.status, message: error.message },
        values,
      );
    }
    return success(RESET_SENT_MESSAGE, values);
  },
  { name: "requestPasswordReset" },
);
