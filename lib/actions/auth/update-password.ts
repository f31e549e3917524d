"use server";
/**
 * Sets a new password for the signed-in person (after following a reset link, which signed them in
 * for this purpose), then signs out every session so the new password is needed everywhere.
 */
import { redirect } from "next/navigation";
import { PASSWORD_MESSAGES } from "@/lib/auth/password-policy";
import { isMailLinkSession } from "@/lib/auth/recovery";
import { resetPasswordSchema } from "@/lib/auth/schemas";
import { RESET_LINK_NEEDED_MESSAGE, SAME_PASSWORD_MESSAGE } from "@/lib/auth/messages";
import { failure } from "../form-state";
import { SIGNED_OUT_MESSAGE, unexpectedFailure, validatedActionWithUser } from "../safe-action";

export const updatePassword = validatedActionWithUser(
  resetPasswordSchema,
  async ({ password }, { supabase, user, log, values }) => {
    if (!isMailLinkSession(user)) return failure(RESET_LINK_NEEDED_MESSAGE, undefined, values);
    const { error } = await supabase.auth.updateUser({ password });
    if (error) {
      if (error.code === "same_password") return failure(undefined, { password: SAME_PASSWORD_MESSAGE }, values);
      if (error.code === "weak_password") return failure(undefined, { password: PASSWORD_MESSAGES.tooShort }, values);
      if (error.code === "session_not_found" || error.status === 401 || error.status === 403) {
        return failure(SIGNED_OUT_MESSAGE, undefined, values);
      }
      return unexpectedFailure(
        "updatePassword",
        { code: error.code, status: error.status, message: error.message },
        values,
      );
    }
    log.info("Password updated; signing out every session", { userId: user.id });
    await supabase.auth.signOut({ scope: "global" });
    redirect("/login?notice=password-updated");
  },
  { name: "updatePassword" },
);
