"use server";
/**
 * The one-time code from a sign-in mail, typed on /login/code. The address comes from the short-lived
 * cookie the link request wrote (the page never shows or posts it in full). A wrong, expired or used
 * code and an unknown address get one answer, after the same minimum time. Failed codes count towards
 * the same per-address limit as failed passwords: a 6-digit code cannot be guessed from many IPs.
 */
import { redirect } from "next/navigation";
import {
  accountLockedMessage,
  accountLockSeconds,
  clearFailedSignIns,
  recordFailedSignIn,
} from "@/lib/auth/account-limit";
import { isRequestRateLimit, RATE_LIMITED_MESSAGE } from "@/lib/auth/auth-errors";
import { SIGN_IN_CODE_WRONG_MESSAGE } from "@/lib/auth/messages";
import { pathAfterSignIn } from "@/lib/auth/after-sign-in";
import { safeNextPath } from "@/lib/auth/next-path";
import { forgetPendingEmail, pendingEmail } from "@/lib/auth/pending-email";
import { signInCodeSchema } from "@/lib/auth/schemas";
import { SIGN_IN_FLOOR_MS, startTimingFloor } from "@/lib/auth/timing-floor";
import { failure } from "../form-state";
import { unexpectedFailure, validatedAction } from "../safe-action";

export const verifySignInCode = validatedAction(
  signInCodeSchema,
  async ({ code, next }, { supabase, log, values }) => {
    const email = await pendingEmail();
    if (!email) redirect(`/login/link?next=${encodeURIComponent(safeNextPath(next))}`);
    const floor = startTimingFloor(SIGN_IN_FLOOR_MS);
    const lockedFor = await accountLockSeconds(email);
    if (lockedFor > 0) return floor.pad(failure(accountLockedMessage(lockedFor), undefined, values));

    const { data, error } = await supabase.auth.verifyOtp({ email, token: code, type: "email" });
    if (error || !data.session) {
      if (isRequestRateLimit(error)) return floor.pad(failure(RATE_LIMITED_MESSAGE, undefined, values));
      if (!error || (error.status ?? 500) < 500) {
        const locked = await recordFailedSignIn(email);
        if (locked > 0) return floor.pad(failure(accountLockedMessage(locked), undefined, values));
        return floor.pad(failure(undefined, { code: SIGN_IN_CODE_WRONG_MESSAGE }, values));
      }
      return floor.pad(
        unexpectedFailure(
          "verifySignInCode",
          { code: error.code, status: error.status, message: error.message },
          values,
        ),
      );
    }
    await clearFailedSignIns(email);
    log.info("Signed in with a one-time code", { userId: data.user?.id });
    await forgetPendingEmail();
    redirect(pathAfterSignIn(data.user, next));
  },
  { name: "verifySignInCode" },
);
