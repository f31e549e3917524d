"use server";
/** Sign-in with email and password, then on to the (sanitised) `next` page. */
import { redirect } from "next/navigation";
import { isRequestRateLimit, RATE_LIMITED_MESSAGE } from "@/lib/auth/auth-errors";
import { safeNextPath } from "@/lib/auth/next-path";
import { rememberPendingEmail } from "@/lib/auth/pending-email";
import { signInSchema } from "@/lib/auth/schemas";
import { INVALID_CREDENTIALS_MESSAGE } from "@/lib/auth/messages";
import { failure } from "../form-state";
import { unexpectedFailure, validatedAction } from "../safe-action";

export const signIn = validatedAction(
  signInSchema,
  async ({ email, password, next }, { supabase, log, values }) => {
    const { data, error } = await supabase.auth.signInWithPassword({ email, password });
    if (error) {
      if (error.code === "invalid_credentials") return failure(INVALID_CREDENTIALS_MESSAGE, undefined, values);
      if (isRequestRateLimit(error)) return failure(RATE_LIMITED_MESSAGE, undefined, values);
      if (error.code === "email_not_confirmed") {
        // GoTrue says this only after the password matched, so it reveals nothing to a stranger.
        await rememberPendingEmail(email);
        redirect("/check-email?reason=unconfirmed");
      }
      return unexpectedFailure("signIn", { code: error.code, status: error.status, message: error.message }, values);
    }
    log.info("Signed in", { userId: data.user?.id });
    redirect(safeNextPath(next));
  },
  { name: "signIn" },
);
