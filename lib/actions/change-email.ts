"use server";
/**
 * Starts an email change: the Auth server mails a confirmation link (to the new address, and with
 * double confirmation also to the current one); the address changes only once the link is followed
 * through /auth/confirm, which brings the person back to /account.
 */
import {
  EMAIL_RATE_LIMIT_MESSAGE,
  EMAIL_UNAVAILABLE_MESSAGE,
  emailChangeSentMessage,
  SAME_EMAIL_MESSAGE,
} from "@/lib/account/messages";
import { changeEmailSchema } from "@/lib/account/schemas";
import { siteOrigin } from "@/lib/auth/site-url";
import { failure, success } from "./form-state";
import { SIGNED_OUT_MESSAGE, unexpectedFailure, validatedActionWithUser } from "./safe-action";

export const changeEmail = validatedActionWithUser(
  changeEmailSchema,
  async ({ email }, { supabase, user, log, values }) => {
    if (user.email && email === user.email.toLowerCase())
      return failure(undefined, { email: SAME_EMAIL_MESSAGE }, values);
    const redirectTo = `${await siteOrigin()}/auth/confirm?flow=email-change&next=${encodeURIComponent("/account")}`;
    const { error } = await supabase.auth.updateUser({ email }, { emailRedirectTo: redirectTo });
    if (error) {
      // Deliberately vague: "already registered" would tell anyone signed in who else has an account.
      if (error.code === "email_exists" || error.code === "email_address_invalid") {
        return failure(undefined, { email: EMAIL_UNAVAILABLE_MESSAGE }, values);
      }
      if (error.code === "over_email_send_rate_limit") {
        return failure(EMAIL_RATE_LIMIT_MESSAGE, undefined, values);
      }
      if (error.status === 401 || error.status === 403) return failure(SIGNED_OUT_MESSAGE, undefined, values);
      return unexpectedFailure(
        "changeEmail",
        { code: error.code, status: error.status, message: error.message },
        values,
      );
    }
    log.info("Email change requested", { userId: user.id });
    return success(emailChangeSentMessage(email));
  },
  { name: "changeEmail" },
);
