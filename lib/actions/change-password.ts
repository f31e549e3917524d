"use server";
/**
 * Changes the signed-in person's password: the current password is checked first (a session left
 * open on a shared computer is not enough), then the new one is set and every other session is
 * signed out. This session stays signed in.
 *
 * Auth itself (secure password change) refuses a new password from a session signed in more than 24
 * hours ago. The current-password check has just signed in afresh, so such a session is swapped for
 * that fresh one and the change is made from it; the browser stays signed in on the new session.
 * Not for a two-factor account: the fresh session is password-only (aal1), which Auth refuses for a
 * password change of such an account, and swapping to it would undo the person's code. They are told
 * to sign in again (password and code) instead.
 */
import { checkPassword } from "@/lib/account/verify-password";
import {
  PASSWORD_CHANGED_MESSAGE,
  SIGN_IN_AGAIN_TO_CHANGE_PASSWORD_MESSAGE,
  WRONG_PASSWORD_MESSAGE,
} from "@/lib/account/messages";
import { changePasswordSchema } from "@/lib/account/schemas";
import { PASSWORD_MESSAGES } from "@/lib/auth/password-policy";
import { SAME_PASSWORD_MESSAGE } from "@/lib/auth/messages";
import type { Session } from "@supabase/supabase-js";
import { failure, success } from "./form-state";
import { SIGNED_OUT_MESSAGE, unexpectedFailure, validatedActionWithUser } from "./safe-action";

export const changePassword = validatedActionWithUser(
  changePasswordSchema,
  async ({ currentPassword, password }, { supabase, user, log }) => {
    if (!user.email) return failure(SIGNED_OUT_MESSAGE);
    const check = await checkPassword(user.email, currentPassword);
    if (check.result === "wrong") return failure(undefined, { currentPassword: WRONG_PASSWORD_MESSAGE });
    if (check.result === "unavailable") return unexpectedFailure("changePassword", check.cause);

    let { error } = await supabase.auth.updateUser({ password });
    if (error?.code === "reauthentication_needed" && hasVerifiedFactor(check.session)) {
      return failure(SIGN_IN_AGAIN_TO_CHANGE_PASSWORD_MESSAGE);
    }
    if (error?.code === "reauthentication_needed" && check.session?.user.id === user.id) {
      const swapped = await supabase.auth.setSession(check.session);
      if (swapped.error) return unexpectedFailure("changePassword", { code: swapped.error.code });
      ({ error } = await supabase.auth.updateUser({ password }));
    }
    if (error) {
      if (error.code === "same_password") return failure(undefined, { password: SAME_PASSWORD_MESSAGE });
      if (error.code === "weak_password") return failure(undefined, { password: PASSWORD_MESSAGES.tooShort });
      if (error.status === 401 || error.status === 403) return failure(SIGNED_OUT_MESSAGE);
      return unexpectedFailure("changePassword", { code: error.code, status: error.status, message: error.message });
    }
    const others = await supabase.auth.signOut({ scope: "others" });
    if (others.error) log.warn("Could not sign out other sessions", { userId: user.id, code: others.error.code });
    log.info("Password changed", { userId: user.id });
    return success(PASSWORD_CHANGED_MESSAGE);
  },
  { name: "changePassword" },
);

function hasVerifiedFactor(session: Session | undefined): boolean {
  return (session?.user.factors ?? []).some((factor) => factor.status === "verified");
}
